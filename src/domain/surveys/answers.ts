import { DateValue, isIsoDate, isoToDays, type Value } from './expression/values.ts';
import {
  type Choice,
  findChoiceList,
  type Localised,
  type Question,
  type Survey,
  scaleOf,
} from './survey.ts';

/**
 * A typed answer, as plain data (kept in a resumable state and in a response row):
 * text, single_choice, date (YYYY-MM-DD), yes_no ('yes' | 'no') and area (the area's key)
 * are strings; number and rating are numbers; multiple_choice is the chosen names in the
 * order of the list. An unanswered question has no entry.
 */
export type AnswerValue = string | number | readonly string[];
export type Answers = Readonly<Record<string, AnswerValue>>;

export interface AreaOption {
  readonly key: string;
  readonly label: Localised;
}

/** What answering needs from outside the survey: the date, and the network's areas. */
export interface AnswerContext {
  /** Today in the network's time zone, YYYY-MM-DD. */
  readonly today: string;
  readonly areas: readonly AreaOption[];
}

/** A reason an answer is refused: a catalogue key, or the author's own message. */
export interface AnswerError {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The survey author's constraint or required message, in the answering language. */
  readonly authorMessage?: string;
}

export type Parsed =
  | { readonly ok: true; readonly value: AnswerValue | undefined }
  | { readonly ok: false; readonly error: AnswerError };

/** A text answer longer than this is refused (a page of text; SMS answers are far shorter). */
export const MAX_TEXT_ANSWER = 2000;
/** Numbers beyond this are refused: no survey asks for more, and floats stay exact below it. */
export const MAX_NUMBER_ANSWER = 1e12;

const INTEGER = /^-?\d+$/;
// A decimal comma is read as a point ("3,5" is 3.5), as Spanish speakers write it; a comma
// with three digits after it ("1,000") is ambiguous and refused.
const DECIMAL = /^-?(\d+([.,]\d+)?|[.,]\d+)$/;

const fail = (key: string, params?: Record<string, string | number>): Parsed => ({
  ok: false,
  error: params ? { key, params } : { key },
});

export function isEmptyAnswer(v: AnswerValue | undefined): boolean {
  return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Reads what a person gave (a form field's text, the ticked boxes of a multiple choice) as
 * the typed answer of a question: `{ ok: true, value: undefined }` when nothing was given.
 * `choices` are the choices offered (after the choice filter); areas come from `ctx`.
 */
export function parseAnswer(
  q: Question,
  raw: string | readonly string[],
  choices: readonly Choice[],
  ctx: AnswerContext,
): Parsed {
  const parts = (typeof raw === 'string' ? [raw] : raw).map((s) => s.trim()).filter(Boolean);
  if (parts.length === 0) return { ok: true, value: undefined };
  if (q.type === 'multiple_choice') {
    const names = new Set(parts.flatMap((p) => p.split(/\s+/)));
    for (const n of names) {
      if (!choices.some((c) => c.name === n)) return fail('survey.answer.unknown_choice');
    }
    return { ok: true, value: choices.filter((c) => names.has(c.name)).map((c) => c.name) };
  }
  if (parts.length > 1) return fail('survey.answer.one_only');
  const s = parts[0]!;
  switch (q.type) {
    case 'note':
      return { ok: true, value: undefined };
    case 'text':
      return [...s].length > MAX_TEXT_ANSWER
        ? fail('survey.answer.too_long', { max: MAX_TEXT_ANSWER })
        : { ok: true, value: s };
    case 'number': {
      const compact = s.replace(/\s+/g, '');
      if (q.integer && !INTEGER.test(compact)) {
        return DECIMAL.test(compact)
          ? fail('survey.answer.not_whole_number')
          : fail('survey.answer.not_a_number');
      }
      if (!DECIMAL.test(compact)) return fail('survey.answer.not_a_number');
      if (/,\d{3}$/.test(compact)) return fail('survey.answer.ambiguous_comma');
      const n = Number(compact.replace(',', '.'));
      if (Math.abs(n) > MAX_NUMBER_ANSWER) {
        return fail('survey.answer.number_too_large', { max: MAX_NUMBER_ANSWER });
      }
      return { ok: true, value: Object.is(n, -0) ? 0 : n };
    }
    case 'rating': {
      const { min, max } = scaleOf(q);
      const n = INTEGER.test(s) ? Number(s) : Number.NaN;
      return n >= min && n <= max
        ? { ok: true, value: n }
        : fail('survey.answer.out_of_scale', { min, max });
    }
    case 'date':
      return isIsoDate(s) ? { ok: true, value: s } : fail('survey.answer.not_a_date');
    case 'yes_no':
      return s === 'yes' || s === 'no' ? { ok: true, value: s } : fail('survey.answer.yes_or_no');
    case 'area':
      return ctx.areas.some((a) => a.key === s)
        ? { ok: true, value: s }
        : fail('survey.answer.unknown_area');
    case 'single_choice':
      return choices.some((c) => c.name === s)
        ? { ok: true, value: s }
        : fail('survey.answer.unknown_choice');
  }
}

/** Whether a stored value has the shape its question's type needs (for stored state). */
export function valueFits(q: Question, v: AnswerValue): boolean {
  switch (q.type) {
    case 'multiple_choice':
      return Array.isArray(v) && v.every((x) => typeof x === 'string');
    case 'number':
    case 'rating':
      return typeof v === 'number' && Number.isFinite(v);
    case 'note':
      return false;
    default:
      return typeof v === 'string';
  }
}

/** An answer as an expression sees it (multiple choice as space-separated names). */
export function answerToValue(q: Question | undefined, v: AnswerValue | undefined): Value {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.join(' ');
  if (q?.type === 'date' && typeof v === 'string') return new DateValue(isoToDays(v));
  return v as string | number;
}

/** The choices of a choice question's list, before any filter. */
export function listChoices(survey: Survey, q: Question): readonly Choice[] {
  return findChoiceList(survey, q.choiceList)?.choices ?? [];
}

/** The text form of an answer, as a form field holds it (to fill a form back in). */
export function answerToInput(v: AnswerValue | undefined): string | readonly string[] {
  if (v === undefined) return '';
  if (Array.isArray(v)) return v;
  return String(v);
}
