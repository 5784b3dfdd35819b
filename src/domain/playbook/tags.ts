/**
 * Tags of playbook pages ("food-safety", "intake", "seguridad-alimentaria"). A tag is typed
 * by many people over years, so "Food safety", "#food-safety" and "food_safety " are one tag;
 * accents are kept for reading ("alimentación") but two tags differing only by accents or
 * case are the same tag (`tagKey`). Pure.
 */
import { fold } from '../text/fold.ts';

/** 32 characters: "volunteer-wellbeing-check-ins" fits; a sentence does not. */
export const TAG_MAX_LENGTH = 32;
/** 12 tags on a page: more than that and tags stop helping anyone find it. */
export const TAGS_PER_PAGE_MAX = 12;

export type TagProblem =
  | { key: 'playbook.tagTooLong'; params: { tag: string; max: number } }
  | { key: 'playbook.tooManyTags'; params: { max: number } };

/** One tag in its stored form, or null when nothing of it is left. */
export function normaliseTag(raw: string): string | null {
  const tag = raw
    .normalize('NFC')
    .trim()
    .replace(/^#+/, '')
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/[^\p{L}\p{N}-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '');
  return tag === '' ? null : tag;
}

/** The comparison key of a tag: accents and case do not make another tag. */
export function tagKey(tag: string): string {
  return fold(normaliseTag(tag) ?? '');
}

/**
 * The tags of a page from what was typed: a comma- or newline-separated text, or a list.
 * Keeps the first spelling of each tag, in the order given.
 */
export function normaliseTags(input: string | readonly string[]): {
  tags: string[];
  problems: TagProblem[];
} {
  const parts = typeof input === 'string' ? input.split(/[,;\n]/) : input;
  const tags: string[] = [];
  const seen = new Set<string>();
  const problems: TagProblem[] = [];
  for (const part of parts) {
    const tag = normaliseTag(part);
    if (!tag) continue;
    if ([...tag].length > TAG_MAX_LENGTH) {
      problems.push({ key: 'playbook.tagTooLong', params: { tag, max: TAG_MAX_LENGTH } });
      continue;
    }
    const key = fold(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    tags.push(tag);
  }
  if (tags.length > TAGS_PER_PAGE_MAX) {
    problems.push({ key: 'playbook.tooManyTags', params: { max: TAGS_PER_PAGE_MAX } });
    tags.length = TAGS_PER_PAGE_MAX;
  }
  return { tags, problems };
}
