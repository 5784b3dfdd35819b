/**
 * Intl formatters, built once per language and options and then reused. Building one costs
 * tenths of a millisecond (it loads locale data); a page that formats a date per row, a number
 * per cell, paid that for every value. Formatters are immutable, so sharing them is safe. The
 * cache is bounded by the few languages and option sets the code uses; an invalid locale or
 * time zone throws here as it would from the constructor.
 */
const dates = new Map<string, Intl.DateTimeFormat>();
const numbers = new Map<string, Intl.NumberFormat>();
const plurals = new Map<string, Intl.PluralRules>();
const LIMIT = 500;

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    // A safety valve, not an LRU: the keys come from code, so this never fills in practice.
    if (cache.size >= LIMIT) cache.clear();
    cache.set(key, f);
  }
  return f;
}

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions = {},
): Intl.DateTimeFormat {
  return cached(
    dates,
    `${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}

export function numberFormat(
  locale: string,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  return cached(
    numbers,
    `${locale}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(locale, options),
  );
}

export function pluralRules(locale: string): Intl.PluralRules {
  return cached(plurals, locale, () => new Intl.PluralRules(locale));
}
