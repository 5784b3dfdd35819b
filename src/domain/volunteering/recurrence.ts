/**
 * Recurring events: a small expander written here for the subset people ask for, rather
 * than the `rrule` package (ADR 0010). Supported, as RFC 5545 RRULEs:
 *   FREQ=WEEKLY[;INTERVAL=n];BYDAY=SA[,MO…]      every (n-th) week on those days
 *   FREQ=MONTHLY;BYDAY=1MO  (or 2..4, or -1 for the last)   the nth weekday of the month
 * Occurrences are local dates; the time of day is the series' own, in its time zone, so a
 * 09:00 distribution stays at 09:00 across daylight-saving changes. Pure.
 */
import { addDays, mondayOf, weekdayOf } from '../time/zoned-time.ts';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type Recurrence =
  | { freq: 'weekly'; interval: number; days: Weekday[] }
  | { freq: 'monthly'; nth: 1 | 2 | 3 | 4 | -1; day: Weekday };

/** At most this many occurrences are made ahead: a year of weekly events. */
export const MAX_OCCURRENCES = 60;

export function toRRule(r: Recurrence): string {
  if (r.freq === 'weekly') {
    const interval = r.interval > 1 ? `;INTERVAL=${r.interval}` : '';
    const days = [...r.days].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
    return `FREQ=WEEKLY${interval};BYDAY=${days.join(',')}`;
  }
  return `FREQ=MONTHLY;BYDAY=${r.nth}${r.day}`;
}

/** The subset above, or null for anything else. */
export function parseRRule(text: string): Recurrence | null {
  const parts = Object.fromEntries(
    text.split(';').map((p) => p.split('=') as [string, string | undefined]),
  );
  const keys = Object.keys(parts);
  if (parts.FREQ === 'WEEKLY' && keys.every((k) => ['FREQ', 'INTERVAL', 'BYDAY'].includes(k))) {
    const interval = parts.INTERVAL ? Number(parts.INTERVAL) : 1;
    const days = (parts.BYDAY ?? '').split(',');
    if (!(Number.isInteger(interval) && interval >= 1 && interval <= 4)) return null;
    if (days.length === 0 || !days.every((d) => (WEEKDAYS as readonly string[]).includes(d)))
      return null;
    return { freq: 'weekly', interval, days: days as Weekday[] };
  }
  if (parts.FREQ === 'MONTHLY' && keys.every((k) => ['FREQ', 'BYDAY'].includes(k))) {
    const m = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(parts.BYDAY ?? '');
    if (!m) return null;
    return { freq: 'monthly', nth: Number(m[1]) as 1 | 2 | 3 | 4 | -1, day: m[2] as Weekday };
  }
  return null;
}

/** The nth weekday of a month (`nth` -1 is the last), as YYYY-MM-DD. */
export function nthWeekday(year: number, month: number, nth: number, day: Weekday): string {
  const target = WEEKDAYS.indexOf(day);
  if (nth > 0) {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const shift = (target - weekdayOf(first) + 7) % 7;
    return addDays(first, shift + (nth - 1) * 7);
  }
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return addDays(last, -((weekdayOf(last) - target + 7) % 7));
}

/**
 * The local dates of a series from `from` (inclusive; the first occurrence on or after it)
 * to `until` (inclusive), at most `max` of those on or after `notBefore` (default `from`).
 * Weekly intervals count from the week of `from`, so a series made long ago passes its own
 * first date as `from` and today as `notBefore`: the cap counts what is made ahead, never the
 * occurrences already behind (an open-ended series goes on past its 60th).
 */
export function occurrences(
  rule: Recurrence,
  from: string,
  until: string,
  max = MAX_OCCURRENCES,
  notBefore = from,
): string[] {
  const out: string[] = [];
  const first = notBefore > from ? notBefore : from;
  if (rule.freq === 'weekly') {
    const days = rule.days.map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
    for (let week = mondayOf(from); week <= until && out.length < max; ) {
      for (const d of days) {
        const date = addDays(week, d);
        if (date >= first && date <= until && out.length < max) out.push(date);
      }
      week = addDays(week, 7 * rule.interval);
    }
    return out;
  }
  let year = Number(first.slice(0, 4));
  let month = Number(first.slice(5, 7));
  while (out.length < max && `${year}-${String(month).padStart(2, '0')}` <= until.slice(0, 7)) {
    const date = nthWeekday(year, month, rule.nth, rule.day);
    if (date > until) break;
    if (date >= first) out.push(date);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return out;
}
