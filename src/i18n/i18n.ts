import { pluralRules } from '../shared/intl.ts';
import { en, type MessageKey } from './en.ts';
import { es } from './es.ts';

/**
 * The translation catalogue. English is the reference: `es` is typed against its keys, so a
 * missing Spanish string fails the type check. Messages use `{name}` placeholders; plural
 * forms are separate keys ending in `.one` / `.other` chosen by Intl.PluralRules.
 */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { MessageKey };

/** Each language's name in itself, for the language switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };
/** Right-to-left languages; none yet, but the layout already writes `dir`. */
const RTL: ReadonlySet<string> = new Set(['ar', 'fa', 'he', 'ur']);

const catalogues: Record<Language, Record<MessageKey, string>> = { en, es };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function direction(lang: Language): 'ltr' | 'rtl' {
  return RTL.has(lang) ? 'rtl' : 'ltr';
}

function interpolate(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

export function translator(lang: Language): Translate {
  const cat = catalogues[lang];
  return (key, params) => interpolate(cat[key] ?? en[key] ?? key, params);
}

/** Picks `key.one` or `key.other` for a count, the way the language counts. */
export function plural(lang: Language, base: string, count: number): MessageKey {
  const form = pluralRules(lang).select(count) === 'one' ? 'one' : 'other';
  return `${base}.${form}` as MessageKey;
}

/** The best of our languages for an Accept-Language header, or null. */
export function fromAcceptLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return null;
}

/** All message keys, for tests that check the catalogue. */
export function allKeys(): MessageKey[] {
  return Object.keys(en) as MessageKey[];
}

export function catalogue(lang: Language): Readonly<Record<MessageKey, string>> {
  return catalogues[lang];
}
