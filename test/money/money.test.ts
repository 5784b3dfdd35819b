import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { listPostings } from '../../src/server/money/money.repository.ts';
import {
  createFund,
  createSpending,
  decideSpending,
  funds,
  paySpending,
  readAmount,
  recordDonation,
  reversePayment,
} from '../../src/server/money/money.service.ts';
import { scopeAs } from '../goods/helpers.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';

describe(`money ledger (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
  });
  after(() => ctx.close());

  const expense = (amount: number) => ({
    kind: 'expense' as const,
    amount,
    category: 'food',
    description: 'Groceries for the pantry',
    incurredOn: '2020-01-02',
    vendor: 'Corner shop',
    payeePersonId: null,
    requestId: null,
    householdId: null,
    method: null,
    payeeName: null,
    lostStatement: 'Lost on the bus',
  });

  it('donation and payment post transactions that sum to zero; the fund equals its postings', async () => {
    const coord = await scopeAs(ctx, net.network, net.members.coordinator.id);
    const other = await addMember(ctx, net.network, 'coordinator');
    const second = await scopeAs(ctx, net.network, other.id);
    const vol = await scopeAs(ctx, net.network, net.members.volunteer.id);
    const fund = await createFund(ctx.deps, {
      ...coord,
      input: { name: 'General', kind: 'unrestricted', categories: [] },
    });
    await recordDonation(ctx.deps, {
      ...coord,
      input: {
        fundId: fund.id,
        amount: 10_000,
        receivedOn: '2020-01-01',
        donorName: 'Ana',
        listed: false,
      },
    });
    const id = await createSpending(ctx.deps, { ...vol, input: expense(2_550) });
    await decideSpending(ctx.deps, { ...vol, itemId: id, event: { kind: 'submit' } });
    // A volunteer may not approve; the submitter's own approval would be refused too.
    await assert.rejects(
      decideSpending(ctx.deps, { ...vol, itemId: id, event: { kind: 'approve' } }),
      (e: { code: string }) => e.code === 'FORBIDDEN',
    );
    await decideSpending(ctx.deps, { ...coord, itemId: id, event: { kind: 'approve' } });
    await paySpending(ctx.deps, { ...second, itemId: id, fundId: fund.id });
    const postings = await listPostings(ctx.db, net.network.id);
    const perTx = new Map<string, number>();
    for (const p of postings)
      perTx.set(p.transactionId, (perTx.get(p.transactionId) ?? 0) + p.amount);
    assert.equal(perTx.size, 2);
    for (const sum of perTx.values()) assert.equal(sum, 0);
    const fundSum = postings
      .filter((p) => p.account === `fund:${fund.id}`)
      .reduce((a, p) => a + p.amount, 0);
    const [stored] = await funds(ctx.deps, coord);
    assert.equal(stored?.balance, 7_450);
    assert.equal(fundSum, 7_450);
    // Corrections by reversal: the fund comes back, and a second reversal is refused.
    await reversePayment(ctx.deps, { ...coord, itemId: id });
    assert.equal((await funds(ctx.deps, coord))[0]?.balance, 10_000);
    await assert.rejects(
      reversePayment(ctx.deps, { ...coord, itemId: id }),
      (e: { code: string }) => e.code === 'LEDGER_ALREADY_REVERSED',
    );
    // The donor's name is sealed at rest.
    const rows = await ctx.db.selectFrom('money_transactions').select('donor_enc').execute();
    assert.ok(rows.every((r) => !r.donor_enc?.includes('Ana')));
  });

  it('triggers refuse editing or deleting postings and transactions', async () => {
    await assert.rejects(sql`update money_postings set amount = 1`.execute(ctx.db));
    await assert.rejects(sql`delete from money_postings`.execute(ctx.db));
    await assert.rejects(sql`update money_transactions set kind = 'x'`.execute(ctx.db));
    await assert.rejects(sql`delete from money_transactions`.execute(ctx.db));
  });

  it('nobody approves or pays their own item; a payment cannot overdraw the fund', async () => {
    const coord = await scopeAs(ctx, net.network, net.members.coordinator.id);
    const fund = await createFund(ctx.deps, {
      ...coord,
      input: { name: 'Food grant', kind: 'restricted', categories: ['food'] },
    });
    const own = await createSpending(ctx.deps, { ...coord, input: expense(500) });
    await decideSpending(ctx.deps, { ...coord, itemId: own, event: { kind: 'submit' } });
    await assert.rejects(
      decideSpending(ctx.deps, { ...coord, itemId: own, event: { kind: 'approve' } }),
      (e: { code: string }) => e.code === 'MONEY_OWN_ITEM',
    );
    const vol = await scopeAs(ctx, net.network, net.members.volunteer.id);
    const big = await createSpending(ctx.deps, { ...vol, input: expense(900) });
    await decideSpending(ctx.deps, { ...vol, itemId: big, event: { kind: 'submit' } });
    await decideSpending(ctx.deps, { ...coord, itemId: big, event: { kind: 'approve' } });
    await assert.rejects(
      paySpending(ctx.deps, { ...coord, itemId: big, fundId: fund.id }),
      (e: { code: string }) => e.code === 'MONEY_FUND_INSUFFICIENT',
    );
  });

  it('bad amounts are refused with a translated message, in both languages', () => {
    for (const [text, locale] of [
      ['1,5', 'en'],
      ['-3', 'en'],
      ['1e9', 'en'],
      ['99999999999999999', 'en'],
      ['', 'es'],
      ['12.50', 'es'],
    ] as const) {
      assert.throws(
        () => readAmount(text, locale),
        (e: { code: string; fields: Record<string, { key: string }> }) => {
          const key = e.fields.amount?.key ?? '';
          return e.code === 'VALIDATION_FAILED' && key in en && key in es;
        },
        `${text} (${locale})`,
      );
    }
    assert.equal(readAmount('1,234.50', 'en'), 123_450);
    assert.equal(readAmount('1.234,50', 'es'), 123_450);
  });
});
