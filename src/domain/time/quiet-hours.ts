import { localParts } from './iso-week.ts';

/**
 * Quiet hours: a daily span, in minutes after local midnight, during which a person receives
 * no messages (they wait until it ends). `from` > `to` spans midnight (22:00 to 07:00).
 */
export interface QuietHours {
  from: number;
  to: number;
}

/** Minutes after midnight of `at` in `timeZone` (an IANA name); UTC if the zone is unknown. */
export function localMinutes(at: Date, timeZone: string): number {
  const { hour, minute } = localParts(at, timeZone);
  return hour * 60 + minute;
}

export function isQuiet(minutes: number, q: QuietHours): boolean {
  if (q.from === q.to) return false;
  return q.from < q.to ? minutes >= q.from && minutes < q.to : minutes >= q.from || minutes < q.to;
}

/** When the quiet hours around `at` end, or null when `at` is not within them. */
export function quietUntil(at: Date, timeZone: string, q: QuietHours | null): Date | null {
  if (!q) return null;
  const m = localMinutes(at, timeZone);
  if (!isQuiet(m, q)) return null;
  const wait = (q.to - m + 1440) % 1440;
  const end = new Date(at.getTime() + wait * 60_000);
  end.setUTCSeconds(0, 0);
  return end;
}

/** "22:00" → 1320; null for anything else. */
export function parseClock(value: string): number | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
