/**
 * A person's name as search tokens, for a blind index: the server stores an HMAC of each token
 * (`blindIndex(keys, kind, token)` in src/server/privacy/crypto.ts), never the name in clear,
 * and finds a person by the HMACs of the query's tokens, all of which must be among theirs.
 * This module returns the plain tokens; hashing them is the server's, with its key, so the
 * tokens never leave the process that holds the key.
 *
 * What makes "José García" found by "garcia", "jose garcia", "GARCÍA, José" or "j garcia":
 * - case and accents are folded (text/fold.ts), Arabic letters that are written several ways
 *   are made one (ة/ه, ى/ي, the tatweel dropped; hamza forms already fold to ا);
 * - words are split on spaces and punctuation; a hyphenated or apostrophed name gives its
 *   parts and the whole ("García-Márquez" → garcia, marquez, garciamarquez; "O'Brien" →
 *   obrien, brien and the initial o);
 * - particles are kept, and also joined to the word they lead ("de la Cruz" → de, la, cruz,
 *   delacruz, lacruz; "al Hassan" → al, hassan, alhassan), so a name typed either way is found;
 * - every word gives its initial as a separate kind of token ("~j"), and a query letter on its
 *   own ("j garcia", "García J.") looks for an initial, never for a word;
 * - order does not matter: tokens are a set.
 * There is no prefix search ("gar" does not find García): each extra token is another row in
 * the index and another hint for someone counting equal HMACs, and a phone number or the
 * request code find a person faster.
 */
import { fold, foldedWords } from '../text/fold.ts';

/** Words of a name that join the word after them (lower case, folded). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'du',
  'des',
  'le',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'zu',
  'af',
  'al',
  'el',
  'bin',
  'ibn',
  'bint',
  'abu',
  'ben',
  'abd',
  'abdel',
  'abdul',
  'mac',
  'mc',
  'st',
  'san',
  'santa',
  // Arabic script, folded (أبو → ابو): abd, abu, bin, ibn, bint.
  '\u0639\u0628\u062f',
  '\u0627\u0628\u0648',
  '\u0628\u0646',
  '\u0627\u0628\u0646',
  '\u0628\u0646\u062a',
]);

/** Initials are tokens of their own kind, so the word "a" and the initial "A." differ. */
export const INITIAL_MARK = '~';
/** A name longer than this many tokens is cut: 200 characters of name never need more. */
export const MAX_NAME_TOKENS = 24;
/** A query of more words than this is not a name; the rest are ignored. */
export const MAX_QUERY_TOKENS = 6;
/** Long runs of letters are cut, so a token is at most this many characters. */
const MAX_TOKEN_LENGTH = 40;

/** fold, then Arabic spellings made one. */
function foldName(text: string): string {
  return fold(text)
    .replace(/\u0640/g, '')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064a');
}

/** The words of a name, each with the parts it splits into at hyphens and apostrophes. */
function words(text: string): { whole: string; parts: string[] }[] {
  const out: { whole: string; parts: string[] }[] = [];
  for (const chunk of foldName(text).split(/[\s,;/()]+/u)) {
    // foldedWords drops an apostrophe between letters; split first so both forms exist.
    const parts = chunk.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (parts.length === 0) continue;
    const whole = foldedWords(chunk).join('');
    out.push({ whole, parts });
  }
  return out;
}

const cut = (t: string) => [...t].slice(0, MAX_TOKEN_LENGTH).join('');
const initial = (t: string) => INITIAL_MARK + [...t][0];

/**
 * The tokens a stored name is indexed under: sorted, unique, at most `MAX_NAME_TOKENS`
 * (words first, then initials, then joined forms, so a long name loses the least useful).
 */
export function nameTokens(name: string): string[] {
  const ws = words(name);
  const plain = new Set<string>();
  const initials = new Set<string>();
  const joined = new Set<string>();
  for (const w of ws) {
    for (const p of w.parts) {
      if ([...p].length >= 2) plain.add(cut(p));
      initials.add(initial(p));
    }
    if (w.parts.length > 1) joined.add(cut(w.whole));
  }
  // Runs of particles joined to the word they lead: "de la cruz" → "delacruz", "lacruz".
  const flat = ws.flatMap((w) => w.parts);
  for (let i = 0; i < flat.length; i++) {
    if (!NAME_PARTICLES.has(flat[i]!)) continue;
    let j = i;
    while (j < flat.length && NAME_PARTICLES.has(flat[j]!)) j++;
    if (j < flat.length) joined.add(cut(flat.slice(i, j + 1).join('')));
  }
  const ordered = [...plain, ...initials, ...[...joined].filter((t) => !plain.has(t))];
  return [...new Set(ordered.slice(0, MAX_NAME_TOKENS))].sort();
}

/**
 * The tokens a search for `query` needs, all of them, among a person's `nameTokens`: each part
 * of each word, a lone letter as an initial. Empty when the query has no word of two letters
 * or more: "j" or "j. g." alone would list half the network.
 */
export function queryTokens(query: string): string[] {
  const out = new Set<string>();
  for (const w of words(query))
    for (const p of w.parts) {
      if (out.size >= MAX_QUERY_TOKENS) break;
      out.add([...p].length === 1 ? initial(p) : cut(p));
    }
  if ([...out].every((t) => t.startsWith(INITIAL_MARK))) return [];
  return [...out].sort();
}

/** What the index lookup decides (the SQL does it on HMACs): every query token is the person's. */
export function nameMatches(indexed: readonly string[], query: readonly string[]): boolean {
  if (query.length === 0) return false;
  const have = new Set(indexed);
  return query.every((t) => have.has(t));
}
