/**
 * Normal forms of contact details, so that "Ana@Example.org " and "ana@example.org", or
 * "+1 (555) 010-2000" and "+15550102000", are the same sign-in and the same person.
 */
export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

/** Keeps a leading + and the digits; null when what is left cannot be a phone number. */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  // E.164 allows at most 15 digits; fewer than 6 is no reachable number anywhere.
  if (digits.length < 6 || digits.length > 15) return null;
  if (/[^\d\s().+-]/.test(trimmed)) return null;
  return (trimmed.startsWith('+') ? '+' : '') + digits;
}

export type Identifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** What someone typed in "email or phone": an email if it has an @, else a phone number. */
export function parseIdentifier(raw: string): Identifier | null {
  if (raw.includes('@')) {
    const email = normaliseEmail(raw);
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? { kind: 'email', value: email } : null;
  }
  const phone = normalisePhone(raw);
  return phone ? { kind: 'phone', value: phone } : null;
}

/**
 * How many trailing digits of a phone number find it in a search. People read a number out
 * as they dial it at home ("612 345 678", "07700 900123", "8123 4567"), without the country
 * code or with a trunk 0 the stored form lacks; the last 8 digits are the same either way
 * for every national number of 8 digits or more (most of the world; 7-digit plans such as
 * Iceland's match when typed as stored). Within one network's few thousand numbers, two
 * sharing 8 last digits is about one chance in ten thousand per search, and the coordinator
 * sees both. (The door's household search in src/server/goods uses 9, from before this.)
 */
export const PHONE_SEARCH_DIGITS = 8;

/**
 * The key a phone number is searched by (blind-indexed by the server like any token): its
 * last `digits` digits, or null when what was typed is not a phone number.
 */
export function phoneSearchKey(raw: string, digits = PHONE_SEARCH_DIGITS): string | null {
  const phone = normalisePhone(raw);
  return phone ? phone.replace(/\D/g, '').slice(-digits) : null;
}
