import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type { CountedBallot, ProposalSpec } from '../../../src/domain/decisions/ballots.ts';
import { instantRunoff } from '../../../src/domain/decisions/instant-runoff.ts';
import { quorum } from '../../../src/domain/decisions/quorum.ts';
import { tally } from '../../../src/domain/decisions/tally.ts';
import { type Rng, rng } from '../seeded-rng.ts';

const RUNS = 2000;

/**
 * Instant runoff written the plain way, to check the real one: every ballot one by one,
 * every round counted from scratch, ties settled by looking back and then by sorting the
 * SHA-256 numbers (the rule in tie-break.ts, implemented again here).
 */
function referenceIrv(options: string[], ballots: string[][], seed: string): string | null {
  if (ballots.length === 0) return null;
  const left = [...options];
  const history: Map<string, number>[] = [];
  for (;;) {
    const counts = new Map(left.map((o) => [o, 0]));
    let active = 0;
    for (const b of ballots) {
      for (const o of b) {
        if (counts.has(o)) {
          counts.set(o, counts.get(o)! + 1);
          active++;
          break;
        }
      }
    }
    for (const o of left) if (counts.get(o)! * 2 > active) return o;
    if (left.length === 1) return left[0]!;
    const min = Math.min(...counts.values());
    let tied = left.filter((o) => counts.get(o) === min);
    for (let h = history.length - 1; h >= 0 && tied.length > 1; h--) {
      const past = history[h]!;
      const low = Math.min(...tied.map((o) => past.get(o)!));
      const lowest = tied.filter((o) => past.get(o) === low);
      if (lowest.length < tied.length) tied = lowest;
    }
    const hash = (o: string) => createHash('sha256').update(`${seed}:${o}`).digest('hex');
    const loser = [...tied].sort((a, b) => (hash(a) < hash(b) ? -1 : 1))[0]!;
    history.push(counts);
    left.splice(left.indexOf(loser), 1);
  }
}

function election(r: Rng) {
  const options = ['a', 'b', 'c', 'd', 'e'].slice(0, r.int(2, 5));
  const ballots = Array.from({ length: r.int(0, 12) }, () =>
    r.shuffle(options).slice(0, r.int(1, options.length)),
  );
  const spec: ProposalSpec = {
    method: 'ranked',
    options,
    quorumPercent: 0,
    anonymous: false,
    seed: `p${r.int(1, 1e6)}`,
  };
  return { options, ballots, spec };
}

/** Identical rankings merged into one counted ballot, as an anonymous poll's counters do. */
function merged(ballots: string[][]): CountedBallot[] {
  const by = new Map<string, number>();
  for (const b of ballots) by.set(b.join('>'), (by.get(b.join('>')) ?? 0) + 1);
  return [...by].map(([k, count]) => ({
    ballot: { method: 'ranked', ranking: k.split('>') },
    count,
  }));
}

const single = (ballots: string[][]): CountedBallot[] =>
  ballots.map((ranking) => ({ ballot: { method: 'ranked', ranking }, count: 1 }));

describe('instant runoff (properties on small random elections)', () => {
  it('agrees with the plain reference, ballot by ballot or merged into counts, in any order', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const { options, ballots, spec } = election(r);
      const want = referenceIrv(options, ballots, spec.seed);
      assert.equal(instantRunoff(spec, single(ballots)).winner, want, `seed ${s}`);
      assert.equal(instantRunoff(spec, merged(ballots)).winner, want, `seed ${s} merged`);
      assert.equal(
        instantRunoff(spec, single(r.shuffle(ballots))).winner,
        want,
        `seed ${s} shuffled`,
      );
    }
  });

  it('a majority of first choices wins at once; a Condorcet loser never wins', () => {
    let condorcetLosers = 0;
    for (let s = 1; s <= RUNS; s++) {
      const { options, ballots, spec } = election(rng(s));
      const { winner, rounds } = instantRunoff(spec, single(ballots));
      const first = (o: string) => ballots.filter((b) => b[0] === o).length;
      const major = options.find((o) => first(o) * 2 > ballots.length);
      if (major) {
        assert.equal(winner, major, `seed ${s}`);
        assert.equal(rounds.length, 1, `seed ${s}`);
      }
      // x beats y pairwise: more ballots rank x above y (unranked = below every ranked one).
      const rank = (b: string[], o: string) =>
        b.includes(o) ? b.indexOf(o) : Number.POSITIVE_INFINITY;
      const beats = (x: string, y: string) =>
        ballots.filter((b) => rank(b, x) < rank(b, y)).length >
        ballots.filter((b) => rank(b, y) < rank(b, x)).length;
      const loser = options.find((x) => options.every((y) => y === x || beats(y, x)));
      if (loser) {
        condorcetLosers++;
        assert.notEqual(winner, loser, `seed ${s}`);
      }
    }
    assert.ok(
      condorcetLosers > RUNS / 10,
      `only ${condorcetLosers} elections had a Condorcet loser`,
    );
  });

  it('every round counts every ballot once (for an option left, or exhausted), and eliminates one', () => {
    for (let s = 1; s <= RUNS; s++) {
      const { options, ballots, spec } = election(rng(s));
      const { rounds, winner } = instantRunoff(spec, single(ballots));
      rounds.forEach((round, i) => {
        const counted = Object.values(round.counts).reduce((a, b) => a + b, 0);
        assert.equal(counted + round.exhausted, ballots.length, `seed ${s} round ${i}`);
        assert.equal(Object.keys(round.counts).length, options.length - i, `seed ${s} round ${i}`);
        if (round.eliminated)
          assert.ok(!(round.eliminated in (rounds[i + 1]?.counts ?? {})), `seed ${s}`);
      });
      if (ballots.length > 0)
        assert.ok(winner !== null && winner in rounds[rounds.length - 1]!.counts, `seed ${s}`);
    }
  });
});

describe('quorum, majority, consent and score (properties)', () => {
  it('quorum is met exactly when participants reach the share, in whole people', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const eligible = r.int(0, 300);
      const percent = r.int(0, 100);
      const participants = r.int(0, eligible + 3);
      const q = quorum(participants, eligible, percent);
      const byIntegers =
        eligible > 0 && participants >= 1 && participants * 100 >= percent * eligible;
      assert.equal(q.met, byIntegers, `seed ${s}: ${participants}/${eligible} at ${percent}%`);
    }
  });

  it('majority passes iff the quorum is met and for > against; consent is blocked iff an objection stands', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const eligible = r.int(1, 40);
      const percent = r.int(0, 100);
      const [f, a, x] = [r.int(0, 10), r.int(0, 10), r.int(0, 10)];
      const spec: ProposalSpec = {
        method: 'majority',
        options: [],
        quorumPercent: percent,
        anonymous: r.next() < 0.5,
        seed: 's',
      };
      const t = tally(
        spec,
        r.shuffle([
          { ballot: { method: 'majority', position: 'for' }, count: f },
          { ballot: { method: 'majority', position: 'against' }, count: a },
          { ballot: { method: 'majority', position: 'abstain' }, count: x },
        ]),
        eligible,
      );
      const met = quorum(f + a + x, eligible, percent).met;
      assert.equal(t.outcome === 'passed', met && f > a, `seed ${s}`);
      const objections = r.int(0, 2);
      const resolved = r.int(0, 2);
      const c = tally(
        { ...spec, method: 'consent', anonymous: false },
        [
          { ballot: { method: 'consent', position: 'consent' }, count: f },
          { ballot: { method: 'consent', position: 'object' }, count: objections },
          { ballot: { method: 'consent', position: 'object', resolved: true }, count: resolved },
        ],
        eligible,
      );
      assert.equal(c.outcome === 'blocked', objections > 0, `seed ${s}`);
      if (objections === 0)
        assert.equal(
          c.outcome === 'consented',
          quorum(f + resolved, eligible, percent).met,
          `seed ${s}`,
        );
    }
  });

  it('score: the winner has the highest sum, and mean x scoring ballots = sum', () => {
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      const options = ['a', 'b', 'c', 'd'].slice(0, r.int(2, 4));
      const spec: ProposalSpec = {
        method: 'score',
        options,
        scoreRange: { min: 0, max: 4 },
        quorumPercent: 0,
        anonymous: false,
        seed: `s${s}`,
      };
      const ballots: CountedBallot[] = Array.from({ length: r.int(1, 8) }, () => ({
        ballot: {
          method: 'score',
          scores: Object.fromEntries(options.map((o) => [o, r.int(0, 4)])),
        },
        count: r.int(1, 3),
      }));
      const t = tally(spec, ballots, 100);
      if (t.method !== 'score') assert.fail();
      const scoring = ballots.reduce((acc, b) => acc + b.count, 0);
      const top = Math.max(...t.options.map((o) => o.sum));
      assert.equal(t.options.find((o) => o.option === t.winner)!.sum, top, `seed ${s}`);
      for (const o of t.options)
        assert.ok(Math.abs(o.mean! * scoring - o.sum) <= scoring * 0.005 + 1e-9, `seed ${s}`);
    }
  });
});
