import { ballotsFromCounters, type CountedBallot, type ProposalSpec } from './ballots.ts';
import { type RankedTally, tallyRanked } from './instant-runoff.ts';
import {
  type ConsentTally,
  type MajorityTally,
  type ScoreTally,
  scoreCounts,
  scoreCountsFromCounters,
  tallyConsent,
  tallyMajority,
  tallyScore,
} from './tally-simple.ts';

/** The result of a proposal by its method, from named ballots or an anonymous poll's counters. */
export type Tally = MajorityTally | ConsentTally | ScoreTally | RankedTally;

/** From ballots (each with how many it stands for): named ballots, paper and SMS alike. */
export function tally(
  spec: ProposalSpec,
  ballots: readonly CountedBallot[],
  eligible: number,
): Tally {
  switch (spec.method) {
    case 'majority':
      return tallyMajority(spec, ballots, eligible);
    case 'consent':
      return tallyConsent(spec, ballots, eligible);
    case 'score':
      return tallyScore(spec, scoreCounts(spec, ballots), eligible);
    case 'ranked':
      return tallyRanked(spec, ballots, eligible);
  }
}

/** From an anonymous poll's counters (key → count; see ballots.ts#counterKeys). */
export function tallyCounters(
  spec: ProposalSpec,
  counters: ReadonlyMap<string, number>,
  eligible: number,
): Tally {
  if (spec.method === 'score')
    return tallyScore(spec, scoreCountsFromCounters(spec, counters), eligible);
  return tally(spec, ballotsFromCounters(spec, counters), eligible);
}

/** Whether the result means the proposal was adopted (for the decision log and a budget line). */
export function adopted(t: Tally): boolean {
  switch (t.method) {
    case 'majority':
      return t.outcome === 'passed';
    case 'consent':
      return t.outcome === 'consented';
    default:
      return t.outcome === 'decided';
  }
}
