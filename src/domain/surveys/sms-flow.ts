import { type AnswerContext, type AnswerError, type AnswerValue, parseAnswer } from './answers.ts';
import { nextShown, type ResponseState, settle } from './flow.ts';
import { showText } from './labels.ts';
import { readSmsReply } from './sms-reply.ts';
import { findQuestion, pick, type Question, type Survey, scaleOf } from './survey.ts';
import { checkAnswer, initialAnswers } from './validate.ts';
import { offeredChoices, shown } from './visibility.ts';

/**
 * A survey by text, one question per message: choices numbered, SKIP and BACK, a refused
 * reply answered with the reason (the author's constraint message when there is one) and
 * the question again. Notes are sent with the question after them. The state is the same
 * ResponseState the web uses (`at` is the question last sent), so a person can pause for
 * days and the next text carries on; the server keeps it sealed with the contact while in
 * progress and drops it when the response is saved.
 *
 * The domain returns the parts of a message (texts of the survey in the person's language
 * and catalogue keys for Mutua's own words); `formatSmsQuestion` joins them given the
 * translator, so the words stay in the catalogue.
 */
export interface SmsQuestion {
  readonly name: string;
  /** Notes shown before the question (already in the person's language). */
  readonly notes: readonly string[];
  readonly label: string;
  readonly hint: string;
  readonly choices: readonly { readonly n: number; readonly label: string }[];
  /** How to reply: `survey.sms.how.<type>` with its params. */
  readonly how: {
    readonly key: string;
    readonly params: Readonly<Record<string, string | number>>;
  };
  readonly canSkip: boolean;
  readonly canGoBack: boolean;
  readonly progress: { readonly at: number; readonly of: number };
}

export type SmsStep =
  | {
      readonly kind: 'ask';
      readonly state: ResponseState;
      readonly question: SmsQuestion;
      /** Why the last reply was not taken (sent before the question again). */
      readonly error?: AnswerError;
      /** Set when BACK was sent at the first question. */
      readonly info?: string;
    }
  | { readonly kind: 'done'; readonly state: ResponseState; readonly notes: readonly string[] };

function howToReply(q: Question): SmsQuestion['how'] {
  switch (q.type) {
    case 'rating': {
      const { min, max } = scaleOf(q);
      return { key: 'survey.sms.how.rating', params: { min, max } };
    }
    case 'number':
      return { key: q.integer ? 'survey.sms.how.integer' : 'survey.sms.how.decimal', params: {} };
    case 'date':
      return { key: 'survey.sms.how.date', params: { example: '2025-03-31' } };
    default:
      return { key: `survey.sms.how.${q.type}`, params: {} };
  }
}

/** The message for the question at `name`, with the notes that come before it. */
function ask(
  survey: Survey,
  state: ResponseState,
  name: string,
  notes: string[],
  ctx: AnswerContext,
): SmsQuestion {
  const q = findQuestion(survey, name)!;
  const lang = state.language;
  const view = shown(survey, state.answers, lang, ctx);
  const asked = view.questions.filter((n) => findQuestion(survey, n)!.type !== 'note');
  const choices =
    q.type === 'yes_no'
      ? [] // yes/no is answered with a word; the "how" line names them
      : offeredChoices(survey, q, view.answers, lang, ctx).map((c, i) => ({
          n: i + 1,
          label: pick(c.label, lang, survey.defaultLanguage),
        }));
  return {
    name,
    notes,
    label: showText(survey, q.label, view.answers, lang, ctx),
    hint: showText(survey, q.hint, view.answers, lang, ctx),
    choices,
    how: howToReply(q),
    canSkip: !q.required,
    canGoBack: state.back.length > 0,
    progress: { at: asked.indexOf(name) + 1, of: asked.length },
  };
}

/** From the question `at` (null: the end), moves past notes; the notes' texts are collected. */
function advance(
  survey: Survey,
  state: ResponseState,
  start: string | null,
  ctx: AnswerContext,
): { at: string | null; notes: string[] } {
  const notes: string[] = [];
  let at = start;
  while (at !== null && findQuestion(survey, at)!.type === 'note') {
    const view = shown(survey, state.answers, state.language, ctx).answers;
    notes.push(showText(survey, findQuestion(survey, at)!.label, view, state.language, ctx));
    at = nextShown(survey, state.answers, at, state.language, ctx);
  }
  return { at, notes };
}

function step(survey: Survey, state: ResponseState, notes: string[], ctx: AnswerContext): SmsStep {
  if (state.at === null) return { kind: 'done', state, notes };
  return { kind: 'ask', state, question: ask(survey, state, state.at, notes, ctx) };
}

export function smsStart(survey: Survey, language: string, ctx: AnswerContext): SmsStep {
  const base: ResponseState = {
    language,
    answers: initialAnswers(survey, ctx),
    at: null,
    back: [],
  };
  const first = nextShown(survey, base.answers, null, language, ctx);
  const { at, notes } = advance(survey, base, first, ctx);
  return step(survey, { ...base, at }, notes, ctx);
}

/** The question to send again (after a pause, for the one reminder). */
export function smsResume(survey: Survey, state: ResponseState, ctx: AnswerContext): SmsStep {
  const at = settle(survey, state.answers, state.at, state.language, ctx, true);
  return step(survey, { ...state, at }, [], ctx);
}

function moveOn(
  survey: Survey,
  state: ResponseState,
  from: string,
  answers: Record<string, AnswerValue>,
  ctx: AnswerContext,
): SmsStep {
  const moved: ResponseState = { ...state, answers, back: [...state.back, from] };
  const next = nextShown(survey, answers, from, state.language, ctx);
  const { at, notes } = advance(survey, moved, next, ctx);
  return step(survey, { ...moved, at }, notes, ctx);
}

/** Takes one text in reply to the question last sent. */
export function smsReply(
  survey: Survey,
  state: ResponseState,
  text: string,
  ctx: AnswerContext,
): SmsStep {
  const lang = state.language;
  const at = settle(survey, state.answers, state.at, lang, ctx, true);
  if (at === null) return { kind: 'done', state: { ...state, at: null }, notes: [] };
  const current: ResponseState = { ...state, at };
  const q = findQuestion(survey, at)!;
  const view = shown(survey, current.answers, lang, ctx).answers;
  const offered = offeredChoices(survey, q, view, lang, ctx);
  const again = (error: AnswerError): SmsStep => ({
    kind: 'ask',
    state: current,
    question: ask(survey, current, at, [], ctx),
    error,
  });
  const reply = readSmsReply(q, text, offered, (c) => pick(c.label, lang, survey.defaultLanguage));
  if (reply.kind === 'back') {
    if (current.back.length === 0) {
      return {
        kind: 'ask',
        state: current,
        question: ask(survey, current, at, [], ctx),
        info: 'survey.sms.at_first',
      };
    }
    const prev = current.back[current.back.length - 1]!;
    const back: ResponseState = { ...current, at: prev, back: current.back.slice(0, -1) };
    return step(
      survey,
      { ...back, at: settle(survey, back.answers, prev, lang, ctx, true) },
      [],
      ctx,
    );
  }
  if (reply.kind === 'invalid') return again(reply.error);
  const answers: Record<string, AnswerValue> = { ...current.answers };
  if (reply.kind === 'skip') {
    const error = checkAnswer(survey, q, undefined, view, lang, ctx);
    if (error) return again({ ...error, key: 'survey.sms.cannot_skip' });
    delete answers[at];
    return moveOn(survey, current, at, answers, ctx);
  }
  const parsed = parseAnswer(q, reply.raw, offered, ctx);
  if (!parsed.ok) return again(parsed.error);
  const error = checkAnswer(survey, q, parsed.value, view, lang, ctx);
  if (error) return again(error);
  if (parsed.value === undefined) delete answers[at];
  else answers[at] = parsed.value;
  return moveOn(survey, current, at, answers, ctx);
}

/**
 * The text of a question message. `t` is the catalogue lookup of the person's language; the
 * lines are: notes, the error (if any), the label, the hint, the numbered choices, and how
 * to reply (with SKIP/BACK when they apply).
 */
export function formatSmsQuestion(
  q: SmsQuestion,
  t: (key: string, params?: Readonly<Record<string, string | number>>) => string,
  error?: AnswerError,
): string {
  const lines: string[] = [...q.notes];
  if (error) lines.push(error.authorMessage ?? t(error.key, error.params));
  lines.push(q.progress.of > 1 ? `(${q.progress.at}/${q.progress.of}) ${q.label}` : q.label);
  if (q.hint) lines.push(q.hint);
  for (const c of q.choices) lines.push(`${c.n} ${c.label}`);
  const how = [t(q.how.key, q.how.params)];
  if (q.canSkip) how.push(t('survey.sms.skip_hint'));
  if (q.canGoBack) how.push(t('survey.sms.back_hint'));
  lines.push(how.join(' '));
  return lines.filter((l) => l !== '').join('\n');
}
