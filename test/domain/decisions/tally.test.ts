import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  allCounterKeys,
  type Ballot,
  type CountedBallot,
  checkBallot,
  checkSpec,
  counterKeys,
  type ProposalSpec,
} from '../../../src/domain/decisions/ballots.ts';
import { quorum } from '../../../src/domain/decisions/quorum.ts';
import { adopted, tally, tallyCounters } from '../../../src/domain/decisions/tally.ts';
import { eliminateAmong, loserByLot, lotNumber } from '../../../src/domain/decisions/tie-break.ts';

const spec = (over: Partial<ProposalSpec>): ProposalSpec => ({
  method: 'majority',
  options: [],
  quorumPercent: 0,
  anonymous: false,
  seed: 'proposal-1',
  ...over,
});
const many = (ballot: Ballot, count: number): CountedBallot => ({ ballot, count });
const maj = (position: 'for' | 'against' | 'abstain', count = 1) =>
  many({ method: 'majority', position }, count);
const ranked = (ranking: string[] | null, count = 1) => many({ method: 'ranked', ranking }, count);

describe('quorum: a share of eligible members, abstaining counts', () => {
  it('needs ceil(percent x eligible / 100) participants, at least one, and someone eligible', () => {
    assert.deepEqual(quorum(3, 10, 30), { eligible: 10, participants: 3, required: 3, met: true });
    assert.equal(quorum(2, 10, 30).met, false);
    assert.equal(quorum(4, 11, 30).required, 4); // 3.3 rounds up
    assert.equal(quorum(0, 10, 0).met, false); // nobody took part: no result
    assert.equal(quorum(1, 10, 0).met, true);
    assert.equal(quorum(5, 0, 50).met, false); // nobody eligible
    assert.equal(quorum(10, 10, 100).met, true);
  });
});

describe('majority (with abstain)', () => {
  it('passes with more for than against; abstentions count for the quorum only', () => {
    const s = spec({ quorumPercent: 50 });
    assert.equal(
      tally(s, [maj('for', 3), maj('against', 2), maj('abstain', 5)], 20).outcome,
      'passed',
    );
    assert.equal(tally(s, [maj('for', 3), maj('against', 2)], 20).outcome, 'no_quorum');
    assert.equal(
      tally(s, [maj('for', 3), maj('against', 3), maj('abstain', 4)], 20).outcome,
      'tied',
    );
    assert.equal(
      tally(s, [maj('for', 2), maj('against', 3), maj('abstain', 5)], 20).outcome,
      'rejected',
    );
    assert.equal(
      adopted(tally(s, [maj('for', 3), maj('against', 3), maj('abstain', 4)], 20)),
      false,
    );
  });
});

describe('consent: objections block until resolved', () => {
  const s = spec({ method: 'consent', quorumPercent: 40 });
  const c = (position: 'consent' | 'stand_aside' | 'object', count = 1, resolved = false) =>
    many({ method: 'consent', position, ...(resolved ? { resolved } : {}) }, count);
  it('one standing objection blocks whatever the numbers; a resolved one does not', () => {
    assert.equal(tally(s, [c('consent', 9), c('object')], 10).outcome, 'blocked');
    assert.equal(tally(s, [c('consent', 9), c('object', 1, true)], 10).outcome, 'consented');
    assert.equal(tally(s, [c('consent', 1), c('stand_aside', 3)], 10).outcome, 'consented');
    assert.equal(tally(s, [c('consent', 3)], 10).outcome, 'no_quorum');
    assert.equal(tally(s, [c('object')], 10).outcome, 'blocked');
  });
  it('is never anonymous: an objection is worked out with the person who made it', () => {
    assert.equal(checkSpec({ ...s, anonymous: true })?.key, 'decision.spec.consent_not_anonymous');
  });
});

describe('score (sum and mean)', () => {
  const s = spec({
    method: 'score',
    options: ['a', 'b', 'c'],
    scoreRange: { min: 0, max: 5 },
    quorumPercent: 10,
  });
  const sc = (a: number, b: number, c: number, count = 1) =>
    many({ method: 'score', scores: { a, b, c } }, count);
  it('ranks by the sum (every ballot scores every option, so the mean agrees)', () => {
    const t = tally(
      s,
      [sc(5, 3, 0), sc(4, 5, 1), sc(0, 5, 5), many({ method: 'score', scores: null }, 2)],
      10,
    );
    assert.equal(t.method, 'score');
    if (t.method !== 'score') return;
    assert.deepEqual(t.options, [
      { option: 'a', sum: 9, mean: 3 },
      { option: 'b', sum: 13, mean: 4.33 },
      { option: 'c', sum: 6, mean: 2 },
    ]);
    assert.equal(t.winner, 'b');
    assert.equal(t.abstain, 2);
  });
  it('refuses ballots that skip an option or leave the range', () => {
    assert.equal(
      checkBallot(s, { method: 'score', scores: { a: 1, b: 2 } })?.key,
      'decision.ballot.missing_score',
    );
    assert.equal(
      checkBallot(s, { method: 'score', scores: { a: 1, b: 2, c: 6 } })?.key,
      'decision.ballot.score_out_of_range',
    );
    assert.equal(
      checkBallot(s, { method: 'score', scores: { a: 1, b: 2, c: 3, d: 1 } })?.key,
      'decision.ballot.unknown_option',
    );
  });
  it('breaks a tie for the highest sum by the published lot', () => {
    const t = tally(s, [sc(5, 5, 0)], 10);
    assert.equal(t.method === 'score' && t.tieBreak, 'lot');
    const expected = lotNumber('proposal-1', 'a') > lotNumber('proposal-1', 'b') ? 'a' : 'b';
    assert.equal(t.method === 'score' && t.winner, expected);
  });
});

describe('ranked choice by instant runoff', () => {
  const s = spec({ method: 'ranked', options: ['a', 'b', 'c', 'd'] });
  it('moves the ballots of the eliminated option to their next choice', () => {
    const t = tally(
      s,
      [ranked(['a', 'b'], 4), ranked(['b', 'a'], 3), ranked(['c', 'b'], 2), ranked(['d', 'c'], 1)],
      10,
    );
    assert.equal(t.method, 'ranked');
    if (t.method !== 'ranked') return;
    assert.deepEqual(
      t.rounds.map((r) => [r.counts, r.eliminated ?? null, r.exhausted]),
      [
        [{ a: 4, b: 3, c: 2, d: 1 }, 'd', 0],
        [{ a: 4, b: 3, c: 3 }, 'c', 0],
        // d's ballot (d, then c) ranks nobody left: exhausted.
        [{ a: 4, b: 5 }, null, 1],
      ],
    );
    assert.equal(t.winner, 'b');
    assert.equal(t.majority, true);
  });
  it('counts exhausted ballots apart, and the last option left wins without a majority', () => {
    const t = tally(
      spec({ method: 'ranked', options: ['a', 'b', 'c'] }),
      [ranked(['a'], 2), ranked(['b'], 2), ranked(['c', 'a'], 1)],
      5,
    );
    if (t.method !== 'ranked') assert.fail();
    assert.equal(t.rounds[0]!.eliminated, 'c');
    assert.deepEqual(t.rounds[1]!.counts, { a: 3, b: 2 });
    assert.equal(t.winner, 'a');
  });
  it('breaks a tie for last by the earlier rounds, then by the lot', () => {
    // Round 1: a 3, b 2, c 2, d 1 → d out (its ballot goes to c). Round 2: a 3, b 2, c 3 →
    // b out. A tie later between options equal now but not before looks back.
    assert.deepEqual(eliminateAmong(['b', 'c'], [{ b: 2, c: 1 }], 's'), {
      option: 'c',
      by: 'earlier_rounds',
    });
    assert.deepEqual(eliminateAmong(['b', 'c'], [{ b: 2, c: 2 }], 's'), {
      option: loserByLot('s', ['b', 'c']),
      by: 'lot',
    });
    assert.deepEqual(eliminateAmong(['b'], [], 's'), { option: 'b', by: 'none' });
  });
  it('needs a quorum, and no ballots is no result', () => {
    const q = spec({ method: 'ranked', options: ['a', 'b'], quorumPercent: 50 });
    assert.equal(tally(q, [ranked(['a'])], 10).outcome, 'no_quorum');
    assert.equal(tally(q, [ranked(null, 6)], 10).outcome, 'no_votes');
  });
});

describe('ballots of anonymous polls are counters, all made when the poll opens', () => {
  it('every ballot falls in counters that exist from the start, and counting them gives the same result', () => {
    const specs: ProposalSpec[] = [
      spec({ anonymous: true }),
      spec({
        method: 'score',
        options: ['a', 'b'],
        scoreRange: { min: 1, max: 3 },
        anonymous: true,
      }),
      spec({ method: 'ranked', options: ['a', 'b', 'c'], anonymous: true }),
    ];
    const ballots: CountedBallot[][] = [
      [maj('for', 2), maj('against', 1), maj('abstain', 1)],
      [
        many({ method: 'score', scores: { a: 1, b: 3 } }, 2),
        many({ method: 'score', scores: { a: 3, b: 3 } }, 1),
        many({ method: 'score', scores: null }, 1),
      ],
      [ranked(['c', 'a'], 2), ranked(['b'], 1), ranked(['a', 'b', 'c'], 3), ranked(null, 1)],
    ];
    specs.forEach((s, i) => {
      const keys = new Set(allCounterKeys(s));
      const counters = new Map([...keys].map((k) => [k, 0]));
      for (const b of ballots[i]!) {
        for (const k of counterKeys(b.ballot, s)) {
          assert.ok(keys.has(k), `${k} was not made at opening`);
          counters.set(k, counters.get(k)! + b.count);
        }
      }
      assert.deepEqual(tallyCounters(s, counters, 10), tally(s, ballots[i]!, 10));
    });
    assert.equal(
      allCounterKeys(spec({ method: 'ranked', options: ['a', 'b', 'c', 'd', 'e', 'f'] })).length,
      1957,
    );
    assert.equal(
      checkSpec(
        spec({ method: 'ranked', options: ['a', 'b', 'c', 'd', 'e', 'f', 'g'], anonymous: true }),
      )?.key,
      'decision.spec.too_many_anonymous_ranked',
    );
  });
});
