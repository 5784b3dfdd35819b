import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCsv } from '../../../src/domain/csv.ts';
import { JOURNAL_COLUMNS, journalCsvRows } from '../../../src/domain/money/accountant-csv.ts';
import {
  budgetLines,
  budgetWarnings,
  monthPeriod,
  validateBudget,
} from '../../../src/domain/money/budgets.ts';
import {
  checkFundTransfer,
  type Fund,
  fundBalances,
  fundTransferPostings,
  validateFund,
} from '../../../src/domain/money/funds.ts';
import {
  incomePostings,
  inKindFromMovements,
  publicDonorName,
  validateIncome,
} from '../../../src/domain/money/income.ts';
import { publicTransparency } from '../../../src/domain/money/transparency.ts';
import { type LedgerEvent, summarise } from '../../../src/domain/money/transparency-summary.ts';

const food: Fund = {
  id: 'food',
  name: 'Food grant',
  kind: 'restricted',
  categories: ['groceries'],
  closed: false,
};
const wide: Fund = {
  id: 'wide',
  name: 'Basics',
  kind: 'restricted',
  categories: ['groceries', 'rent'],
  closed: false,
};
const gen: Fund = {
  id: 'gen',
  name: 'General',
  kind: 'unrestricted',
  categories: [],
  closed: false,
};
const funds = new Map([food, wide, gen].map((f) => [f.id, f]));

describe('funds and income', () => {
  it('restricted money follows its purpose between funds', () => {
    assert.equal(checkFundTransfer(gen, food, 100, 100), null);
    assert.equal(checkFundTransfer(wide, food, 100, 100), null, 'to fewer purposes is fine');
    assert.equal(checkFundTransfer(food, wide, 100, 100)?.code, 'MONEY_FUND_TRANSFER_RESTRICTED');
    assert.equal(checkFundTransfer(food, gen, 100, 100)?.code, 'MONEY_FUND_TRANSFER_RESTRICTED');
    assert.deepEqual(checkFundTransfer(gen, food, 150, 100), {
      code: 'MONEY_FUND_INSUFFICIENT',
      params: { fund: 'gen', balance: 100, amount: 150, short: 50 },
    });
    assert.equal(checkFundTransfer(gen, gen, 1, 1)?.code, 'MONEY_FUND_SAME');
    assert.deepEqual(
      fundBalances(fundTransferPostings('gen', 'food', 70)),
      new Map([
        ['gen', -70],
        ['food', 70],
      ]),
    );
    assert.deepEqual(
      validateFund({ name: ' ', kind: 'restricted', categories: [] }, ['groceries']).map(
        (p) => p.key,
      ),
      ['money.field.fundNameRequired', 'money.field.restrictedNeedsCategories'],
    );
    assert.deepEqual(
      validateFund({ name: 'X', kind: 'unrestricted', categories: ['groceries'] }, [
        'groceries',
      ]).map((p) => p.key),
      ['money.field.unrestrictedNoCategories'],
    );
  });

  it('a restricted grant goes only into a fund no wider than the grant', () => {
    const grant = {
      kind: 'grant',
      amount: 100000,
      fundId: 'food',
      receivedOn: '2026-11-01',
      funder: 'City food programme',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      restriction: ['groceries'],
    } as const;
    assert.deepEqual(validateIncome(grant, funds, '2026-12-01'), []);
    assert.deepEqual(
      validateIncome({ ...grant, fundId: 'wide' }, funds, '2026-12-01').map((p) => p.key),
      ['money.field.fundWiderThanGrant'],
    );
    assert.deepEqual(
      validateIncome({ ...grant, fundId: 'gen' }, funds, '2026-12-01').map((p) => p.key),
      ['money.field.fundWiderThanGrant'],
    );
    assert.deepEqual(
      validateIncome({ ...grant, fundId: 'gen', restriction: null }, funds, '2026-12-01'),
      [],
    );
    assert.deepEqual(
      validateIncome(
        { ...grant, periodEnd: '2025-12-31', receivedOn: '2026-12-02', funder: '' },
        funds,
        '2026-12-01',
      ).map((p) => p.key),
      ['money.field.dateInFuture', 'money.field.nameRequired', 'money.field.periodEndsBeforeStart'],
    );
    assert.deepEqual(incomePostings(grant), [
      { account: 'income:grant', amount: -100000 },
      { account: 'fund:food', amount: 100000 },
    ]);
  });

  it('donors are named only if listed; in-kind goods are valued but pay nothing', () => {
    assert.equal(publicDonorName({ listed: true, name: ' Ana ' }), 'Ana');
    assert.equal(publicDonorName({ listed: false, name: 'Ana' }), null);
    assert.equal(publicDonorName({ listed: true, name: null }), null);
    const donation = {
      kind: 'donation',
      amount: 500,
      fundId: 'gen',
      receivedOn: '2026-11-01',
      donor: { listed: true, name: '' },
    } as const;
    assert.deepEqual(
      validateIncome(donation, funds, '2026-12-01').map((p) => p.key),
      ['money.field.nameRequired'],
    );
    assert.deepEqual(
      validateIncome({ ...donation, donor: { listed: false, name: null } }, funds, '2026-12-01'),
      [],
    );
    const { lines, unvalued } = inKindFromMovements(
      [
        { itemId: 'rice', name: 'Rice 1 kg', quantity: 10 },
        { itemId: 'rice', name: 'Rice 1 kg', quantity: 5 },
        { itemId: 'soap', name: 'Soap', quantity: 3 },
      ],
      new Map([['rice', 180]]),
    );
    assert.deepEqual(lines, [
      { itemId: 'rice', description: 'Rice 1 kg', quantity: 15, unitValue: 180 },
    ]);
    assert.deepEqual(unvalued, ['soap']);
    const inKind = {
      kind: 'in-kind',
      receivedOn: '2026-11-01',
      donor: { listed: false, name: null },
      lines,
    } as const;
    assert.deepEqual(validateIncome(inKind, funds, '2026-12-01'), []);
    const postings = incomePostings(inKind);
    assert.deepEqual(postings, [
      { account: 'income:in-kind', amount: -2700 },
      { account: 'in-kind:goods', amount: 2700 },
    ]);
    assert.equal(fundBalances(postings).size, 0, 'no fund moves');
  });
});

describe('budgets', () => {
  const b = { id: 'b1', category: 'groceries', ...monthPeriod('2026-02'), amount: 10000 };
  it('sets actuals against each budget, near from the warning share, over past it', () => {
    assert.deepEqual(monthPeriod('2026-02'), { start: '2026-02-01', end: '2026-02-28' });
    assert.deepEqual(monthPeriod('2028-02'), { start: '2028-02-01', end: '2028-02-29' });
    assert.throws(() => monthPeriod('2026-13'));
    const actuals = [
      { category: 'groceries', on: '2026-02-03', amount: 5000 },
      { category: 'groceries', on: '2026-02-28', amount: 3000 },
      { category: 'groceries', on: '2026-03-01', amount: 9000 },
      { category: 'rent', on: '2026-02-10', amount: 9000 },
    ];
    const [line] = budgetLines([b], actuals, 80);
    assert.deepEqual(
      { ...line, budget: undefined },
      { budget: undefined, actual: 8000, remaining: 2000, percent: 80, state: 'near' },
    );
    assert.equal(budgetLines([b], actuals.slice(0, 1), 80)[0]?.state, 'ok');
    assert.equal(
      budgetLines(
        [b],
        [...actuals, { category: 'groceries', on: '2026-02-10', amount: 2001 }],
        80,
      )[0]?.state,
      'over',
    );
    assert.equal(
      budgetLines(
        [b],
        [...actuals, { category: 'groceries', on: '2026-02-10', amount: -8000 }],
        80,
      )[0]?.actual,
      0,
      'a reversal counts back',
    );
    const lines = budgetLines([b], actuals.slice(0, 1), 80);
    assert.deepEqual(budgetWarnings(lines, 'groceries', '2026-02-10', 2000, 80), []);
    assert.deepEqual(budgetWarnings(lines, 'groceries', '2026-02-10', 3000, 80), [
      { budgetId: 'b1', state: 'near', after: 8000, budget: 10000 },
    ]);
    assert.deepEqual(budgetWarnings(lines, 'groceries', '2026-02-10', 6000, 80)[0]?.state, 'over');
    assert.deepEqual(
      budgetWarnings(lines, 'groceries', '2026-03-10', 6000, 80),
      [],
      'another period',
    );
  });

  it('refuses overlapping budgets of one category', () => {
    const other = { ...b, id: 'b2', start: '2026-02-15', end: '2026-03-15' };
    assert.deepEqual(
      validateBudget(other, [b], ['groceries']).map((p) => p.key),
      ['money.field.budgetOverlaps'],
    );
    assert.deepEqual(
      validateBudget({ ...other, category: 'groceries', start: '2026-03-01' }, [b], ['groceries']),
      [],
    );
    assert.deepEqual(
      validateBudget({ ...b, end: '2026-01-01', amount: 0 }, [], ['groceries']).map((p) => p.field),
      ['end', 'amount'],
    );
  });
});

describe('transparency page', () => {
  it('shows income, spending by month, hours, aid only from 5 payments, listed donors only', () => {
    const on = (m: string) => `2026-${m}-10`;
    const events: LedgerEvent[] = [
      {
        type: 'income',
        kind: 'donation',
        on: on('01'),
        amount: 10000,
        fundId: 'gen',
        listedDonor: 'Bakery Rosa',
      },
      {
        type: 'income',
        kind: 'donation',
        on: on('02'),
        amount: 2500,
        fundId: 'gen',
        listedDonor: null,
      },
      {
        type: 'income',
        kind: 'grant',
        on: on('01'),
        amount: 100000,
        fundId: 'food',
        listedDonor: null,
      },
      {
        type: 'payment',
        kind: 'expense',
        category: 'groceries',
        on: on('02'),
        amount: 4000,
        fundId: 'food',
      },
      {
        type: 'payment',
        kind: 'reimbursement',
        category: 'groceries',
        on: on('02'),
        amount: 1500,
        fundId: 'food',
      },
      ...Array.from(
        { length: 5 },
        (): LedgerEvent => ({
          type: 'payment',
          kind: 'direct-aid',
          category: 'cash',
          on: on('02'),
          amount: 5000,
          fundId: 'gen',
        }),
      ),
      {
        type: 'payment',
        kind: 'direct-aid',
        category: 'rent',
        on: on('02'),
        amount: 30000,
        fundId: 'gen',
      },
      { type: 'time', source: 'exchange', on: on('01'), minutes: 90 },
      { type: 'time', source: 'credit', on: on('02'), minutes: 60 },
    ];
    const rows = [...summarise(events.map((event) => ({ event, sign: 1 as const }))).values()];
    const page = publicTransparency({
      rows,
      months: ['2026-01', '2026-02'],
      lastCompleteMonth: '2026-02',
      funds: [
        { id: 'gen', name: 'General', kind: 'unrestricted' },
        { id: 'food', name: 'Food grant', kind: 'restricted' },
      ],
    });
    assert.deepEqual(page.income, [
      { key: 'donation', byMonth: [10000, 2500], total: 12500 },
      { key: 'grant', byMonth: [100000, 0], total: 100000 },
    ]);
    assert.deepEqual(
      page.spending,
      [{ key: 'groceries', byMonth: [0, 5500], total: 5500 }],
      'aid is not shown by month',
    );
    assert.deepEqual(page.hours.exchanged, { byMonth: [90, 0], minutes: 90, count: 1 });
    assert.deepEqual(page.hours.credited.minutes, 60);
    // Rent: one household, so hidden; cash (5) would then give it back from the overall
    // total, so cash is hidden too, and the overall (6 payments) may show.
    assert.deepEqual(page.aid, [
      { category: 'cash', value: { kind: 'few' } },
      { category: 'rent', value: { kind: 'few' } },
    ]);
    assert.deepEqual(page.aidOverall, { kind: 'total', n: 6, total: 55000 });
    assert.deepEqual(page.donors, { listed: ['Bakery Rosa'], anonymousDonations: 1 });
    const gen = page.funds.find((f) => f.id === 'gen')!;
    assert.deepEqual(
      [gen.asOf, gen.balance],
      ['2026-02', 12500 - 55000 + 0],
      'six aid payments since the last shown',
    );
    const foodFund = page.funds.find((f) => f.id === 'food')!;
    assert.equal(foodFund.balance, 100000 - 5500);
    const text = JSON.stringify(page);
    for (const secret of ['30000', 'household', 'receipt'])
      assert.ok(!text.includes(secret), secret);
  });
});

describe('journal CSV for an accountant', () => {
  it('one row per posting, debit and credit, exact decimals, no aid payee, formulas defused', () => {
    const labels = Object.fromEntries(JOURNAL_COLUMNS.map((c) => [c, c])) as Record<
      (typeof JOURNAL_COLUMNS)[number],
      string
    >;
    const rows = journalCsvRows(
      [
        {
          id: 't1',
          on: '2026-02-10',
          kind: 'payment',
          description: '=1+1 rice',
          payee: { kind: 'vendor', name: '@shop' },
          reverses: null,
          postings: [
            { account: 'fund:food', amount: -1250 },
            { account: 'spend:groceries', amount: 1250 },
          ],
        },
        {
          id: 't2',
          on: '2026-02-11',
          kind: 'payment',
          description: 'cash help',
          payee: { kind: 'aid' },
          reverses: null,
          postings: [
            { account: 'fund:gen', amount: -5000 },
            { account: 'spend:cash', amount: 5000 },
          ],
        },
      ],
      { code: 'USD', digits: 2 },
      {
        labels,
        kind: (k) => k,
        account: (a) => a.replace('fund:', 'Fund ').replace('spend:', 'Spending '),
        aidPayee: 'a neighbour',
      },
    );
    assert.equal(
      toCsv(rows),
      'date,transaction,kind,description,payee,account,debit,credit,currency,reverses\r\n' +
        `2026-02-10,t1,payment,"'=1+1 rice","'@shop",Fund food,,12.50,USD,\r\n` +
        `2026-02-10,t1,payment,"'=1+1 rice","'@shop",Spending groceries,12.50,,USD,\r\n` +
        '2026-02-11,t2,payment,cash help,a neighbour,Fund gen,,50.00,USD,\r\n' +
        '2026-02-11,t2,payment,cash help,a neighbour,Spending cash,50.00,,USD,\r\n',
    );
    assert.throws(() =>
      journalCsvRows(
        [
          {
            id: 'x',
            on: '2026-01-01',
            kind: 'income',
            description: '',
            payee: null,
            reverses: null,
            postings: [{ account: 'a', amount: 1 }],
          },
        ],
        { code: 'USD', digits: 2 },
        { labels, kind: (k) => k, account: (a) => a, aidPayee: '' },
      ),
    );
  });
});
