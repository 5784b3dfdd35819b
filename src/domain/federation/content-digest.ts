/**
 * Content-Digest (RFC 9530): a hash of the message body, in a header that the signature
 * covers, so a body changed on the way no longer matches a signed header. Mutua writes
 * sha-256 and accepts sha-256 or sha-512; a digest in another algorithm alone is refused.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { parseDictionary, serializeDictionary } from './structured-fields.ts';

const ACCEPTED = { 'sha-256': 'sha256', 'sha-512': 'sha512' } as const;

export function contentDigest(body: string | Buffer): string {
  const digest = createHash('sha256').update(body).digest();
  return serializeDictionary([
    ['sha-256', { item: { type: 'binary', value: digest }, params: [] }],
  ]);
}

export type DigestCheck = 'ok' | 'missing' | 'malformed' | 'unsupported' | 'mismatch';

/** Every accepted algorithm the header names must match the body, and at least one must be named. */
export function checkContentDigest(header: string | undefined, body: string | Buffer): DigestCheck {
  if (!header) return 'missing';
  let dict: ReturnType<typeof parseDictionary>;
  try {
    dict = parseDictionary(header);
  } catch {
    return 'malformed';
  }
  let checked = 0;
  for (const [alg, member] of dict) {
    const node = ACCEPTED[alg as keyof typeof ACCEPTED];
    if (!node) continue;
    if ('list' in member || member.item.type !== 'binary') return 'malformed';
    const expected = createHash(node).update(body).digest();
    const given = member.item.value;
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'mismatch';
    checked++;
  }
  return checked > 0 ? 'ok' : 'unsupported';
}
