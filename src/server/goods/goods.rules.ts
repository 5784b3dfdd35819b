/** Names and limits of the goods forms, shared by the JSON schemas, forms and services. */
export const GOODS_CATEGORIES = [
  'food',
  'fresh',
  'hygiene',
  'baby',
  'clothing',
  'medical',
  'household',
  'other',
] as const;
export type GoodsCategory = (typeof GOODS_CATEGORIES)[number];

export const NAME_MAX = 80;
export const UNIT_MAX = 20;
export const REASON_MAX = 200;
export const DONOR_MAX = 120;
/** Whole units per movement: a pallet of 10,000 cans is the most a pantry moves at once. */
export const QUANTITY_MAX = 100_000;
/** A limit's period: from a day to a year. */
export const LIMIT_DAYS_MAX = 366;
/** People in one household: beyond 30 it is a shelter, recorded as a site, not a household. */
export const HOUSEHOLD_SIZE_MAX = 30;
/** Lines a paper sign-in sheet holds; a longer day is entered in two sheets. */
export const PAPER_LINES_MAX = 60;
/** Expiry alerts look this many days ahead. */
export const EXPIRY_ALERT_DAYS = 14;

export const AGE_BANDS = ['0-4', '5-13', '14-17', '18-64', '65+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const DIETARY = [
  'vegetarian',
  'vegan',
  'halal',
  'kosher',
  'gluten_free',
  'lactose_free',
  'nut_allergy',
  'diabetic',
] as const;

export const DAY_STATUSES = ['planned', 'open', 'closed'] as const;
export type DayStatus = (typeof DAY_STATUSES)[number];

export const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
export const WHOLE = '^[0-9]{1,6}$';

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Words of a name as they are indexed for search: lower case, no accents ("José" → "jose"). */
export function nameTokens(name: string): string[] {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2);
  return [...new Set(words)].slice(0, 8);
}
