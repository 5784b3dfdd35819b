/**
 * English for a neighbour's path (issue 12): the emergency number beside "right now", the
 * confirmation's other ways to reach the network, the status page's steps and cancelling, a
 * signed-in neighbour's requests, the network's country and emergency number, the calendar's
 * free places and subscription, and availability in words. es-neighbours.ts has the same keys.
 */
export const neighboursEn = {
  'ask.emergencyNow':
    'If someone’s health or safety is at risk right now, call {number} first. This form is not watched every minute.',
  'ask.emergencyOthers': 'Police {police}, ambulance {ambulance}, fire {fire}.',
  'ask.sentBefore':
    'This form was already sent. Here is the request it made; nothing new was filed.',
  'ask.reachNetwork': 'To reach {network}',
  'ask.callNetwork': 'Call {phone}',
  'ask.smsNetwork': 'Or send a text with the word {keyword} to {number}.',
  'ask.emergencyReminder': 'In an emergency, call {number}.',
  'ask.otherLanguageByName': 'Another language (optional)',
  'ask.otherLanguageByNameHint': 'Its name, for example Tigrinya or Dari.',
  'field.languageUnknown':
    'We do not know this language by that name. Try its English name or its code, for example ti.',
  'ask.prefilled': 'We filled in your name, contact and language from your profile.',
  'ask.myRequests': 'Your requests',
  'ask.myRequestsNone': 'You have not asked for help yet.',
  'ask.myRequestsCode': 'Code',
  'ask.myRequestsWhat': 'What',
  'ask.myRequestsSince': 'Asked',
  'ask.myRequestsStatus': 'Where it is',

  'steps.title': 'Steps',
  'steps.received': 'Received',
  'steps.looking': 'Being looked at',
  'steps.onTheWay': 'Someone is on the way',
  'steps.done': 'Done',
  'steps.cancelled': 'Cancelled by you',
  'steps.closed': 'Closed',
  'steps.doneMark': 'done',
  'steps.currentMark': 'now',
  'steps.notYet': 'not yet',
  'cancel.title': 'No longer needed?',
  'cancel.hint': 'If you found help elsewhere, tell us, so no volunteer goes out for nothing.',
  'cancel.submit': 'Cancel my request',
  'audit.action.request.cancelled_by_requester': 'Request cancelled by the person who asked',
  'cancel.done': 'Your request is cancelled. Thank you for telling us.',
  'error.requestNotCancellable':
    'This request can no longer be cancelled here. Please call the network.',

  'field.country': 'Country',
  'field.countryHint': 'Sets the default emergency number.',
  'field.countryNone': 'Not set (112 is shown)',
  'field.emergencyNumber': 'Emergency number',
  'field.emergencyNumberHint':
    'Shown to a neighbour who says “right now: health or safety at risk”. Empty: the default for the country, now {number}. A default, not a promise: check it.',
  'field.emergencyNumberInvalid': 'Please give the short number: 2 to 8 digits, such as 112.',

  'calendar.freePlaces': '{n} of {max} places free',
  'calendar.full': 'Full',
  'calendar.subscribeTitle': 'In your own calendar',
  'calendar.subscribeLink': 'Subscribe in your calendar app',
  'calendar.subscribeAddress': 'Or copy this address into your calendar app:',
  'calendar.copy': 'Copy the address',
  'calendar.copied': 'Copied.',

  'availability.none': 'not given',
  'availability.anyTime': 'any time',
  'availability.everyDay': 'every day',
  'availability.weekdays': 'weekdays',
  'availability.weekends': 'weekends',
  'availability.range': '{from} to {to}',
  'availability.group': '{days}: {parts}',
  'availability.separator': '; ',
  'availability.day.mon': 'Monday',
  'availability.day.tue': 'Tuesday',
  'availability.day.wed': 'Wednesday',
  'availability.day.thu': 'Thursday',
  'availability.day.fri': 'Friday',
  'availability.day.sat': 'Saturday',
  'availability.day.sun': 'Sunday',
  'availability.part.morning': 'mornings',
  'availability.part.afternoon': 'afternoons',
  'availability.part.evening': 'evenings',
} as const;
