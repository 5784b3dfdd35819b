/**
 * Signing and verifying outgoing webhooks as the Standard Webhooks specification says (the
 * scheme of Svix, and close to Stripe's), so a receiver can verify Mutua's deliveries with
 * any of that specification's libraries:
 *
 *   webhook-id:        msg_…   the message id; the same on every retry (the idempotency key)
 *   webhook-timestamp: 1614265330   seconds since the epoch, when this attempt was signed
 *   webhook-signature: v1,<base64 HMAC-SHA256(secret, `${id}.${timestamp}.${body}`)>
 *
 * The secret is `whsec_` + base64 of 24 to 64 random bytes. Several signatures may be given,
 * space-separated (during a secret rotation both the old and the new one sign). A receiver
 * refuses a timestamp more than five minutes from its clock either way, so a captured
 * delivery cannot be replayed later. Pure, given the secret, the message and the time.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
export const SECRET_BYTES = 32;
const MIN_SECRET_BYTES = 24;
const MAX_SECRET_BYTES = 64;
/** Five minutes, the specification's recommendation: clocks drift, replays must not get in. */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export function generateSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64');
}

/** The key bytes of a `whsec_` secret (the prefix may be left off, as people paste it), or null. */
export function secretKey(secret: string): Buffer | null {
  const b64 = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64) || b64.length % 4 !== 0) return null;
  const key = Buffer.from(b64, 'base64');
  return key.length >= MIN_SECRET_BYTES && key.length <= MAX_SECRET_BYTES ? key : null;
}

export interface WebhookMessage {
  id: string;
  /** Seconds since the epoch. */
  timestamp: number;
  body: string | Buffer;
}

/** `v1,<base64>` for one secret. Throws on a malformed secret: secrets are made by generateSecret. */
export function sign(message: WebhookMessage, secret: string): string {
  const key = secretKey(secret);
  if (!key) throw new Error('malformed webhook secret');
  const mac = createHmac('sha256', key)
    .update(`${message.id}.${message.timestamp}.`)
    .update(message.body)
    .digest('base64');
  return `v1,${mac}`;
}

export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

/** The headers of one delivery attempt, signed by each of `secrets` (old and new while rotating). */
export function signedHeaders(message: WebhookMessage, secrets: readonly string[]): WebhookHeaders {
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(message.timestamp),
    'webhook-signature': secrets.map((s) => sign(message, s)).join(' '),
  };
}

export type VerifyError =
  | 'WEBHOOK_HEADERS_MISSING'
  | 'WEBHOOK_TIMESTAMP_INVALID'
  | 'WEBHOOK_TIMESTAMP_TOO_OLD'
  | 'WEBHOOK_TIMESTAMP_TOO_NEW'
  | 'WEBHOOK_SIGNATURE_MISMATCH';

export type VerifyResult =
  | { ok: true; id: string; timestamp: number }
  | { ok: false; code: VerifyError };

type HeaderBag = Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | undefined {
  const direct = headers[name] ?? headers[name.toLowerCase()];
  const found =
    direct ?? Object.entries(headers).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  return Array.isArray(found) ? found.join(' ') : found;
}

/**
 * What a receiver does (and what Mutua's own tests do): check the timestamp is near `now`,
 * then that one of the `v1` signatures was made with one of `secrets`, over the exact body.
 */
export function verify(
  headers: HeaderBag,
  body: string | Buffer,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
): VerifyResult {
  const id = header(headers, 'webhook-id');
  const ts = header(headers, 'webhook-timestamp');
  const sigs = header(headers, 'webhook-signature');
  if (!id || !ts || !sigs) return { ok: false, code: 'WEBHOOK_HEADERS_MISSING' };
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, code: 'WEBHOOK_TIMESTAMP_INVALID' };
  const timestamp = Number(ts);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (timestamp < nowSeconds - toleranceSeconds)
    return { ok: false, code: 'WEBHOOK_TIMESTAMP_TOO_OLD' };
  if (timestamp > nowSeconds + toleranceSeconds)
    return { ok: false, code: 'WEBHOOK_TIMESTAMP_TOO_NEW' };
  const given = sigs
    .split(/,?\s+/)
    .flatMap((s) => (s.startsWith('v1,') ? [Buffer.from(s.slice(3), 'base64')] : []));
  for (const secret of secrets) {
    if (!secretKey(secret)) continue;
    const expected = Buffer.from(sign({ id, timestamp, body }, secret).slice(3), 'base64');
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected)))
      return { ok: true, id, timestamp };
  }
  return { ok: false, code: 'WEBHOOK_SIGNATURE_MISMATCH' };
}
