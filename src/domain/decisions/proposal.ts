import { isIsoDate } from '../surveys/expression/values.ts';
import { checkSpec, type DecisionError, type ProposalSpec } from './ballots.ts';

/**
 * A proposal's life: draft → open → closed → decided, or withdrawn from draft or open.
 *
 * - A draft can be edited freely; opening fixes everything a voter relies on: the text,
 *   method, options, anonymity, quorum, who may vote, and whether results are hidden. After
 *   that only the closing date may move, and only later (people plan by it).
 * - Anonymity is fixed at opening, in both directions: an anonymous poll can never become
 *   named (its ballots have no voter to name), and a named poll does not become anonymous
 *   (people voted knowing their name was shown).
 * - Closing happens at the closing date, or earlier once every eligible member has voted.
 * - Deciding records the outcome with a review date, after which the decision is due for
 *   review (the iCal feed and reminders use it).
 */
export const PROPOSAL_STATUSES = ['draft', 'open', 'closed', 'decided', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export interface ProposalState {
  readonly status: ProposalStatus;
  readonly spec: ProposalSpec;
  /** Results (counts) are hidden until closing when set. */
  readonly hideResultsUntilClosed: boolean;
  /** UTC ISO instants. */
  readonly closesAt: string;
  readonly openedAt?: string;
  readonly closedAt?: string;
  readonly decidedAt?: string;
  /** YYYY-MM-DD: when the decision should be looked at again. */
  readonly reviewOn?: string;
}

export type Step =
  | { readonly ok: true; readonly state: ProposalState }
  | { readonly ok: false; readonly error: DecisionError };

const fail = (key: string, params?: Record<string, string | number>): Step => ({
  ok: false,
  error: params ? { key, params } : { key },
});
const ok = (state: ProposalState): Step => ({ ok: true, state });

/** A vote runs for at least an hour and at most a year. */
export const MIN_VOTING_MS = 60 * 60 * 1000;
export const MAX_VOTING_MS = 366 * 24 * 60 * 60 * 1000;

/** Changes to a draft; anything else is refused once the proposal is open. */
export function editDraft(
  p: ProposalState,
  changes: Partial<Pick<ProposalState, 'spec' | 'hideResultsUntilClosed' | 'closesAt'>>,
): Step {
  if (p.status !== 'draft') {
    if (changes.spec?.anonymous !== undefined && changes.spec.anonymous !== p.spec.anonymous) {
      return fail('decision.proposal.anonymity_fixed');
    }
    return fail('decision.proposal.not_draft');
  }
  return ok({ ...p, ...changes });
}

export function openProposal(p: ProposalState, now: string): Step {
  if (p.status !== 'draft') return fail('decision.proposal.not_draft');
  const problem = checkSpec(p.spec);
  if (problem) return { ok: false, error: problem };
  const span = Date.parse(p.closesAt) - Date.parse(now);
  if (!(span >= MIN_VOTING_MS)) return fail('decision.proposal.closes_too_soon');
  if (span > MAX_VOTING_MS) return fail('decision.proposal.closes_too_late');
  return ok({ ...p, status: 'open', openedAt: now });
}

/** Moves the closing date later (never earlier) while the vote is open. */
export function extendClosing(p: ProposalState, closesAt: string, now: string): Step {
  if (p.status !== 'open') return fail('decision.proposal.not_open');
  if (!(Date.parse(closesAt) > Date.parse(p.closesAt))) return fail('decision.proposal.only_later');
  if (Date.parse(closesAt) - Date.parse(p.openedAt ?? now) > MAX_VOTING_MS)
    return fail('decision.proposal.closes_too_late');
  return ok({ ...p, closesAt });
}

/** Whether votes are taken at `now`. */
export function isVotingOpen(p: ProposalState, now: string): boolean {
  return p.status === 'open' && Date.parse(now) < Date.parse(p.closesAt);
}

/**
 * Closes the vote: at or after the closing date, or earlier when every eligible member has
 * taken part (there is nobody left to wait for).
 */
export function closeProposal(
  p: ProposalState,
  now: string,
  turnout: { participants: number; eligible: number },
): Step {
  if (p.status !== 'open') return fail('decision.proposal.not_open');
  const due = Date.parse(now) >= Date.parse(p.closesAt);
  const everyone = turnout.eligible > 0 && turnout.participants >= turnout.eligible;
  if (!due && !everyone) return fail('decision.proposal.not_yet_closing', { closesAt: p.closesAt });
  return ok({ ...p, status: 'closed', closedAt: now });
}

export function withdrawProposal(p: ProposalState): Step {
  if (p.status !== 'draft' && p.status !== 'open') return fail('decision.proposal.cannot_withdraw');
  return ok({ ...p, status: 'withdrawn' });
}

/** Records the decision with its review date (a day after the decision, at the earliest). */
export function decideProposal(p: ProposalState, now: string, reviewOn: string): Step {
  if (p.status !== 'closed') return fail('decision.proposal.not_closed');
  if (!isIsoDate(reviewOn)) return fail('decision.proposal.bad_review_date');
  if (reviewOn <= now.slice(0, 10)) return fail('decision.proposal.review_in_past');
  return ok({ ...p, status: 'decided', decidedAt: now, reviewOn });
}

/** Whether a decided proposal's review date has come (`today` is YYYY-MM-DD, network time). */
export function reviewDue(p: ProposalState, today: string): boolean {
  return p.status === 'decided' && p.reviewOn !== undefined && p.reviewOn <= today;
}

/** Whether counts may be shown now: after closing, or during the vote unless hidden. */
export function resultsVisible(p: ProposalState): boolean {
  if (p.status === 'closed' || p.status === 'decided') return true;
  return p.status === 'open' && !p.hideResultsUntilClosed;
}

/** Whether anyone may see who voted what: never for an anonymous poll. */
export function ballotsNamed(p: ProposalState): boolean {
  return !p.spec.anonymous;
}
