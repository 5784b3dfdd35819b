import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption of personal fields at rest: AES-256-GCM, a fresh 96-bit nonce per
 * value, and the field's name and row id as associated data, so a value copied into another
 * row or column fails to open. Stored as `v1.<key id>.<nonce>.<ciphertext+tag>` (base64url).
 *
 * Keys come from ENCRYPTION_KEYS ("id:base64key,…"; the first encrypts, all decrypt), so a key
 * is rotated by putting a new one first and running `npm run mutua -- rotate-keys`, which
 * re-encrypts every value with it; the old key can then be removed. See docs/adr/0006.
 */
export interface KeyRing {
  active: { id: string; key: Buffer };
  byId: ReadonlyMap<string, Buffer>;
  /** A separate key for blind indexes (HMAC of normalised phone or email). */
  indexKey: Buffer;
}

export function parseKeyRing(spec: string, indexSecret: string): KeyRing {
  const entries = spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const i = s.indexOf(':');
      if (i <= 0) throw new Error('each key is id:base64');
      const id = s.slice(0, i);
      const key = Buffer.from(s.slice(i + 1), 'base64');
      if (!/^[A-Za-z0-9_-]{1,16}$/.test(id))
        throw new Error(`key id "${id}" must be 1-16 letters, digits, - or _`);
      if (key.length !== 32)
        throw new Error(`key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
      return [id, key] as const;
    });
  const first = entries[0];
  if (!first) throw new Error('no key');
  // Blind indexes are keyed by the server secret, not by the rotating keys. Duplicates are
  // looked for over 14 days only, so changing SECRET_KEY costs at most 14 days of links.
  return {
    active: { id: first[0], key: first[1] },
    byId: new Map(entries),
    indexKey: createHmac('sha256', indexSecret).update('mutua blind index').digest(),
  };
}

export function newKeySpec(id = 'k1'): string {
  return `${id}:${randomBytes(32).toString('base64')}`;
}

export function encrypt(ring: KeyRing, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', ring.active.key, nonce);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `v1.${ring.active.id}.${nonce.toString('base64url')}.${body.toString('base64url')}`;
}

export class DecryptError extends Error {}

export function decrypt(ring: KeyRing, stored: string, context: string): string {
  const [version, keyId = '', nonce = '', body = ''] = stored.split('.');
  const key = ring.byId.get(keyId);
  if (version !== 'v1' || !key) throw new DecryptError(`no key "${keyId}" to open this value`);
  const data = Buffer.from(body, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(data.subarray(data.length - 16));
  try {
    return Buffer.concat([
      decipher.update(data.subarray(0, data.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new DecryptError('the value was altered, or belongs to another field');
  }
}

export function keyIdOf(stored: string): string {
  return stored.split('.')[1] ?? '';
}

/** A blind index: equal inputs give equal outputs, and nothing can be read back from it. */
export function blindIndex(ring: KeyRing, kind: string, normalised: string): string {
  return createHmac('sha256', ring.indexKey)
    .update(`${kind}:${normalised}`)
    .digest('base64url')
    .slice(0, 32);
}
