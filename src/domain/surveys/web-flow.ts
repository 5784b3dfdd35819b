import {
  type AnswerContext,
  type AnswerError,
  type Answers,
  type AnswerValue,
  answerToInput,
  parseAnswer,
} from './answers.ts';
import { dependsOn, nextShown, type ResponseState, settle } from './flow.ts';
import { showText } from './labels.ts';
import {
  type Choice,
  findQuestion,
  type Question,
  type Section,
  type Survey,
  sectionOf,
} from './survey.ts';
import { checkAnswer, initialAnswers } from './validate.ts';
import { offeredChoices, shown } from './visibility.ts';

/**
 * The web, one section per page, with JavaScript off: the server decides what is shown.
 * A page is a section's shown questions from the current one on, but it stops before a
 * question whose "show when" or choice filter reads an answer given on the same page
 * (without JavaScript that question cannot appear or change as the person answers), so
 * such a section takes two or more pages. Nothing typed is lost: a page with mistakes comes
 * back with what was typed in every field, and the valid answers are kept in the state.
 */
export type Inputs = Readonly<Record<string, string | readonly string[]>>;

export interface PageQuestion {
  readonly question: Question;
  /** Label and hint in the person's language, `${name}` replaced by that answer. */
  readonly label: string;
  readonly hint: string;
  /** The choices to offer now (after the choice filter; the network's areas for an area). */
  readonly choices: readonly Choice[];
  /** What the field holds: the answer so far, or what was typed when it came back. */
  readonly input: string | readonly string[];
  readonly error?: AnswerError;
}

export interface Page {
  readonly section: Section;
  readonly questions: readonly PageQuestion[];
  /** 1-based number of this page's first question among those shown, and their count. */
  readonly progress: { readonly at: number; readonly of: number };
  readonly canGoBack: boolean;
}

export function startWeb(survey: Survey, language: string, ctx: AnswerContext): ResponseState {
  const answers = initialAnswers(survey, ctx);
  return { language, answers, at: nextShown(survey, answers, null, language, ctx), back: [] };
}

/** The names of the questions on the page that starts at `first`. */
export function pageQuestions(
  survey: Survey,
  answers: Answers,
  first: string,
  language: string,
  ctx: AnswerContext,
): string[] {
  const section = sectionOf(survey, first);
  if (!section) return [];
  const on = new Set(shown(survey, answers, language, ctx).questions);
  const start = section.questions.findIndex((q) => q.name === first);
  const page: string[] = [];
  for (const q of section.questions.slice(start)) {
    if (page.length > 0 && dependsOn(q).some((d) => page.includes(d))) break;
    if (on.has(q.name)) page.push(q.name);
  }
  return page;
}

/** The page to show for a state (null when every shown question has been passed). */
export function currentPage(
  survey: Survey,
  state: ResponseState,
  ctx: AnswerContext,
  typed?: { inputs: Inputs; errors: Readonly<Record<string, AnswerError>> },
): Page | null {
  const at = settle(survey, state.answers, state.at, state.language, ctx);
  if (at === null) return null;
  const view = shown(survey, state.answers, state.language, ctx);
  const names = pageQuestions(survey, state.answers, at, state.language, ctx);
  const questions = names.map((name): PageQuestion => {
    const q = findQuestion(survey, name)!;
    const error = typed?.errors[name];
    const input =
      typed && name in typed.inputs ? typed.inputs[name]! : answerToInput(view.answers[name]);
    const choices = offeredChoices(survey, q, view.answers, state.language, ctx);
    const label = showText(survey, q.label, view.answers, state.language, ctx);
    const hint = showText(survey, q.hint, view.answers, state.language, ctx);
    const base = { question: q, label, hint, choices, input };
    return error ? { ...base, error } : base;
  });
  return {
    section: sectionOf(survey, at)!,
    questions,
    progress: { at: view.questions.indexOf(at) + 1, of: view.questions.length },
    canGoBack: state.back.length > 0,
  };
}

export type Submitted =
  | { readonly ok: true; readonly state: ResponseState }
  | {
      readonly ok: false;
      /** The state with every valid answer of the page kept. */
      readonly state: ResponseState;
      readonly errors: Readonly<Record<string, AnswerError>>;
      /** What was typed, to fill the page back in. */
      readonly inputs: Inputs;
    };

/**
 * Takes a page's form: each field is read and checked in page order (a later question's
 * constraint sees the earlier answers of the same page); a field left out of the form is
 * an empty answer (an unticked set of boxes sends nothing).
 */
export function submitPage(
  survey: Survey,
  state: ResponseState,
  inputs: Inputs,
  ctx: AnswerContext,
): Submitted {
  const at = settle(survey, state.answers, state.at, state.language, ctx);
  if (at === null) return { ok: true, state: { ...state, at: null } };
  const names = pageQuestions(survey, state.answers, at, state.language, ctx);
  const answers: Record<string, AnswerValue> = { ...state.answers };
  const errors: Record<string, AnswerError> = {};
  for (const name of names) {
    const q = findQuestion(survey, name)!;
    const view = shown(survey, answers, state.language, ctx).answers;
    const raw = inputs[name] ?? '';
    const parsed = parseAnswer(q, raw, offeredChoices(survey, q, view, state.language, ctx), ctx);
    if (!parsed.ok) {
      errors[name] = parsed.error;
      continue;
    }
    const error = checkAnswer(survey, q, parsed.value, view, state.language, ctx);
    if (parsed.value === undefined) delete answers[name];
    else if (!error) answers[name] = parsed.value;
    if (error) errors[name] = error;
  }
  if (Object.keys(errors).length > 0) {
    return { ok: false, state: { ...state, at, answers }, errors, inputs };
  }
  const last = names[names.length - 1] ?? at;
  const next = nextShown(survey, answers, last, state.language, ctx);
  return { ok: true, state: { ...state, answers, at: next, back: [...state.back, at] } };
}

/** The page before: where the person last came from (answers are kept). */
export function backPage(state: ResponseState): ResponseState {
  if (state.back.length === 0) return state;
  return { ...state, at: state.back[state.back.length - 1]!, back: state.back.slice(0, -1) };
}

/** Sections in order, each with whether any of its questions is shown now (a contents list). */
export function sectionsShown(
  survey: Survey,
  state: ResponseState,
  ctx: AnswerContext,
): { section: Section; shown: boolean }[] {
  const on = new Set(shown(survey, state.answers, state.language, ctx).sections);
  return survey.sections.map((section) => ({ section, shown: on.has(section.name) }));
}
