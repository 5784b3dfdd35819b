/**
 * What a proposal asks and what a ballot answers, for the four methods:
 * - majority: for / against / abstain on the proposal;
 * - consent: consent / stand aside / object (an objection blocks until it is resolved);
 * - score: a score for every option, in the proposal's range (or abstain);
 * - ranked: options in order of preference, as many as the voter wants (or abstain).
 * Pure data, validated here; the same ballot comes from the web, a text or a paper form.
 */
export const METHODS = ['majority', 'consent', 'score', 'ranked'] as const;
export type Method = (typeof METHODS)[number];

export interface ProposalSpec {
  readonly method: Method;
  /** Option ids in the order shown (score and ranked; empty for majority and consent). */
  readonly options: readonly string[];
  /** Score range (score method), whole numbers. */
  readonly scoreRange?: { readonly min: number; readonly max: number };
  /** Share of eligible members who must take part (abstaining counts), 0-100. */
  readonly quorumPercent: number;
  /** Ballots stored with no link to the voter (never for consent: see checkSpec). */
  readonly anonymous: boolean;
  /** Published with the result: the seed of the tie-breaking lot (the proposal's id). */
  readonly seed: string;
}

export type Ballot =
  | { readonly method: 'majority'; readonly position: 'for' | 'against' | 'abstain' }
  | {
      readonly method: 'consent';
      readonly position: 'consent' | 'stand_aside' | 'object';
      /** An objection marked resolved (the objector agreed after a change); it no longer blocks. */
      readonly resolved?: boolean;
    }
  | { readonly method: 'score'; readonly scores: Readonly<Record<string, number>> | null }
  | { readonly method: 'ranked'; readonly ranking: readonly string[] | null };

/** A ballot with how many identical ones it stands for (1 for a named ballot's row). */
export interface CountedBallot {
  readonly ballot: Ballot;
  readonly count: number;
}

export interface DecisionError {
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** Options, scale and quorum limits: more than 20 options is a survey, not a proposal. */
export const MAX_OPTIONS = 20;
/** Anonymous ranked ballots are kept as counts per ranking; 6 options is 1,956 rankings. */
export const MAX_ANONYMOUS_RANKED_OPTIONS = 6;
export const MAX_SCORE_POINTS = 11;

export function checkSpec(spec: ProposalSpec): DecisionError | null {
  const { method, options } = spec;
  if (!(METHODS as readonly string[]).includes(method))
    return { key: 'decision.spec.unknown_method' };
  if (!Number.isInteger(spec.quorumPercent) || spec.quorumPercent < 0 || spec.quorumPercent > 100) {
    return { key: 'decision.spec.bad_quorum' };
  }
  if (method === 'consent' && spec.anonymous) {
    // An objection is worked out with the person who made it: consent is never anonymous.
    return { key: 'decision.spec.consent_not_anonymous' };
  }
  if (method === 'majority' || method === 'consent') {
    return options.length === 0 ? null : { key: 'decision.spec.options_not_allowed' };
  }
  if (options.length < 2) return { key: 'decision.spec.too_few_options', params: { min: 2 } };
  if (options.length > MAX_OPTIONS)
    return { key: 'decision.spec.too_many_options', params: { max: MAX_OPTIONS } };
  if (new Set(options).size !== options.length || options.some((o) => o === '')) {
    return { key: 'decision.spec.duplicate_option' };
  }
  if (method === 'ranked' && spec.anonymous && options.length > MAX_ANONYMOUS_RANKED_OPTIONS) {
    return {
      key: 'decision.spec.too_many_anonymous_ranked',
      params: { max: MAX_ANONYMOUS_RANKED_OPTIONS },
    };
  }
  if (method === 'score') {
    const r = spec.scoreRange;
    if (
      !r ||
      !Number.isInteger(r.min) ||
      !Number.isInteger(r.max) ||
      r.max <= r.min ||
      r.max - r.min + 1 > MAX_SCORE_POINTS
    ) {
      return { key: 'decision.spec.bad_score_range', params: { max: MAX_SCORE_POINTS } };
    }
  }
  return null;
}

/** Whether a ballot is one a voter may cast on this proposal. */
export function checkBallot(spec: ProposalSpec, ballot: Ballot): DecisionError | null {
  if (ballot.method !== spec.method) return { key: 'decision.ballot.wrong_method' };
  switch (ballot.method) {
    case 'majority':
      return ['for', 'against', 'abstain'].includes(ballot.position)
        ? null
        : { key: 'decision.ballot.bad_position' };
    case 'consent':
      if (!['consent', 'stand_aside', 'object'].includes(ballot.position))
        return { key: 'decision.ballot.bad_position' };
      return ballot.resolved && ballot.position !== 'object'
        ? { key: 'decision.ballot.bad_position' }
        : null;
    case 'score': {
      if (ballot.scores === null) return null;
      const { min, max } = spec.scoreRange!;
      const keys = Object.keys(ballot.scores);
      if (keys.some((k) => !spec.options.includes(k)))
        return { key: 'decision.ballot.unknown_option' };
      for (const o of spec.options) {
        const s = ballot.scores[o];
        // Every option is scored, so sums and means rank the options the same way.
        if (s === undefined) return { key: 'decision.ballot.missing_score', params: { option: o } };
        if (!Number.isInteger(s) || s < min || s > max) {
          return { key: 'decision.ballot.score_out_of_range', params: { min, max } };
        }
      }
      return null;
    }
    case 'ranked': {
      if (ballot.ranking === null) return null;
      if (ballot.ranking.length === 0) return { key: 'decision.ballot.empty_ranking' };
      if (ballot.ranking.some((o) => !spec.options.includes(o)))
        return { key: 'decision.ballot.unknown_option' };
      if (new Set(ballot.ranking).size !== ballot.ranking.length)
        return { key: 'decision.ballot.duplicate_rank' };
      return null;
    }
  }
}

export function isAbstention(b: Ballot): boolean {
  if (b.method === 'majority') return b.position === 'abstain';
  if (b.method === 'score') return b.scores === null;
  if (b.method === 'ranked') return b.ranking === null;
  return false;
}

/**
 * The counters a ballot adds one to, as an anonymous poll stores it: rows of (proposal,
 * key, count), every key made when the poll opens (allCounterKeys), so no row appears at
 * the moment someone votes. Majority and consent: the position; ranked: the whole ranking
 * ("b>a>c"); score: one counter per option and score ("a:3"), enough for sums and means.
 */
export function counterKeys(b: Ballot, spec: ProposalSpec): string[] {
  switch (b.method) {
    case 'majority':
      return [b.position];
    case 'consent':
      return [b.resolved ? 'object:resolved' : b.position];
    case 'score':
      return b.scores === null ? ['abstain'] : spec.options.map((o) => `${o}:${b.scores![o]}`);
    case 'ranked':
      return [b.ranking === null ? 'abstain' : b.ranking.join('>')];
  }
}

/** Every counter key of a proposal (ranked: every ordering of every non-empty subset). */
export function allCounterKeys(spec: ProposalSpec): string[] {
  switch (spec.method) {
    case 'majority':
      return ['for', 'against', 'abstain'];
    case 'consent':
      return ['consent', 'stand_aside', 'object', 'object:resolved'];
    case 'score': {
      const { min, max } = spec.scoreRange!;
      const out = ['abstain'];
      for (const o of spec.options) for (let s = min; s <= max; s++) out.push(`${o}:${s}`);
      return out;
    }
    case 'ranked': {
      const out = ['abstain'];
      const walk = (prefix: string[]) => {
        for (const o of spec.options) {
          if (prefix.includes(o)) continue;
          const next = [...prefix, o];
          out.push(next.join('>'));
          walk(next);
        }
      };
      walk([]);
      return out;
    }
  }
}

/**
 * Ballots back from counters, for majority, consent and ranked (score is tallied from its
 * counters directly: see scoreCountsFromCounters). Unknown keys are ignored.
 */
export function ballotsFromCounters(
  spec: ProposalSpec,
  counters: ReadonlyMap<string, number>,
): CountedBallot[] {
  const out: CountedBallot[] = [];
  for (const [key, count] of counters) {
    if (count <= 0) continue;
    let ballot: Ballot | null = null;
    if (spec.method === 'majority' && (key === 'for' || key === 'against' || key === 'abstain')) {
      ballot = { method: 'majority', position: key };
    } else if (spec.method === 'consent') {
      if (key === 'object:resolved')
        ballot = { method: 'consent', position: 'object', resolved: true };
      else if (key === 'consent' || key === 'stand_aside' || key === 'object')
        ballot = { method: 'consent', position: key };
    } else if (spec.method === 'ranked') {
      const ranking = key === 'abstain' ? null : key.split('>');
      ballot = { method: 'ranked', ranking };
      if (checkBallot(spec, ballot)) ballot = null;
    }
    if (ballot) out.push({ ballot, count });
  }
  return out;
}
