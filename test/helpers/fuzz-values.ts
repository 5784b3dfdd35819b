import { randomUUID } from 'node:crypto';

/**
 * The bad values of the walker (test/security/fuzz-inputs.test.ts): a small set chosen to hit
 * each class of mistake once rather than a full product of everything.
 */
export const ONE_MB = 'x'.repeat(1024 * 1024);

/** For a form field (everything arrives as text). */
export const FORM_VALUES = [
  'Infinity',
  '1e400',
  'NaN',
  '-Infinity',
  'a\u0000b',
  'a\ud800b',
  '\udc00',
  '-1',
  '99999999999999999999',
  '',
  '2026-02-31',
  '25:99',
  '/\t/evil.example/',
  '/\n/x',
  '\r\nSet-Cookie: a=b',
  'x'.repeat(5000),
];

/** For a JSON property: raw JSON text, so that 1e400 and lone surrogates arrive as such. */
export const JSON_VALUES = [
  '"Infinity"',
  '1e400',
  '-1e400',
  '"NaN"',
  '"a\\u0000b"',
  '"a\\ud800b"',
  '{}',
  '[]',
  'true',
  '12',
  '-1',
  '"12"',
  'null',
  '"/\\t/evil.example/"',
  '"x\\ny"',
  '1.5',
];

/** For a query parameter or a path segment, percent-encoded. */
export const URL_VALUES = [
  'Infinity',
  '1e400',
  'NaN',
  '-1',
  '%00',
  '%ED%A0%80',
  '%0A',
  '%09%2Fevil',
  '%2F%09%2Fevil.example%2F',
  'x'.repeat(3000),
];

export const nothingId = () => randomUUID();

/** `k` values of `list` for the `i`th field, turning through the list so all are used. */
export function rotate<T>(list: readonly T[], i: number, k: number): T[] {
  return Array.from({ length: k }, (_, j) => list[(i * k + j) % list.length]!);
}

/** A plausible value for an empty field, from its type and name. */
export function plausible(name: string, type: string): string {
  const n = name.toLowerCase();
  if (type === 'email' || n.includes('email')) return 'fuzz@example.org';
  if (type === 'tel' || n.includes('phone')) return '+1 555 010 2000';
  if (type === 'date' || n.endsWith('on') || n.includes('date') || n === 'until')
    return '2026-12-01';
  if (type === 'time' || n.endsWith('time')) return '10:00';
  if (n === 'lat' || n.endsWith('lat')) return '45.52';
  if (n === 'lng' || n.endsWith('lng')) return '-122.67';
  if (type === 'number' || /size|slots|quantity|count|radius|cap|days|hours|limit|lines/.test(n))
    return '2';
  if (type === 'password') return 'a long enough password';
  return 'Fuzz text';
}
