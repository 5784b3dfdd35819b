import { isTimeZone, utcToLocal } from './zoned-time.ts';

/** The date, hour and minute of `at` in `timeZone` (an IANA name; UTC when unknown). */
export function localParts(
  at: Date,
  timeZone: string,
): { y: number; m: number; d: number; hour: number; minute: number } {
  const { date, time } = utcToLocal(at, isTimeZone(timeZone) ? timeZone : 'UTC');
  return {
    y: Number(date.slice(0, 4)),
    m: Number(date.slice(5, 7)),
    d: Number(date.slice(8, 10)),
    hour: Number(time.slice(0, 2)),
    minute: Number(time.slice(3, 5)),
  };
}

/** The ISO 8601 week of `at` in `timeZone`, such as "2026-W48" (weeks start on Monday). */
export function isoWeek(at: Date, timeZone: string): string {
  const { y, m, d } = localParts(at, timeZone);
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7; // Monday 1 … Sunday 7
  // The week belongs to the year of its Thursday.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const year = date.getUTCFullYear();
  const week = Math.ceil(((date.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
