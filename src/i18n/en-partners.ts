/** English for the partner directory (issue 15). es-partners.ts has the same keys. */
export const partnersEn = {
  'audit.action.partners.imported': 'Partner directory imported',
  'audit.action.partners.service_checked': 'Partner service checked',
  'audit.action.partners.service_not_listed': 'Partner service taken off the lists',
} as const;
