/**
 * How many requests for help one internet address may send a network in an hour.
 *
 * Many people can share one address: a library's or a family centre's computers, a mobile
 * carrier's whole neighbourhood behind one gateway. So the network's number is not a wall:
 * past it, a request is still taken and marked for a coordinator to check ("many requests
 * from one address"); only a flood, ten times the number and at least 200 an hour (about one
 * every 18 seconds, all hour), is refused, and the refusal offers the phone line and the SMS
 * number instead.
 */
export const DEFAULT_HOURLY_PER_ADDRESS = 20;
/** The setting's range: one an hour up to 10,000 (a ceiling of 100,000, i.e. off). */
export const MIN_HOURLY_PER_ADDRESS = 1;
export const MAX_HOURLY_PER_ADDRESS = 10_000;
/** The ceiling is this many times the setting... */
export const CEILING_FACTOR = 10;
/** ...and never lower than this. */
export const MIN_CEILING = 200;

export type IntakeVerdict = 'accept' | 'review' | 'refuse';

/** The hard ceiling for a network's hourly number. */
export function hourlyCeiling(perHour: number): number {
  return Math.max(MIN_CEILING, perHour * CEILING_FACTOR);
}

/**
 * What to do with a request that is the `hits`-th from its address in the current hour
 * (counting itself): take it; take it and mark it for review; or refuse it.
 */
export function intakeVerdict(hits: number, perHour: number): IntakeVerdict {
  if (hits <= perHour) return 'accept';
  if (hits <= hourlyCeiling(perHour)) return 'review';
  return 'refuse';
}
