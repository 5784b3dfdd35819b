/**
 * How long something has waited, in words of the reader's language: "3 days", "5 hours",
 * "3 días", "٣ أيام", or "3 days ago" / "yesterday". The words and plurals come from CLDR
 * through `Intl.NumberFormat` (style unit) and `Intl.RelativeTimeFormat`, so any language
 * Node knows works without a catalogue entry; only "just now" is the caller's, if it wants
 * its own words for less than a minute (else `Intl`'s "now").
 *
 * Formatters are made once per locale, unit and style and kept: building one costs tens of
 * microseconds (ICU loads its data), formatting with it about one, and a queue of 500 rows
 * formats 500 times per page. Pure (the clock is the caller's).
 */
import { safeLocale } from './locale.ts';

export type ElapsedUnit = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export type Elapsed = { unit: 'now' } | { unit: ElapsedUnit; value: number };
export type WordStyle = 'long' | 'short' | 'narrow';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * The one unit a wait is told in, rounded down (a wait is never overstated): minutes under an
 * hour, hours under a day, days under two weeks (what a queue compares), then weeks up to
 * eight, months under a year, years.
 */
export function elapsed(ms: number): Elapsed {
  if (!(ms >= MINUTE)) return { unit: 'now' }; // also NaN, and a future time from a skewed clock
  if (ms < HOUR) return { unit: 'minute', value: Math.floor(ms / MINUTE) };
  if (ms < DAY) return { unit: 'hour', value: Math.floor(ms / HOUR) };
  const days = ms / DAY;
  if (days < 14) return { unit: 'day', value: Math.floor(days) };
  if (days < 63) return { unit: 'week', value: Math.floor(days / 7) };
  if (days < 365) return { unit: 'month', value: Math.floor(days / 30.4375) };
  return { unit: 'year', value: Math.floor(days / 365) };
}

/** The wait from `since` (an ISO time, a Date or epoch milliseconds) to `now`. */
export function elapsedSince(since: string | Date | number, now: Date | number): Elapsed {
  const from = typeof since === 'string' ? Date.parse(since) : +since;
  return elapsed(+now - from);
}

const unitFormatters = new Map<string, Intl.NumberFormat>();
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** The cached formatter of "3 days" for this locale, unit and style. */
export function unitFormatter(locale: string, unit: ElapsedUnit, style: WordStyle = 'long') {
  const safe = safeLocale(locale);
  const key = `${safe}|${unit}|${style}`;
  let f = unitFormatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safe, { style: 'unit', unit, unitDisplay: style });
    unitFormatters.set(key, f);
  }
  return f;
}

/** The cached formatter of "3 days ago" / "yesterday" for this locale and style. */
export function relativeFormatter(locale: string, style: WordStyle = 'long') {
  const safe = safeLocale(locale);
  const key = `${safe}|${style}`;
  let f = relativeFormatters.get(key);
  if (!f) {
    f = new Intl.RelativeTimeFormat(safe, { numeric: 'auto', style });
    relativeFormatters.set(key, f);
  }
  return f;
}

/** How many formatters have been made (for the test that rows reuse them). */
export function durationFormatterCount(): number {
  return unitFormatters.size + relativeFormatters.size;
}

export interface WordOptions {
  style?: WordStyle;
  /** Words for less than a minute ("just now"), translated by the caller; else Intl's "now". */
  justNow?: string;
}

function asElapsed(e: Elapsed | number): Elapsed {
  return typeof e === 'number' ? elapsed(e) : e;
}

/** "3 days", "5 hours", "1 minute": how long, without "ago" (a column headed "Waiting"). */
export function durationWords(e: Elapsed | number, locale: string, opts: WordOptions = {}) {
  const w = asElapsed(e);
  if (w.unit === 'now')
    return opts.justNow ?? relativeFormatter(locale, opts.style).format(0, 'second');
  return unitFormatter(locale, w.unit, opts.style).format(w.value);
}

/** "3 days ago", "yesterday", "now": a time in the past, in a sentence or a timeline. */
export function agoWords(e: Elapsed | number, locale: string, opts: WordOptions = {}) {
  const w = asElapsed(e);
  if (w.unit === 'now')
    return opts.justNow ?? relativeFormatter(locale, opts.style).format(0, 'second');
  return relativeFormatter(locale, opts.style).format(-w.value, w.unit);
}
