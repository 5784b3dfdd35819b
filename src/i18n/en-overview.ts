/**
 * English for a coordinator's overview (issue 12: the network's start page says what needs
 * doing), the queue's count and need excerpt, and the calendar's remaining words.
 * Counts are plural pairs (`.one` / `.other`, chosen by Intl.PluralRules). es-overview.ts has
 * the same keys.
 */
export const overviewEn = {
  'queue.count.one': '{count} request',
  'queue.count.other': '{count} requests',
  'queue.need': 'Need',
  'audit.action.request.excerpts_viewed': 'Needs shown in the queue',

  'overview.title': 'What needs doing',
  'overview.requests': 'Requests',
  'overview.newUnassigned.one': '{count} new request nobody has taken',
  'overview.newUnassigned.other': '{count} new requests nobody has taken',
  'overview.urgentUnassigned.one': '{count} urgent request nobody has taken',
  'overview.urgentUnassigned.other': '{count} urgent requests nobody has taken',
  'overview.longestWaiting': 'Waiting longest: {code}, for {waited}',
  'overview.followUps.one': '{count} request with a follow-up',
  'overview.followUps.other': '{count} requests with a follow-up',
  'overview.nothingWaiting': 'No open request is waiting.',
  'overview.today': 'Today',
  'overview.distributionDay': 'Distribution day: {name}',
  'overview.checkIns.one': '{count} household checked in',
  'overview.checkIns.other': '{count} households checked in',
  'overview.noDistribution': 'No distribution day today.',
  'overview.shifts': 'Shifts in the next 7 days',
  'overview.shiftFree.one': '{count} place free',
  'overview.shiftFree.other': '{count} places free',
  'overview.shiftsWithPlaces.one': '{count} shift still needs people',
  'overview.shiftsWithPlaces.other': '{count} shifts still need people',
  'overview.noShifts': 'Every shift of the next 7 days is full, or there are none.',
  'overview.messages': 'Messages',
  'overview.undelivered.one': '{count} message could not be delivered',
  'overview.undelivered.other': '{count} messages could not be delivered',
  'overview.allDelivered': 'Every message was delivered.',
  'overview.wellbeing': 'Volunteers',
  'overview.nearCap.one': '{count} volunteer is near their weekly limit',
  'overview.nearCap.other': '{count} volunteers are near their weekly limit',
  'overview.noneNearCap': 'Nobody is near their weekly limit.',

  'calendar.fullWaitlist': 'full — waitlist',
  'calendar.availability': 'Available: {words}',
} as const;
