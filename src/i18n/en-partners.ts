/** English for the partner directory (issue 15). es-partners.ts has the same keys. */
export const partnersEn = {
  'audit.action.partners.imported': 'Partner directory imported',
  'audit.action.partners.service_checked': 'Partner service checked',
  'audit.action.partners.service_not_listed': 'Partner service taken off the lists',
  'partners.hsds.query.integer_range': '{param} must be a whole number from {min} to {max}.',
  'partners.hsds.query.boolean': '{param} must be true or false.',
  'partners.hsds.query.uuid': '{param} must be a UUID.',
  'partners.hsds.query.format': '{param} must be json or ndjson.',
  'partners.hsds.query.datetime': '{param} must be a date and time (ISO 8601).',
} as const;
