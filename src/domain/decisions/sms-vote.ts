import { CODE_ALPHABET, CODE_LENGTH } from '../requests/request-code.ts';
import { normaliseText } from '../sms/keywords.ts';
import type { Ballot, DecisionError, ProposalSpec } from './ballots.ts';

/**
 * Votes by text: `VOTE <code> <choice>` (Spanish `VOTO`/`VOTAR`), the proposal's code being
 * the 6-character code of the same alphabet as request codes ("K7M-4QP", spaces and dashes
 * ignored). The choice, by method (numbers are the options as the announcement listed them):
 * - majority: YES / NO / ABSTAIN (SI / NO / ABSTENCION), or 1 / 2 / 3;
 * - consent: OK / ASIDE / OBJECT (DE ACUERDO / APARTE / OBJETO), or 1 / 2 / 3, with any
 *   words after OBJECT kept as the objection's reason;
 * - score: one score per option in order ("4 2 5"), or ABSTAIN;
 * - ranked: option numbers, most wanted first ("2 1 3", "2,1,3", or "213" when there are
 *   fewer than 10 options), or ABSTAIN.
 * The number is checked against the voter role by the service, like any other vote.
 */
export const VOTE_KEYWORDS = ['VOTE', 'VOTO', 'VOTAR'];

export type SmsVote =
  | { readonly kind: 'vote'; readonly code: string; readonly choice: string }
  | { readonly kind: 'missing_code' }
  | { readonly kind: 'not_a_vote' };

/** Reads the keyword and the code; the choice is read against the proposal (readVoteChoice). */
export function parseSmsVote(text: string): SmsVote {
  const norm = normaliseText(text);
  const [first = '', ...rest] = norm.split(' ');
  if (!VOTE_KEYWORDS.includes(first.replace(/[^A-Z]/g, ''))) return { kind: 'not_a_vote' };
  // The code may come in pieces ("K7M 4QP" or "K7M-4QP"): take words until six characters.
  let code = '';
  let i = 0;
  for (; i < rest.length && code.length < CODE_LENGTH; i++) {
    const piece = rest[i]!.replace(/-/g, '');
    if (
      ![...piece].every((c) => CODE_ALPHABET.includes(c)) ||
      code.length + piece.length > CODE_LENGTH
    )
      break;
    code += piece;
  }
  if (code.length !== CODE_LENGTH) return { kind: 'missing_code' };
  return { kind: 'vote', code, choice: rest.slice(i).join(' ') };
}

const WORDS = {
  for: ['YES', 'Y', 'SI', 'FOR', 'AFAVOR'],
  against: ['NO', 'N', 'AGAINST', 'ENCONTRA'],
  abstain: ['ABSTAIN', 'ABSTENCION', 'ABSTENERME', 'ABSTENGO'],
  consent: ['OK', 'CONSENT', 'AGREE', 'DEACUERDO', 'ACUERDO', 'CONSIENTO'],
  aside: ['ASIDE', 'STANDASIDE', 'APARTE', 'MEAPARTO'],
  object: ['OBJECT', 'OBJECTION', 'OBJETO', 'OBJECION'],
} as const;

export type ChoiceRead =
  | { readonly ok: true; readonly ballot: Ballot; readonly reason?: string }
  | { readonly ok: false; readonly error: DecisionError };

const bad = (key: string, params?: Record<string, string | number>): ChoiceRead => ({
  ok: false,
  error: params ? { key, params } : { key },
});

function numbers(text: string, max: number, allowGlued: boolean): number[] | null {
  const t = text.trim();
  if (t === '') return null;
  const parts = /[\s,;]/.test(t)
    ? t.split(/[\s,;]+/).filter(Boolean)
    : allowGlued && max < 10
      ? [...t]
      : [t];
  const out = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN));
  return out.some((n) => Number.isNaN(n)) ? null : out;
}

/** Reads the choice part of a vote text for a proposal. */
export function readVoteChoice(spec: ProposalSpec, choice: string): ChoiceRead {
  const norm = normaliseText(choice);
  const head = norm.split(' ')[0] ?? '';
  const glued = norm.replace(/[^A-Z0-9]/g, '');
  const is = (words: readonly string[]) => words.includes(head) || words.includes(glued);
  if (norm === '') return bad('decision.sms.choice_missing');
  switch (spec.method) {
    case 'majority': {
      if (is(WORDS.for) || norm === '1')
        return { ok: true, ballot: { method: 'majority', position: 'for' } };
      if (is(WORDS.against) || norm === '2')
        return { ok: true, ballot: { method: 'majority', position: 'against' } };
      if (is(WORDS.abstain) || norm === '3')
        return { ok: true, ballot: { method: 'majority', position: 'abstain' } };
      return bad('decision.sms.majority_choice');
    }
    case 'consent': {
      if (is(WORDS.object) || head === '3') {
        const reason = choice.trim().split(/\s+/).slice(1).join(' ').slice(0, 500);
        return {
          ok: true,
          ballot: { method: 'consent', position: 'object' },
          ...(reason ? { reason } : {}),
        };
      }
      if (is(WORDS.consent) || norm === '1')
        return { ok: true, ballot: { method: 'consent', position: 'consent' } };
      if (is(WORDS.aside) || norm === '2')
        return { ok: true, ballot: { method: 'consent', position: 'stand_aside' } };
      return bad('decision.sms.consent_choice');
    }
    case 'score': {
      if (is(WORDS.abstain)) return { ok: true, ballot: { method: 'score', scores: null } };
      const ns = numbers(choice, Number.POSITIVE_INFINITY, false);
      if (!ns || ns.length !== spec.options.length) {
        return bad('decision.sms.score_count', { count: spec.options.length });
      }
      const { min, max } = spec.scoreRange!;
      if (ns.some((n) => n < min || n > max))
        return bad('decision.ballot.score_out_of_range', { min, max });
      return {
        ok: true,
        ballot: {
          method: 'score',
          scores: Object.fromEntries(spec.options.map((o, i) => [o, ns[i]!])),
        },
      };
    }
    case 'ranked': {
      if (is(WORDS.abstain)) return { ok: true, ballot: { method: 'ranked', ranking: null } };
      const ns = numbers(choice, spec.options.length, true);
      if (!ns) return bad('decision.sms.ranked_choice', { max: spec.options.length });
      if (ns.some((n) => n < 1 || n > spec.options.length))
        return bad('decision.sms.ranked_choice', { max: spec.options.length });
      if (new Set(ns).size !== ns.length) return bad('decision.ballot.duplicate_rank');
      return {
        ok: true,
        ballot: { method: 'ranked', ranking: ns.map((n) => spec.options[n - 1]!) },
      };
    }
  }
}
