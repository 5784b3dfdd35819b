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
