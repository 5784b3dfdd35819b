/**
 * Replay protection for signed messages between networks. A signature is accepted only
 * within its `created` window (http-signatures.ts), and its nonce only once: the receiver
 * stores (keyid, nonce) with a unique index, and a second insert means a replay. A nonce
 * needs keeping only as long as its signature could still be accepted; after that the
 * window refuses it anyway, so old nonces can be pruned.
 */
import { randomBytes } from 'node:crypto';
import { CLOCK_SKEW_SECONDS, DEFAULT_MAX_AGE_SECONDS } from './http-signatures.ts';

/** 128 random bits, base64url: never repeats in practice. */
export function newNonce(): string {
  return randomBytes(16).toString('base64url');
}

/** Until when a nonce seen with a signature `created` at this second must be kept. */
export function keepNonceUntil(created: number, maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS): Date {
  return new Date((created + maxAgeSeconds + 2 * CLOCK_SKEW_SECONDS) * 1000);
}

export function replayKey(keyId: string, nonce: string): string {
  return `${keyId} ${nonce}`;
}

/** In memory (and in tests): whether this nonce was seen, recording it if not. */
export function firstSight(seen: Set<string>, keyId: string, nonce: string): boolean {
  const k = replayKey(keyId, nonce);
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
}
