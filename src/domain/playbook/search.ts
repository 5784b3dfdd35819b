/**
 * Search of playbook pages: the same tokeniser makes the terms of a page when it is saved and
 * the terms of what someone types in the search box, so they meet. Terms are folded (no case,
 * no accents: "alimentación" finds "Alimentacion"), stop words of English and Spanish are
 * dropped, and a final plural "s" is cut ("pantries" keeps "pantrie", "volunteers" gives
 * "volunteer"); query terms match terms that start with them, so "volunt" finds
 * "voluntarios" and "volunteer". Pure: the server stores `indexTerms` per page version and
 * asks with `LIKE 'term%'`, which both databases do alike; `rankPages` ranks in memory.
 */
import { foldedWords } from '../text/fold.ts';

export type StopWordLanguage = 'en' | 'es';

// Function words only: a coordinator searching "food bank" or "sin papeles" must find it.
const EN =
  'a an and are as at be but by for from had has have he her his i if in into is it its me my no not of on or our she so than that the their them then there these they this those to us was we were what when where which who will with you your';
const ES =
  'a al algo como con de del el ella ellas ellos en entre era es esa ese eso esta este esto fue ha han hay la las le les lo los mas me mi muy nos o os para pero por que se ser si sin sobre son su sus te tu un una uno unos unas y ya yo';

export const STOP_WORDS: Record<StopWordLanguage, ReadonlySet<string>> = {
  en: new Set(EN.split(' ')),
  es: new Set(ES.split(' ')),
};

export interface TokenizeOptions {
  /** Stop words of these languages are dropped; both by default, none with []. */
  stopWords?: readonly StopWordLanguage[];
  /** Cut a final plural s (default true). */
  stem?: boolean;
}

/** 40 letters: longer "words" are pasted links or codes, not what anyone searches. */
const TERM_MAX = 40;

function stemOf(word: string): string {
  if (word.length >= 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The search terms of a text, in order, repeats kept. */
export function tokenize(text: string, options: TokenizeOptions = {}): string[] {
  const languages = options.stopWords ?? ['en', 'es'];
  const stem = options.stem ?? true;
  const out: string[] = [];
  for (const word of foldedWords(text)) {
    if (word.length < 2 || word.length > TERM_MAX) continue;
    if (languages.some((l) => STOP_WORDS[l].has(word))) continue;
    out.push(stem ? stemOf(word) : word);
  }
  return out;
}

export interface SearchablePage {
  title: string;
  tags: readonly string[];
  /** The page's text; the service passes `plainText(markdown)` so link addresses and markup are no terms. */
  body: string;
}

/** A term found in the title counts three times, in a tag twice, in the text once. */
const WEIGHT = { title: 3, tag: 2, body: 1 } as const;
/** A word said 50 times is not 50 times more relevant; its body weight stops at 5. */
const BODY_REPEAT_MAX = 5;

/** The terms of a page and their weights, as stored for search. */
export function indexTerms(page: SearchablePage): Map<string, number> {
  const terms = new Map<string, number>();
  const bodyCounts = new Map<string, number>();
  for (const t of tokenize(page.body)) bodyCounts.set(t, (bodyCounts.get(t) ?? 0) + 1);
  for (const [t, n] of bodyCounts) terms.set(t, Math.min(n, BODY_REPEAT_MAX) * WEIGHT.body);
  for (const t of new Set(page.tags.flatMap((tag) => tokenize(tag, { stopWords: [] }))))
    terms.set(t, (terms.get(t) ?? 0) + WEIGHT.tag);
  for (const t of new Set(tokenize(page.title))) terms.set(t, (terms.get(t) ?? 0) + WEIGHT.title);
  return terms;
}

/** 8 terms: a search box question, not a document. */
export const QUERY_TERMS_MAX = 8;

/** The terms of what someone searched, without repeats; empty when nothing is searchable. */
export function queryTerms(query: string): string[] {
  return [...new Set(tokenize(query))].slice(0, QUERY_TERMS_MAX);
}

/**
 * How well a page matches: every query term must start some term of the page (AND), and
 * the score adds the best weight of each; an exact term counts double a prefix. 0: no match.
 */
export function scorePage(
  terms: readonly string[],
  pageTerms: ReadonlyMap<string, number>,
): number {
  if (terms.length === 0) return 0;
  let score = 0;
  for (const q of terms) {
    let best = 0;
    for (const [t, w] of pageTerms) {
      if (t === q) best = Math.max(best, w * 2);
      else if (q.length >= 3 && t.startsWith(q)) best = Math.max(best, w);
    }
    if (best === 0) return 0;
    score += best;
  }
  return score;
}

/** Pages matching a query, best first (ties: by title), for a network's playbook in memory. */
export function rankPages<P extends SearchablePage & { id: string }>(
  query: string,
  pages: readonly P[],
): { page: P; score: number }[] {
  const terms = queryTerms(query);
  return pages
    .map((page) => ({ page, score: scorePage(terms, indexTerms(page)) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.page.title.localeCompare(b.page.title));
}
