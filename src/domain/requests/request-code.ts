import { randomInt } from 'node:crypto';

/**
 * The short code a neighbour is given and every channel accepts ("STATUS K7M-4QP").
 * 23 characters, leaving out those that look alike on a phone screen or sound alike read
 * out (0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V): 23^6 ≈ 148 million codes, so a network with 100,000
 * requests picks a taken one about once in 1,500 tries, and the service then tries again.
 */
export const CODE_ALPHABET = '34679ACDEFGHJKMNPQRTWXY';
export const CODE_LENGTH = 6;

export function newRequestCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Shown and read out as two groups: K7M-4QP. */
export function formatCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/** What a person typed or texted ("k7m 4qp", "K7M-4QP") as the stored code, or null. */
export function parseCode(raw: string): string | null {
  const code = raw.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const c of code) if (!CODE_ALPHABET.includes(c)) return null;
  return code;
}

/**
 * The longest code a reply repeats back. A text's "code" is whatever followed STATUS or YES
 * (up to a carrier's 1,600 characters): repeating it all would let anyone make us send long
 * texts to a number of their choosing. Ten covers a code with a typo or two extra characters.
 */
export const ECHO_MAX = 10;

/**
 * What a reply may repeat of a code someone typed: the code in its usual form when it is one,
 * what was typed when it is short and only letters and digits, otherwise nothing.
 */
export function echoableCode(raw: string): string | null {
  const code = parseCode(raw);
  if (code) return formatCode(code);
  const typed = raw.toUpperCase().replace(/[\s-]/g, '');
  return typed.length > 0 && typed.length <= ECHO_MAX && /^[A-Z0-9]+$/.test(typed) ? typed : null;
}
