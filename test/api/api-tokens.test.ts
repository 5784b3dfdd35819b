import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { insertMembership } from '../../src/server/core/membership.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent } from '../helpers/http.ts';

/** Personal API tokens: made on the account page, never stronger than their owner. */
describe('API tokens', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let other: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Agent;
  let admin: Agent;
  let coordinatorToken: string;

  const api = (token: string, url: string) =>
    ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const people = (token: string, slug = net.network.slug) =>
    api(token, `/api/v1/networks/${slug}/people`);

  /** Submits the account page's token form; returns the response and the token shown, if any. */
  const makeToken = async (a: Agent, fields: Record<string, string>) => {
    const res = await a.submit('/account', '/account/tokens', fields);
    const shown = /<p class="token">(mutua_[A-Za-z0-9_-]+)<\/p>/.exec(res.body)?.[1];
    return { res, token: shown };
  };

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    other = await makeNetwork(ctx);
    // The coordinator coordinates the other network too: still, a token stays where it was made.
    const c = net.members.coordinator;
    await insertMembership(ctx.db, {
      id: newId(),
      networkId: other.network.id,
      personId: c.id,
      role: 'coordinator',
      now: ctx.clock.now().toISOString(),
    });
    coordinator = agent(ctx.app);
    assert.equal((await coordinator.signIn(c.email)).statusCode, 303);
    admin = agent(ctx.app);
    assert.equal((await admin.signIn(net.admin.email)).statusCode, 303);
  });
  after(() => ctx.close());

  it('is made on the account page and shown once', async () => {
    const { res, token } = await makeToken(coordinator, {
      name: 'Phone line',
      networkSlug: net.network.slug,
      role: 'coordinator',
    });
    assert.equal(res.statusCode, 201);
    assert.ok(token, 'the new token is on the page');
    assert.match(token, /^mutua_[A-Za-z0-9_-]{43}$/);
    coordinatorToken = token;
    const again = await coordinator.get('/account');
    assert.equal(again.statusCode, 200);
    assert.ok(!again.body.includes(token), 'not shown a second time');
    assert.ok(again.body.includes(token.slice(0, 10)), 'its prefix is listed');
    const stored = await ctx.db.selectFrom('api_tokens').select('token_hash').execute();
    assert.ok(
      stored.every((r) => r.token_hash !== token),
      'only a hash is stored',
    );
  });

  it('a coordinator token reads /api/v1/me and the people list', async () => {
    const me = await api(coordinatorToken, '/api/v1/me');
    assert.equal(me.statusCode, 200);
    assert.deepEqual(me.json(), {
      id: net.members.coordinator.id,
      displayName: net.members.coordinator.name,
      network: net.network.slug,
      role: 'coordinator',
    });
    const list = await people(coordinatorToken);
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json() as { total: number; people: { id: string }[] };
    assert.equal(body.total, 4);
    assert.ok(body.people.some((p) => p.id === net.members.neighbour.id));
  });

  it('a volunteer token made by a coordinator is refused the people list', async () => {
    const { res, token } = await makeToken(coordinator, {
      name: 'Low',
      networkSlug: net.network.slug,
      role: 'volunteer',
    });
    assert.equal(res.statusCode, 201);
    assert.ok(token);
    assert.equal((await api(token, '/api/v1/me')).json().role, 'volunteer');
    const list = await people(token);
    assert.equal(list.statusCode, 403);
    assert.equal(list.json().error.code, 'FORBIDDEN');
  });

  it("is refused (403) on another network's endpoints, even where its owner coordinates", async () => {
    const list = await people(coordinatorToken, other.network.slug);
    assert.equal(list.statusCode, 403, list.body);
    assert.ok(!list.body.includes(other.members.neighbour.name));
    const one = await api(
      coordinatorToken,
      `/api/v1/networks/${other.network.slug}/people/${other.members.neighbour.id}`,
    );
    assert.equal(one.statusCode, 403);
    const pub = await api(coordinatorToken, `/api/v1/networks/${other.network.slug}`);
    assert.equal(pub.statusCode, 200, 'public endpoints still answer');
    assert.equal(pub.json().yourRole, null);
  });

  it('a neighbour cannot make an admin token: the form says so at the role, and no token', async () => {
    const n = agent(ctx.app);
    assert.equal((await n.signIn(net.members.neighbour.email)).statusCode, 303);
    const { res, token } = await makeToken(n, {
      name: 'Power',
      networkSlug: net.network.slug,
      role: 'admin',
    });
    assert.equal(res.statusCode, 403);
    assert.equal(token, undefined);
    assert.match(res.body, /id="field-role-error"/);
    assert.match(res.body, /value="Power"/, 'what was typed is kept');
    const rows = await ctx.db
      .selectFrom('api_tokens')
      .select('id')
      .where('person_id', '=', net.members.neighbour.id)
      .execute();
    assert.equal(rows.length, 0);
  });

  it('a garbage token gets 401 TOKEN_INVALID', async () => {
    for (const bad of ['mutua_garbage', 'nonsense', `${coordinatorToken}x`]) {
      const res = await people(bad);
      assert.equal(res.statusCode, 401, bad);
      assert.equal(res.json().error.code, 'TOKEN_INVALID');
    }
  });

  it('when its owner is demoted to neighbour, the coordinator token loses access', async () => {
    const res = await admin.submit(
      `/n/${net.network.slug}/people/${net.members.coordinator.id}`,
      `/n/${net.network.slug}/people/${net.members.coordinator.id}/role`,
      { role: 'neighbour' },
    );
    assert.equal(res.statusCode, 303);
    const list = await people(coordinatorToken);
    assert.equal(list.statusCode, 403);
    assert.equal((await api(coordinatorToken, '/api/v1/me')).json().role, 'neighbour');
  });

  it('once revoked on the account page, it gets 401 TOKEN_INVALID', async () => {
    const page = await coordinator.get('/account');
    const prefix = coordinatorToken.slice(0, 10);
    const id = new RegExp(
      `${prefix}…</code>[\\s\\S]*?action="/account/tokens/([^/"]+)/revoke"`,
    ).exec(page.body)?.[1];
    assert.ok(id, 'the token has a revoke button');
    const res = await coordinator.post(`/account/tokens/${id}/revoke`, {});
    assert.equal(res.statusCode, 303);
    const me = await api(coordinatorToken, '/api/v1/me');
    assert.equal(me.statusCode, 401);
    assert.equal(me.json().error.code, 'TOKEN_INVALID');
    assert.equal((await people(coordinatorToken)).statusCode, 401);
  });
});
