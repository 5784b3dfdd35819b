import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import { appErrorFromDatabase } from '../../src/server/db/db-errors.ts';
import { newId } from '../../src/shared/ids.ts';
import { makeGoods } from '../goods/helpers.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { asPerson } from '../helpers/requests.ts';

/**
 * An id that points at nothing, or at something of another network, is the sender's mistake:
 * the service says which field, before anything is written. Should a check be missing, the
 * database's own refusal (a foreign key, a unique or check constraint) is still an answer in
 * the app's words, never a 500.
 */
describe('references to what is not there', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let other: Awaited<ReturnType<typeof makeNetwork>>;
  let token: string;
  let goods: Awaited<ReturnType<typeof makeGoods>>;
  let foreign: Awaited<ReturnType<typeof makeGoods>>;
  const movements = async () =>
    (await ctx.db.selectFrom('stock_movements').select('id').execute()).length;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    other = await makeNetwork(ctx);
    goods = await makeGoods(ctx, net.network, net.members.coordinator.id);
    foreign = await makeGoods(ctx, other.network, other.members.coordinator.id);
    ({ token } = await createApiToken(ctx.deps, {
      actor: asPerson(net.members.coordinator.id),
      input: { name: 'fuzz', networkSlug: net.network.slug, role: 'coordinator' },
    }));
  });
  after(() => ctx.close());

  const move = (body: Record<string, unknown>) =>
    ctx.app.inject({
      method: 'POST',
      url: `/api/v1/networks/${net.network.slug}/goods/movements`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  it('a goods movement with an empty, null, made-up or foreign site or item is a 4xx, and writes nothing', async () => {
    const before = await movements();
    const base = { itemId: goods.item.id, quantity: 2 };
    for (const body of [
      { ...base, kind: 'adjustment', fromSiteId: '', reason: 'count' },
      { ...base, kind: 'adjustment', fromSiteId: null, toSiteId: null, reason: 'count' },
      { ...base, kind: 'transfer', fromSiteId: '', toSiteId: goods.siteA.id },
      { ...base, kind: 'distribution', fromSiteId: null },
      { ...base, kind: 'donation', toSiteId: newId() },
      { ...base, kind: 'donation', toSiteId: foreign.siteA.id },
      { ...base, kind: 'donation', toSiteId: goods.siteA.id, itemId: foreign.item.id },
      { ...base, kind: 'donation', toSiteId: goods.siteA.id, itemId: '' },
    ]) {
      const res = await move(body);
      assert.ok(
        res.statusCode >= 400 && res.statusCode < 500,
        `${JSON.stringify(body)}: ${res.statusCode} ${res.body}`,
      );
    }
    assert.equal(await movements(), before);
    // A donation has no site it comes from: an empty one is none, not a site named "".
    for (const fromSiteId of ['', null]) {
      const donated = await move({
        ...base,
        kind: 'donation',
        toSiteId: goods.siteA.id,
        fromSiteId,
      });
      assert.equal(donated.statusCode, 201, donated.body);
    }
  });

  it('an event with a made-up or foreign training or area comes back with the field named', async () => {
    const a = agent(ctx.app);
    await a.signIn(net.members.coordinator.email);
    const events = async () =>
      (await ctx.db.selectFrom('vol_events').select('id').execute()).length;
    const before = await events();
    for (const field of ['trainingId', 'areaId']) {
      const res = await a.submit(
        `/n/${net.network.slug}/events/new`,
        `/n/${net.network.slug}/events/new`,
        {
          kind: 'workshop',
          title: 'First aid evening',
          visibility: 'members',
          date: '2026-12-01',
          startTime: '18:00',
          endTime: '20:00',
          repeat: 'none',
          role: 'general',
          slots: '4',
          [field]: newId(),
        },
      );
      assert.equal(res.statusCode, 422, `${field}: ${res.body.slice(0, 300)}`);
      assert.match(res.body, /value="First aid evening"/);
      assert.match(text(res.body), /choose one of the options/);
      assert.deepEqual(
        [...res.body.matchAll(/<a href="#field-([A-Za-z]+)"/g)].map((m) => m[1]),
        [field],
        'the one mistake is at the field',
      );
    }
    assert.equal(await events(), before);
  });

  it('a household added at the door of a distribution day that does not exist is not created', async () => {
    const households = async () =>
      (await ctx.db.selectFrom('households').select('id').execute()).length;
    const before = await households();
    const a = agent(ctx.app);
    await a.signIn(net.members.coordinator.email);
    await a.get(`/n/${net.network.slug}/goods/households`);
    for (const day of [newId(), 'nothing']) {
      const res = await a.post(`/n/${net.network.slug}/goods/days/${day}/household`, {
        name: 'Okafor',
        size: '3',
        language: 'en',
      });
      assert.equal(res.statusCode, 404, res.body.slice(0, 200));
    }
    assert.equal(await households(), before);
  });

  it("the database's refusals are mapped to the app's errors, on both databases", async () => {
    const attempt = async (write: () => Promise<unknown>) => {
      try {
        await write();
      } catch (e) {
        return appErrorFromDatabase(e)?.code ?? `unmapped: ${String(e)}`;
      }
      return 'accepted';
    };
    const now = new Date().toISOString();
    const site = (over: Record<string, unknown>) => ({
      id: newId(),
      network_id: net.network.id,
      name: `Site ${newId().slice(-6)}`,
      area_id: null,
      created_at: now,
      ...over,
    });
    assert.equal(
      await attempt(() =>
        ctx.db
          .insertInto('goods_sites')
          .values(site({ network_id: newId() }) as never)
          .execute(),
      ),
      'REFERENCE_NOT_FOUND',
    );
    const taken = site({});
    await ctx.db
      .insertInto('goods_sites')
      .values(taken as never)
      .execute();
    assert.equal(
      await attempt(() =>
        ctx.db
          .insertInto('goods_sites')
          .values(taken as never)
          .execute(),
      ),
      'ALREADY_EXISTS',
    );
    assert.equal(
      await attempt(() =>
        ctx.db
          .insertInto('stock_levels')
          .values({
            network_id: net.network.id,
            site_id: goods.siteB.id,
            item_id: goods.item.id,
            quantity: -1,
            updated_at: now,
          })
          .execute(),
      ),
      'VALIDATION_FAILED',
    );
    assert.equal(appErrorFromDatabase(new Error('something else')), null);
  });
});
