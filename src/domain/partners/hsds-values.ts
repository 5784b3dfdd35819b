/**
 * Reading one HSDS value, from JSON (typed) or from a CSV cell (text), into the model's form.
 * The formats that the official schemas check (uuid, email, uri, date-time) are checked with
 * ajv-formats' own rules, so a value this accepts is a value the export validates with.
 */
import { createHash } from 'node:crypto';
import formats from 'ajv-formats/dist/formats.js';
import type { FieldKind } from './hsds-fields.ts';

type Check = RegExp | ((s: string) => boolean) | { validate: RegExp | ((s: string) => boolean) };
const FULL = formats.fullFormats as unknown as Record<string, Check>;

function passes(format: 'uuid' | 'email' | 'uri' | 'date-time', s: string): boolean {
  const c = FULL[format]!;
  const v = c instanceof RegExp || typeof c === 'function' ? c : c.validate;
  return v instanceof RegExp ? v.test(s) : v(s);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;

export function isUuid(s: string): boolean {
  return UUID.test(s);
}

/** A real calendar day as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/**
 * HSDS 3.0 requires uuids; many directories use their own ids ("ORG-12"). Such an id becomes
 * a name-based uuid (RFC 9562 version 5 layout, SHA-1 of a fixed prefix and the id), the
 * same every time, so references to it still meet, and a second import of the same file
 * lands on the same records.
 */
export function uuidFromKey(key: string): string {
  const b = createHash('sha1').update(`mutua:hsds-id:${key}`).digest().subarray(0, 16);
  b[6] = (b[6]! & 0x0f) | 0x50;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The expected-type names used in problem params (translated as `partners.hsds.type.<name>`). */
export type Expected =
  | 'uuid'
  | 'text'
  | 'number'
  | 'one_of'
  | 'email'
  | 'uri'
  | 'date'
  | 'datetime'
  | 'time';

export type ValueResult =
  | { ok: true; value: string | number | null; note?: 'coerced' | 'id_replaced' }
  | { ok: false; expected: Expected };

/** Empty (absent) in either form: a missing key, null, or an empty CSV cell. */
export function isAbsent(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
}

function asText(raw: unknown): { text: string; coerced: boolean } | null {
  if (typeof raw === 'string') return { text: raw, coerced: false };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { text: String(raw), coerced: true };
  if (typeof raw === 'boolean') return { text: String(raw), coerced: true };
  return null;
}

/**
 * One value. `fromCsv` says the raw value is a cell's text, where a number is written as
 * text; from JSON, a number given as text is taken but noted (`coerced`).
 */
export function readValue(kind: FieldKind, raw: unknown, fromCsv: boolean): ValueResult {
  if (isAbsent(raw)) return { ok: true, value: null };
  const t = asText(raw);
  switch (kind.type) {
    case 'id':
    case 'ref':
    case 'link': {
      if (!t) return { ok: false, expected: 'uuid' };
      const s = t.text
        .trim()
        .toLowerCase()
        .replace(/^urn:uuid:/, '');
      if (isUuid(s)) return { ok: true, value: s };
      return { ok: true, value: uuidFromKey(t.text.trim()), note: 'id_replaced' };
    }
    case 'string':
      if (!t) return { ok: false, expected: 'text' };
      return t.coerced ? { ok: true, value: t.text, note: 'coerced' } : { ok: true, value: t.text };
    case 'number': {
      if (typeof raw === 'number') return Number.isFinite(raw) ? { ok: true, value: raw } : bad();
      if (typeof raw !== 'string' || !/^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(raw))
        return bad();
      const n = Number(raw);
      return fromCsv ? { ok: true, value: n } : { ok: true, value: n, note: 'coerced' };
    }
    case 'enum': {
      if (!t) return { ok: false, expected: 'one_of' };
      if (kind.values.includes(t.text)) return { ok: true, value: t.text };
      const folded = t.text.trim().toLowerCase();
      const match = kind.values.find((v) => v.toLowerCase() === folded);
      return match
        ? { ok: true, value: match, note: 'coerced' }
        : { ok: false, expected: 'one_of' };
    }
    case 'email': {
      const s = t?.text.trim();
      return s && passes('email', s) ? { ok: true, value: s } : { ok: false, expected: 'email' };
    }
    case 'uri': {
      const s = t?.text.trim();
      return s && passes('uri', s) ? { ok: true, value: s } : { ok: false, expected: 'uri' };
    }
    case 'date': {
      const s = t?.text.trim() ?? '';
      if (isCalendarDate(s)) return { ok: true, value: s };
      // A timestamp where a day is asked for: its day is kept, and the import says so.
      if (passes('date-time', s) && isCalendarDate(s.slice(0, 10)))
        return { ok: true, value: s.slice(0, 10), note: 'coerced' };
      return { ok: false, expected: 'date' };
    }
    case 'datetime': {
      const s = t?.text.trim() ?? '';
      if (passes('date-time', s)) return { ok: true, value: s };
      if (isCalendarDate(s)) return { ok: true, value: `${s}T00:00:00Z`, note: 'coerced' };
      // A timestamp without a zone (common in spreadsheet exports) is taken as UTC, and noted.
      const naive = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/.exec(s);
      if (naive && isCalendarDate(naive[1]!)) {
        const value = `${naive[1]}T${naive[2]!.length === 5 ? `${naive[2]}:00` : naive[2]}Z`;
        if (passes('date-time', value)) return { ok: true, value, note: 'coerced' };
      }
      return { ok: false, expected: 'datetime' };
    }
    case 'time': {
      const s = t?.text.trim() ?? '';
      return TIME.test(s) ? { ok: true, value: s } : { ok: false, expected: 'time' };
    }
  }
}

function bad(): ValueResult {
  return { ok: false, expected: 'number' };
}

/** How a value is written into a CSV cell (null is an empty cell). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}
