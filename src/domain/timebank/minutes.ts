import type { Params } from '../problems.ts';

/**
 * Time is held as whole minutes: exact sums, no 0.1 + 0.2 drift, and small enough that a
 * quarter of an hour (the least most timebanks count) is whole.
 */
export const MINUTES_PER_HOUR = 60;

/**
 * The most one leg of a transfer or one credit may move: 200 hours. More than a month of
 * full-time help in one go is almost always a typo (1500 hours typed for 15), and a real one
 * can be recorded in parts.
 */
export const MAX_LEG_MINUTES = 200 * MINUTES_PER_HOUR;

export type DurationParse =
  | { ok: true; minutes: number }
  | { ok: false; key: string; params?: Params };

/**
 * What a person types for a duration: "1:30" (hours and minutes), "2" (hours), "1.5" or
 * "1,5" (hours with a fraction that is whole minutes: 0.25 is 15, 0.01 is refused), or
 * "90 min" / "90m". Always above zero and at most `MAX_LEG_MINUTES`.
 */
export function parseDuration(text: string): DurationParse {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { ok: false, key: 'timebank.field.durationRequired' };
  let minutes: number | null = null;
  let m = /^(\d{1,4}):([0-5]\d)$/.exec(t);
  if (m) minutes = Number(m[1]) * 60 + Number(m[2]);
  m = m ? null : /^(\d{1,6}) ?(?:m|min|mins|minutes?|minutos?)$/.exec(t);
  if (m) minutes = Number(m[1]);
  m =
    minutes !== null
      ? null
      : /^(\d{1,4})(?:[.,](\d{1,4}))?(?: ?(?:h|hr|hrs|hours?|horas?))?$/.exec(t);
  if (m) {
    const frac = m[2] ?? '';
    // Exact: hours and the fraction as integers, so "0.1" is 6 minutes, not 6.000000000000001.
    const scale = 10 ** frac.length;
    const scaled = (Number(m[1]) * scale + Number(frac || '0')) * 60;
    if (scaled % scale !== 0) return { ok: false, key: 'timebank.field.durationWholeMinutes' };
    minutes = scaled / scale;
  }
  if (minutes === null) return { ok: false, key: 'timebank.field.durationInvalid' };
  return checkMinutes(minutes);
}

/** A number of minutes for one leg: whole, above zero, not past the maximum. */
export function checkMinutes(minutes: number): DurationParse {
  if (!Number.isSafeInteger(minutes))
    return { ok: false, key: 'timebank.field.durationWholeMinutes' };
  if (minutes <= 0) return { ok: false, key: 'timebank.field.durationPositive' };
  if (minutes > MAX_LEG_MINUTES)
    return {
      ok: false,
      key: 'timebank.field.durationTooLong',
      params: { hours: MAX_LEG_MINUTES / MINUTES_PER_HOUR },
    };
  return { ok: true, minutes };
}

/**
 * Hours logged on a task or a shift (a real number in those tables) as whole minutes, to the
 * nearest minute; null when nothing should be credited (no hours, zero, or not a number).
 */
export function minutesFromHours(hours: number | null | undefined): number | null {
  if (hours == null || !Number.isFinite(hours) || hours <= 0) return null;
  const minutes = Math.round(hours * MINUTES_PER_HOUR);
  return minutes > 0 ? minutes : null;
}

/**
 * The parts a message shows for a duration or a balance: "{sign}{hours} h {minutes} min".
 * `sign` is '-' or ''; the catalogue decides the words.
 */
export function durationParts(minutes: number): { sign: string; hours: number; minutes: number } {
  const abs = Math.abs(minutes);
  return {
    sign: minutes < 0 ? '-' : '',
    hours: Math.floor(abs / MINUTES_PER_HOUR),
    minutes: abs % MINUTES_PER_HOUR,
  };
}

/**
 * Minutes as decimal hours with two places, for a spreadsheet ("1.50", "-0.25"). Rounded
 * half away from zero by integer arithmetic; the exact figure is the minutes column beside it.
 */
export function decimalHours(minutes: number): string {
  const abs = Math.abs(minutes);
  const hundredths = Math.floor((abs * 100 + 30) / 60);
  const whole = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, '0');
  return `${minutes < 0 && hundredths > 0 ? '-' : ''}${whole}.${frac}`;
}
