/**
 * A locale every `Intl` constructor accepts, from whatever a reader's header or a stored
 * setting says: a supported tag as given ("es-MX"), or English. A bad tag ("en_US", "x")
 * makes `Intl` throw a RangeError, and a page must never fail over a language. Pure.
 */
const checked = new Map<string, string>();
/** Distinct tags remembered: headers are attacker-chosen text, so the memo is bounded. */
const MAX_CHECKED = 500;

export function safeLocale(locale: string): string {
  const hit = checked.get(locale);
  if (hit) return hit;
  let safe = 'en';
  try {
    safe = Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en';
  } catch {
    safe = 'en';
  }
  if (checked.size < MAX_CHECKED) checked.set(locale, safe);
  return safe;
}
