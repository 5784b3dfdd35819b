import { randomBytes } from 'node:crypto';

/**
 * UUID version 7 as lowercase text: time-ordered (so new rows land at the end of an index on
 * both SQLite and PostgreSQL) and generated here rather than by the database, so both
 * dialects store and compare the same string. See docs/adr/0003-identifiers-and-time.md.
 */
export function newId(now: number = Date.now()): string {
  const b = randomBytes(16);
  const ts = BigInt(now);
  for (let i = 0; i < 6; i++) b[i] = Number((ts >> BigInt(8 * (5 - i))) & 0xffn);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
