/**
 * Wall-clock time in a network's IANA time zone, with no library: Intl knows every zone's
 * offsets, so converting "Saturday 09:00 in Europe/Madrid" to UTC is a guess and one check.
 * Pure (Intl is part of the language, not I/O).
 */

export interface LocalParts {
  date: string; // YYYY-MM-DD
  time: string; // HH:MM
  weekday: number; // 0 = Monday … 6 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields of `at` in a zone, as Intl writes them (two digits, hours 00–23). */
function wallClock(at: Date, timeZone: string): Record<string, string> {
  return Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((x) => [x.type, x.value]),
  );
}

/** The zone's offset from UTC at `at`, in minutes (Madrid in summer: +120). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const p = wallClock(at, timeZone);
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant of a wall-clock time in a zone. A time skipped by a spring-forward gap moves
 * forward by the gap (02:30 → 03:30); a repeated autumn hour takes its first occurrence.
 */
export function zonedToUtc(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const first = offsetMinutes(new Date(naive), timeZone);
  let at = naive - first * 60_000;
  const second = offsetMinutes(new Date(at), timeZone);
  if (second !== first) {
    const retry = naive - second * 60_000;
    // In the gap neither offset reproduces the wall time: keep the later instant.
    at = offsetMinutes(new Date(retry), timeZone) === second ? Math.min(at, retry) : at;
  }
  return new Date(at);
}

/** The wall-clock date, time and weekday of an instant in a zone. */
export function utcToLocal(at: Date, timeZone: string): LocalParts {
  const p = wallClock(at, timeZone);
  const date = `${p.year}-${p.month}-${p.day}`;
  return { date, time: `${p.hour}:${p.minute}`, weekday: weekdayOf(date) };
}

/** Calendar arithmetic on YYYY-MM-DD dates, zone-free. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The Monday of the week of `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -weekdayOf(date));
}

export const isDate = (s: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
export const isTime = (s: string): boolean => /^([01]\d|2[0-3]):[0-5]\d$/.test(s);
