import {
  type AnswerContext,
  type AnswerError,
  type Answers,
  type AnswerValue,
  answerToValue,
  isEmptyAnswer,
  listChoices,
  parseAnswer,
} from './answers.ts';
import { findQuestion, pick, type Question, type Survey } from './survey.ts';
import { envFor, holds, offeredChoices, shown } from './visibility.ts';

/**
 * The checks of one answer, the same on the web, by text and for a coordinator typing a
 * paper form: required (an empty answer to a required question), then the constraint (only
 * on a non-empty answer, as in ODK). The author's message, in the answering language,
 * replaces the generic one when the survey has it.
 */
export function checkAnswer(
  survey: Survey,
  q: Question,
  value: AnswerValue | undefined,
  answers: Answers,
  language: string,
  ctx: AnswerContext,
): AnswerError | null {
  if (q.type === 'note') return null;
  if (isEmptyAnswer(value)) {
    if (!q.required) return null;
    const own = pick(q.requiredMessage, language, survey.defaultLanguage);
    return own
      ? { key: 'survey.answer.required', authorMessage: own }
      : { key: 'survey.answer.required' };
  }
  if (q.constraint === undefined) return null;
  const withThis: Answers = { ...answers, [q.name]: value! };
  const env = envFor(survey, withThis, language, ctx, answerToValue(q, value));
  if (holds(q.constraint, env)) return null;
  const own = pick(q.constraintMessage, language, survey.defaultLanguage);
  return own
    ? { key: 'survey.answer.constraint', authorMessage: own }
    : { key: 'survey.answer.constraint' };
}

export type AnswerOutcome =
  | { readonly ok: true; readonly value: AnswerValue | undefined }
  | { readonly ok: false; readonly error: AnswerError };

/**
 * Reads and checks what a person gave for one question, given the answers so far: the
 * question must exist and be shown now, the text must be an answer of its type (among the
 * choices offered now), and it must pass required and the constraint.
 */
export function answerQuestion(
  survey: Survey,
  answers: Answers,
  name: string,
  raw: string | readonly string[],
  language: string,
  ctx: AnswerContext,
): AnswerOutcome {
  const q = findQuestion(survey, name);
  if (!q) return { ok: false, error: { key: 'survey.answer.unknown_question' } };
  const now = shown(survey, answers, language, ctx);
  if (!now.questions.includes(name))
    return { ok: false, error: { key: 'survey.answer.not_shown' } };
  const parsed = parseAnswer(q, raw, offeredChoices(survey, q, now.answers, language, ctx), ctx);
  if (!parsed.ok) return parsed;
  const error = checkAnswer(survey, q, parsed.value, now.answers, language, ctx);
  return error ? { ok: false, error } : parsed;
}

/** Every shown question's problem with the answers as they stand (empty when complete). */
export function problems(
  survey: Survey,
  answers: Answers,
  language: string,
  ctx: AnswerContext,
): Record<string, AnswerError> {
  const now = shown(survey, answers, language, ctx);
  const out: Record<string, AnswerError> = {};
  for (const name of now.questions) {
    const q = findQuestion(survey, name)!;
    const error = checkAnswer(survey, q, now.answers[name], now.answers, language, ctx);
    if (error) out[name] = error;
  }
  return out;
}

/**
 * The answers a new response starts with: each question's default, where it is a valid
 * answer of its type (a checked survey only holds such defaults).
 */
export function initialAnswers(survey: Survey, ctx: AnswerContext): Answers {
  const out: Record<string, AnswerValue> = {};
  for (const s of survey.sections) {
    for (const q of s.questions) {
      if (q.default === undefined) continue;
      const raw = q.type === 'multiple_choice' ? q.default.split(/\s+/) : q.default;
      const parsed = parseAnswer(q, raw, listChoices(survey, q), ctx);
      if (parsed.ok && parsed.value !== undefined) out[q.name] = parsed.value;
    }
  }
  return out;
}
