/**
 * The values an XLSForm expression works with, and the XPath 1.0 conversions between them.
 *
 * XPath has strings, numbers and booleans (node-sets are only ever a question's value here,
 * so a reference yields that value directly). ODK adds dates: a date is a number of days
 * since 1970-01-01, shown as YYYY-MM-DD. An unanswered question is the empty string, as an
 * empty node is in XForms: it is false as a boolean, NaN as a number, so `${age} > 18` is
 * false and `${age} = ''` is true while it is empty.
 */
export class DateValue {
  /** Days since 1970-01-01 (UTC); NaN for "not a date". */
  constructor(readonly days: number) {}
}

export type Value = string | number | boolean | DateValue;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a calendar date "YYYY-MM-DD", or NaN when it is not one. */
export function isoToDays(iso: string): number {
  const m = ISO_DATE.exec(iso);
  if (!m) return Number.NaN;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2023-02-30 over to March; a real calendar date survives the trip back.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return Number.NaN;
  }
  return ms / MS_PER_DAY;
}

/** "YYYY-MM-DD" of a day number, or '' for NaN and days outside years 0000-9999. */
export function daysToIso(days: number): string {
  if (!Number.isFinite(days)) return '';
  const d = new Date(Math.floor(days) * MS_PER_DAY);
  const y = d.getUTCFullYear();
  if (y < 0 || y > 9999) return '';
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(y, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  return !Number.isNaN(isoToDays(s));
}

/** XPath number(): a decimal numeral (no exponent, no thousands separators), else NaN. */
const XPATH_NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof DateValue) return v.days;
  if (XPATH_NUMBER.test(v)) return Number(v);
  // ODK reads a date written as text as its day number, so `. <= '2024-12-31'` works.
  return isoToDays(v.trim());
}

export function toBoolean(v: Value): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  if (v instanceof DateValue) return !Number.isNaN(v.days);
  return v.length > 0;
}

/** XPath string(): integers without a decimal point, NaN and infinities by name. */
export function toStringValue(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof DateValue) return daysToIso(v.days);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(v, -0)) return '0';
  return String(v);
}

export function toDate(v: Value): DateValue {
  if (v instanceof DateValue) return v;
  if (typeof v === 'number') return new DateValue(v);
  if (typeof v === 'boolean') return new DateValue(Number.NaN);
  const s = v.trim();
  if (isIsoDate(s)) return new DateValue(isoToDays(s));
  // A date-time keeps its date part ("2024-05-01T10:00:00Z" is 2024-05-01).
  const head = s.slice(0, 10);
  if (s.length > 10 && s[10] === 'T' && isIsoDate(head)) return new DateValue(isoToDays(head));
  return new DateValue(Number.NaN);
}

/**
 * XPath `=` and `!=` on two single values: booleans win, then numbers, then dates (both
 * read as days), then strings. NaN equals nothing, so an empty answer is not equal to 0.
 */
export function valuesEqual(a: Value, b: Value): boolean {
  if (typeof a === 'boolean' || typeof b === 'boolean') return toBoolean(a) === toBoolean(b);
  if (typeof a === 'number' || typeof b === 'number') return toNumber(a) === toNumber(b);
  if (a instanceof DateValue || b instanceof DateValue) {
    const x = toDate(a).days;
    const y = toDate(b).days;
    return x === y;
  }
  return a === b;
}
