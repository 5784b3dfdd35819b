import { normaliseText, pickOption } from '../sms/keywords.ts';
import type { AnswerError } from './answers.ts';
import type { Choice, Question } from './survey.ts';

/**
 * The words a person texts while answering a survey, in every language Mutua speaks (a
 * person may mix them: "no" is the same word in both). Matching ignores case and accents.
 * For a text question, a reply that is exactly one of these words is the command, not the
 * answer (a documented trade-off: "BACK" is rarely the whole answer to an open question).
 */
export const SKIP_WORDS = ['SKIP', 'NEXT', 'PASS', 'SALTAR', 'OMITIR', 'SIGUIENTE', 'PASO'];
export const BACK_WORDS = ['BACK', 'PREVIOUS', 'ATRAS', 'VOLVER', 'ANTERIOR'];
export const YES_WORDS = ['YES', 'Y', 'YEAH', 'YEP', 'SI', 'S', 'CLARO'];
export const NO_WORDS = ['NO', 'N', 'NOPE'];

export type SmsReply =
  | { readonly kind: 'skip' }
  | { readonly kind: 'back' }
  | { readonly kind: 'answer'; readonly raw: string | readonly string[] }
  | { readonly kind: 'invalid'; readonly error: AnswerError };

const invalid = (key: string, params?: Record<string, string | number>): SmsReply => ({
  kind: 'invalid',
  error: params ? { key, params } : { key },
});

const options = (choices: readonly Choice[], label: (c: Choice) => string) =>
  choices.map((c) => ({ key: c.name, label: label(c) }));

/**
 * Reads a text sent in reply to a question: SKIP/BACK words, a choice by its number or a
 * word of its label, several choices as "1,3" (or "1 3", "1;3"), yes/no words, or the text
 * of the answer (numbers and dates are checked afterwards, by the shared answer rules).
 * `choices` are the choices offered, in the order they were numbered.
 */
export function readSmsReply(
  q: Question,
  text: string,
  choices: readonly Choice[],
  label: (c: Choice) => string,
): SmsReply {
  const norm = normaliseText(text);
  if (norm === '') return invalid('survey.sms.empty_reply');
  const word = norm.replace(/[^A-Z]/g, '');
  if (norm.split(' ').length === 1 && SKIP_WORDS.includes(word)) return { kind: 'skip' };
  if (norm.split(' ').length === 1 && BACK_WORDS.includes(word)) return { kind: 'back' };
  switch (q.type) {
    case 'yes_no': {
      if (YES_WORDS.includes(word) || norm === '1') return { kind: 'answer', raw: 'yes' };
      if (NO_WORDS.includes(word) || norm === '2') return { kind: 'answer', raw: 'no' };
      return invalid('survey.sms.yes_or_no');
    }
    case 'single_choice':
    case 'area': {
      const key = pickOption(text, options(choices, label));
      return key === null
        ? invalid('survey.sms.unknown_choice', { max: choices.length })
        : { kind: 'answer', raw: key };
    }
    case 'multiple_choice': {
      const trimmed = text.trim();
      let parts = trimmed
        .split(/[,;]+/)
        .map((p) => p.trim())
        .filter(Boolean);
      if (parts.length === 1 && /^\d+(\s+\d+)+$/.test(parts[0]!)) parts = parts[0]!.split(/\s+/);
      const names: string[] = [];
      for (const part of parts) {
        const key = pickOption(part, options(choices, label));
        if (key === null) {
          return invalid('survey.sms.unknown_choice_in_list', {
            part: part.slice(0, 30),
            max: choices.length,
          });
        }
        if (!names.includes(key)) names.push(key);
      }
      return { kind: 'answer', raw: names };
    }
    case 'date': {
      const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text.trim());
      if (!m) return invalid('survey.answer.not_a_date');
      return { kind: 'answer', raw: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
    }
    default:
      return { kind: 'answer', raw: text.trim() };
  }
}
