import type { AnswerContext, Answers } from './answers.ts';
import { findChoiceList, findQuestion, type Localised, pick, type Survey } from './survey.ts';

/** `${name}` inside a label, hint or note, as XLSForm writes it. */
export const LABEL_REFERENCE = /\$\{([^}\s]+)\}/g;

/**
 * An answer as a person reads it inside another question's text: choice labels (joined by
 * ", "), the area's name, numbers and dates as given. Yes/no is shown as its choice name,
 * since Mutua's own words for it live in the catalogue and a survey text is the author's.
 */
export function answerText(
  survey: Survey,
  name: string,
  answers: Answers,
  language: string,
  ctx: AnswerContext,
): string {
  const q = findQuestion(survey, name);
  const v = answers[name];
  if (!q || v === undefined) return '';
  const label = (choice: string) => {
    if (q.type === 'area')
      return (
        pick(ctx.areas.find((a) => a.key === choice)?.label, language, survey.defaultLanguage) ||
        choice
      );
    const c = findChoiceList(survey, q.choiceList)?.choices.find((x) => x.name === choice);
    return c ? pick(c.label, language, survey.defaultLanguage) || choice : choice;
  };
  if (Array.isArray(v)) return v.map(label).join(', ');
  if (q.type === 'single_choice' || q.type === 'area') return label(String(v));
  return String(v);
}

/** A survey text in the person's language with `${name}` replaced by that answer ('' if none). */
export function showText(
  survey: Survey,
  text: Localised | undefined,
  answers: Answers,
  language: string,
  ctx: AnswerContext,
): string {
  return pick(text, language, survey.defaultLanguage).replace(LABEL_REFERENCE, (_m, name: string) =>
    answerText(survey, name, answers, language, ctx),
  );
}

/** The names a text refers to with `${name}`, in every language. */
export function textReferences(text: Localised | undefined): string[] {
  const out = new Set<string>();
  for (const v of Object.values(text ?? {}))
    for (const m of v.matchAll(LABEL_REFERENCE)) out.add(m[1]!);
  return [...out];
}
