import type { Params } from '../problems.ts';
import { safeLocale } from '../text/locale.ts';

/**
 * Money as integer minor units (cents, pence; yen are their own minor unit) with an ISO 4217
 * currency: sums are exact, and a network's books never drift by a floating-point cent.
 *
 * The number of minor-unit digits comes from `Intl.NumberFormat(...).resolvedOptions()`,
 * that is from CLDR through the ICU inside Node, and it differs from ISO 4217 for a few
 * currencies (ICU 78 gives 0 for COP, HUF, IDR, PKR where ISO says 2: nobody counts
 * centavos there). Because an ICU upgrade could change it, a network stores the digits when
 * its currency is set (`currencyInfo` once, then the stored value): stored amounts are never
 * rescaled by a Node upgrade. See docs/adr/DRAFT-ledgers.md.
 */
export interface CurrencyInfo {
  code: string;
  digits: number;
}

export interface Money {
  /** Integer minor units, a safe integer. */
  minor: number;
  currency: string;
}

let known: Set<string> | null = null;
/** The ISO 4217 codes ICU knows as current currencies (162 in Node 20's ICU 78). */
function knownCodes(): Set<string> {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known;
}

/**
 * A valid code is three capital letters that ICU lists as a current currency. `Intl` would
 * format any three letters ("XYZ 1.00"), so the format alone proves nothing.
 */
export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && knownCodes().has(code);
}

/** A code's digits, or null when it is no currency (upper-cased first: "eur" is EUR). */
export function currencyInfo(input: string): CurrencyInfo | null {
  const code = input.trim().toUpperCase();
  if (!isCurrencyCode(code)) return null;
  const digits = new Intl.NumberFormat('en', {
    style: 'currency',
    currency: code,
  }).resolvedOptions().maximumFractionDigits;
  if (digits === undefined) throw new Error(`no fraction digits for ${code}`);
  return { code, digits };
}

/** The minor units of one major unit (100 for cents, 1 for yen). */
export function minorPerMajor(digits: number): number {
  return 10 ** digits;
}

/**
 * Minor units as an exact decimal string ("-12.50", "1234", "0.005"): for CSV, for
 * `Intl.NumberFormat.format` (which takes a decimal string exactly) and for the API.
 */
export function toDecimalString(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`not an amount in minor units: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor));
  if (digits === 0) return `${sign}${abs}`;
  const padded = abs.padStart(digits + 1, '0');
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * One formatter per locale and currency, made once: creating an `Intl.NumberFormat` costs
 * far more than formatting with it, and a statement page formats hundreds of amounts.
 */
export function moneyFormatter(
  locale: string,
  currency: string,
  digits: number,
): Intl.NumberFormat {
  const key = `${locale}|${currency}|${digits}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(safeLocale(locale), {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    formatters.set(key, f);
  }
  return f;
}

/** How many formatters are cached (for the test that they are reused). */
export function cachedFormatterCount(): number {
  return formatters.size;
}

/** "1.234,50 €" in Spanish, "€1,234.50" in English: exact, through the decimal string. */
export function formatMoney(m: Money, digits: number, locale: string): string {
  const decimal = toDecimalString(m.minor, digits) as `${number}`;
  return moneyFormatter(locale, m.currency, digits).format(decimal);
}

/** The parts for a message ("{amount}") and for a chart label. */
export function moneyParams(m: Money, digits: number, locale: string): Params {
  return { amount: formatMoney(m, digits, locale), currency: m.currency };
}

/** Adds amounts of one currency; a mix is a programming error, not a reader's. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  let minor = 0;
  for (const a of amounts) {
    if (a.currency !== currency) throw new Error(`cannot add ${a.currency} to ${currency}`);
    minor += a.minor;
  }
  if (!Number.isSafeInteger(minor)) throw new Error('sum past the exact range');
  return { minor, currency };
}
