/**
 * The VTIMEZONE of a feed (RFC 5545 §3.6.5), made from the zone's real offset changes as
 * Intl knows them, so that it holds for as long as a series runs, open-ended ones included:
 * the changes of the year before the feed's first event are written one by one, and from the
 * first year whose changes follow a yearly rule ("second Sunday of March at 02:00") that rule
 * is written as an RRULE, once it has been checked against Intl for RULE_CHECK_YEARS years.
 * Pure (Intl is part of the language, not I/O).
 */

import { addDays, offsetMinutes, weekdayOf } from '../time/zoned-time.ts';
import { nthWeekday, WEEKDAYS } from './recurrence.ts';

const DAY_MS = 86_400_000;
/** A yearly rule must reproduce Intl's changes for this many years to be written as an RRULE. */
export const RULE_CHECK_YEARS = 30;
/** How many years from the feed's start a rule is looked for before every change is listed. */
export const RULE_SEARCH_YEARS = 50;

export interface Transition {
  /** The instant of the change (ms), to the minute. */
  at: number;
  /** Offsets from UTC before and after, in minutes. */
  from: number;
  to: number;
}

/** Every change of the zone's offset between two instants, to the minute. */
export function transitions(tz: string, fromMs: number, toMs: number): Transition[] {
  const out: Transition[] = [];
  let prev = offsetMinutes(new Date(fromMs), tz);
  for (let t = fromMs + DAY_MS; t <= toMs; t += DAY_MS) {
    const cur = offsetMinutes(new Date(t), tz);
    if (cur === prev) continue;
    let lo = t - DAY_MS;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offsetMinutes(new Date(mid), tz) === prev) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi - (hi % 60_000), from: prev, to: cur });
    prev = cur;
  }
  return out;
}

const byYear = new Map<string, Transition[]>();

/** The changes whose instant falls in the UTC calendar year `year` (memoised: zones are fixed). */
function transitionsIn(tz: string, year: number): Transition[] {
  const key = `${tz}\u0000${year}`;
  let found = byYear.get(key);
  if (!found) {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    found = transitions(tz, start - DAY_MS, end).filter((c) => c.at >= start && c.at < end);
    byYear.set(key, found);
  }
  return found;
}

/** When a change happens each year: a weekday of a month, at a local time (in the old offset). */
interface YearlyRule {
  month: number; // 1..12
  weekday: number; // 0 = Monday … 6 = Sunday
  /** 1..4: the nth such weekday; -1: the last; { onOrAfter: d }: the first on or after day d. */
  which: number | { onOrAfter: number };
  minuteOfDay: number;
  from: number;
  to: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The instant this rule gives in `year`, or null when it falls outside its month. */
function instantOf(rule: YearlyRule, year: number): number | null {
  const wd = WEEKDAYS[rule.weekday]!;
  let date: string;
  if (typeof rule.which === 'number') {
    date = nthWeekday(year, rule.month, rule.which, wd);
  } else {
    const first = `${year}-${pad(rule.month)}-${pad(rule.which.onOrAfter)}`;
    date = addDays(first, (rule.weekday - weekdayOf(first) + 7) % 7);
  }
  if (Number(date.slice(5, 7)) !== rule.month) return null;
  return Date.parse(`${date}T00:00:00Z`) + rule.minuteOfDay * 60_000 - rule.from * 60_000;
}

/** The ways one change could be a yearly rule, the most usual first. */
function candidates(c: Transition): YearlyRule[] {
  const local = new Date(c.at + c.from * 60_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const base = {
    month,
    weekday: (local.getUTCDay() + 6) % 7,
    minuteOfDay: local.getUTCHours() * 60 + local.getUTCMinutes(),
    from: c.from,
    to: c.to,
  };
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const out: YearlyRule[] = [];
  const nth = Math.ceil(day / 7);
  if (nth <= 4) out.push({ ...base, which: nth });
  if (day + 7 > daysInMonth) out.push({ ...base, which: -1 });
  for (let d = Math.max(1, day - 6); d <= day; d++) out.push({ ...base, which: { onOrAfter: d } });
  return out;
}

const same = (a: Transition, at: number | null, r: YearlyRule) =>
  at === a.at && a.from === r.from && a.to === r.to;

/**
 * The yearly rules that reproduce every change of the zone from `year` for RULE_CHECK_YEARS
 * years ([] for a zone that no longer changes), or null when its changes follow no such rule.
 */
function rulesFrom(tz: string, year: number): YearlyRule[] | null {
  const first = transitionsIn(tz, year);
  const rules: YearlyRule[] = [];
  for (const c of first) {
    const rule = candidates(c).find((r) => {
      for (let y = year; y < year + RULE_CHECK_YEARS; y++) {
        const at = instantOf(r, y);
        if (!transitionsIn(tz, y).some((t) => same(t, at, r))) return false;
      }
      return true;
    });
    if (!rule) return null;
    rules.push(rule);
  }
  for (let y = year + 1; y < year + RULE_CHECK_YEARS; y++) {
    if (transitionsIn(tz, y).length !== rules.length) return null;
  }
  return rules;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}${pad(a % 60)}`;
}

/** DTSTART of an observance: the local time of the change, in the offset before it. */
function onset(c: { at: number; from: number }): string {
  return new Date(c.at + c.from * 60_000).toISOString().slice(0, 19).replace(/[-:]/g, '');
}

function block(c: Transition, rrule?: string): string[] {
  const kind = c.to > c.from ? 'DAYLIGHT' : 'STANDARD';
  return [
    `BEGIN:${kind}`,
    `DTSTART:${onset(c)}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${offsetText(c.from)}`,
    `TZOFFSETTO:${offsetText(c.to)}`,
    `END:${kind}`,
  ];
}

function rruleOf(r: YearlyRule): string {
  const wd = WEEKDAYS[r.weekday]!;
  if (typeof r.which === 'number') return `FREQ=YEARLY;BYMONTH=${r.month};BYDAY=${r.which}${wd}`;
  const start = r.which.onOrAfter;
  const days = Array.from({ length: 7 }, (_, i) => start + i);
  return `FREQ=YEARLY;BYMONTH=${r.month};BYDAY=${wd};BYMONTHDAY=${days.join(',')}`;
}

/**
 * The VTIMEZONE of `tz` for a feed whose first event starts at `fromMs`, valid from a year
 * before it and indefinitely after: each change up to the first year that follows a yearly
 * rule, then that rule as RRULEs, after one block for the offset in force a year before the
 * start. A zone whose changes follow no rule for RULE_SEARCH_YEARS gets every change of those
 * years listed.
 */
export function vtimezone(tz: string, fromMs: number): string[] {
  const lines = ['BEGIN:VTIMEZONE', `TZID:${tz}`];
  const startYear = new Date(fromMs).getUTCFullYear();
  const since = fromMs - 366 * DAY_MS;
  let ruleYear: number | null = null;
  let rules: YearlyRule[] = [];
  for (let y = startYear; y < startYear + RULE_SEARCH_YEARS && ruleYear === null; y++) {
    const found = rulesFrom(tz, y);
    if (found) {
      ruleYear = y;
      rules = found;
    }
  }
  const listed: Transition[] = [];
  const sinceYear = new Date(since).getUTCFullYear();
  for (let y = sinceYear; y < (ruleYear ?? startYear + RULE_SEARCH_YEARS); y++)
    listed.push(...transitionsIn(tz, y).filter((c) => c.at >= since));
  // The offset in force at the start, as an observance of its own: a calendar app reads
  // times before a zone's first listed change as UTC otherwise (ical.js does).
  const initial = offsetMinutes(new Date(since), tz);
  lines.push(...block({ at: since - (since % 60_000), from: initial, to: initial }));
  for (const c of listed) lines.push(...block(c));
  if (ruleYear !== null) {
    for (const r of rules) {
      const at = instantOf(r, ruleYear)!;
      lines.push(...block({ at, from: r.from, to: r.to }, rruleOf(r)));
    }
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
