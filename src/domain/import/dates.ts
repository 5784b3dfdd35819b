/**
 * Dates as spreadsheets write them. The coordinator declares the order of day and month of
 * the file (a Google Form exported in the US writes 3/14/2024 10:22:31, one in Spain
 * 14/3/2024 10:22:31); a date that contradicts the declared order (a "14" where the month
 * should be) is a problem at its cell, never silently swapped. Also read: ISO dates and
 * timestamps, month names in English and Spanish ("14 March 2024", "Mar 14, 2024",
 * "14 de marzo de 2024"), two-digit years (as Excel does: 00-29 are 2000s, 30-99 1900s),
 * times with AM/PM ("p. m." too), and Excel's day numbers (45365) that a CSV may hold. Pure.
 */
import { fold } from '../text/fold.ts';
import { zonedToUtc } from '../time/zoned-time.ts';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface ParsedDate {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM:SS, or null for a date alone. */
  time: string | null;
  /** Minutes east of UTC when the text said (ISO "Z" or "+02:00"); else local to the network. */
  offset: number | null;
}

export type DateProblem =
  | { key: 'import.problem.date'; params: { value: string } }
  | { key: 'import.problem.dateOrder'; params: { value: string; order: DateOrder } }
  | { key: 'import.problem.dateRange'; params: { value: string } };

const DAY_MS = 86_400_000;
/**
 * Day 0 of Excel's 1900 date system is 1899-12-30: right for every date from 1900-03-01 on
 * (Excel counts a 1900-02-29 that never was, so its first two months are a day off).
 */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/** An Excel date serial as local ISO text, in the workbook's own date system. */
export function serialToIso(serial: number, date1904 = false): string {
  const ms = Math.round(serial * DAY_MS) + (date1904 ? EPOCH_1904 : EPOCH_1900);
  const iso = new Date(ms).toISOString();
  const hasTime = Math.abs(serial - Math.floor(serial)) * DAY_MS >= 1000;
  return hasTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

const MONTHS: Record<string, number> = {};
[
  'january|enero',
  'february|febrero',
  'march|marzo',
  'april|abril',
  'may|mayo',
  'june|junio',
  'july|julio',
  'august|agosto',
  'september|septiembre|setiembre',
  'october|octubre',
  'november|noviembre',
  'december|diciembre',
].forEach((names, i) => {
  for (const name of names.split('|')) {
    MONTHS[name] = i + 1;
    MONTHS[name.slice(0, 3)] = i + 1;
  }
});
MONTHS.sept = 9;
MONTHS.sep = 9;
MONTHS.set = 9;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length > 2) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** "10:22", "10:22:31", "3:05 PM", "3:05 p. m." → HH:MM:SS, or undefined when not a time. */
function parseTime(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([ap])?\.?\s*(?:m\.?)?$/i.exec(t);
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const s = Number(m[3] ?? 0);
  const half = m[4]?.toLowerCase();
  if (half) {
    if (h < 1 || h > 12) return undefined;
    if (half === 'p' && h < 12) h += 12;
    if (half === 'a' && h === 12) h = 0;
  }
  if (h > 23 || min > 59 || s > 59) return undefined;
  return `${pad(h)}:${pad(min)}:${pad(s)}`;
}

function result(
  value: string,
  y: number,
  m: number,
  d: number,
  timeText: string,
  offset: number | null = null,
): { ok: true; value: ParsedDate } | { ok: false; problem: DateProblem } {
  if (!validDate(y, m, d))
    return { ok: false, problem: { key: 'import.problem.date', params: { value } } };
  // 1900-2100: a birth date of the oldest neighbour to a review date of a decade's plan.
  if (y < 1900 || y > 2100)
    return { ok: false, problem: { key: 'import.problem.dateRange', params: { value } } };
  const time = parseTime(timeText);
  if (time === undefined)
    return { ok: false, problem: { key: 'import.problem.date', params: { value } } };
  return { ok: true, value: { date: `${y}-${pad(m)}-${pad(d)}`, time, offset } };
}

/** A date (and maybe a time) as written in a cell, read in the declared order. */
export function parseDate(
  raw: string,
  order: DateOrder,
): { ok: true; value: ParsedDate } | { ok: false; problem: DateProblem } {
  const value = raw.trim();
  const bad = {
    ok: false as const,
    problem: { key: 'import.problem.date' as const, params: { value } },
  };
  if (value === '') return bad;

  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value,
    );
  if (iso) {
    let offset: number | null = null;
    const z = iso[5];
    if (z) {
      if (z.toUpperCase() === 'Z') offset = 0;
      else {
        const digits = z.replace(':', '');
        offset =
          (digits[0] === '-' ? -1 : 1) *
          (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
      }
    }
    return result(value, Number(iso[1]), Number(iso[2]), Number(iso[3]), iso[4] ?? '', offset);
  }

  const numeric = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[\sT,]+(.+))?$/.exec(value);
  if (numeric) {
    const [, a = '', b = '', c = '', time = ''] = numeric;
    if (a.length === 4) return result(value, Number(a), Number(b), Number(c), time);
    if (c.length === 3 || a.length === 3) return bad;
    const first = Number(a);
    const second = Number(b);
    if (order === 'ymd') return bad;
    const [day, month] = order === 'dmy' ? [first, second] : [second, first];
    if (month > 12 && day <= 12)
      return { ok: false, problem: { key: 'import.problem.dateOrder', params: { value, order } } };
    return result(value, fullYear(c), month, day, time);
  }

  const words = fold(value)
    .replace(/,/g, ' ')
    .replace(/\bde(l)?\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "14 march 2024", "14-mar-2024", "march 14 2024", optionally followed by a time.
  const dm = /^(\d{1,2})[\s-]([a-z]{3,10})\.?[\s-](\d{2,4})(?:\s+(.+))?$/.exec(words);
  const md = /^([a-z]{3,10})\.?\s(\d{1,2})(?:st|nd|rd|th)?\s(\d{2,4})(?:\s+(.+))?$/.exec(words);
  if (dm && MONTHS[dm[2]!] !== undefined)
    return result(value, fullYear(dm[3]!), MONTHS[dm[2]!]!, Number(dm[1]), dm[4] ?? '');
  if (md && MONTHS[md[1]!] !== undefined)
    return result(value, fullYear(md[3]!), MONTHS[md[1]!]!, Number(md[2]), md[4] ?? '');

  // An Excel day number, as a CSV saved from a date column without its format holds:
  // 20000-80000 is 1954-2119, where no phone number or count of people falls.
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const serial = Number(value);
    if (serial >= 20000 && serial <= 80000) {
      const iso2 = serialToIso(serial);
      return parseDate(iso2, 'ymd');
    }
  }
  return bad;
}

/**
 * The instant of a parsed date-time, as ISO UTC: its own offset when it had one, else the
 * wall-clock time in the network's zone. A date alone is taken at noon, so that no time
 * zone moves it to another day.
 */
export function instantOf(p: ParsedDate, timeZone: string): string {
  const time = p.time ?? '12:00:00';
  if (p.offset !== null) {
    const naive = Date.parse(`${p.date}T${time}Z`);
    return new Date(naive - p.offset * 60_000).toISOString();
  }
  const seconds = Number(time.slice(6, 8));
  return new Date(
    zonedToUtc(p.date, time.slice(0, 5), timeZone).getTime() + seconds * 1000,
  ).toISOString();
}
