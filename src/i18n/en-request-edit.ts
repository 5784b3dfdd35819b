/**
 * English for editing a request and saying who has it (issue 12): the request page's owner,
 * "take it", "give to" and the edit form. Spread into `en` (en.ts); es-request-edit.ts has the
 * same keys.
 */
export const requestEditEn = {
  'requestEdit.owner': 'Coordinator',
  'requestEdit.takeIt': 'Take it',
  'requestEdit.giveTo': 'Give to',
  'requestEdit.giveSubmit': 'Give it',
  'requestEdit.link': 'Edit this request',
  'requestEdit.title': 'Edit request {code}',
  'requestEdit.intro': 'Change what was said at intake. The old values stay in the timeline.',
  'requestEdit.submit': 'Save the changes',
  'requestEdit.back': 'Back to the request',
  'requestEdit.conflict':
    'Someone changed this request while you had the form open. Check the values below and save again.',
  'requestEdit.nothing': 'Nothing was changed.',
  'requestEdit.saved': 'Changes saved.',
  'requestEdit.field.name': 'Name',
  'requestEdit.field.phone': 'Phone',
  'requestEdit.field.email': 'Email',
  'requestEdit.field.address': 'Address',
  'requestEdit.field.details': 'What they need',
  'requestEdit.field.accessibility': 'Accessibility needs',
  'requestEdit.field.category': 'Kind of help',
  'requestEdit.field.urgency': 'Urgency',
  'requestEdit.field.householdSize': 'People in the household',
  'requestEdit.field.areaId': 'Area',
  'requestEdit.field.language': 'Language',
  'notify.cancelled.title': 'Task {code} is no longer needed',
  'notify.cancelled.text':
    'The person who asked cancelled request {code}. You do not need to go; thank you.',
  'notify.cancelled.link': 'Your tasks',
  'requestEdit.notes': 'Notes between coordinators',
  'requestEdit.notesHint':
    'Only coordinators see these: never the volunteer, never the person who asked.',
  'requestEdit.noteLabel': 'Leave a note for the other coordinators',
  'requestEdit.noteSubmit': 'Add the note',
  'event.internal_note': 'Note between coordinators',
  'audit.action.request.internal_note': 'Note left between coordinators',
  'event.fields_edited': 'Edited',
  'audit.action.request.fields_edited': 'Request edited',
} as const;
