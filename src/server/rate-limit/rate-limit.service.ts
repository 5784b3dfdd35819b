import { AppError } from '../../shared/app-error.ts';
import { type Clock, HOUR, MINUTE } from '../../shared/clock.ts';
import { hashToken } from '../../shared/secrets.ts';
import type { Db } from '../db/database.ts';
import { clear, hit, hitWindow, peek } from './rate-limit.repository.ts';

export interface Limit {
  /** The largest number of hits allowed in one window. */
  max: number;
  windowMs: number;
}

/**
 * The limits, with why:
 * - five wrong passwords for one account in 15 minutes, then it waits: enough for typos,
 *   far too few to guess a password;
 * - 30 sign-in attempts per address in 15 minutes, for one household or shared computer;
 * - 20 sign-ups or password resets per address per hour: a family centre's shared computer
 *   can still help many people, a script cannot flood the network;
 * - lookups of a request by its code (status page, API, SMS STATUS and YES), per address or
 *   phone: 20 misses an hour, then every lookup waits (a code is 1 in 148 million, so 20
 *   guesses find nothing; a person mistyping their code tries a few times), and 200 lookups
 *   an hour in all (a library's shared address checking many codes, not a script).
 * Requests for help are not refused at a number like these: see `countWindow` and
 * domain/requests/intake-limit.ts (a number per network, then review, then a high ceiling).
 */
export const LIMITS = {
  signInAccount: { max: 5, windowMs: 15 * MINUTE },
  signInAddress: { max: 30, windowMs: 15 * MINUTE },
  publicForm: { max: 20, windowMs: HOUR },
  passwordReset: { max: 5, windowMs: HOUR },
  codeMiss: { max: 20, windowMs: HOUR },
  codeLookup: { max: 200, windowMs: HOUR },
} as const satisfies Record<string, Limit>;

/** Keys are hashed: the table must not become a list of email addresses and IPs. */
export function limitKey(kind: string, value: string): string {
  return `${kind}:${hashToken(value.toLowerCase()).slice(0, 32)}`;
}

function windowStart(clock: Clock, limit: Limit): string {
  return new Date(clock.now().getTime() - limit.windowMs).toISOString();
}

function retryMinutes(clock: Clock, limit: Limit, since: string): number {
  const ms = new Date(since).getTime() + limit.windowMs - clock.now().getTime();
  return Math.max(1, Math.ceil(ms / MINUTE));
}

/** Throws RATE_LIMITED when the key has already used its window, without counting. */
export async function assertUnderLimit(
  db: Db,
  clock: Clock,
  key: string,
  limit: Limit,
): Promise<void> {
  const current = await peek(db, key, windowStart(clock, limit));
  if (current && current.hits >= limit.max) {
    throw new AppError('RATE_LIMITED', { minutes: retryMinutes(clock, limit, current.since) });
  }
}

/** Counts one hit; throws RATE_LIMITED when this hit goes over the limit. */
export async function consume(db: Db, clock: Clock, key: string, limit: Limit): Promise<void> {
  const hits = await hit(db, key, clock.now().toISOString(), windowStart(clock, limit));
  if (hits > limit.max) {
    const current = await peek(db, key, windowStart(clock, limit));
    throw new AppError('RATE_LIMITED', {
      minutes: retryMinutes(clock, limit, current?.since ?? clock.now().toISOString()),
    });
  }
}

/**
 * Counts one hit in a fixed window of `windowMs` and says how many the key has had in it
 * (this one included) and how many minutes are left of the window; the caller decides.
 */
export async function countWindow(
  db: Db,
  clock: Clock,
  key: string,
  windowMs: number,
): Promise<{ hits: number; minutesLeft: number }> {
  const limit = { max: Number.POSITIVE_INFINITY, windowMs };
  const { hits, since } = await hitWindow(
    db,
    key,
    clock.now().toISOString(),
    windowStart(clock, limit),
  );
  return { hits, minutesLeft: retryMinutes(clock, limit, since) };
}

/** Counts a failure without throwing (the caller reports the failure itself). */
export async function record(db: Db, clock: Clock, key: string, limit: Limit): Promise<void> {
  await hit(db, key, clock.now().toISOString(), windowStart(clock, limit));
}

export async function reset(db: Db, key: string): Promise<void> {
  await clear(db, key);
}

/**
 * A lookup by a key that can be guessed (a request's code), for one client (an address, or
 * "sms:<phone>"): refused with RATE_LIMITED once the client has missed LIMITS.codeMiss times in
 * the window, whatever it asks next (so a refusal says nothing about the code), or has looked
 * up LIMITS.codeLookup times in all. A miss is counted after the lookup.
 */
export async function limitedLookup<T>(
  db: Db,
  clock: Clock,
  client: string,
  find: () => Promise<T | null>,
): Promise<T | null> {
  const missKey = limitKey('code-miss', client);
  await assertUnderLimit(db, clock, missKey, LIMITS.codeMiss);
  await consume(db, clock, limitKey('code-lookup', client), LIMITS.codeLookup);
  const found = await find();
  if (found === null) await record(db, clock, missKey, LIMITS.codeMiss);
  return found;
}
