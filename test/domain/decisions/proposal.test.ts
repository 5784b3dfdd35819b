import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  hasAgreed,
  reminderDays,
  reminderKey,
  reviewState,
} from '../../../src/domain/decisions/agreements.ts';
import type { ProposalSpec } from '../../../src/domain/decisions/ballots.ts';
import {
  closeProposal,
  decideProposal,
  editDraft,
  extendClosing,
  openProposal,
  type ProposalState,
  resultsVisible,
  reviewDue,
  withdrawProposal,
} from '../../../src/domain/decisions/proposal.ts';
import { parseSmsVote, readVoteChoice } from '../../../src/domain/decisions/sms-vote.ts';
import {
  decideVote,
  resolveObjection,
  type VoteContext,
} from '../../../src/domain/decisions/voting.ts';

const spec: ProposalSpec = {
  method: 'majority',
  options: [],
  quorumPercent: 30,
  anonymous: false,
  seed: 'p1',
};
const draft: ProposalState = {
  status: 'draft',
  spec,
  hideResultsUntilClosed: true,
  closesAt: '2025-04-10T18:00:00.000Z',
};
const NOW = '2025-04-01T10:00:00.000Z';

function open(p: ProposalState = draft): ProposalState {
  const step = openProposal(p, NOW);
  assert.ok(step.ok, JSON.stringify(!step.ok && step.error));
  return step.state;
}
const errorKey = (step: { ok: boolean; error?: { key: string } }) =>
  step.ok ? null : step.error!.key;

describe('a proposal: draft, open, closed, decided', () => {
  it('opens a valid draft whose vote runs at least an hour, and fixes its settings', () => {
    const p = open();
    assert.equal(p.status, 'open');
    assert.equal(p.openedAt, NOW);
    assert.equal(
      errorKey(openProposal({ ...draft, closesAt: '2025-04-01T10:30:00.000Z' }, NOW)),
      'decision.proposal.closes_too_soon',
    );
    assert.equal(
      errorKey(openProposal({ ...draft, closesAt: 'not a date' }, NOW)),
      'decision.proposal.closes_too_soon',
    );
    assert.equal(
      errorKey(openProposal({ ...draft, spec: { ...spec, quorumPercent: 101 } }, NOW)),
      'decision.spec.bad_quorum',
    );
    assert.equal(
      errorKey(editDraft(p, { hideResultsUntilClosed: false })),
      'decision.proposal.not_draft',
    );
    assert.ok(editDraft(draft, { spec: { ...spec, anonymous: true } }).ok);
  });

  it('never turns an anonymous poll named (nor a named one anonymous) once open', () => {
    const anon = open({ ...draft, spec: { ...spec, anonymous: true } });
    assert.equal(
      errorKey(editDraft(anon, { spec: { ...spec, anonymous: false } })),
      'decision.proposal.anonymity_fixed',
    );
    assert.equal(
      errorKey(editDraft(open(), { spec: { ...spec, anonymous: true } })),
      'decision.proposal.anonymity_fixed',
    );
  });

  it('moves the closing date only later; closes at the date, or early once everyone has voted', () => {
    const p = open();
    assert.equal(
      errorKey(extendClosing(p, '2025-04-05T00:00:00.000Z', NOW)),
      'decision.proposal.only_later',
    );
    assert.ok(extendClosing(p, '2025-04-12T00:00:00.000Z', NOW).ok);
    assert.equal(
      errorKey(closeProposal(p, NOW, { participants: 9, eligible: 10 })),
      'decision.proposal.not_yet_closing',
    );
    assert.ok(closeProposal(p, NOW, { participants: 10, eligible: 10 }).ok);
    const closed = closeProposal(p, '2025-04-10T18:00:00.000Z', { participants: 1, eligible: 10 });
    assert.ok(closed.ok);
    if (!closed.ok) return;
    assert.equal(
      errorKey(decideProposal(closed.state, '2025-04-11T09:00:00.000Z', '2025-04-11')),
      'decision.proposal.review_in_past',
    );
    assert.equal(
      errorKey(decideProposal(closed.state, '2025-04-11T09:00:00.000Z', '2025-13-01')),
      'decision.proposal.bad_review_date',
    );
    assert.equal(
      errorKey(decideProposal(closed.state, '2025-04-11T09:00:00.000Z', '2026-02-30')),
      'decision.proposal.bad_review_date',
    );
    const decided = decideProposal(closed.state, '2025-04-11T09:00:00.000Z', '2025-10-11');
    assert.ok(decided.ok);
    if (!decided.ok) return;
    assert.equal(reviewDue(decided.state, '2025-10-10'), false);
    assert.equal(reviewDue(decided.state, '2025-10-11'), true);
    assert.equal(errorKey(withdrawProposal(decided.state)), 'decision.proposal.cannot_withdraw');
    assert.equal(withdrawProposal(p).ok, true);
  });

  it('hides results until closing when the opener chose so', () => {
    assert.equal(resultsVisible(open()), false);
    assert.equal(resultsVisible(open({ ...draft, hideResultsUntilClosed: false })), true);
    assert.equal(resultsVisible({ ...open(), status: 'closed' }), true);
    assert.equal(resultsVisible(draft), false);
  });
});

describe('voting rules, the same on every channel', () => {
  const p = open();
  const ctx = (over: Partial<VoteContext>): VoteContext => ({
    channel: 'web',
    eligible: true,
    existing: 'none',
    now: NOW,
    ...over,
  });
  const yes = { method: 'majority', position: 'for' } as const;

  it('one ballot per person, changeable until closing by web or text, never replaced by paper', () => {
    assert.deepEqual(decideVote(p, yes, ctx({})), { ok: true, action: 'insert' });
    assert.deepEqual(decideVote(p, yes, ctx({ existing: 'ballot' })), {
      ok: true,
      action: 'replace',
    });
    assert.deepEqual(decideVote(p, yes, ctx({ existing: 'ballot', channel: 'sms' })), {
      ok: true,
      action: 'replace',
    });
    assert.equal(
      errorKey(decideVote(p, yes, ctx({ existing: 'ballot', channel: 'paper' }))),
      'decision.vote.already_voted',
    );
    assert.equal(
      errorKey(decideVote(p, yes, ctx({ now: '2025-04-10T18:00:00.000Z' }))),
      'decision.vote.closed',
    );
    assert.equal(
      errorKey(decideVote(p, yes, ctx({ eligible: false }))),
      'decision.vote.not_eligible',
    );
    assert.equal(errorKey(decideVote(draft, yes, ctx({}))), 'decision.vote.closed');
    assert.equal(
      errorKey(decideVote(p, { method: 'ranked', ranking: ['a'] }, ctx({}))),
      'decision.ballot.wrong_method',
    );
  });

  it('an anonymous ballot is final: once cast there is nothing linking it to change', () => {
    const anon = open({ ...draft, spec: { ...spec, anonymous: true } });
    assert.deepEqual(decideVote(anon, yes, ctx({})), { ok: true, action: 'insert' });
    for (const channel of ['web', 'sms', 'paper'] as const) {
      assert.equal(
        errorKey(decideVote(anon, yes, ctx({ channel, existing: 'participation' }))),
        'decision.vote.already_voted_anonymous',
      );
    }
  });

  it('an objection is resolved by a coordinator act, not by a vote', () => {
    const consent = open({ ...draft, spec: { ...spec, method: 'consent' } });
    const object = { method: 'consent', position: 'object' } as const;
    assert.equal(
      errorKey(decideVote(consent, { ...object, resolved: true }, ctx({}))),
      'decision.vote.resolved_is_not_a_vote',
    );
    const done = resolveObjection(consent, object, NOW);
    assert.deepEqual(done, { ok: true, ballot: { ...object, resolved: true } });
    assert.equal(
      resolveObjection(consent, { method: 'consent', position: 'consent' }, NOW).ok,
      false,
    );
  });
});

describe('votes by text: VOTE <code> <choice>', () => {
  it('reads the keyword in English and Spanish, and the code in pieces', () => {
    assert.deepEqual(parseSmsVote('vote K7M-4QP yes'), {
      kind: 'vote',
      code: 'K7M4QP',
      choice: 'YES',
    });
    assert.deepEqual(parseSmsVote('Votar k7m 4qp  2'), {
      kind: 'vote',
      code: 'K7M4QP',
      choice: '2',
    });
    assert.deepEqual(parseSmsVote('VOTO K7M4QP'), { kind: 'vote', code: 'K7M4QP', choice: '' });
    assert.deepEqual(parseSmsVote('VOTE K7M'), { kind: 'missing_code' });
    assert.deepEqual(parseSmsVote('HELP'), { kind: 'not_a_vote' });
    assert.deepEqual(parseSmsVote('voters unite'), { kind: 'not_a_vote' });
  });

  it('reads the choice for each method, or says what is expected', () => {
    const pos = (s: ProposalSpec, t: string) => {
      const r = readVoteChoice(s, t);
      return r.ok ? r.ballot : r.error.key;
    };
    assert.deepEqual(pos(spec, 'sí'), { method: 'majority', position: 'for' });
    assert.deepEqual(pos(spec, '2'), { method: 'majority', position: 'against' });
    assert.deepEqual(pos(spec, 'abstención'), { method: 'majority', position: 'abstain' });
    assert.equal(pos(spec, 'maybe'), 'decision.sms.majority_choice');
    assert.equal(pos(spec, ''), 'decision.sms.choice_missing');
    const consent = { ...spec, method: 'consent' as const };
    assert.deepEqual(readVoteChoice(consent, 'object the budget is too high'), {
      ok: true,
      ballot: { method: 'consent', position: 'object' },
      reason: 'the budget is too high',
    });
    assert.deepEqual(pos(consent, 'de acuerdo'), { method: 'consent', position: 'consent' });
    assert.deepEqual(pos(consent, 'aparte'), { method: 'consent', position: 'stand_aside' });
    const score = {
      ...spec,
      method: 'score' as const,
      options: ['a', 'b', 'c'],
      scoreRange: { min: 0, max: 5 },
    };
    assert.deepEqual(pos(score, '4 2 5'), { method: 'score', scores: { a: 4, b: 2, c: 5 } });
    assert.equal(pos(score, '4 2'), 'decision.sms.score_count');
    assert.equal(pos(score, '4 2 9'), 'decision.ballot.score_out_of_range');
    const ranked = { ...spec, method: 'ranked' as const, options: ['a', 'b', 'c'] };
    assert.deepEqual(pos(ranked, '2,1,3'), { method: 'ranked', ranking: ['b', 'a', 'c'] });
    assert.deepEqual(pos(ranked, '31'), { method: 'ranked', ranking: ['c', 'a'] });
    assert.equal(pos(ranked, '2 2'), 'decision.ballot.duplicate_rank');
    assert.equal(pos(ranked, '4'), 'decision.sms.ranked_choice');
    assert.deepEqual(pos(ranked, 'abstain'), { method: 'ranked', ranking: null });
  });
});

describe('agreements: versions, acceptance, review dates', () => {
  const versions = [
    { number: 1, kind: 'first', reviewOn: '2025-06-01' },
    { number: 2, kind: 'change', reviewOn: '2025-12-01' },
    { number: 3, kind: 'correction', reviewOn: '2025-12-01' },
  ] as const;
  it('asks people to agree again after a change, not after a correction', () => {
    assert.equal(hasAgreed(versions, 1), false);
    assert.equal(hasAgreed(versions, 2), true);
    assert.equal(hasAgreed(versions, 3), true);
    assert.equal(hasAgreed(versions, null), false);
  });
  it('says where a review date stands and when its reminders go', () => {
    assert.equal(reviewState('2025-12-01', '2025-11-01'), 'ok');
    assert.equal(reviewState('2025-12-01', '2025-11-20'), 'soon');
    assert.equal(reviewState('2025-12-01', '2025-12-01'), 'due');
    assert.equal(reviewState('2025-12-01', '2025-12-02'), 'overdue');
    assert.deepEqual(reminderDays('2025-12-01', '2025-11-01'), [
      '2025-11-17',
      '2025-11-30',
      '2025-12-01',
    ]);
    assert.deepEqual(reminderDays('2025-12-01', '2025-11-30'), ['2025-11-30', '2025-12-01']);
    assert.equal(
      reminderKey('agreement', 'a1', '2025-11-30', 'p9'),
      'agreement.review:a1:2025-11-30:p9',
    );
  });
});
