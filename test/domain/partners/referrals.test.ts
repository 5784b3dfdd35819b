import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ReportCount, suppressRows } from '../../../src/domain/announcements/small-counts.ts';
import {
  closedLoopReport,
  median,
  type ReferralFact,
} from '../../../src/domain/partners/closed-loop.ts';
import {
  type Consent,
  consentState,
  receiverMaySee,
  recordConsent,
  redactToConsent,
  visibleFields,
  withdrawConsent,
} from '../../../src/domain/partners/consent.ts';
import {
  canSet,
  changeStatus,
  FHIR_TASK_STATUS,
  REFERRAL_STATUSES,
  type ReferralRole,
  type ReferralStatus,
} from '../../../src/domain/partners/referral-status.ts';

const ROLES: ReferralRole[] = ['sender', 'receiver'];

describe('referral status: who may set what', () => {
  it('every pair of statuses, for both roles, against the table in the module comment', () => {
    const receiver: Record<ReferralStatus, ReferralStatus[]> = {
      sent: ['received', 'accepted', 'declined'],
      received: ['accepted', 'declined'],
      accepted: ['in_progress', 'completed', 'could_not_help'],
      in_progress: ['completed', 'could_not_help'],
      declined: [],
      completed: [],
      could_not_help: [],
      cancelled: [],
    };
    for (const from of REFERRAL_STATUSES)
      for (const to of REFERRAL_STATUSES) {
        assert.equal(
          canSet('receiver', from, to),
          receiver[from].includes(to),
          `receiver ${from}→${to}`,
        );
        const open = ['sent', 'received', 'accepted', 'in_progress'].includes(from);
        assert.equal(
          canSet('sender', from, to),
          open && to === 'cancelled',
          `sender ${from}→${to}`,
        );
      }
  });

  it('the sender cannot accept or complete; the receiver cannot cancel', () => {
    assert.deepEqual(changeStatus('sent', { to: 'accepted', by: 'sender' }), {
      ok: false,
      code: 'REFERRAL_NOT_YOURS_TO_SET',
    });
    assert.deepEqual(changeStatus('accepted', { to: 'completed', by: 'sender' }), {
      ok: false,
      code: 'REFERRAL_NOT_YOURS_TO_SET',
    });
    assert.deepEqual(
      changeStatus('sent', { to: 'cancelled', by: 'receiver', reason: 'no_longer_needed' }),
      {
        ok: false,
        code: 'REFERRAL_NOT_YOURS_TO_SET',
      },
    );
    assert.deepEqual(changeStatus('sent', { to: 'completed', by: 'receiver' }), {
      ok: false,
      code: 'REFERRAL_STATUS_CONFLICT',
    });
  });

  it('declining, could-not-help and cancelling need a reason of their own list; "other" needs a note', () => {
    assert.deepEqual(changeStatus('received', { to: 'declined', by: 'receiver' }), {
      ok: false,
      code: 'REFERRAL_REASON_REQUIRED',
      field: 'reason',
    });
    assert.deepEqual(
      changeStatus('received', { to: 'declined', by: 'receiver', reason: 'consent_withdrawn' }),
      {
        ok: false,
        code: 'REFERRAL_REASON_INVALID',
        field: 'reason',
      },
    );
    assert.deepEqual(
      changeStatus('accepted', { to: 'could_not_help', by: 'receiver', reason: 'other' }),
      {
        ok: false,
        code: 'REFERRAL_NOTE_REQUIRED',
        field: 'note',
      },
    );
    assert.deepEqual(
      changeStatus('accepted', { to: 'in_progress', by: 'receiver', reason: 'no_capacity' }),
      {
        ok: false,
        code: 'REFERRAL_REASON_INVALID',
        field: 'reason',
      },
    );
    const ok = changeStatus('in_progress', {
      to: 'cancelled',
      by: 'sender',
      reason: 'consent_withdrawn',
      note: ' ',
    });
    assert.deepEqual(ok, {
      ok: true,
      unchanged: false,
      event: {
        from: 'in_progress',
        to: 'cancelled',
        by: 'sender',
        reason: 'consent_withdrawn',
        note: null,
      },
    });
  });

  it('a closed referral moves no more; the same status again is a quiet no-op (retries)', () => {
    for (const closed of ['declined', 'completed', 'could_not_help', 'cancelled'] as const)
      for (const by of ROLES)
        assert.deepEqual(changeStatus(closed, { to: 'in_progress', by }), {
          ok: false,
          code: 'REFERRAL_CLOSED',
        });
    assert.deepEqual(changeStatus('accepted', { to: 'accepted', by: 'receiver' }), {
      ok: true,
      unchanged: true,
    });
  });

  it('property: any sequence of allowed moves from "sent" ends in a closed status or stays open, never loops back', () => {
    let seed = 11;
    const pick = <T>(xs: readonly T[]) => {
      seed = (seed * 16807) % 2147483647;
      return xs[seed % xs.length]!;
    };
    const order = ['sent', 'received', 'accepted', 'in_progress'];
    for (let run = 0; run < 300; run++) {
      let s: ReferralStatus = 'sent';
      for (let step = 0; step < 10; step++) {
        const by = pick(ROLES);
        const options = REFERRAL_STATUSES.filter((t) => canSet(by, s, t));
        if (!options.length) continue;
        const to = pick(options);
        const r = changeStatus(s, { to, by, reason: 'other', note: 'n' });
        const reasonless = !['declined', 'could_not_help', 'cancelled'].includes(to);
        const result = reasonless ? changeStatus(s, { to, by }) : r;
        assert.ok(result.ok, `${s}→${to} by ${by}`);
        if (order.includes(to)) assert.ok(order.indexOf(to) > order.indexOf(s), 'forward only');
        s = to;
      }
    }
  });

  it('maps to the Gravity SDOH (FHIR Task) statuses', () => {
    assert.equal(FHIR_TASK_STATUS.declined, 'rejected');
    assert.equal(FHIR_TASK_STATUS.could_not_help, 'failed');
    assert.equal(FHIR_TASK_STATUS.sent, 'requested');
  });
});

describe('consent: what a partner may see, and when', () => {
  const partner = { kind: 'organization' as const, organizationId: 'org-elm' };
  const other = { kind: 'organization' as const, organizationId: 'org-river' };
  const now = new Date('2026-03-02T10:00:00Z');
  const record = (extra: Partial<Parameters<typeof recordConsent>[0]> = {}) => {
    const r = recordConsent(
      {
        referralId: 'ref-1',
        fields: ['phone', 'first_name', 'phone'],
        recipient: partner,
        givenVia: 'phone_call',
        recordedBy: 'coord',
        days: 14,
        updatesToPerson: true,
        ...extra,
      },
      now,
    );
    assert.ok(r.ok);
    return r.consent;
  };
  const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

  it('records the fields in one order, once, and the expiry', () => {
    const c = record();
    assert.deepEqual(c.fields, ['first_name', 'phone']);
    assert.equal(c.expiresAt, '2026-03-16T10:00:00.000Z');
  });

  it('the partner sees the consented fields while it is active, and nothing after it expires', () => {
    const c = record();
    assert.deepEqual(visibleFields(c, partner, later(1)), ['first_name', 'phone']);
    assert.deepEqual(visibleFields(c, partner, later(14)), [], 'expired at the instant');
    assert.deepEqual(
      visibleFields(c, partner, new Date(now.getTime() - 1)),
      [],
      'not before it was given',
    );
    assert.equal(consentState(c, later(20)), 'expired');
  });

  it('from the side of someone else: another partner sees nothing', () => {
    assert.deepEqual(visibleFields(record(), other, later(1)), []);
    assert.deepEqual(
      visibleFields(record(), { kind: 'network', pairingId: 'org-elm' }, later(1)),
      [],
    );
  });

  it('a withdrawn consent ends the partner’s access at once, and for good', () => {
    const withdrawn = withdrawConsent(record(), later(2));
    assert.deepEqual(visibleFields(withdrawn, partner, later(2)), []);
    assert.deepEqual(
      visibleFields(withdrawn, partner, later(1)),
      ['first_name', 'phone'],
      'before it, it held',
    );
    assert.equal(withdrawConsent(withdrawn, later(5)).withdrawnAt, withdrawn.withdrawnAt);
  });

  it('a closed referral ends access too, whatever the consent says', () => {
    const c = record();
    assert.deepEqual(receiverMaySee(c, 'accepted', partner, later(1)), ['first_name', 'phone']);
    for (const s of ['completed', 'declined', 'cancelled', 'could_not_help'] as const)
      assert.deepEqual(receiverMaySee(c, s, partner, later(1)), []);
    assert.deepEqual(receiverMaySee(null, 'accepted', partner, later(1)), []);
  });

  it('the details are cut down to the allowed fields', () => {
    const details = {
      first_name: 'Ana',
      full_name: 'Ana Ruiz',
      phone: '+1555',
      address: '1 Elm St',
    };
    assert.deepEqual(redactToConsent(details, visibleFields(record(), partner, later(1))), {
      first_name: 'Ana',
      phone: '+1555',
    });
  });

  it('mistakes come back with their field', () => {
    const r = recordConsent(
      {
        referralId: 'r',
        fields: ['shoe_size'],
        recipient: partner,
        givenVia: 'telepathy',
        recordedBy: 'c',
        days: 365,
        updatesToPerson: false,
      },
      now,
    );
    assert.ok(!r.ok);
    assert.deepEqual(
      r.errors.map((e) => e.field),
      ['fields', 'givenVia', 'days'],
    );
    const none = recordConsent({ ...record(), fields: [], givenVia: 'sms', days: null }, now);
    assert.ok(!none.ok && none.errors[0]!.key === 'referrals.consent.fields_required');
  });

  it('property: after withdrawal or expiry, no moment and no viewer sees a field (seeded)', () => {
    let seed = 5;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let i = 0; i < 500; i++) {
      const c: Consent = withdrawConsent(record({ days: 1 + rnd(180) }), later(rnd(200)));
      const end = Math.min(Date.parse(c.expiresAt), Date.parse(c.withdrawnAt!));
      const at = new Date(end + rnd(10_000_000));
      assert.deepEqual(visibleFields(c, partner, at), []);
    }
  });
});

describe('closed-loop counts', () => {
  it('suppression: few under 3, a second cell withheld where the total would give one back', () => {
    const r = suppressRows({ a: { x: 10, y: 1 }, b: { x: 1, y: 1 }, c: { x: 5, y: 4 } }, [
      'x',
      'y',
    ]);
    assert.deepEqual(r.a, {
      cells: { x: { kind: 'withheld' }, y: { kind: 'few' } },
      total: { kind: 'count', n: 11 },
    });
    assert.deepEqual(r.b, {
      cells: { x: { kind: 'few' }, y: { kind: 'few' } },
      total: { kind: 'few' },
    });
    assert.deepEqual(r.c, {
      cells: { x: { kind: 'count', n: 5 }, y: { kind: 'count', n: 4 } },
      total: { kind: 'count', n: 9 },
    });
    // Two cells of 2 and a total of 4 would say "both are 2": the total is withheld.
    const two = suppressRows({ a: { x: 2, y: 2 } }, ['x', 'y']).a!;
    assert.deepEqual(two.total, { kind: 'withheld' });
  });

  it('property: no small count of people can be worked out from what is shown (seeded, 3000 rows)', () => {
    let seed = 3;
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const cols = ['a', 'b', 'c', 'd'] as const;
    for (let i = 0; i < 3000; i++) {
      const row = Object.fromEntries(
        cols.map((c) => [c, rnd(4) === 0 ? rnd(12) : rnd(3)]),
      ) as Record<(typeof cols)[number], number>;
      const { cells, total } = suppressRows({ r: row }, cols).r!;
      // Every assignment of hidden cells consistent with what is shown (few: 0..2, withheld: 3..30).
      const hidden = cols.filter((c) => cells[c].kind !== 'count');
      const ranges = hidden.map((c) =>
        cells[c].kind === 'few' ? [0, 1, 2] : Array.from({ length: 28 }, (_, j) => j + 3),
      );
      const shownSum = cols.reduce(
        (s, c) => s + ((cells[c] as ReportCount & { n?: number }).n ?? 0),
        0,
      );
      const seen = hidden.map(() => new Set<number>());
      const walk = (j: number, acc: number[]) => {
        if (j === hidden.length) {
          const sum = acc.reduce((s, v) => s + v, 0) + shownSum;
          if (total.kind !== 'count' || sum === total.n)
            for (const [x, v] of acc.entries()) seen[x]!.add(v);
          return;
        }
        for (const v of ranges[j]!) walk(j + 1, [...acc, v]);
      };
      walk(0, []);
      for (const [x, s] of seen.entries()) {
        const c = hidden[x]!;
        if (cells[c].kind === 'few' && row[c] >= 1)
          assert.ok(s.size >= 2, `${JSON.stringify(row)}: ${c} pinned`);
        assert.ok(s.has(row[c]), 'the truth is among the possibilities');
      }
    }
  });

  it('per partner and outcome, time to acceptance, small ones suppressed, the overall row safe', () => {
    const t = (h: number) => new Date(Date.UTC(2026, 2, 1) + h * 3_600_000).toISOString();
    const facts: ReferralFact[] = [
      ...[2, 4, 6, 30].map((h, i) => ({
        partnerId: 'elm',
        status: 'completed' as const,
        sentAt: t(i),
        acceptedAt: t(i + h),
      })),
      { partnerId: 'elm', status: 'declined', sentAt: t(5), acceptedAt: null },
      { partnerId: 'river', status: 'completed', sentAt: t(1), acceptedAt: t(2) },
      { partnerId: 'river', status: 'open' as never, sentAt: t(1), acceptedAt: null },
      {
        partnerId: 'elm',
        status: 'completed',
        sentAt: '2026-01-01T00:00:00.000Z',
        acceptedAt: null,
      },
    ];
    facts[6]!.status = 'sent';
    const r = closedLoopReport(facts, {
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
    });
    const elm = r.partners.find((p) => p.partnerId === 'elm')!;
    assert.deepEqual(
      elm.outcomes.total,
      { kind: 'count', n: 5 },
      'the January referral is outside the period',
    );
    assert.equal(elm.outcomes.cells.declined.kind, 'few');
    assert.deepEqual(elm.medianHoursToAccept, { kind: 'value', value: 5, n: 4 });
    const river = r.partners.find((p) => p.partnerId === 'river')!;
    assert.deepEqual(river.outcomes.total, { kind: 'few' });
    assert.deepEqual(river.medianHoursToAccept, { kind: 'few' });
    assert.equal(median([3, 1, 2, 10]), 2.5);
  });

  it('the overall row withholds a column total that would give a partner’s hidden cell back', () => {
    const f = (partnerId: string, status: ReferralStatus): ReferralFact => ({
      partnerId,
      status,
      sentAt: '2026-03-02T00:00:00.000Z',
      acceptedAt: null,
    });
    const many = (n: number, partner: string, status: ReferralStatus) =>
      Array.from({ length: n }, () => f(partner, status));
    const facts = [
      ...many(3, 'a', 'completed'),
      f('a', 'declined'),
      ...many(3, 'b', 'completed'),
      ...many(3, 'b', 'declined'),
    ];
    const r = closedLoopReport(facts, { from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z' });
    const a = r.partners.find((p) => p.partnerId === 'a')!;
    assert.deepEqual(a.outcomes.cells.declined, { kind: 'few' });
    // Overall declined 4 minus b's 3 would be a's 1: the overall cell is withheld.
    assert.deepEqual(r.overall.outcomes.cells.declined, { kind: 'withheld' });
    assert.deepEqual(r.overall.outcomes.cells.completed, { kind: 'count', n: 6 });
  });
});
