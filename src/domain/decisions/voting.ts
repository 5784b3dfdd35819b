import { type Ballot, checkBallot, type DecisionError } from './ballots.ts';
import { isVotingOpen, type ProposalState } from './proposal.ts';

/**
 * The rules of one vote, the same from the web, a text and a paper form:
 * - one person, one ballot (the database enforces it too: a unique (proposal, voter) for
 *   named ballots, a unique (proposal, person) participation row for anonymous ones);
 * - a named ballot can be changed until closing, from the web or by text;
 * - an anonymous ballot is final: it is kept with no link to its voter, so there is
 *   nothing to find it by and change it (the page says so before it is cast);
 * - a paper ballot entered by a coordinator never replaces a ballot the person cast
 *   themselves, and is refused if they have one (no double vote across channels);
 * - only eligible members vote (the role chosen by the opener, checked by the service).
 */
export type Channel = 'web' | 'sms' | 'paper';

export interface VoteContext {
  readonly channel: Channel;
  readonly eligible: boolean;
  /** What the person has on this proposal already. */
  readonly existing: 'none' | 'ballot' | 'participation';
  readonly now: string;
}

export type VoteDecision =
  | { readonly ok: true; readonly action: 'insert' | 'replace' }
  | { readonly ok: false; readonly error: DecisionError };

const no = (key: string): VoteDecision => ({ ok: false, error: { key } });

export function decideVote(p: ProposalState, ballot: Ballot, ctx: VoteContext): VoteDecision {
  if (!isVotingOpen(p, ctx.now)) return no('decision.vote.closed');
  if (!ctx.eligible) return no('decision.vote.not_eligible');
  const problem = checkBallot(p.spec, ballot);
  if (problem) return { ok: false, error: problem };
  if (ballot.method === 'consent' && ballot.resolved) {
    // Marking an objection resolved is a coordinator's act with a note, not a vote.
    return no('decision.vote.resolved_is_not_a_vote');
  }
  if (ctx.existing === 'none') return { ok: true, action: 'insert' };
  if (p.spec.anonymous || ctx.existing === 'participation')
    return no('decision.vote.already_voted_anonymous');
  if (ctx.channel === 'paper') return no('decision.vote.already_voted');
  return { ok: true, action: 'replace' };
}

/**
 * Marking a standing objection resolved: a coordinator does it, with a note kept in the
 * audit log, while the vote is open, on a named consent proposal.
 */
export function resolveObjection(
  p: ProposalState,
  ballot: Ballot,
  now: string,
): { ok: true; ballot: Ballot } | { ok: false; error: DecisionError } {
  if (!isVotingOpen(p, now)) return { ok: false, error: { key: 'decision.vote.closed' } };
  if (ballot.method !== 'consent' || ballot.position !== 'object' || ballot.resolved) {
    return { ok: false, error: { key: 'decision.vote.not_an_objection' } };
  }
  return { ok: true, ballot: { ...ballot, resolved: true } };
}
