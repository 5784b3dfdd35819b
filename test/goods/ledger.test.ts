import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { balancesOf } from '../../src/domain/ledger/ledger.ts';
import { listPostings, listStock } from '../../src/server/goods/stock.repository.ts';
import { recordCount, recordMovement } from '../../src/server/goods/stock.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { makeGoods } from './helpers.ts';

/** Stored levels agree with the sum of the postings, every movement sums to zero. */
async function assertLedgerConsistent(ctx: TestContext, networkId: string) {
  const postings = await listPostings(ctx.db, networkId);
  const perMovement = new Map<string, number>();
  for (const p of postings)
    perMovement.set(p.movementId, (perMovement.get(p.movementId) ?? 0) + p.quantity);
  for (const [id, sum] of perMovement) assert.equal(sum, 0, `movement ${id} sums to zero`);
  const balances = balancesOf(
    postings.map((p) => ({ account: `${p.account}|${p.itemId}`, amount: p.quantity })),
  );
  const levels = await listStock(ctx.db, networkId);
  for (const l of levels) {
    assert.equal(
      l.quantity,
      balances.get(`site:${l.siteId}|${l.itemId}`) ?? 0,
      'level = sum of postings',
    );
    assert.ok(l.quantity >= 0, 'never negative');
  }
}

describe(`stock ledger (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
  });
  after(() => ctx.close());

  it('donations, transfers and hand-outs move stock; stock never goes below zero', async () => {
    const g = await makeGoods(ctx, net.network, net.members.coordinator.id);
    await recordMovement(ctx.deps, {
      ...g.as,
      input: {
        kind: 'donation',
        itemId: g.item.id,
        quantity: 10,
        toSiteId: g.siteA.id,
        donorName: 'Corner shop',
      },
    });
    await recordMovement(ctx.deps, {
      ...g.as,
      input: {
        kind: 'transfer',
        itemId: g.item.id,
        quantity: 4,
        fromSiteId: g.siteA.id,
        toSiteId: g.siteB.id,
      },
    });
    await assert.rejects(
      recordMovement(ctx.deps, {
        ...g.as,
        input: { kind: 'distribution', itemId: g.item.id, quantity: 7, fromSiteId: g.siteA.id },
      }),
      (e: { code: string; params: { left: number } }) =>
        e.code === 'INSUFFICIENT_STOCK' && e.params.left === 6,
    );
    const stock = await listStock(ctx.db, net.network.id, { itemId: g.item.id });
    assert.deepEqual(
      stock.map((s) => [s.siteName, s.quantity]).sort(),
      [
        [g.siteA.name, 6],
        [g.siteB.name, 4],
      ].sort(),
    );
    const donorRow = await ctx.db
      .selectFrom('stock_movements')
      .select('donor_enc')
      .where('kind', '=', 'donation')
      .executeTakeFirstOrThrow();
    assert.ok(donorRow.donor_enc && !donorRow.donor_enc.includes('Corner'), 'the donor is sealed');
    await assertLedgerConsistent(ctx, net.network.id);
  });

  it('the ledger is append-only in the database: no edit of what moved, no deletion', async () => {
    const movement = await ctx.db
      .selectFrom('stock_movements')
      .select(['id', 'quantity'])
      .where('network_id', '=', net.network.id)
      .executeTakeFirstOrThrow();
    await assert.rejects(
      ctx.db
        .updateTable('stock_movements')
        .set({ quantity: 999 })
        .where('id', '=', movement.id)
        .execute(),
      /append-only/,
    );
    await assert.rejects(
      ctx.db.deleteFrom('stock_movements').where('id', '=', movement.id).execute(),
      /append-only/,
    );
    await assert.rejects(
      ctx.db
        .updateTable('stock_postings')
        .set({ quantity: 0 })
        .where('movement_id', '=', movement.id)
        .execute(),
      /append-only/,
    );
    await assert.rejects(
      ctx.db.deleteFrom('stock_postings').where('movement_id', '=', movement.id).execute(),
      /append-only/,
    );
    // What may change: the sealed donor name (key rotation) and links to what went away.
    await ctx.db
      .updateTable('stock_movements')
      .set({ donor_enc: null, day_id: null })
      .where('id', '=', movement.id)
      .execute();
    const after = await ctx.db
      .selectFrom('stock_movements')
      .select('quantity')
      .where('id', '=', movement.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.quantity), Number(movement.quantity));
  });

  it('a physical count reconciles the difference with an audited adjustment', async () => {
    const g = await makeGoods(ctx, net.network, net.members.coordinator.id);
    await recordMovement(ctx.deps, {
      ...g.as,
      input: { kind: 'purchase', itemId: g.item.id, quantity: 9, toSiteId: g.siteA.id },
    });
    const r = await recordCount(ctx.deps, {
      ...g.as,
      input: {
        siteId: g.siteA.id,
        counts: [{ itemId: g.item.id, counted: 7 }],
        reason: 'Monthly count',
      },
    });
    assert.equal(r.adjusted, 1);
    const [line] = await listStock(ctx.db, net.network.id, {
      itemId: g.item.id,
      siteId: g.siteA.id,
    });
    assert.equal(line?.quantity, 7);
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('network_id', '=', net.network.id)
      .execute();
    assert.ok(audits.some((a) => a.action === 'stock.counted'));
    assert.ok(audits.some((a) => a.action === 'stock.moved'));
    await assertLedgerConsistent(ctx, net.network.id);
  });

  it('a volunteer records donations but may not adjust stock', async () => {
    const g = await makeGoods(ctx, net.network, net.members.coordinator.id);
    const { scopeAs } = await import('./helpers.ts');
    const vol = await scopeAs(ctx, net.network, net.members.volunteer.id);
    await recordMovement(ctx.deps, {
      ...vol,
      input: { kind: 'donation', itemId: g.item.id, quantity: 2, toSiteId: g.siteA.id },
    });
    await assert.rejects(
      recordMovement(ctx.deps, {
        ...vol,
        input: {
          kind: 'adjustment',
          itemId: g.item.id,
          quantity: -1,
          toSiteId: g.siteA.id,
          reason: 'x',
        },
      }),
      { code: 'FORBIDDEN' },
    );
    const nb = await scopeAs(ctx, net.network, net.members.neighbour.id);
    await assert.rejects(
      recordMovement(ctx.deps, {
        ...nb,
        input: { kind: 'donation', itemId: g.item.id, quantity: 2, toSiteId: g.siteA.id },
      }),
      { code: 'FORBIDDEN' },
    );
  });

  it('many people taking stock at the same moment: never below zero, exactly the stock handed out', async () => {
    const g = await makeGoods(ctx, net.network, net.members.coordinator.id);
    for (let round = 0; round < 4; round++) {
      await recordMovement(ctx.deps, {
        ...g.as,
        input: { kind: 'donation', itemId: g.item.id, quantity: 5, toSiteId: g.siteA.id },
      });
      // Twelve simultaneous movements of 1 to 3 bags out of a site holding 5 (+ what is left):
      // hand-outs and transfers from two kinds of screens, truly at once on PostgreSQL's pool.
      const before = (
        await listStock(ctx.db, net.network.id, { itemId: g.item.id, siteId: g.siteA.id })
      )[0]!.quantity;
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          recordMovement(ctx.deps, {
            ...g.as,
            input:
              i % 2 === 0
                ? {
                    kind: 'distribution',
                    itemId: g.item.id,
                    quantity: 1 + (i % 3),
                    fromSiteId: g.siteA.id,
                  }
                : {
                    kind: 'transfer',
                    itemId: g.item.id,
                    quantity: 1 + (i % 3),
                    fromSiteId: g.siteA.id,
                    toSiteId: g.siteB.id,
                  },
          }),
        ),
      );
      let taken = 0;
      results.forEach((r, i) => {
        if (r.status === 'fulfilled') taken += 1 + (i % 3);
        else assert.equal((r.reason as { code: string }).code, 'INSUFFICIENT_STOCK');
      });
      const after = (
        await listStock(ctx.db, net.network.id, { itemId: g.item.id, siteId: g.siteA.id })
      )[0]!.quantity;
      assert.ok(after >= 0);
      assert.equal(before - taken, after, `round ${round}: what left is what was recorded`);
      assert.ok(after < 3, 'the stock was used up as far as the requests allowed');
    }
    await assertLedgerConsistent(ctx, net.network.id);
  });
});

describe(`check-ins at the same moment (${DIALECT})`, () => {
  let ctx: TestContext;
  after(() => ctx.close());
  it('two volunteers checking one household in at once: one check-in, one hand-out', async () => {
    ctx = await createTestContext();
    const net = await makeNetwork(ctx);
    const g = await makeGoods(ctx, net.network, net.members.coordinator.id);
    await recordMovement(ctx.deps, {
      ...g.as,
      input: { kind: 'donation', itemId: g.item.id, quantity: 10, toSiteId: g.siteA.id },
    });
    const { createDay, checkIn } = await import('../../src/server/goods/distribution.service.ts');
    const { createHousehold } = await import('../../src/server/goods/household.service.ts');
    const dayId = await createDay(ctx.deps, {
      ...g.as,
      input: {
        siteId: g.siteA.id,
        day: '2026-11-23',
        items: [{ itemId: g.item.id, perHousehold: 1 }],
      },
    });
    const h = await createHousehold(ctx.deps, {
      ...g.as,
      input: { name: 'Same Time', size: 2, language: 'en' },
    });
    const results = await Promise.allSettled(
      [0, 1, 2].map(() =>
        checkIn(ctx.deps, {
          ...g.as,
          dayId,
          input: { householdId: h.id, items: [{ itemId: g.item.id, quantity: 1 }] },
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results)
      if (r.status === 'rejected')
        assert.equal((r.reason as { code: string }).code, 'ALREADY_CHECKED_IN');
    const [line] = await listStock(ctx.db, net.network.id, { itemId: g.item.id });
    assert.equal(line?.quantity, 9);
  });
});
