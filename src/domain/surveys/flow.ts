import { type AnswerContext, type Answers, type AnswerValue, valueFits } from './answers.ts';
import { compiled } from './expression/check.ts';
import { references } from './expression/evaluate.ts';
import { textReferences } from './labels.ts';
import { allQuestions, findQuestion, type Question, type Survey } from './survey.ts';
import { shown } from './visibility.ts';

/**
 * What every channel shares about moving through a survey: the state a response in
 * progress is kept as (plain data, stored between pages or texts and resumed days later),
 * and the next question shown after a given one.
 */
export interface ResponseState {
  /** The language the person answers in (a code of the survey's languages). */
  readonly language: string;
  readonly answers: Answers;
  /** The question the person is at (first of the web page, or the question texted); null when done. */
  readonly at: string | null;
  /** Where the person was before, most recent last, for "back". */
  readonly back: readonly string[];
}

/** The shown question after `after` in document order (the first when null), or null. */
export function nextShown(
  survey: Survey,
  answers: Answers,
  after: string | null,
  language: string,
  ctx: AnswerContext,
  skipNotes = false,
): string | null {
  const order = allQuestions(survey);
  const on = new Set(shown(survey, answers, language, ctx).questions);
  let i = after === null ? 0 : order.findIndex((q) => q.name === after) + 1;
  if (after !== null && i === 0) i = order.length;
  for (; i < order.length; i++) {
    const q = order[i]!;
    if (on.has(q.name) && !(skipNotes && q.type === 'note')) return q.name;
  }
  return null;
}

/**
 * Where a stored position stands now: the question itself if it is still shown, else the
 * first shown question after it (an earlier answer may have changed what is shown).
 */
export function settle(
  survey: Survey,
  answers: Answers,
  at: string | null,
  language: string,
  ctx: AnswerContext,
  skipNotes = false,
): string | null {
  if (at === null) return null;
  const order = allQuestions(survey);
  const i = order.findIndex((q) => q.name === at);
  if (i < 0) return nextShown(survey, answers, null, language, ctx, skipNotes);
  const before = i === 0 ? null : order[i - 1]!.name;
  return nextShown(survey, answers, before, language, ctx, skipNotes);
}

/** Names read by a question's show-when, choice filter, label and hint. */
export function dependsOn(q: Question): string[] {
  const out: string[] = [...textReferences(q.label), ...textReferences(q.hint)];
  for (const src of [q.relevant, q.choiceFilter]) {
    const e = src === undefined ? null : compiled(src);
    if (e) out.push(...references(e));
  }
  return out;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * A stored state read back (from a database row, after the survey may have been edited in
 * a new version): answers to questions that no longer exist, or of the wrong shape, are
 * left out; an unknown language falls back to the survey's default. Null when `raw` is not
 * a state at all.
 */
export function restoreState(survey: Survey, raw: unknown): ResponseState | null {
  if (!isRecord(raw) || !isRecord(raw.answers)) return null;
  const language =
    typeof raw.language === 'string' && survey.languages.some((l) => l.code === raw.language)
      ? raw.language
      : survey.defaultLanguage;
  const answers: Record<string, AnswerValue> = {};
  for (const [name, v] of Object.entries(raw.answers)) {
    const q = findQuestion(survey, name);
    if (
      q &&
      (typeof v === 'string' || typeof v === 'number' || Array.isArray(v)) &&
      valueFits(q, v)
    ) {
      answers[name] = v;
    }
  }
  const known = (x: unknown): x is string => typeof x === 'string' && !!findQuestion(survey, x);
  const back = Array.isArray(raw.back) ? raw.back.filter(known) : [];
  if (raw.at === null) return { language, answers, at: null, back };
  // A position on a question removed in a new version starts again from the top (the
  // answers are kept, so the person passes the answered questions quickly).
  const at = known(raw.at) ? raw.at : (allQuestions(survey)[0]?.name ?? null);
  return { language, answers, at, back: known(raw.at) ? back : [] };
}
