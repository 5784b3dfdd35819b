import type { CountedBallot, ProposalSpec } from './ballots.ts';
import { type Quorum, quorum } from './quorum.ts';
import { type TieBreak, winnerByLot } from './tie-break.ts';

/**
 * Majority: passed when the quorum is met and more vote for than against; abstentions
 * count towards the quorum, not the majority. A tie (for = against) does not pass: the
 * proposal changes nothing unless more want it than not.
 */
export interface MajorityTally {
  readonly method: 'majority';
  readonly for: number;
  readonly against: number;
  readonly abstain: number;
  readonly quorum: Quorum;
  readonly outcome: 'passed' | 'rejected' | 'tied' | 'no_quorum';
}

function participants(ballots: readonly CountedBallot[]): number {
  return ballots.reduce((a, b) => a + b.count, 0);
}

export function tallyMajority(
  spec: ProposalSpec,
  ballots: readonly CountedBallot[],
  eligible: number,
): MajorityTally {
  let yes = 0;
  let no = 0;
  let abstain = 0;
  for (const { ballot, count } of ballots) {
    if (ballot.method !== 'majority') continue;
    if (ballot.position === 'for') yes += count;
    else if (ballot.position === 'against') no += count;
    else abstain += count;
  }
  const q = quorum(yes + no + abstain, eligible, spec.quorumPercent);
  const outcome = !q.met ? 'no_quorum' : yes > no ? 'passed' : yes === no ? 'tied' : 'rejected';
  return { method: 'majority', for: yes, against: no, abstain, quorum: q, outcome };
}

/**
 * Consent: agreed when the quorum is met and no objection stands. An objection stands
 * until it is resolved: its objector changes their ballot, or it is marked resolved (the
 * objector agreed after the proposal changed). Standing objections block whatever the
 * quorum; standing aside does not.
 */
export interface ConsentTally {
  readonly method: 'consent';
  readonly consent: number;
  readonly standAside: number;
  readonly objections: number;
  readonly resolvedObjections: number;
  readonly quorum: Quorum;
  readonly outcome: 'consented' | 'blocked' | 'no_quorum';
}

export function tallyConsent(
  spec: ProposalSpec,
  ballots: readonly CountedBallot[],
  eligible: number,
): ConsentTally {
  const t = { consent: 0, standAside: 0, objections: 0, resolvedObjections: 0 };
  for (const { ballot, count } of ballots) {
    if (ballot.method !== 'consent') continue;
    if (ballot.position === 'consent') t.consent += count;
    else if (ballot.position === 'stand_aside') t.standAside += count;
    else if (ballot.resolved) t.resolvedObjections += count;
    else t.objections += count;
  }
  const q = quorum(
    participants(ballots.filter((b) => b.ballot.method === 'consent')),
    eligible,
    spec.quorumPercent,
  );
  const outcome = t.objections > 0 ? 'blocked' : q.met ? 'consented' : 'no_quorum';
  return { method: 'consent', ...t, quorum: q, outcome };
}

/**
 * Score: every ballot scores every option (checkBallot), so the sum and the mean rank the
 * options alike; the result shows both (mean = sum / scoring ballots, 2 decimals). The
 * winner has the highest sum; a tie for the highest is broken by the lot (tie-break.ts).
 */
export interface ScoreCounts {
  readonly abstain: number;
  /** Ballots that scored (each scored every option). */
  readonly scoring: number;
  /** Per option: how many ballots gave each score. */
  readonly perOption: Readonly<Record<string, Readonly<Record<number, number>>>>;
}

export interface ScoreTally {
  readonly method: 'score';
  readonly options: readonly {
    readonly option: string;
    readonly sum: number;
    readonly mean: number | null;
  }[];
  readonly abstain: number;
  readonly quorum: Quorum;
  readonly winner: string | null;
  readonly tieBreak: TieBreak;
  readonly outcome: 'decided' | 'no_votes' | 'no_quorum';
}

export function scoreCounts(spec: ProposalSpec, ballots: readonly CountedBallot[]): ScoreCounts {
  const perOption: Record<string, Record<number, number>> = Object.fromEntries(
    spec.options.map((o) => [o, {}]),
  );
  let abstain = 0;
  let scoring = 0;
  for (const { ballot, count } of ballots) {
    if (ballot.method !== 'score') continue;
    if (ballot.scores === null) {
      abstain += count;
      continue;
    }
    scoring += count;
    for (const o of spec.options) {
      const s = ballot.scores[o]!;
      perOption[o]![s] = (perOption[o]![s] ?? 0) + count;
    }
  }
  return { abstain, scoring, perOption };
}

/** Score counts from an anonymous poll's counters ("a:3" → n, "abstain" → n). */
export function scoreCountsFromCounters(
  spec: ProposalSpec,
  counters: ReadonlyMap<string, number>,
): ScoreCounts {
  const perOption: Record<string, Record<number, number>> = Object.fromEntries(
    spec.options.map((o) => [o, {}]),
  );
  for (const [key, n] of counters) {
    const cut = key.lastIndexOf(':');
    const o = key.slice(0, cut);
    const s = Number(key.slice(cut + 1));
    if (cut > 0 && perOption[o] && Number.isInteger(s) && n > 0)
      perOption[o]![s] = (perOption[o]![s] ?? 0) + n;
  }
  const first = spec.options[0];
  const scoring = first ? Object.values(perOption[first] ?? {}).reduce((a, b) => a + b, 0) : 0;
  return { abstain: counters.get('abstain') ?? 0, scoring, perOption };
}

export function tallyScore(spec: ProposalSpec, counts: ScoreCounts, eligible: number): ScoreTally {
  const options = spec.options.map((option) => {
    const hist = counts.perOption[option] ?? {};
    const sum = Object.entries(hist).reduce((a, [s, n]) => a + Number(s) * n, 0);
    const mean = counts.scoring > 0 ? Math.round((sum / counts.scoring) * 100) / 100 : null;
    return { option, sum, mean };
  });
  const q = quorum(counts.scoring + counts.abstain, eligible, spec.quorumPercent);
  if (!q.met)
    return {
      method: 'score',
      options,
      abstain: counts.abstain,
      quorum: q,
      winner: null,
      tieBreak: 'none',
      outcome: 'no_quorum',
    };
  if (counts.scoring === 0)
    return {
      method: 'score',
      options,
      abstain: counts.abstain,
      quorum: q,
      winner: null,
      tieBreak: 'none',
      outcome: 'no_votes',
    };
  const top = Math.max(...options.map((o) => o.sum));
  const tied = options.filter((o) => o.sum === top).map((o) => o.option);
  const winner = tied.length === 1 ? tied[0]! : winnerByLot(spec.seed, tied);
  return {
    method: 'score',
    options,
    abstain: counts.abstain,
    quorum: q,
    winner,
    tieBreak: tied.length === 1 ? 'none' : 'lot',
    outcome: 'decided',
  };
}
