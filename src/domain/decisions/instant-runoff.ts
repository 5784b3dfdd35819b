import type { CountedBallot, ProposalSpec } from './ballots.ts';
import { type Quorum, quorum } from './quorum.ts';
import { eliminateAmong, type TieBreak } from './tie-break.ts';

/**
 * Ranked choice by instant runoff. Each round, every ballot counts for its highest-ranked
 * option still in the race (a ballot ranking none of them is exhausted and counts no more).
 * An option with more than half of the ballots counted in the round wins; else the option
 * with the fewest is eliminated (one per round; ties broken as tie-break.ts says) and the
 * count is done again. The last option left wins. Partial rankings are allowed.
 */
export interface IrvRound {
  /** Votes per option still in the race, in the proposal's option order. */
  readonly counts: Readonly<Record<string, number>>;
  readonly exhausted: number;
  /** Eliminated at the end of this round (absent in the last round). */
  readonly eliminated?: string;
  readonly tieBreak: TieBreak;
}

export interface RankedTally {
  readonly method: 'ranked';
  readonly rounds: readonly IrvRound[];
  readonly abstain: number;
  readonly quorum: Quorum;
  readonly winner: string | null;
  /** Whether the winner has more than half the ballots of the last round (else last one left). */
  readonly majority: boolean;
  readonly outcome: 'decided' | 'no_votes' | 'no_quorum';
}

export function instantRunoff(
  spec: ProposalSpec,
  ballots: readonly CountedBallot[],
): { rounds: IrvRound[]; winner: string | null; majority: boolean } {
  const rankings = ballots.flatMap((b) =>
    b.ballot.method === 'ranked' && b.ballot.ranking !== null && b.count > 0
      ? [{ ranking: b.ballot.ranking, count: b.count }]
      : [],
  );
  if (rankings.length === 0) return { rounds: [], winner: null, majority: false };
  let left = [...spec.options];
  const rounds: IrvRound[] = [];
  const history: Record<string, number>[] = [];
  for (;;) {
    const counts: Record<string, number> = Object.fromEntries(left.map((o) => [o, 0]));
    let exhausted = 0;
    for (const { ranking, count } of rankings) {
      const top = ranking.find((o) => o in counts);
      if (top === undefined) exhausted += count;
      else counts[top]! += count;
    }
    const counted = left.reduce((a, o) => a + counts[o]!, 0);
    const leader = left.find((o) => counts[o]! * 2 > counted);
    if (leader !== undefined) {
      rounds.push({ counts, exhausted, tieBreak: 'none' });
      return { rounds, winner: leader, majority: true };
    }
    if (left.length === 1) {
      rounds.push({ counts, exhausted, tieBreak: 'none' });
      return { rounds, winner: left[0]!, majority: false };
    }
    const low = Math.min(...left.map((o) => counts[o]!));
    const tied = left.filter((o) => counts[o] === low);
    const out = eliminateAmong(tied, history, spec.seed);
    rounds.push({ counts, exhausted, eliminated: out.option, tieBreak: out.by });
    history.push(counts);
    left = left.filter((o) => o !== out.option);
  }
}

export function tallyRanked(
  spec: ProposalSpec,
  ballots: readonly CountedBallot[],
  eligible: number,
): RankedTally {
  const abstain = ballots.reduce(
    (a, b) => a + (b.ballot.method === 'ranked' && b.ballot.ranking === null ? b.count : 0),
    0,
  );
  const cast = ballots.reduce((a, b) => a + (b.ballot.method === 'ranked' ? b.count : 0), 0);
  const q = quorum(cast, eligible, spec.quorumPercent);
  const base = { method: 'ranked' as const, abstain, quorum: q };
  if (!q.met) return { ...base, rounds: [], winner: null, majority: false, outcome: 'no_quorum' };
  const run = instantRunoff(spec, ballots);
  return { ...base, ...run, outcome: run.winner === null ? 'no_votes' : 'decided' };
}
