import type { partnersEn } from './en-partners.ts';

/** Spanish for the partner directory (issue 15): the same keys as en-partners.ts. */
export const partnersEs: Record<keyof typeof partnersEn, string> = {
  'audit.action.partners.imported': 'Directorio de organizaciones aliadas importado',
  'audit.action.partners.service_checked': 'Servicio de una organización aliada comprobado',
  'audit.action.partners.service_not_listed':
    'Servicio de una organización aliada retirado de las listas',
  'partners.hsds.query.integer_range': '{param} debe ser un número entero de {min} a {max}.',
  'partners.hsds.query.boolean': '{param} debe ser true o false.',
  'partners.hsds.query.uuid': '{param} debe ser un UUID.',
  'partners.hsds.query.format': '{param} debe ser json o ndjson.',
  'partners.hsds.query.datetime': '{param} debe ser una fecha y hora (ISO 8601).',
};
