/**
 * When a partner service is open, from HSDS 3.0's schedule: RFC 5545 recurrence parts in
 * columns (`freq`, `interval`, `byday`, `bymonthday`, `byweekno`, `byyearday`, `dtstart`,
 * `until`, `count`, `wkst`), with `opens_at`/`closes_at` and a validity window
 * (`valid_from`/`valid_to`). Dates are the service's local days. Pure.
 *
 * The answer is three-valued: true, false, or null when the schedule cannot say (no rule,
 * or a rule this reader does not understand, such as an interval with no start to count
 * from). Suggestions only claim "open on Tuesdays" on a true.
 */
import { addDays, weekdayOf } from '../time/zoned-time.ts';
import { RRULE_WEEKDAYS, type RRuleWeekday, type Schedule } from './hsds-model.ts';
import { isCalendarDate } from './hsds-values.ts';

export type Tri = boolean | null;

interface ByDay {
  nth: number | null;
  day: number;
}

function parseByDay(text: string | null): ByDay[] | null {
  if (!text?.trim()) return [];
  const out: ByDay[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)\s*$/i.exec(part);
    if (!m) return null;
    const nth = m[1] ? Number(m[1]) : null;
    if (nth !== null && (nth === 0 || Math.abs(nth) > 5)) return null;
    out.push({ nth, day: RRULE_WEEKDAYS.indexOf(m[2]!.toUpperCase() as RRuleWeekday) });
  }
  return out;
}

function parseInts(text: string | null, max: number): number[] | null {
  if (!text?.trim()) return [];
  const out: number[] = [];
  for (const part of text.split(',')) {
    if (!/^\s*[+-]?\d+\s*$/.test(part)) return null;
    const n = Number(part);
    if (n === 0 || Math.abs(n) > max) return null;
    out.push(n);
  }
  return out;
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const dayOfYear = (date: string) =>
  (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) /
    86_400_000 +
  1;

function isoWeekNumber(date: string): { week: number; weeksInYear: number } {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 3 - weekdayOf(date));
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  const dec28 = `${year}-12-28`;
  const last = new Date(`${dec28}T00:00:00Z`);
  last.setUTCDate(last.getUTCDate() + 3 - weekdayOf(dec28));
  const weeksInYear = Math.ceil(((last.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return { week, weeksInYear };
}

interface Rule {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: number;
  byday: ByDay[];
  bymonthday: number[];
  byweekno: number[];
  byyearday: number[];
  dtstart: string | null;
  until: string | null;
  count: number | null;
  wkst: number;
}

/** The schedule's rule, or null when it has none this reader can follow. */
function ruleOf(s: Schedule): Rule | null {
  const byday = parseByDay(s.byday);
  const bymonthday = parseInts(s.bymonthday, 31);
  const byweekno = parseInts(s.byweekno, 53);
  const byyearday = parseInts(s.byyearday, 366);
  if (!byday || !bymonthday || !byweekno || !byyearday) return null;
  // Many directories give only the days (`byday: MO,WE`) and no frequency: that is weekly.
  const freq = s.freq ?? (byday.length > 0 ? 'WEEKLY' : null);
  if (!freq) return null;
  const interval = s.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1) return null;
  const dtstart = s.dtstart && isCalendarDate(s.dtstart) ? s.dtstart : null;
  // Every other week needs a first week to count from.
  if (interval > 1 && !dtstart) return null;
  if (s.count !== null && (!dtstart || !Number.isInteger(s.count) || s.count < 1)) return null;
  if (freq === 'WEEKLY' && byday.some((d) => d.nth !== null)) return null;
  if (freq === 'WEEKLY' && byday.length === 0 && !dtstart) return null;
  if (freq === 'MONTHLY' && byday.length === 0 && bymonthday.length === 0 && !dtstart) return null;
  return {
    freq,
    interval,
    byday,
    bymonthday,
    byweekno,
    byyearday,
    dtstart,
    until: s.until && isCalendarDate(s.until) ? s.until : null,
    count: s.count,
    wkst: RRULE_WEEKDAYS.indexOf(s.wkst ?? 'MO'),
  };
}

/** Whether the rule's pattern (ignoring start, end and count) falls on `date`. */
function patternOn(r: Rule, date: string): boolean {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const wd = weekdayOf(date);
  if (r.byweekno.length) {
    const { week, weeksInYear } = isoWeekNumber(date);
    if (!r.byweekno.some((n) => (n > 0 ? n : weeksInYear + 1 + n) === week)) return false;
  }
  if (r.byyearday.length) {
    const total = dayOfYear(`${y}-12-31`);
    if (!r.byyearday.some((n) => (n > 0 ? n : total + 1 + n) === dayOfYear(date))) return false;
  }
  if (r.bymonthday.length) {
    const dim = daysInMonth(y, m);
    if (!r.bymonthday.some((n) => (n > 0 ? n : dim + 1 + n) === d)) return false;
  }
  if (r.freq === 'WEEKLY') {
    const days = r.byday.length ? r.byday.map((b) => b.day) : [weekdayOf(r.dtstart!)];
    if (!days.includes(wd)) return false;
    if (r.interval > 1) {
      const weekStart = (x: string) => addDays(x, -((weekdayOf(x) - r.wkst + 7) % 7));
      const weeks = Math.round(
        (Date.parse(weekStart(date)) - Date.parse(weekStart(r.dtstart!))) / (7 * 86_400_000),
      );
      if (weeks % r.interval !== 0) return false;
    }
    return true;
  }
  if (r.interval > 1) {
    const months = (y - Number(r.dtstart!.slice(0, 4))) * 12 + (m - Number(r.dtstart!.slice(5, 7)));
    if (months % r.interval !== 0) return false;
  }
  if (r.byday.length) {
    const dim = daysInMonth(y, m);
    const nthFromStart = Math.floor((d - 1) / 7) + 1;
    const nthFromEnd = -(Math.floor((dim - d) / 7) + 1);
    const hit = r.byday.some(
      (b) => b.day === wd && (b.nth === null || b.nth === nthFromStart || b.nth === nthFromEnd),
    );
    if (!hit) return false;
  } else if (!r.bymonthday.length) {
    return d === Number(r.dtstart!.slice(8, 10));
  }
  return true;
}

/** Ten years of days: beyond that a COUNT is not walked (none in practice runs so long). */
const MAX_COUNT_WALK = 3660;

export function opensOn(s: Schedule, date: string): Tri {
  if (s.valid_from && isCalendarDate(s.valid_from) && date < s.valid_from) return false;
  if (s.valid_to && isCalendarDate(s.valid_to) && date > s.valid_to) return false;
  const r = ruleOf(s);
  if (!r) return null;
  if (r.dtstart && date < r.dtstart) return false;
  if (r.until && date > r.until) return false;
  if (!patternOn(r, date)) return false;
  if (r.count !== null) {
    let n = 0;
    for (let x = r.dtstart!, i = 0; x <= date; x = addDays(x, 1), i++) {
      if (i > MAX_COUNT_WALK) return null;
      if (patternOn(r, x)) n++;
      if (n > r.count) return false;
    }
  }
  return true;
}

export interface Opening {
  date: string;
  scheduleId: string;
  opensAt: string | null;
  closesAt: string | null;
}

/** The openings of these schedules from `from` to `to` (inclusive), by date then time. */
export function openingsBetween(
  schedules: readonly Schedule[],
  from: string,
  to: string,
  max = 60,
): Opening[] {
  const out: Opening[] = [];
  for (let date = from; date <= to && out.length < max; date = addDays(date, 1))
    for (const s of schedules)
      if (opensOn(s, date) === true)
        out.push({
          date,
          scheduleId: s.id,
          opensAt: hhmm(s.opens_at),
          closesAt: hhmm(s.closes_at),
        });
  return out
    .sort(
      (a, b) => a.date.localeCompare(b.date) || (a.opensAt ?? '').localeCompare(b.opensAt ?? ''),
    )
    .slice(0, max);
}

function hhmm(t: string | null): string | null {
  return t ? t.slice(0, 5) : null;
}

/** The weekdays a weekly schedule opens on (for "open on Tuesdays"), or null if not weekly. */
export function weeklyDays(s: Schedule): RRuleWeekday[] | null {
  const r = ruleOf(s);
  if (
    r?.freq !== 'WEEKLY' ||
    r.interval !== 1 ||
    r.byweekno.length ||
    r.byyearday.length ||
    r.bymonthday.length
  )
    return null;
  const days = r.byday.length ? r.byday.map((b) => b.day) : [weekdayOf(r.dtstart!)];
  return [...new Set(days)].sort((a, b) => a - b).map((d) => RRULE_WEEKDAYS[d]!);
}

/** A schedule in words, as a message key and params (the catalogue words the days). */
export function describeSchedule(s: Schedule): { key: string; params: Record<string, string> } {
  const times = { opens: hhmm(s.opens_at) ?? '', closes: hhmm(s.closes_at) ?? '' };
  const days = weeklyDays(s);
  if (days) return { key: 'partners.schedule.weekly', params: { days: days.join(','), ...times } };
  const r = ruleOf(s);
  if (r?.freq === 'MONTHLY' && r.byday.length && !r.bymonthday.length && r.interval === 1)
    return {
      key: 'partners.schedule.monthly_by_day',
      params: {
        days: r.byday.map((b) => `${b.nth ?? ''}${RRULE_WEEKDAYS[b.day]}`).join(','),
        ...times,
      },
    };
  return {
    key: 'partners.schedule.as_described',
    params: { description: s.description ?? '', ...times },
  };
}
