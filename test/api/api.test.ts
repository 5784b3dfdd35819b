import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { es } from '../../src/i18n/es.ts';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';

type ApiError = {
  error: {
    code: string;
    message: string;
    fields?: { in: string; path: string; message: string }[];
  };
};

/** The JSON API's own surface: health, its description, validation errors, and no cookies. */
describe('the JSON API', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let token: string;

  const peopleCount = async () => (await ctx.db.selectFrom('people').select('id').execute()).length;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    const c = net.members.coordinator;
    ({ token } = await createApiToken(ctx.deps, {
      actor: {
        kind: 'person',
        personId: c.id,
        displayName: c.name,
        isOperator: false,
        preferredLanguage: null,
        sessionId: 'test',
      },
      input: { name: 'phone line', networkSlug: net.network.slug, role: 'coordinator' },
    }));
  });
  after(() => ctx.close());

  it('GET /healthz answers 200 {status: ok}', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), { status: 'ok', database: DIALECT });
  });

  describe('description', () => {
    it('GET /api/openapi.json is OpenAPI 3.1 with the API paths and none of the pages', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json() as { openapi: string; paths: Record<string, unknown> };
      assert.ok(doc.openapi.startsWith('3.1'), doc.openapi);
      const paths = Object.keys(doc.paths);
      for (const p of [
        '/healthz',
        '/api/v1/me',
        '/api/v1/networks/{slug}',
        '/api/v1/networks/{slug}/people',
        '/api/v1/networks/{slug}/people/{personId}/role',
      ]) {
        assert.ok(paths.includes(p), `lists ${p}`);
      }
      for (const p of ['/sign-in', '/n/{slug}/people', '/n/{slug}', '/account', '/api/docs']) {
        assert.ok(!paths.includes(p), `does not list the page ${p}`);
      }
      assert.ok(
        paths.every((p) => p.startsWith('/api/v1/') || p === '/healthz'),
        `only API paths: ${paths.join(', ')}`,
      );
    });

    it('GET /api/docs is a page listing every operation', async () => {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
      assert.equal(res.statusCode, 200);
      assert.match(String(res.headers['content-type']), /^text\/html/);
      const body = text(res.body);
      assert.ok(body.includes('GET /api/v1/me'), body.slice(0, 400));
      assert.ok(body.includes('GET /api/v1/networks/{slug}/people'));
      assert.ok(body.includes('POST /api/v1/networks/{slug}/people'));
      assert.ok(body.includes('PUT /api/v1/networks/{slug}/people/{personId}/role'));
      assert.ok(body.includes('GET /healthz'));
      assert.ok(!body.includes('/sign-in '), 'pages are not operations');
    });
  });

  describe('validation errors', () => {
    const addPerson = (payload: unknown, headers: Record<string, string> = {}) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/networks/${net.network.slug}/people`,
        headers: {
          authorization: `Bearer ${token}`,
          'accept-language': 'es',
          'content-type': 'application/json',
          ...headers,
        },
        payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
      });

    const cases: [string, unknown, string, string][] = [
      ['a missing displayName', { phone: '+1 555 010 3000' }, '/displayName', es['field.required']],
      [
        'an unknown field',
        { displayName: 'Rosa', nickname: 'Ro' },
        '/nickname',
        es['field.unknown'],
      ],
      [
        'a phone that is no phone',
        { displayName: 'Rosa', phone: 'abc' },
        '/phone',
        es['field.phoneInvalid'],
      ],
      [
        'a badly formed email',
        { displayName: 'Rosa', email: 'rosa@' },
        '/email',
        es['field.invalid'],
      ],
    ];
    for (const [what, payload, path, fieldMessage] of cases) {
      it(`${what} → 400 JSON naming ${path}, in Spanish, and nothing is saved`, async () => {
        const before = await peopleCount();
        const res = await addPerson(payload);
        assert.ok([400, 422].includes(res.statusCode), String(res.statusCode));
        assert.match(String(res.headers['content-type']), /^application\/json/);
        const body = res.json() as ApiError;
        assert.equal(body.error.code, 'VALIDATION_FAILED');
        assert.equal(body.error.message, es['error.validation']);
        const field = body.error.fields?.find((f) => f.path === path);
        assert.ok(field, `a field error at ${path}: ${res.body}`);
        assert.equal(field.message, fieldMessage);
        assert.doesNotMatch(res.body, /stack|\bat \S+ \(|\.ts:\d+/);
        assert.equal(await peopleCount(), before);
      });
    }

    it('a malformed JSON body → 400 JSON, and nothing is saved', async () => {
      const before = await peopleCount();
      const res = await addPerson('{"displayName": "Rosa",');
      assert.equal(res.statusCode, 400);
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const body = res.json() as ApiError;
      assert.equal(body.error.code, 'VALIDATION_FAILED');
      assert.equal(body.error.message, es['error.validation']);
      assert.doesNotMatch(res.body, /stack|SyntaxError|\.ts:\d+/);
      assert.equal(await peopleCount(), before);
    });

    it('a good body is saved (so the refusals above are about the body alone)', async () => {
      const res = await addPerson({ displayName: 'Rosa', phone: '+1 555 010 3000' });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().displayName, 'Rosa');
      assert.equal(res.json().hasAccount, false);
    });
  });

  describe('cookies', () => {
    it("the browser's session cookie does not sign in to the API: 401, nothing saved", async () => {
      const browser = agent(ctx.app);
      assert.equal((await browser.signIn(net.members.coordinator.email)).statusCode, 303);
      assert.equal((await browser.get(`/n/${net.network.slug}/people`)).statusCode, 200);

      const me = await browser.get('/api/v1/me');
      assert.equal(me.statusCode, 401);
      assert.match(String(me.headers['content-type']), /^application\/json/);
      const list = await browser.get(`/api/v1/networks/${net.network.slug}/people`);
      assert.equal(list.statusCode, 401);
      assert.equal((list.json() as ApiError).error.code, 'SIGN_IN_REQUIRED');

      const before = await peopleCount();
      const post = await ctx.app.inject({
        method: 'POST',
        url: `/api/v1/networks/${net.network.slug}/people`,
        headers: { cookie: `mutua_session=${browser.cookie('mutua_session')}` },
        payload: { displayName: 'Through The Cookie' },
      });
      assert.equal(post.statusCode, 401);
      assert.equal(await peopleCount(), before);
    });
  });
});
