import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { asPerson } from '../helpers/requests.ts';

/**
 * A NUL byte cannot be stored in PostgreSQL text ("invalid byte sequence 0x00"), and a lone
 * UTF-16 surrogate is not text at all. Wherever one arrives (a path segment, a query, a JSON
 * body, a form field) it is refused in one place, with a translated answer, before any
 * handler sees it; a form comes back with the rest of what was typed.
 */
describe('characters that cannot be stored', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let token: string;
  const requests = async () => (await ctx.db.selectFrom('requests').select('id').execute()).length;
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
    ({ token } = await createApiToken(ctx.deps, {
      actor: asPerson(net.members.coordinator.id),
      input: { name: 'fuzz', networkSlug: net.network.slug, role: 'coordinator' },
    }));
  });
  after(() => ctx.close());

  it('a NUL in a path segment or a query is a translated 400 page with the security headers', async () => {
    for (const url of [
      '/n/%00',
      `/n/${net.network.slug}/r/%00`,
      `/n/${net.network.slug}/ask?area=%00`,
      '/sign-in?next=%00',
    ]) {
      const res = await ctx.app.inject({ url, headers: { 'accept-language': 'es' } });
      assert.equal(res.statusCode, 400, `${url}: ${res.body.slice(0, 200)}`);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.match(res.body, /<html lang="es"/);
      assert.match(text(res.body), /caracteres/);
      assert.ok(res.headers['content-security-policy'], url);
    }
  });

  it('the API names the place of a NUL or a lone surrogate, in the path, the query or the body', async () => {
    const auth = { authorization: `Bearer ${token}` };
    const inPath = await ctx.app.inject({ url: '/api/v1/networks/%00', headers: auth });
    assert.equal(inPath.statusCode, 400, inPath.body);
    assert.deepEqual(
      (inPath.json() as { error: { fields: { in: string; path: string }[] } }).error.fields.map(
        (f) => [f.in, f.path],
      ),
      [['params', '/slug']],
    );
    const inQuery = await ctx.app.inject({
      url: `/api/v1/networks/${net.network.slug}/requests?category=%00`,
      headers: auth,
    });
    assert.equal(inQuery.statusCode, 400, inQuery.body);

    const before = await requests();
    for (const [field, raw] of [
      ['name', 'Mari\\u0000sol'],
      ['details', 'x\\ud800y'],
      ['name', '\\udc00'],
    ] as const) {
      const payload = JSON.stringify({ ...ask, [field]: 'PLACEHOLDER' }).replace(
        'PLACEHOLDER',
        raw,
      );
      const res = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/networks/${net.network.slug}/requests`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload,
      });
      assert.equal(res.statusCode, 400, `${raw}: ${res.body}`);
      const body = res.json() as {
        error: { code: string; fields: { in: string; path: string }[] };
      };
      assert.equal(body.error.code, 'BAD_CHARACTERS');
      assert.deepEqual(
        body.error.fields.map((f) => [f.in, f.path]),
        [['body', `/${field}`]],
      );
    }
    assert.equal(await requests(), before);
    // A well-formed pair (an emoji) is text like any other.
    const fine = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/networks/${net.network.slug}/requests`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: JSON.stringify({ ...ask, details: 'Thanks 😀' }),
    });
    assert.equal(fine.statusCode, 201, fine.body);
  });

  it('a form comes back with the field named and the rest of what was typed; nothing is stored', async () => {
    const before = await requests();
    const res = await agent(ctx.app).submit(
      `/n/${net.network.slug}/ask`,
      `/n/${net.network.slug}/ask`,
      {
        category: 'groceries',
        urgency: 'high',
        householdSize: '2',
        when: 'any',
        name: 'Mari\u0000sol',
        phone: '+1 555 010 4242',
        details: 'Two bags of rice',
        language: 'es',
        consent: '1',
      },
    );
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(text(res.body), /characters that cannot be kept/);
    assert.match(res.body, /value="Marisol"/, 'the name, minus the character taken out');
    assert.match(res.body, /Two bags of rice/);
    assert.match(res.body, /value="\+1 555 010 4242"/);
    assert.ok(!res.body.includes('\u0000'));
    assert.equal(await requests(), before);
  });
});
