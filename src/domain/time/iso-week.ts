/** The date, hour and minute of `at` in `timeZone` (an IANA name; UTC when unknown). */
export function localParts(
  at: Date,
  timeZone: string,
): { y: number; m: number; d: number; hour: number; minute: number } {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return localParts(at, 'UTC');
  }
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    y: get('year'),
    m: get('month'),
    d: get('day'),
    hour: get('hour'),
    minute: get('minute'),
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
