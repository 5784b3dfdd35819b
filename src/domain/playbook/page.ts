/**
 * Playbook pages: what a page is, who reads it, when it is due for review, and the checks of
 * what an author typed (each mistake a message key at its field, so the form comes back with
 * everything kept). Pure; the service stores pages and their versions.
 */
import type { Role } from '../access/roles.ts';
import { atLeast } from '../access/roles.ts';
import { slugify } from '../text/fold.ts';
import { MARKDOWN_MAX } from './markdown.ts';
import { normaliseTags } from './tags.ts';

/** Public pages are read by anyone, also signed out; members pages by members of the network. */
export const PAGE_VISIBILITIES = ['public', 'members'] as const;
export type PageVisibility = (typeof PAGE_VISIBILITIES)[number];

/** A lesson can belong to the event or distribution day it was learnt at. */
export const ATTACHMENT_KINDS = ['event', 'distribution_day'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** 120 characters: a title fits one line of a phone in a list. */
export const TITLE_MAX = 120;
export const SLUG_MAX = 60;
/** A page is read again at least once in three years; a week is the shortest sensible period. */
export const REVIEW_DAYS_MIN = 7;
export const REVIEW_DAYS_MAX = 1095;
/** Reviews due within two weeks are listed as "due soon", so there is time to gather people. */
export const REVIEW_SOON_DAYS = 14;

export function canReadPage(visibility: PageVisibility, role: Role | null): boolean {
  return visibility === 'public' || role !== null;
}

/** Writing pages is for volunteers and up: lessons come from the people doing the work. */
export function canEditPage(role: Role | null): boolean {
  return atLeast(role, 'volunteer');
}

/** A page's address from its title, unique among `taken` ("intake", "intake-2", ...). */
export function pageSlug(title: string, taken: ReadonlySet<string>): string {
  const base = slugify(title, SLUG_MAX - 4) || 'page';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

export type ReviewState = 'none' | 'ok' | 'soon' | 'overdue';

const DAY_MS = 86_400_000;

function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** Where a page stands against its review date; `today` is the network's local date. */
export function reviewState(reviewOn: string | null, today: string): ReviewState {
  if (!reviewOn) return 'none';
  const left = dayNumber(reviewOn) - dayNumber(today);
  if (left < 0) return 'overdue';
  return left <= REVIEW_SOON_DAYS ? 'soon' : 'ok';
}

/** The next review date after a review on `reviewedOn`, every `everyDays`. */
export function nextReviewOn(reviewedOn: string, everyDays: number): string {
  return new Date((dayNumber(reviewedOn) + everyDays) * DAY_MS).toISOString().slice(0, 10);
}

export interface PageInput {
  title: string;
  body: string;
  tags: string;
  visibility: string;
  language: string;
  reviewOn?: string;
  /** What changed, in the author's words, shown in the history. */
  summary?: string;
}

export interface PageDraft {
  title: string;
  body: string;
  tags: string[];
  visibility: PageVisibility;
  language: string;
  reviewOn: string | null;
  summary: string;
}

export type FieldProblems = Record<
  string,
  { key: string; params?: Record<string, string | number> }
>;

function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** What an author typed, checked; either a draft to save or the problem at each field. */
export function checkPageInput(
  input: PageInput,
  today: string,
): { ok: true; page: PageDraft } | { ok: false; problems: FieldProblems } {
  const problems: FieldProblems = {};
  const title = input.title.trim().replace(/\s+/g, ' ');
  if (!title) problems.title = { key: 'field.required' };
  else if (title.length > TITLE_MAX)
    problems.title = { key: 'field.tooLong', params: { max: TITLE_MAX } };
  const body = input.body.replace(/\r\n?/g, '\n');
  if (!body.trim()) problems.body = { key: 'field.required' };
  else if (body.length > MARKDOWN_MAX)
    problems.body = { key: 'field.tooLong', params: { max: MARKDOWN_MAX } };
  const tags = normaliseTags(input.tags);
  const tagProblem = tags.problems[0];
  if (tagProblem) problems.tags = tagProblem;
  if (!(PAGE_VISIBILITIES as readonly string[]).includes(input.visibility))
    problems.visibility = { key: 'field.choose' };
  if (!/^[a-z]{2,3}$/.test(input.language)) problems.language = { key: 'field.languageCode' };
  const reviewOn = input.reviewOn?.trim() || null;
  if (reviewOn !== null) {
    if (!isIsoDate(reviewOn)) problems.reviewOn = { key: 'field.date' };
    else if (reviewOn < today) problems.reviewOn = { key: 'playbook.reviewInPast' };
    else if (dayNumber(reviewOn) - dayNumber(today) > REVIEW_DAYS_MAX)
      problems.reviewOn = { key: 'playbook.reviewTooFar', params: { days: REVIEW_DAYS_MAX } };
  }
  const summary = (input.summary ?? '').trim().slice(0, 200);
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    page: {
      title,
      body,
      tags: tags.tags,
      visibility: input.visibility as PageVisibility,
      language: input.language,
      reviewOn,
      summary,
    },
  };
}
