/**
 * English for communication (M6): emails and texts, notifications, SMS conversations,
 * the outbox, announcements and the community board. Spread into `en` (en.ts);
 * es-comm.ts has the same keys.
 */
export const commEn = {
  'mail.footer':
    'You get this from Mutua because of your part in a mutual aid network. Choose how and when we reach you: {link}',
  'field.timeZone': 'Time zone',
  'field.timeZoneHint': 'For quiet hours, reminders and event times, such as America/Los_Angeles.',
  'field.timeZoneInvalid': 'Enter a time zone name such as America/Los_Angeles or Europe/Madrid.',
  'field.smsNumber': 'SMS number of this network',
  'field.smsNumberHint':
    'Only if the network has its own number at the SMS gateway; otherwise the shared one is used.',
  'audit.action.sms.opted_out': 'A number stopped texts (STOP)',
  'audit.action.outbox.retried': 'Failed message sent again',
  'audit.action.announcement.sent': 'Announcement sent',

  'sms.need':
    '{network}: what do you need? Reply with a number: {options}. We keep your answers only to arrange help. Text STOP to stop.',
  'sms.notUnderstood': 'Sorry, we did not understand.',
  'sms.where': 'Where are you? Reply with your area ({areas}) or the nearest cross-streets.',
  'sms.whereStreets': 'Where are you? Reply with the nearest cross-streets.',
  'sms.created':
    'Thank you. Your request is {code}. A neighbour will be in touch. Text STATUS {code} to follow it.',
  'sms.failed': 'Sorry, something went wrong. Please try again, or call us.',
  'sms.status': 'Request {code}: {status}.',
  'sms.status.new': 'received, waiting for a volunteer',
  'sms.status.triaged': 'reviewed, we are looking for a volunteer',
  'sms.status.assigned': 'a volunteer is going to help',
  'sms.status.in_progress': 'a volunteer is on the way',
  'sms.status.fulfilled': 'done',
  'sms.status.closed': 'closed',
  'sms.unknownCode': 'We could not find {code}. Check the code and try again.',
  'sms.unknownCodeAny': 'We could not find a request with that code. Check the code and try again.',
  'sms.tooManyLookups':
    'Too many codes tried from this phone. Please wait {minutes} minutes, or call us.',
  'sms.joinConfirm': 'To finish joining {network}, open within 24 hours: {link}',
  'sms.joinAttempt':
    'Someone tried to join {network} with this number. You already have an account: sign in to join, {link}. Not you? Ignore this.',
  'sms.unknown': 'Text HELP to ask for help, or STATUS and your code to follow a request.',
  'sms.start': 'You will get texts from {network} again. Text HELP to ask for help.',
  'sms.noNetwork': 'This number is not linked to a network yet.',
  'sms.pickNetwork': 'Which network? Text {keyword} and one of: {names}',
  'sms.notVolunteer':
    'This number is not a volunteer of {network}. Add it to your account to take tasks by text.',
  'sms.taken': 'Task {code} was taken by someone else a moment ago. Thank you for offering!',
  'sms.claimed': 'Thank you! Task {code} is yours: {category} {area}. Details: {link}',
  'sms.doneHours':
    'How many hours did task {code} take? Reply {keyword} {code} and the hours, e.g. {keyword} {code} 1.5',
  'sms.doneThanks': 'Thank you! Task {code} is recorded as done, {hours} h.',
  'sms.doneAlready': 'Task {code} was already recorded as done. Thank you!',
  'sms.doneNotYours': 'Task {code} is not yours, so it cannot be marked done from this phone.',

  'notify.open': 'Open in Mutua',
  'notify.received.title': '{network} received your request',
  'notify.received.text':
    'Thank you for asking. Your request code is {code}. A neighbour will be in touch; you can follow it at the link below.',
  'notify.received.link': 'See where it stands',
  'notify.onTheWay.title': 'A volunteer is on the way',
  'notify.onTheWay.text': '{name} is on the way for your request {code}.',
  'notify.urgent.title': 'Request {code}: {urgency}',
  'notify.urgent.text': '{category} in {area}. It needs someone soon.',
  'notify.reminder.title': 'Task {code} is waiting for you',
  'notify.reminder.text':
    'You took this task ({category}) a day ago. Start it when you go, or give it back so someone else can help.',
  'notify.offered.title': 'A task near you',
  'notify.offered.text': '{category} in {area}. Reply YES {code} to take it.',

  'nav.notifications': 'Notifications',
  'notifications.title': 'Notifications',
  'notifications.none':
    'Nothing yet. Messages about your requests, tasks and your networks will show here.',
  'notifications.new': 'New',
  'notifications.markRead': 'Mark all as read',
  'notifications.prefsLink': 'Choose how and when we reach you',
  'notifications.prefsTitle': 'How we reach you',
  'notifications.prefsIntro':
    'Everything also shows in your notifications here. Choose where else it goes, and the hours to keep quiet.',
  'notifications.channels': 'Send me messages',
  'notifications.byEmail': 'By email, to {email}',
  'notifications.byEmailNone': 'By email (add an email address to your account first)',
  'notifications.bySms': 'By text message, to {phone}',
  'notifications.bySmsNone': 'By text message (add a phone number to your account first)',
  'notifications.quiet': 'Quiet hours',
  'notifications.quietHint':
    'Nothing arrives between these times (24-hour clock, such as 22:00 and 07:00), except an emergency. Leave both empty for no quiet hours.',
  'notifications.quietFrom': 'From',
  'notifications.quietTo': 'Until',
  'notifications.clockInvalid': 'Enter a time such as 22:00.',
  'notifications.quietBoth': 'Enter both times, or leave both empty.',

  'nav.messages': 'Messages',
  'messages.title': 'Messages sent by the network',
  'messages.intro':
    'Every email and text goes out from here, tried again when it fails. What could not be delivered is listed below, so you can reach the person another way or send it again. Addresses and texts stay sealed.',
  'messages.status.sent': 'Sent',
  'messages.status.pending': 'Waiting',
  'messages.status.sending': 'Sending',
  'messages.status.failed': 'Failed',
  'messages.status.cancelled': 'Cancelled (STOP)',
  'messages.undelivered': 'Not delivered yet',
  'messages.allDelivered': 'Everything has been delivered.',
  'messages.col.what': 'Message',
  'messages.col.to': 'For',
  'messages.col.status': 'Status',
  'messages.col.why': 'Why',
  'messages.col.action': 'Action',
  'messages.channel.email': 'Email',
  'messages.channel.sms': 'Text',
  'messages.toRequester': 'A requester',
  'messages.nextTry': 'Next try:',
  'messages.attempts': 'Tries: {count}',
  'messages.retry': 'Send again',

  'audit.action.request.offered': 'Task offered by text',
  'match.offerByText': 'Offer to {name} by text',
  'match.offered': 'The offer is on its way by text. The first to reply YES gets the task.',
  'match.offerNoPhone':
    'This volunteer has no phone number, so the task cannot be offered by text.',
  'match.offerStopped': 'This volunteer has stopped texts (STOP), so nothing was sent.',
  'event.offered': 'Offered by text',
} as const;
