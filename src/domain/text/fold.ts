/**
 * Text folded for comparison and search: "Alimentación", "ALIMENTACION" and "alimentacion"
 * are the same word to a person typing on a phone without accents, so they are the same
 * key here. Pure; used by playbook search and tags, and by spreadsheet header matching.
 */

/** Letters that carry no combining mark to strip, spelled the way people type them. */
const SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Lower case, compatibility forms (ﬁ → fi, full-width → ASCII), no accents. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL[c] ?? c);
}

/**
 * Words of a text, folded: runs of letters and digits (any script). Apostrophes inside a
 * word are dropped ("don't" → "dont"), every other mark splits.
 */
export function foldedWords(text: string): string[] {
  return fold(text)
    .replace(/(\p{L})['’](\p{L})/gu, '$1$2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A folded slug of letters, digits and single hyphens: "¿Qué hacer?" → "que-hacer". */
export function slugify(text: string, maxLength = 60): string {
  const slug = foldedWords(text).join('-');
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const lastHyphen = cut.lastIndexOf('-');
  return lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut;
}
