import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token for links and cookies: 32 bytes, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a copy of the database opens no session. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function hmac(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/**
 * BREACH: a page compressed together with a secret and text an attacker can reflect leaks
 * the secret through the compressed size. So the CSRF token is never sent as is: each form
 * gets base64url(random mask || token XOR mask), different every time, and unmaskToken gives
 * the token back for the check (docs/adr/0016-compression-and-masked-csrf.md).
 */
export function maskToken(token: string): string {
  if (token === '') return '';
  const raw = Buffer.from(token, 'utf8');
  const mask = randomBytes(raw.length);
  const out = Buffer.alloc(raw.length * 2);
  mask.copy(out, 0);
  for (let i = 0; i < raw.length; i++) out[raw.length + i] = (raw[i] ?? 0) ^ (mask[i] ?? 0);
  return out.toString('base64url');
}

/** The token inside a masked one, or '' when it is not one (odd length, not base64url). */
export function unmaskToken(masked: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(masked)) return '';
  const buf = Buffer.from(masked, 'base64url');
  if (buf.length === 0 || buf.length % 2 !== 0) return '';
  const n = buf.length / 2;
  const out = Buffer.alloc(n);
  for (let i = 0; i < n; i++) out[i] = (buf[i] ?? 0) ^ (buf[n + i] ?? 0);
  return out.toString('utf8');
}
