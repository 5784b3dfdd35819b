/**
 * When to try a webhook delivery again. The schedule is the one Standard Webhooks (and Svix)
 * publish: at once, then after 5 seconds, 5 minutes, 30 minutes, 2 hours, 5 hours, 10 hours
 * and 10 hours: eight tries over about a day and a few hours, so a receiver that is down
 * for a night still gets everything, and one that is gone stops costing the job runner.
 * Each wait is spread by up to ±10 % (`jitter` in [0, 1), from the caller), so deliveries
 * that failed together do not all come back in the same second. Pure.
 */

export const RETRY_DELAYS_SECONDS: readonly number[] = [0, 5, 300, 1800, 7200, 18000, 36000, 36000];
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length;
/** A receiver must answer within this; slower is a failed attempt (and retried). */
export const DELIVERY_TIMEOUT_MS = 15_000;
/** A Retry-After longer than this is not honoured beyond it. */
const MAX_RETRY_AFTER_SECONDS = 36000;

export type AttemptOutcome =
  | { kind: 'response'; status: number; retryAfterSeconds?: number | null }
  | { kind: 'network_error' }
  | { kind: 'timeout' };

export type RetryDecision =
  | { kind: 'delivered' }
  /** The subscription is disabled: the receiver said the endpoint is gone (410). */
  | { kind: 'endpoint_gone' }
  | { kind: 'retry'; delayMs: number }
  /** No tries left: shown in the delivery log, where an admin may resend it. */
  | { kind: 'gave_up' };

/**
 * After attempt number `attempt` (1 for the first) ended with `outcome`: stop, or wait this
 * long. Any 2xx is delivered; 410 Gone stops for good; everything else is retried, honouring
 * a Retry-After (429, 503) when it asks for longer than the schedule.
 */
export function afterAttempt(
  attempt: number,
  outcome: AttemptOutcome,
  jitter: number,
): RetryDecision {
  if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300)
    return { kind: 'delivered' };
  if (outcome.kind === 'response' && outcome.status === 410) return { kind: 'endpoint_gone' };
  if (attempt >= MAX_ATTEMPTS) return { kind: 'gave_up' };
  const base = RETRY_DELAYS_SECONDS[attempt]!;
  const spread = base * 0.1 * (2 * Math.min(Math.max(jitter, 0), 0.999999) - 1);
  let seconds = base + spread;
  const asked = outcome.kind === 'response' ? outcome.retryAfterSeconds : null;
  if (asked && asked > seconds) seconds = Math.min(asked, MAX_RETRY_AFTER_SECONDS);
  return { kind: 'retry', delayMs: Math.round(seconds * 1000) };
}

/** A Retry-After header: seconds, or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (!value) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : Math.max(0, Math.ceil((t - now.getTime()) / 1000));
}
