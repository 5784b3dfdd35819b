import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { asPerson } from '../helpers/requests.ts';

/**
 * Infinity, -Infinity, NaN and 1e400 are not numbers anyone means. Ajv coerces the string
 * "Infinity" (and "1e400") to a number and then skips the range checks, so they must be
 * refused for every schema, in the one place where values are validated.
 */
describe('numbers that are not finite', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let admin: string;
  let coordinator: string;
  const count = async (table: 'requests' | 'areas') =>
    (await ctx.db.selectFrom(table).select('id').execute()).length;
  const api = (method: 'GET' | 'POST', url: string, token: string, payload?: string) =>
    ctx.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${token}`,
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { payload } : {}),
    });
  const ask = {
    category: 'groceries',
    urgency: 'high',
    householdSize: 2,
    when: 'any',
    name: 'Marisol',
    phone: '+1 555 010 4242',
    language: 'es',
    consent: true,
  };

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    const tokenOf = async (id: string, role: 'admin' | 'coordinator') =>
      (
        await createApiToken(ctx.deps, {
          actor: asPerson(id),
          input: { name: 'fuzz', networkSlug: net.network.slug, role },
        })
      ).token;
    admin = await tokenOf(net.admin.id, 'admin');
    coordinator = await tokenOf(net.members.coordinator.id, 'coordinator');
  });
  after(() => ctx.close());

  it('the API refuses "Infinity", "NaN" and 1e400 for a bounded integer, and stores nothing', async () => {
    const url = `/api/v1/networks/${net.network.slug}/requests`;
    const before = await count('requests');
    for (const raw of ['"Infinity"', '"-Infinity"', '"NaN"', '"1e400"', '1e400', '-1e400']) {
      const res = await api(
        'POST',
        url,
        coordinator,
        JSON.stringify(ask).replace('"householdSize":2', `"householdSize":${raw}`),
      );
      assert.equal(res.statusCode, 400, `${raw}: ${res.body}`);
      const body = res.json() as { error: { code: string; fields: { path: string }[] } };
      assert.equal(body.error.code, 'VALIDATION_FAILED');
      assert.ok(
        body.error.fields.some((f) => f.path === '/householdSize'),
        `${raw}: ${res.body}`,
      );
    }
    assert.equal(await count('requests'), before);
    assert.equal((await api('POST', url, coordinator, JSON.stringify(ask))).statusCode, 201);
  });

  it('a query such as ?page=Infinity is a 400 naming the parameter, not a 500', async () => {
    for (const page of ['Infinity', '1e400', 'NaN', '-Infinity']) {
      const res = await api(
        'GET',
        `/api/v1/networks/${net.network.slug}/requests?page=${page}`,
        coordinator,
      );
      assert.equal(res.statusCode, 400, `${page}: ${res.body}`);
      const body = res.json() as { error: { fields: { in: string; path: string }[] } };
      assert.deepEqual(
        body.error.fields.map((f) => [f.in, f.path]),
        [['querystring', '/page']],
      );
    }
  });

  it('an area with an Infinity radius or latitude is refused by the API and by the settings form', async () => {
    const before = await count('areas');
    for (const body of [
      '{"name":"Far","lat":1e400,"lng":0,"radiusM":500}',
      '{"name":"Far","lat":"Infinity","lng":0,"radiusM":500}',
      '{"name":"Far","lat":45,"lng":0,"radiusM":"Infinity"}',
    ]) {
      const res = await api('POST', `/api/v1/networks/${net.network.slug}/areas`, admin, body);
      assert.equal(res.statusCode, 400, `${body}: ${res.body}`);
    }
    const a = agent(ctx.app);
    await a.signIn(net.admin.email);
    const res = await a.submit(`/n/${net.network.slug}/settings`, `/n/${net.network.slug}/areas`, {
      name: 'Far Meadow',
      lat: '45.5',
      lng: '-122.6',
      radiusM: 'Infinity',
    });
    assert.equal(res.statusCode, 422);
    assert.match(text(res.body), /outside the allowed range/);
    assert.match(res.body, /value="Far Meadow"/, 'what was typed is kept');
    assert.equal(await count('areas'), before);
    // The public areas list still answers.
    const list = await ctx.app.inject({ url: `/api/v1/networks/${net.network.slug}/areas` });
    assert.ok(list.statusCode < 500, list.body);
  });

  it('the public ask form and the token form refuse Infinity at the field, keeping the rest', async () => {
    const before = await count('requests');
    const res = await agent(ctx.app).submit(
      `/n/${net.network.slug}/ask`,
      `/n/${net.network.slug}/ask`,
      {
        category: 'groceries',
        urgency: 'high',
        householdSize: 'Infinity',
        when: 'any',
        name: 'Marisol Lopez',
        phone: '+1 555 010 4242',
        language: 'es',
        consent: '1',
      },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(res.body, /value="Marisol Lopez"/);
    assert.equal(await count('requests'), before);

    const a = agent(ctx.app);
    await a.signIn(net.members.coordinator.email);
    const token = await a.submit('/account', '/account/tokens', {
      name: 'phone line',
      networkSlug: net.network.slug,
      role: 'coordinator',
      expiresInDays: 'Infinity',
    });
    assert.equal(token.statusCode, 422, token.body.slice(0, 300));
    assert.match(token.body, /value="phone line"/);
  });

  it('a number that is not finite and is already stored does not break a list (SQLite keeps it)', {
    skip: DIALECT === 'postgres' ? 'PostgreSQL integer columns cannot hold Infinity' : false,
  }, async () => {
    await ctx.db
      .updateTable('requests')
      .set({ household_size: Number.POSITIVE_INFINITY })
      .where('network_id', '=', net.network.id)
      .execute();
    const res = await api('GET', `/api/v1/networks/${net.network.slug}/requests`, coordinator);
    assert.equal(res.statusCode, 200, res.body);
    const page = agent(ctx.app);
    await page.signIn(net.members.coordinator.email);
    assert.equal((await page.get(`/n/${net.network.slug}/requests`)).statusCode, 200);
  });
});
