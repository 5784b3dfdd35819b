import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCsv } from '../../../src/domain/csv.ts';
import type { Bounds } from '../../../src/domain/ledger/bounds.ts';
import {
  balanceView,
  boundsOfAccount,
  checkClose,
  checkNoDebtOn,
  DEFAULT_TIMEBANK_SETTINGS,
  type TimeAccount,
  validateOverrides,
  validateSettings,
} from '../../../src/domain/timebank/accounts.ts';
import {
  currentCredit,
  desiredCredit,
  planCredit,
  sourceKey,
} from '../../../src/domain/timebank/credits.ts';
import {
  decimalHours,
  durationParts,
  MAX_LEG_MINUTES,
  minutesFromHours,
  parseDuration,
} from '../../../src/domain/timebank/minutes.ts';
import {
  STATEMENT_COLUMNS,
  statementCsvRows,
  statementPeriod,
} from '../../../src/domain/timebank/statement.ts';
import {
  checkCorrectionLimits,
  checkRecorder,
  checkTransferLimits,
  planTransfer,
} from '../../../src/domain/timebank/transfer.ts';
import {
  allowedEvents,
  autoAcceptAt,
  initialStatus,
  type TransferRequest,
  transition,
} from '../../../src/domain/timebank/transfer-request.ts';

const CATS = DEFAULT_TIMEBANK_SETTINGS.categories;
const member = (id: string, more: Partial<TimeAccount> = {}): TimeAccount => ({
  id,
  kind: 'member',
  personId: `p-${id}`,
  noDebt: false,
  floor: 'inherit',
  ceiling: 'inherit',
  closed: false,
  ...more,
});
const pool: TimeAccount = { ...member('pool'), kind: 'pool', personId: null };

describe('durations', () => {
  it('reads what people type as whole minutes, exactly', () => {
    const ok = (t: string) => {
      const r = parseDuration(t);
      assert.ok(r.ok, t);
      return r.minutes;
    };
    assert.equal(ok('1:30'), 90);
    assert.equal(ok('2'), 120);
    assert.equal(ok(' 1.5 '), 90);
    assert.equal(ok('1,5'), 90);
    assert.equal(ok('0.1'), 6);
    assert.equal(ok('0.25 h'), 15);
    assert.equal(ok('2 horas'), 120);
    assert.equal(ok('45 min'), 45);
    assert.equal(ok('90m'), 90);
    const no = (t: string) => {
      const r = parseDuration(t);
      assert.ok(!r.ok, t);
      return r.key;
    };
    assert.equal(no(''), 'timebank.field.durationRequired');
    assert.equal(no('0.01'), 'timebank.field.durationWholeMinutes');
    assert.equal(no('0'), 'timebank.field.durationPositive');
    assert.equal(no('0:00'), 'timebank.field.durationPositive');
    assert.equal(no('1:75'), 'timebank.field.durationInvalid');
    assert.equal(no('-1'), 'timebank.field.durationInvalid');
    assert.equal(no('one hour'), 'timebank.field.durationInvalid');
    assert.equal(no('201'), 'timebank.field.durationTooLong');
    assert.equal(parseDuration('200').ok, true);
  });

  it('turns logged hours into minutes, shows them in parts and as decimal hours', () => {
    assert.equal(minutesFromHours(1.5), 90);
    assert.equal(minutesFromHours(0.3333), 20);
    assert.equal(minutesFromHours(0), null);
    assert.equal(minutesFromHours(null), null);
    assert.equal(minutesFromHours(Number.NaN), null);
    assert.equal(minutesFromHours(0.001), null, 'less than half a minute credits nothing');
    assert.deepEqual(durationParts(-95), { sign: '-', hours: 1, minutes: 35 });
    assert.equal(decimalHours(90), '1.50');
    assert.equal(decimalHours(-15), '-0.25');
    assert.equal(decimalHours(1), '0.02');
    assert.equal(decimalHours(0), '0.00');
    assert.equal(decimalHours(-0), '0.00');
    assert.equal(decimalHours(20), '0.33');
    assert.equal(decimalHours(MAX_LEG_MINUTES), '200.00');
  });
});

describe('accounts and limits', () => {
  const s = { floor: -600, ceiling: 3000 };
  it('an account takes the network limits, its own, or none; no debt puts the floor at zero', () => {
    assert.deepEqual(boundsOfAccount(member('a'), s), { floor: -600, ceiling: 3000 });
    assert.deepEqual(boundsOfAccount(member('a', { floor: -120, ceiling: 'none' }), s), {
      floor: -120,
      ceiling: null,
    });
    assert.deepEqual(boundsOfAccount(member('a', { noDebt: true }), s), {
      floor: 0,
      ceiling: 3000,
    });
    assert.deepEqual(boundsOfAccount(member('a', { noDebt: true, floor: 'none' }), s), {
      floor: 0,
      ceiling: 3000,
    });
    assert.deepEqual(
      boundsOfAccount(pool, s),
      { floor: null, ceiling: null },
      'the pool issues hours',
    );
    assert.deepEqual(boundsOfAccount({ ...pool, floor: -6000 }, s), {
      floor: -6000,
      ceiling: null,
    });
  });

  it('settings and overrides are checked field by field', () => {
    assert.deepEqual(validateSettings(DEFAULT_TIMEBANK_SETTINGS), []);
    const bad = validateSettings({
      ...DEFAULT_TIMEBANK_SETTINGS,
      floor: 60,
      ceiling: -1,
      autoAcceptDays: 0,
      categories: ['a', 'a'],
    });
    assert.deepEqual(
      bad.map((p) => [p.field, p.key]),
      [
        ['floor', 'timebank.field.floorAboveZero'],
        ['ceiling', 'timebank.field.ceilingBelowZero'],
        ['autoAcceptDays', 'timebank.field.autoAcceptDays'],
        ['categories', 'timebank.field.categoriesDuplicate'],
      ],
    );
    assert.equal(
      validateSettings({ ...DEFAULT_TIMEBANK_SETTINGS, autoAcceptDays: null }).length,
      0,
    );
    assert.equal(
      validateOverrides({ floor: 1.5, ceiling: 'none' })[0]?.key,
      'timebank.field.limitWhole',
    );
    assert.equal(
      validateOverrides({ floor: -1e12, ceiling: 'inherit' })[0]?.key,
      'timebank.field.limitTooLarge',
    );
  });

  it('no debt cannot be switched on below zero, an account closes only at zero', () => {
    assert.deepEqual(checkNoDebtOn(member('a'), -30), {
      code: 'TIME_NO_DEBT_NEGATIVE',
      params: { account: 'a', balance: -30, short: 30 },
    });
    assert.equal(checkNoDebtOn(member('a'), 0), null);
    assert.equal(checkNoDebtOn(pool, 10)?.code, 'TIME_POOL_NO_DEBT');
    assert.equal(checkClose(member('a'), 15)?.code, 'TIME_CLOSE_NOT_ZERO');
    assert.equal(checkClose(member('a'), 0), null);
  });

  it('a balance below zero is owing, except for a no-debt account', () => {
    assert.equal(balanceView(member('a'), -90).owing, true);
    assert.equal(balanceView(member('a'), -90).key, 'timebank.balance.owing');
    assert.deepEqual(balanceView(member('a'), 135).params, { hours: 2, minutes: 15 });
    assert.equal(balanceView({ noDebt: true }, -90).owing, false);
    assert.notEqual(balanceView({ noDebt: true }, -90).key, 'timebank.balance.owing');
    assert.equal(balanceView(member('a'), 0).key, 'timebank.balance.zero');
  });
});

describe('transfers', () => {
  it('one-to-one, one-to-many and many-to-one turn into balanced postings', () => {
    const one = planTransfer(
      { legs: [{ from: 'a', to: 'b', minutes: 60 }], category: 'tutoring', note: ' maths ' },
      CATS,
    );
    assert.ok(one.ok);
    assert.equal(one.plan.shape, 'one-to-one');
    assert.equal(one.plan.note, 'maths');
    assert.deepEqual(one.plan.postings, [
      { account: 'a', amount: -60 },
      { account: 'b', amount: 60 },
    ]);
    const fan = planTransfer(
      {
        legs: [
          { from: 'a', to: 'b', minutes: 60 },
          { from: 'a', to: 'c', minutes: 60 },
        ],
        category: 'tutoring',
        note: 'x',
      },
      CATS,
    );
    assert.ok(fan.ok);
    assert.equal(fan.plan.shape, 'one-to-many');
    assert.equal(fan.plan.total, 120);
    const gather = planTransfer(
      {
        legs: [
          { from: 'b', to: 'a', minutes: 30 },
          { from: 'c', to: 'a', minutes: 45 },
        ],
        category: 'repairs',
        note: 'gate',
      },
      CATS,
    );
    assert.ok(gather.ok);
    assert.equal(gather.plan.shape, 'many-to-one');
  });

  it('refuses a missing category or note, odd minutes, and impossible shapes, field by field', () => {
    const keys = (input: Parameters<typeof planTransfer>[0]) => {
      const r = planTransfer(input, CATS);
      assert.ok(!r.ok);
      return r.problems.map((p) => `${p.field}:${p.key}`);
    };
    assert.deepEqual(
      keys({ legs: [{ from: 'a', to: 'b', minutes: 60 }], category: ' ', note: '' }),
      ['category:timebank.field.categoryRequired', 'note:timebank.field.noteRequired'],
    );
    assert.deepEqual(
      keys({
        legs: [{ from: 'a', to: 'b', minutes: 60 }],
        category: 'astrology',
        note: 'x'.repeat(501),
      }),
      ['category:timebank.field.categoryUnknown', 'note:timebank.field.noteTooLong'],
    );
    assert.deepEqual(keys({ legs: [], category: 'care', note: 'x' }), [
      'legs:timebank.field.partiesRequired',
    ]);
    assert.deepEqual(
      keys({ legs: [{ from: 'a', to: 'a', minutes: 60 }], category: 'care', note: 'x' }),
      ['legs.0:timebank.field.samePerson'],
    );
    assert.deepEqual(
      keys({ legs: [{ from: 'a', to: 'b', minutes: 0.5 }], category: 'care', note: 'x' }),
      ['legs.0.minutes:timebank.field.durationWholeMinutes'],
    );
    assert.deepEqual(
      keys({
        legs: [
          { from: 'a', to: 'b', minutes: 10 },
          { from: 'c', to: 'd', minutes: 10 },
        ],
        category: 'care',
        note: 'x',
      }),
      ['legs:timebank.field.oneSideSingle'],
    );
    assert.deepEqual(
      keys({
        legs: [
          { from: 'a', to: 'b', minutes: 10 },
          { from: 'a', to: 'b', minutes: 10 },
        ],
        category: 'care',
        note: 'x',
      }),
      ['legs:timebank.field.duplicateParty'],
    );
    assert.ok(
      keys({
        legs: [
          { from: 'a', to: 'b', minutes: 10 },
          { from: 'b', to: 'c', minutes: 10 },
        ],
        category: 'care',
        note: 'x',
      }).includes('legs.1:timebank.field.bothSides'),
    );
    const many = Array.from({ length: 51 }, (_, i) => ({ from: 'a', to: `m${i}`, minutes: 15 }));
    assert.deepEqual(keys({ legs: many, category: 'care', note: 'x' }), [
      'legs:timebank.field.partiesTooMany',
    ]);
  });

  it('the limits check names the account, the limit and by how much, for each account', () => {
    const accounts = new Map([
      ['a', { bounds: { floor: -600, ceiling: null }, noDebt: false, closed: false }],
      ['b', { bounds: { floor: 0, ceiling: 600 }, noDebt: false, closed: false }],
      ['n', { bounds: { floor: 0, ceiling: null }, noDebt: true, closed: false }],
      ['x', { bounds: { floor: null, ceiling: null }, noDebt: false, closed: true }],
    ]);
    const balances = new Map([
      ['a', -560],
      ['b', 580],
      ['n', 20],
    ]);
    const bal = { get: (k: string) => balances.get(k) ?? 0 };
    const of = (k: string) => accounts.get(k)!;
    const r = checkTransferLimits(
      [
        { account: 'a', amount: -60 },
        { account: 'b', amount: 60 },
      ],
      bal,
      of,
    );
    assert.deepEqual(r, [
      {
        code: 'TIME_LIMIT_FLOOR',
        params: {
          account: 'a',
          limit: 'floor',
          bound: -600,
          balance: -560,
          change: -60,
          after: -620,
          over: 20,
        },
      },
      {
        code: 'TIME_LIMIT_CEILING',
        params: {
          account: 'b',
          limit: 'ceiling',
          bound: 600,
          balance: 580,
          change: 60,
          after: 640,
          over: 40,
        },
      },
    ]);
    const nd = checkTransferLimits(
      [
        { account: 'n', amount: -30 },
        { account: 'a', amount: 30 },
      ],
      bal,
      of,
    );
    assert.equal(nd[0]?.code, 'TIME_NO_DEBT');
    assert.equal(nd[0]?.params.over, 10);
    assert.deepEqual(
      checkTransferLimits(
        [
          { account: 'x', amount: -1 },
          { account: 'a', amount: 1 },
        ],
        bal,
        of,
      ),
      [{ code: 'TIME_ACCOUNT_CLOSED', params: { account: 'x' } }],
    );
    assert.deepEqual(
      checkTransferLimits(
        [
          { account: 'a', amount: 40 },
          { account: 'n', amount: -20 },
        ],
        bal,
        of,
      ),
      [],
    );
    // Already past a lowered ceiling: may still pay out, may not receive.
    balances.set('b', 700);
    assert.deepEqual(
      checkTransferLimits(
        [
          { account: 'b', amount: -10 },
          { account: 'a', amount: 10 },
        ],
        bal,
        of,
      ),
      [],
    );
  });

  it('a correction passes floors and ceilings, but not the zero of a no-debt account', () => {
    const acc = (noDebt: boolean, bounds: Bounds = { floor: -60, ceiling: 60 }) => ({
      bounds,
      noDebt,
      closed: false,
    });
    const accounts = new Map([
      ['a', acc(false)],
      ['n', acc(true, { floor: 0, ceiling: null })],
    ]);
    const bal = { get: (k: string) => (k === 'a' ? -50 : 20) };
    const of = (k: string) => accounts.get(k)!;
    const undo = [
      { account: 'a', amount: -60 },
      { account: 'n', amount: 60 },
    ];
    assert.equal(checkTransferLimits(undo, bal, of)[0]?.code, 'TIME_LIMIT_FLOOR');
    assert.deepEqual(checkCorrectionLimits(undo, bal, of), []);
    const r = checkCorrectionLimits(
      [
        { account: 'n', amount: -30 },
        { account: 'a', amount: 30 },
      ],
      bal,
      of,
    );
    assert.equal(r[0]?.code, 'TIME_NO_DEBT');
    assert.equal(r[0]?.params.over, 10, 'the shortfall the pool could cover');
  });

  it('members send from their own account and ask into it; coordinators record for others', () => {
    const plan = (legs: { from: string; to: string; minutes: number }[]) => {
      const r = planTransfer({ legs, category: 'care', note: 'x' }, CATS);
      assert.ok(r.ok);
      return r.plan;
    };
    const me = { accountId: 'a', coordinator: false, poolAccountId: 'pool' };
    const coord = { accountId: 'c', coordinator: true, poolAccountId: 'pool' };
    const ab = plan([{ from: 'a', to: 'b', minutes: 60 }]);
    assert.equal(checkRecorder(ab, 'send', me), null);
    assert.equal(checkRecorder(ab, 'request', me)?.code, 'TIME_NOT_YOUR_ACCOUNT');
    assert.equal(checkRecorder(plan([{ from: 'b', to: 'a', minutes: 60 }]), 'request', me), null);
    assert.equal(
      checkRecorder(plan([{ from: 'b', to: 'd', minutes: 60 }]), 'send', me)?.code,
      'TIME_NOT_YOUR_ACCOUNT',
    );
    const group = plan([
      { from: 'b', to: 'a', minutes: 60 },
      { from: 'd', to: 'a', minutes: 60 },
    ]);
    assert.equal(checkRecorder(group, 'send', me)?.code, 'TIME_NOT_YOUR_ACCOUNT');
    assert.equal(checkRecorder(group, 'request', me)?.code, 'TIME_REQUEST_ONE_PAYER');
    assert.equal(checkRecorder(group, 'send', coord), null, 'paper mode');
    const fromPool = plan([{ from: 'pool', to: 'a', minutes: 60 }]);
    assert.equal(checkRecorder(fromPool, 'request', me)?.code, 'TIME_POOL_COORDINATOR_ONLY');
    assert.equal(checkRecorder(fromPool, 'send', coord), null);
  });
});

describe('send and request', () => {
  const at = '2026-12-01T10:00:00.000Z';
  const req = (more: Partial<TransferRequest> = {}): TransferRequest => ({
    mode: 'request',
    status: 'requested',
    requestedAt: at,
    autoAcceptAt: autoAcceptAt(at, 14),
    autoAcceptBlockedAt: null,
    payerAccount: 'a',
    payeeAccount: 'b',
    ...more,
  });
  const before = new Date('2026-12-10T00:00:00Z');
  const after = new Date('2026-12-15T10:00:00Z');

  it('fixes the deadline 14 days on, or none', () => {
    assert.equal(autoAcceptAt(at, 14), '2026-12-15T10:00:00.000Z');
    assert.equal(autoAcceptAt(at, null), null);
    assert.equal(initialStatus('send'), 'accepted');
    assert.equal(initialStatus('request'), 'requested');
  });

  it('the payer accepts or refuses, the payee cancels, the clock accepts at the deadline', () => {
    assert.deepEqual(transition(req(), { kind: 'accept', by: 'payer' }, before), {
      ok: true,
      status: 'accepted',
      post: true,
    });
    assert.deepEqual(transition(req(), { kind: 'refuse', by: 'payer', reason: 'not me' }, before), {
      ok: true,
      status: 'refused',
      post: false,
    });
    assert.deepEqual(transition(req(), { kind: 'cancel', by: 'payee' }, before), {
      ok: true,
      status: 'cancelled',
      post: false,
    });
    assert.equal(transition(req(), { kind: 'cancel', by: 'coordinator' }, before).ok, true);
    const no = (r: TransferRequest, e: Parameters<typeof transition>[1], now: Date) => {
      const t = transition(r, e, now);
      assert.ok(!t.ok);
      return t.refusal.code;
    };
    assert.equal(no(req(), { kind: 'accept', by: 'payee' }, before), 'TIME_REQUEST_NOT_YOURS');
    assert.equal(no(req(), { kind: 'cancel', by: 'payer' }, before), 'TIME_REQUEST_NOT_YOURS');
    assert.equal(no(req(), { kind: 'auto-accept', by: 'system' }, before), 'TIME_REQUEST_NOT_DUE');
    assert.deepEqual(transition(req(), { kind: 'auto-accept', by: 'system' }, after), {
      ok: true,
      status: 'auto-accepted',
      post: true,
    });
    assert.equal(
      no(req({ autoAcceptAt: null }), { kind: 'auto-accept', by: 'system' }, after),
      'TIME_REQUEST_NO_AUTO_ACCEPT',
    );
    assert.equal(
      no(req(), { kind: 'refuse', by: 'payer', reason: 'x'.repeat(501) }, before),
      'TIME_REFUSAL_TOO_LONG',
    );
    for (const status of ['accepted', 'refused', 'auto-accepted', 'cancelled'] as const)
      assert.equal(
        no(req({ status }), { kind: 'accept', by: 'payer' }, before),
        'TIME_REQUEST_FINAL',
      );
  });

  it('from the deadline on, a late refusal cannot overtake the auto-acceptance, unless it is blocked', () => {
    const late = transition(req(), { kind: 'refuse', by: 'payer', reason: '' }, after);
    assert.ok(!late.ok);
    assert.equal(late.refusal.code, 'TIME_REQUEST_DEADLINE_PASSED');
    assert.equal(transition(req(), { kind: 'cancel', by: 'payee' }, after).ok, false);
    assert.deepEqual(transition(req(), { kind: 'accept', by: 'payer' }, after), {
      ok: true,
      status: 'auto-accepted',
      post: true,
    });
    const blocked = req({ autoAcceptBlockedAt: '2026-12-15T10:05:00.000Z' });
    assert.equal(transition(blocked, { kind: 'refuse', by: 'payer', reason: '' }, after).ok, true);
    assert.equal(transition(blocked, { kind: 'cancel', by: 'payee' }, after).ok, true);
    assert.deepEqual(allowedEvents(req(), 'payer', before), ['accept', 'refuse']);
    assert.deepEqual(allowedEvents(req(), 'payee', before), ['cancel']);
    assert.deepEqual(allowedEvents(req(), 'payee', after), []);
    assert.deepEqual(allowedEvents(req(), 'system', after), ['auto-accept']);
  });
});

describe('credits from recorded help', () => {
  it('posts once, does nothing the second time, reverses and reposts a correction', () => {
    assert.equal(sourceKey({ kind: 'task', id: 't1' }), 'task:t1');
    assert.throws(() => sourceKey({ kind: 'shift', id: '' }));
    const first = planCredit(null, desiredCredit(true, 'v', 1.5), 'pool');
    assert.deepEqual(first, {
      kind: 'post',
      postings: [
        { account: 'pool', amount: -90 },
        { account: 'v', amount: 90 },
      ],
    });
    const live = { transactionId: 't1', account: 'v', minutes: 90 };
    assert.deepEqual(planCredit(live, desiredCredit(true, 'v', 1.5), 'pool'), { kind: 'none' });
    const fix = planCredit(live, desiredCredit(true, 'v', 2), 'pool');
    assert.equal(fix.kind, 'reverse-and-post');
    assert.ok(fix.kind === 'reverse-and-post');
    assert.deepEqual(fix.reversal, [
      { account: 'pool', amount: 90 },
      { account: 'v', amount: -90 },
    ]);
    assert.deepEqual(fix.postings, [
      { account: 'pool', amount: -120 },
      { account: 'v', amount: 120 },
    ]);
    assert.equal(planCredit(live, desiredCredit(true, 'v', null), 'pool').kind, 'reverse');
    assert.equal(planCredit(live, desiredCredit(true, 'w', 1.5), 'pool').kind, 'reverse-and-post');
    assert.deepEqual(
      planCredit(live, desiredCredit(false, 'v', 3), 'pool'),
      { kind: 'none' },
      'off rewrites nothing',
    );
    assert.deepEqual(planCredit(null, desiredCredit(true, null, 3), 'pool'), { kind: 'none' });
    assert.deepEqual(desiredCredit(true, 'v', 500), { account: 'v', minutes: MAX_LEG_MINUTES });
  });

  it('finds the one live credit in a source history, and refuses a broken one', () => {
    const e = (id: string, reverses: string | null, reversedBy: string | null) => ({
      transactionId: id,
      account: 'v',
      minutes: 60,
      reverses,
      reversedBy,
    });
    assert.equal(currentCredit([]), null);
    assert.equal(currentCredit([e('t1', null, 't2'), e('t2', 't1', null)]), null);
    assert.equal(
      currentCredit([e('t1', null, 't2'), e('t2', 't1', null), e('t3', null, null)])?.transactionId,
      't3',
    );
    assert.throws(() => currentCredit([e('t1', null, null), e('t3', null, null)]));
  });
});

describe('statements', () => {
  it('CSV rows: header, oldest first, minutes exact, notes defused', () => {
    const lines = statementPeriod(60, [
      {
        transactionId: 't1',
        at: '2026-12-01T10:00:00Z',
        kind: 'transfer',
        category: 'tutoring',
        note: '=HYPERLINK("x")',
        counterparts: ['b', 'c'],
        reverses: null,
        amount: -120,
      },
      {
        transactionId: 't2',
        at: '2026-12-02T10:00:00Z',
        kind: 'reversal',
        category: 'tutoring',
        note: 'undo',
        counterparts: ['b', 'c'],
        reverses: 't1',
        amount: 120,
      },
    ]);
    assert.deepEqual(
      lines.map((l) => l.balance),
      [-60, 60],
    );
    const labels = Object.fromEntries(STATEMENT_COLUMNS.map((c) => [c, c.toUpperCase()])) as Record<
      (typeof STATEMENT_COLUMNS)[number],
      string
    >;
    const csv = toCsv(
      statementCsvRows(lines, {
        labels,
        kind: (k) => k,
        category: (c) => `cat:${c}`,
        account: (id) => `Name ${id}`,
        date: (iso) => iso.slice(0, 10),
      }),
    );
    assert.equal(
      csv,
      'DATE,KIND,CATEGORY,COUNTERPARTS,NOTE,MINUTES,HOURS,BALANCEMINUTES,BALANCEHOURS,TRANSACTION,REVERSES\r\n' +
        `2026-12-01,transfer,cat:tutoring,Name b; Name c,"'=HYPERLINK(""x"")",-120,-2.00,-60,-1.00,t1,\r\n` +
        '2026-12-02,reversal,cat:tutoring,Name b; Name c,undo,120,2.00,60,1.00,t2,t1\r\n',
    );
  });
});
