import type { Params } from '../problems.ts';
import { toDecimalString } from './currency.ts';

/**
 * An amount as a person types it, in their language, read into minor units exactly (no
 * floating point): "1.234,50" in Spanish, "1,234.50" in English, "1 234,50" in French, with or
 * without the currency sign. A number that could mean two things in the reader's language
 * is refused with an example, never guessed: "12.50" typed in Spanish (where "." groups
 * thousands) would otherwise become 1,250.00, a hundred times the receipt.
 */

/** The most one amount may be: 10^12 minor units (ten billion dollars, a trillion yen). Sums
 * of thousands of them stay exact; anything larger typed into a form is a slip. */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

export type AmountParse = { ok: true; minor: number } | { ok: false; key: string; params?: Params };

interface Symbols {
  group: string;
  decimal: string;
}

const symbolCache = new Map<string, Symbols>();

function symbolsOf(locale: string): Symbols {
  let s = symbolCache.get(locale);
  if (!s) {
    let parts: Intl.NumberFormatPart[];
    try {
      parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
    } catch {
      parts = new Intl.NumberFormat('en', { useGrouping: true }).formatToParts(12345.6);
    }
    s = {
      group: parts.find((p) => p.type === 'group')?.value ?? ',',
      decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    };
    symbolCache.set(locale, s);
  }
  return s;
}

/** Spaces of every kind count as one space; the apostrophes of Swiss grouping as one. */
function normaliseSeparators(t: string): string {
  return t.replace(/[\s\u00A0\u202F\u2009]/g, ' ').replace(/[\u2019\u02BC]/g, "'");
}

/** An example of the expected form in this language, for the message next to the field. */
export function amountExample(locale: string, digits: number): string {
  const { group, decimal } = symbolsOf(locale);
  const frac = digits > 0 ? `${decimal}${'5'.padEnd(digits, '0')}` : '';
  return `1${normaliseSeparators(group)}234${frac}`;
}

const GROUPED = /^(\d{1,3}(?:G\d{3})+|\d{1,2}(?:G\d{2})*G\d{3})$/;

export function parseAmount(
  text: string,
  opts: { digits: number; locale: string; currency?: string },
): AmountParse {
  const example = () => ({ example: amountExample(opts.locale, opts.digits) });
  let t = normaliseSeparators(text).trim();
  if (opts.currency)
    t = t.replace(new RegExp(`^${opts.currency}\\b|\\b${opts.currency}$`, 'i'), '');
  t = t.replace(/^\p{Sc}+|\p{Sc}+$/u, '').trim();
  if (t === '') return { ok: false, key: 'money.field.amountRequired' };
  if (/^[-−(]/.test(t)) return { ok: false, key: 'money.field.amountPositive' };
  const sym = symbolsOf(opts.locale);
  const group = normaliseSeparators(sym.group);
  const decimal = sym.decimal;
  const pieces = t.split(decimal);
  if (pieces.length > 2) return { ok: false, key: 'money.field.amountFormat', params: example() };
  const [whole = '', frac = ''] = pieces;
  let intDigits: string;
  if (/^\d+$/.test(whole)) intDigits = whole;
  else if (GROUPED.test(whole.split(group).join('G')) && !whole.includes('G'))
    intDigits = whole.split(group).join('');
  else return { ok: false, key: 'money.field.amountFormat', params: example() };
  if (pieces.length === 2 && !/^\d+$/.test(frac))
    return { ok: false, key: 'money.field.amountFormat', params: example() };
  const kept = frac.slice(0, opts.digits);
  if (/[1-9]/.test(frac.slice(opts.digits)))
    return { ok: false, key: 'money.field.amountTooPrecise', params: { digits: opts.digits } };
  const digitsText = `${intDigits}${kept.padEnd(opts.digits, '0')}`.replace(/^0+(?=\d)/, '');
  if (digitsText.length > 16) return tooLarge(opts.digits);
  const minor = Number(digitsText);
  if (minor > MAX_AMOUNT_MINOR) return tooLarge(opts.digits);
  if (minor === 0) return { ok: false, key: 'money.field.amountPositive' };
  return { ok: true, minor };
}

function tooLarge(digits: number): AmountParse {
  return {
    ok: false,
    key: 'money.field.amountTooLarge',
    params: { max: toDecimalString(MAX_AMOUNT_MINOR, digits) },
  };
}
