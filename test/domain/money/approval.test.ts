import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aidRemaining, checkAidLimits } from '../../../src/domain/money/aid-limits.ts';
import {
  type ApprovalState,
  allowedApprovalEvents,
  approvalsNeeded,
  decide,
  type MoneyActor,
  waitsOn,
} from '../../../src/domain/money/approval.ts';
import type { Fund } from '../../../src/domain/money/funds.ts';
import {
  checkPayment,
  checkReceipt,
  type PaymentContext,
} from '../../../src/domain/money/payment-checks.ts';
import { defaultMoneySettings, validateMoneySettings } from '../../../src/domain/money/settings.ts';
import { type SpendingInput, validateSpending } from '../../../src/domain/money/spending.ts';

const NOW = '2026-12-01T10:00:00Z';
const person = (id: string, approve = true, pay = true): MoneyActor => ({
  personId: id,
  mayApprove: approve,
  mayPay: pay,
});
const vol = person('vol', false, false);
const ana = person('ana');
const ben = person('ben');
const item = (more: Partial<ApprovalState> = {}): ApprovalState => ({
  status: 'draft',
  amount: 4000,
  submittedBy: 'vol',
  interestedPerson: 'vol',
  approvals: [],
  returnReason: null,
  rejectReason: null,
  ...more,
});
const code = (r: ReturnType<typeof decide>) => (r.ok ? r.state.status : r.refusal.code);

describe('approval state machine', () => {
  it('draft, submitted, approved, paid, by the right people', () => {
    let s = item();
    const step = (e: Parameters<typeof decide>[1], a: MoneyActor, above: number | null = 50000) => {
      const r = decide(s, e, a, above, NOW);
      assert.ok(r.ok, JSON.stringify(r));
      s = r.state;
      return s.status;
    };
    assert.equal(step({ kind: 'edit' }, vol), 'draft');
    assert.equal(step({ kind: 'submit' }, vol), 'submitted');
    assert.equal(step({ kind: 'approve' }, ana), 'approved');
    assert.deepEqual(s.approvals, [{ by: 'ana', at: NOW }]);
    assert.equal(step({ kind: 'pay' }, ben), 'paid');
    assert.equal(code(decide(s, { kind: 'pay' }, ben, 50000, NOW)), 'MONEY_STATUS_CONFLICT');
  });

  it('nobody approves or pays what they submitted, or a reimbursement to themselves', () => {
    const submitted = item({ status: 'submitted', submittedBy: 'ana', interestedPerson: 'ana' });
    assert.equal(code(decide(submitted, { kind: 'approve' }, ana, null, NOW)), 'MONEY_OWN_ITEM');
    assert.equal(
      code(decide(submitted, { kind: 'return', reason: 'x' }, ana, null, NOW)),
      'MONEY_OWN_ITEM',
    );
    assert.equal(
      code(decide(submitted, { kind: 'reject', reason: 'x' }, ana, null, NOW)),
      'MONEY_OWN_ITEM',
    );
    assert.equal(
      code(decide({ ...submitted, status: 'approved' }, { kind: 'pay' }, ana, null, NOW)),
      'MONEY_OWN_ITEM',
    );
    // A coordinator entered a paper receipt for Ben: Ben is paid, so Ben may not approve it.
    const forBen = item({ status: 'submitted', submittedBy: 'ana', interestedPerson: 'ben' });
    assert.equal(code(decide(forBen, { kind: 'approve' }, ben, null, NOW)), 'MONEY_OWN_ITEM');
    assert.equal(code(decide(forBen, { kind: 'approve' }, person('cy'), null, NOW)), 'approved');
    assert.equal(
      code(decide(item({ status: 'submitted' }), { kind: 'approve' }, vol, null, NOW)),
      'MONEY_NOT_APPROVER',
    );
    assert.equal(
      code(
        decide(item({ status: 'approved' }), { kind: 'pay' }, person('cy', true, false), null, NOW),
      ),
      'MONEY_NOT_PAYER',
    );
    assert.equal(code(decide(item(), { kind: 'submit' }, ana, null, NOW)), 'MONEY_NOT_SUBMITTER');
  });

  it('above the threshold two different approvers are needed', () => {
    assert.equal(approvalsNeeded(50000, 50000), 1, 'at the threshold: one');
    assert.equal(approvalsNeeded(50001, 50000), 2);
    assert.equal(approvalsNeeded(10 ** 9, null), 1);
    const big = item({ status: 'submitted', amount: 80000 });
    const once = decide(big, { kind: 'approve' }, ana, 50000, NOW);
    assert.ok(once.ok);
    assert.equal(once.state.status, 'submitted', 'one approval is not enough');
    assert.equal(
      code(decide(once.state, { kind: 'approve' }, ana, 50000, NOW)),
      'MONEY_ALREADY_APPROVED',
    );
    assert.equal(
      code(decide(once.state, { kind: 'pay' }, ben, 50000, NOW)),
      'MONEY_STATUS_CONFLICT',
    );
    const twice = decide(once.state, { kind: 'approve' }, ben, 50000, NOW);
    assert.ok(twice.ok);
    assert.equal(twice.state.status, 'approved');
    assert.deepEqual(
      twice.state.approvals.map((a) => a.by),
      ['ana', 'ben'],
    );
  });

  it('returned with a reason is editable again, and loses its approvals; rejected is final', () => {
    const approved = item({ status: 'approved', approvals: [{ by: 'ana', at: NOW }] });
    assert.equal(
      code(decide(approved, { kind: 'return', reason: '  ' }, ben, null, NOW)),
      'MONEY_REASON_REQUIRED',
    );
    assert.equal(
      code(decide(approved, { kind: 'return', reason: 'x'.repeat(501) }, ben, null, NOW)),
      'MONEY_REASON_TOO_LONG',
    );
    const back = decide(
      approved,
      { kind: 'return', reason: ' the receipt is for another day ' },
      ben,
      null,
      NOW,
    );
    assert.ok(back.ok);
    assert.equal(back.state.status, 'returned');
    assert.equal(back.state.returnReason, 'the receipt is for another day');
    assert.deepEqual(back.state.approvals, []);
    assert.equal(code(decide(back.state, { kind: 'edit' }, vol, null, NOW)), 'returned');
    const again = decide(back.state, { kind: 'submit' }, vol, null, NOW);
    assert.ok(again.ok);
    assert.equal(again.state.returnReason, null);
    const rejected = decide(again.state, { kind: 'reject', reason: 'not ours' }, ana, null, NOW);
    assert.ok(rejected.ok);
    assert.equal(rejected.state.status, 'rejected');
    for (const e of [
      { kind: 'edit' },
      { kind: 'submit' },
      { kind: 'approve' },
      { kind: 'pay' },
    ] as const)
      assert.equal(code(decide(rejected.state, e, ana, null, NOW)), 'MONEY_STATUS_CONFLICT');
    assert.equal(
      code(decide(item({ status: 'submitted' }), { kind: 'edit' }, vol, null, NOW)),
      'MONEY_STATUS_CONFLICT',
    );
  });

  it('shows each person their buttons, and who an item waits on', () => {
    assert.deepEqual(allowedApprovalEvents(item(), vol, null), ['edit', 'submit']);
    assert.deepEqual(allowedApprovalEvents(item({ status: 'submitted' }), ana, null), [
      'approve',
      'return',
      'reject',
    ]);
    assert.deepEqual(allowedApprovalEvents(item({ status: 'submitted' }), vol, null), []);
    assert.ok(waitsOn(item({ status: 'submitted' }), ana));
    assert.ok(!waitsOn(item({ status: 'submitted', approvals: [{ by: 'ana', at: NOW }] }), ana));
    assert.ok(waitsOn(item({ status: 'approved' }), ben));
    assert.ok(!waitsOn(item({ status: 'submitted', submittedBy: 'ana' }), ana));
  });
});

describe('payment checks', () => {
  const settings = {
    ...defaultMoneySettings({ code: 'USD', digits: 2 }),
    aidLimits: [] as PaymentContext['settings']['aidLimits'],
  };
  const food: Fund = {
    id: 'food',
    name: 'Food grant',
    kind: 'restricted',
    categories: ['groceries'],
    closed: false,
  };
  const general: Fund = {
    id: 'gen',
    name: 'General',
    kind: 'unrestricted',
    categories: [],
    closed: false,
  };
  const ctx = (more: Partial<PaymentContext> = {}): PaymentContext => ({
    kind: 'reimbursement',
    amount: 4000,
    currency: 'USD',
    category: 'groceries',
    receipt: { kind: 'file', receiptId: 'r1' },
    fund: food,
    fundBalance: 10000,
    settings,
    aidHistory: [],
    now: new Date(NOW),
    warningsAcknowledged: false,
    ...more,
  });
  const codes = (c: PaymentContext) => checkPayment(c).refusals.map((r) => r.code);

  it('pays from a fund that covers the category and holds the money', () => {
    assert.ok(checkPayment(ctx()).ok);
    assert.ok(checkPayment(ctx({ fund: general, category: 'rent' })).ok);
    assert.deepEqual(codes(ctx({ category: 'rent' })), ['MONEY_FUND_RESTRICTED']);
    const short = checkPayment(ctx({ fundBalance: 3999 }));
    assert.deepEqual(short.refusals, [
      {
        code: 'MONEY_FUND_INSUFFICIENT',
        params: { fund: 'food', balance: 3999, amount: 4000, short: 1 },
      },
    ]);
    assert.ok(checkPayment(ctx({ fundBalance: 4000 })).ok, 'to exactly zero is allowed');
    assert.deepEqual(codes(ctx({ fund: null })), ['MONEY_FUND_REQUIRED']);
    assert.deepEqual(codes(ctx({ fund: { ...food, closed: true } })), ['MONEY_FUND_CLOSED']);
    assert.deepEqual(codes(ctx({ currency: 'EUR' })), ['MONEY_CURRENCY_MISMATCH']);
  });

  it('a receipt above the amount, or a signed lost-receipt statement; never for direct aid', () => {
    const none = { kind: 'none' } as const;
    assert.equal(checkReceipt('expense', 2500, none, 2500), null, 'at the amount: none needed');
    assert.equal(checkReceipt('expense', 2501, none, 2500)?.code, 'MONEY_RECEIPT_REQUIRED');
    assert.equal(
      checkReceipt(
        'expense',
        2501,
        { kind: 'lost', signedBy: 'vol', signedAt: NOW, statement: 'Shop X, rice' },
        2500,
      ),
      null,
    );
    assert.equal(
      checkReceipt(
        'expense',
        2501,
        { kind: 'lost', signedBy: 'vol', signedAt: NOW, statement: ' ' },
        2500,
      )?.code,
      'MONEY_RECEIPT_REQUIRED',
    );
    assert.equal(checkReceipt('direct-aid', 10 ** 6, none, 2500), null);
    assert.equal(checkReceipt('expense', 10 ** 6, none, null), null);
    assert.deepEqual(codes(ctx({ receipt: none })), ['MONEY_RECEIPT_REQUIRED']);
  });

  it('direct aid: a soft limit warns until acknowledged, a hard one refuses', () => {
    const history = [
      { category: 'cash', amount: 15000, at: '2026-11-20T10:00:00Z' },
      { category: 'cash', amount: 20000, at: '2026-10-01T10:00:00Z' },
    ];
    const soft = {
      ...settings,
      aidLimits: [{ category: 'cash', amount: 20000, days: 30, hard: false }],
    };
    const aid = ctx({
      kind: 'direct-aid',
      category: 'cash',
      fund: general,
      receipt: { kind: 'none' },
      aidHistory: history,
      settings: soft,
      amount: 6000,
    });
    const c = checkPayment(aid);
    assert.equal(c.ok, false);
    assert.deepEqual(c.warnings, [
      {
        code: 'MONEY_AID_LIMIT_WARNING',
        params: {
          category: 'cash',
          limit: 20000,
          days: 30,
          already: 15000,
          amount: 6000,
          over: 1000,
        },
      },
    ]);
    assert.equal(checkPayment({ ...aid, warningsAcknowledged: true }).ok, true);
    assert.equal(checkPayment({ ...aid, amount: 5000 }).ok, true, 'up to the limit is fine');
    const hard = {
      ...settings,
      aidLimits: [{ category: '*', amount: 20000, days: 30, hard: true }],
    };
    const h = checkPayment({
      ...aid,
      settings: hard,
      category: 'other',
      warningsAcknowledged: true,
    });
    assert.deepEqual(
      h.refusals.map((r) => r.code),
      ['MONEY_AID_LIMIT'],
      'the all-categories limit counts cash too',
    );
    assert.equal(aidRemaining(hard.aidLimits, history, 'other', new Date(NOW)), 5000);
    assert.equal(aidRemaining([], history, 'other', new Date(NOW)), Number.POSITIVE_INFINITY);
    assert.deepEqual(
      checkAidLimits(soft.aidLimits, history, 'groceries', 99999, new Date(NOW)),
      [],
    );
  });

  it('settings and spending forms are checked field by field', () => {
    assert.deepEqual(validateMoneySettings(settings), []);
    assert.deepEqual(
      validateMoneySettings({
        ...settings,
        receiptAbove: -1,
        budgetWarnPercent: 0,
        aidLimits: [{ category: 'cash', amount: 0, days: 0, hard: true }],
      }).map((p) => p.field),
      ['receiptAbove', 'budgetWarnPercent', 'aidLimits.0.amount', 'aidLimits.0.days'],
    );
    const base: SpendingInput = {
      kind: 'direct-aid',
      amount: 5000,
      category: 'cash',
      description: 'rent gap',
      incurredOn: '2026-12-02',
      vendor: null,
      payeePersonId: null,
      requestId: 'req1',
      householdId: 'h1',
      method: 'mobile-money',
      receipt: { kind: 'none' },
    };
    const cats = ['cash', 'groceries'];
    assert.deepEqual(
      validateSpending(base, cats, '2026-12-01'),
      [],
      'aid may be planned for a later day',
    );
    assert.deepEqual(
      validateSpending({ ...base, method: null, requestId: null }, cats, '2026-12-01').map(
        (p) => p.key,
      ),
      ['money.field.requestRequired', 'money.field.methodRequired'],
    );
    assert.deepEqual(
      validateSpending(
        { ...base, kind: 'expense', method: 'cash', requestId: null, householdId: null },
        cats,
        '2026-12-05',
      ).map((p) => p.key),
      ['money.field.vendorRequired', 'money.field.methodOnlyForAid'],
    );
    assert.deepEqual(
      validateSpending(
        {
          ...base,
          kind: 'reimbursement',
          method: null,
          incurredOn: '2026-12-09',
          amount: 0,
          category: 'x',
          description: '',
        },
        cats,
        '2026-12-05',
      ).map((p) => p.field),
      ['amount', 'category', 'description', 'incurredOn', 'payeePersonId'],
    );
    assert.equal(
      validateSpending({ ...base, incurredOn: '2026-02-30' }, cats, '2026-12-05')[0]?.key,
      'money.field.dateInvalid',
    );
  });
});
