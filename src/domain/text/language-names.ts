/**
 * Languages by name, in the reader's language, instead of ISO codes: "ti" is "Tigrinya" to an
 * English reader, "tigriña" to a Spanish one, "التغرينية" to an Arabic one (CLDR through
 * `Intl.DisplayNames`). And back: a filter box accepts "Spanish", "español", "espanol",
 * "ES", "castellano" or "span" for `es`. Pure; `Intl` objects are made once per locale.
 */
import { languageCode } from '../import/languages.ts';
import { fold } from './fold.ts';
import { safeLocale } from './locale.ts';

const displayNames = new Map<string, Intl.DisplayNames>();
const collators = new Map<string, Intl.Collator>();

function namesIn(locale: string): Intl.DisplayNames {
  const safe = safeLocale(locale);
  let names = displayNames.get(safe);
  if (!names) {
    // About half a millisecond to build: once per language, not once per row.
    names = new Intl.DisplayNames([safe], { type: 'language', fallback: 'code' });
    displayNames.set(safe, names);
  }
  return names;
}

function collator(locale: string): Intl.Collator {
  const safe = safeLocale(locale);
  let c = collators.get(safe);
  if (!c) {
    c = new Intl.Collator(safe, { sensitivity: 'base' });
    collators.set(safe, c);
  }
  return c;
}

/** A language code's name in the reader's language ("ti" → "Tigrinya"), or the code itself. */
export function languageName(code: string, readerLang: string): string {
  try {
    return namesIn(readerLang).of(code) ?? code;
  } catch {
    return code; // not a well-formed tag: shown as it is, never a failure
  }
}

/** A language's name in itself ("es" → "español"), which is how its speakers look for it. */
export function autonym(code: string): string {
  return languageName(code, code);
}

/** The codes as options of a select or boxes: named in the reader's language, in its order. */
export function languageOptions(
  codes: readonly string[],
  readerLang: string,
): { code: string; name: string }[] {
  const c = collator(readerLang);
  return [...new Set(codes)]
    .map((code) => ({ code, name: languageName(code, readerLang) }))
    .sort((a, b) => c.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
}

const key = (s: string) =>
  fold(s)
    .replace(/[()[\].,;:'"’_]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface NameIndex {
  exact: Map<string, Set<string>>;
  words: { word: string; code: string }[];
}

const indexes = new Map<string, NameIndex>();
/** Indexes kept (per reader language and list of codes); a page asks with a handful. */
const MAX_INDEXES = 200;

function nameIndex(readerLang: string, candidates: readonly string[]): NameIndex {
  const id = `${safeLocale(readerLang)}|${candidates.join(',')}`;
  const hit = indexes.get(id);
  if (hit) return hit;
  const index: NameIndex = { exact: new Map(), words: [] };
  const add = (name: string, code: string) => {
    const k = key(name);
    if (!k) return;
    let set = index.exact.get(k);
    if (!set) {
      set = new Set();
      index.exact.set(k, set);
    }
    set.add(code);
    for (const word of k.split(' ')) if (word.length >= 3) index.words.push({ word, code });
  };
  for (const code of candidates) {
    add(code, code);
    // The reader's words, English (what forms and spreadsheets often say), and its own name.
    for (const name of [
      languageName(code, readerLang),
      languageName(code, 'en'),
      autonym(code),
      languageName(code, 'es'),
    ])
      if (name !== code) add(name, code);
  }
  if (indexes.size >= MAX_INDEXES) indexes.clear();
  indexes.set(id, index);
  return index;
}

/**
 * The codes among `candidates` a typed language means: an exact name or code in the reader's
 * language, English, Spanish or its own (folded: "espanol" = "español"), a regional tag by its
 * language ("es-MX"), a name people write in spreadsheets ("castellano", "kreyol"), else the
 * names with a word starting with the text (at least 3 letters: "span", "portu"). Empty when
 * nothing matches.
 */
export function matchLanguages(
  query: string,
  readerLang: string,
  candidates: readonly string[],
): string[] {
  const q = key(query);
  if (q === '') return [];
  const index = nameIndex(readerLang, candidates);
  const exact = index.exact.get(q);
  if (exact) return [...exact].sort();
  const base = q.split(/[- ]/)[0] ?? '';
  if (/^[a-z]{2,3}$/.test(base) && candidates.includes(base)) return [base];
  const known = languageCode(query);
  if (known && candidates.includes(known)) return [known];
  if ([...q].length < 3) return [];
  const found = new Set<string>();
  for (const { word, code } of index.words) if (word.startsWith(q)) found.add(code);
  return [...found].sort();
}
