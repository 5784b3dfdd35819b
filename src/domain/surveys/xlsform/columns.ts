import type { Language } from '../survey.ts';

/**
 * The columns of XLSForm sheets: a header is a column name, optionally followed by
 * `::Language (code)`. Spellings pyxform accepts are read too: spaces for underscores
 * ("list name", "choice filter"), `bind::` and `control::` prefixes, `jr:constraintMsg`.
 */
export type ColumnKind =
  | 'type'
  | 'name'
  | 'label'
  | 'hint'
  | 'required'
  | 'required_message'
  | 'relevant'
  | 'constraint'
  | 'constraint_message'
  | 'choice_filter'
  | 'default'
  | 'appearance'
  | 'parameters'
  | 'list_name'
  | 'other';

export interface Column {
  readonly index: number;
  /** The header as written (trimmed), to name the column in an issue. */
  readonly header: string;
  readonly kind: ColumnKind;
  /** The base name in lower case (for kind 'other': what it is, e.g. 'calculation'). */
  readonly base: string;
  /** The language of a translated column; null for a column without `::Language`. */
  readonly language: Language | null;
}

const ALIASES: Record<string, ColumnKind> = {
  type: 'type',
  name: 'name',
  label: 'label',
  hint: 'hint',
  required: 'required',
  'bind::required': 'required',
  required_message: 'required_message',
  'jr:requiredmsg': 'required_message',
  'bind::jr:requiredmsg': 'required_message',
  relevant: 'relevant',
  relevance: 'relevant',
  'bind::relevant': 'relevant',
  constraint: 'constraint',
  'bind::constraint': 'constraint',
  constraint_message: 'constraint_message',
  'jr:constraintmsg': 'constraint_message',
  'bind::jr:constraintmsg': 'constraint_message',
  choice_filter: 'choice_filter',
  default: 'default',
  appearance: 'appearance',
  'control::appearance': 'appearance',
  parameters: 'parameters',
  list_name: 'list_name',
};

/** Columns that may carry `::Language`. */
const TRANSLATABLE = new Set<ColumnKind>([
  'label',
  'hint',
  'required_message',
  'constraint_message',
]);

/** Language names as forms write them, to their ISO 639-1 codes (for `label::English`). */
export const LANGUAGE_CODES: Readonly<Record<string, string>> = {
  english: 'en',
  spanish: 'es',
  español: 'es',
  espanol: 'es',
  french: 'fr',
  français: 'fr',
  francais: 'fr',
  portuguese: 'pt',
  português: 'pt',
  swahili: 'sw',
  kiswahili: 'sw',
  arabic: 'ar',
  العربية: 'ar',
  german: 'de',
  deutsch: 'de',
  italian: 'it',
  hindi: 'hi',
  bengali: 'bn',
  urdu: 'ur',
  nepali: 'ne',
  chinese: 'zh',
  russian: 'ru',
  vietnamese: 'vi',
  tagalog: 'tl',
  hausa: 'ha',
  amharic: 'am',
  somali: 'so',
  'haitian creole': 'ht',
  persian: 'fa',
  dari: 'prs',
  pashto: 'ps',
  turkish: 'tr',
  ukrainian: 'uk',
  polish: 'pl',
};

/** English names of codes, for a language given only as a code (`label::es`). */
const NAME_OF_CODE: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LANGUAGE_CODES)
    .filter(([name]) => /^[a-z ]+$/.test(name))
    .reverse()
    .map(([name, code]) => [code, name.replace(/\b\w/g, (c) => c.toUpperCase())]),
);

const CODE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const WITH_CODE = /^(.*?)\s*\(\s*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*\)\s*$/;

/**
 * Reads a language as XLSForm writes it: "English (en)", "English", "en". `known` is false
 * when only a name was given and it is not in LANGUAGE_CODES (its code is then made from it).
 */
export function parseLanguage(text: string): { language: Language; known: boolean } {
  const t = text.trim();
  const m = WITH_CODE.exec(t);
  if (m) {
    const code = m[2]!.toLowerCase();
    return { language: { code, name: m[1]! || NAME_OF_CODE[code] || code }, known: true };
  }
  const byName = LANGUAGE_CODES[t.toLowerCase()];
  if (byName) return { language: { code: byName, name: t }, known: true };
  if (CODE.test(t) && t.length <= 3) {
    const code = t.toLowerCase();
    return { language: { code, name: NAME_OF_CODE[code] ?? code }, known: true };
  }
  const made =
    t
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '') || 'und';
  return { language: { code: made, name: t }, known: false };
}

/** The name of a language code for an export header ("en" → "English"), or the code itself. */
export function languageName(code: string): string {
  return NAME_OF_CODE[code] ?? code;
}

/** Reads one header. */
export function parseHeader(index: number, raw: string): Column {
  const header = raw.trim();
  const lower = header.toLowerCase().replace(/\s+/g, ' ');
  const norm = (s: string) => s.trim().replace(/ /g, '_');
  const direct = ALIASES[norm(lower)];
  if (direct) return { index, header, kind: direct, base: norm(lower), language: null };
  const cut = lower.indexOf('::');
  if (cut > 0) {
    const base = norm(lower.slice(0, cut));
    const kind = ALIASES[base];
    if (kind && TRANSLATABLE.has(kind)) {
      const { language } = parseLanguage(header.slice(header.indexOf('::') + 2));
      return { index, header, kind, base, language };
    }
  }
  return { index, header, kind: 'other', base: norm(lower), language: null };
}

/** A language column whose name is not in LANGUAGE_CODES and has no `(code)`. */
export function hasUnknownLanguage(c: Column): boolean {
  if (!c.language) return false;
  return !parseLanguage(c.header.slice(c.header.indexOf('::') + 2)).known;
}
