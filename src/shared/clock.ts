/** Time comes from a clock the caller passes in, so tests can move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Timestamps are stored as ISO 8601 UTC text of fixed width (see ADR 0003). */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

export function isoPlus(clock: Clock, ms: number): string {
  return new Date(clock.now().getTime() + ms).toISOString();
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
