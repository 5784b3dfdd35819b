import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import type { Actor } from '../../src/server/core/actor.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';

type ApiError = {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
};

const PROFILE = {
  categories: ['groceries', 'medicine'],
  languages: ['es', 'qu'],
  transport: 'public',
  hasCar: false,
  homeLat: -12.05,
  homeLng: -77.04,
  radiusKm: 5,
  availability: ['mon-morning', 'fri-evening'],
  weeklyHourCap: 3.5,
  skills: 'Pharmacy runs',
};

describe('the offers JSON API', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let other: Awaited<ReturnType<typeof makeNetwork>>;
  const tokens = {} as Record<'volunteer' | 'neighbour' | 'coordinator' | 'otherNet', string>;

  async function tokenFor(
    p: { id: string; name: string },
    slug: string,
    role: 'neighbour' | 'volunteer' | 'coordinator',
  ) {
    const actor: Actor = {
      kind: 'person',
      personId: p.id,
      displayName: p.name,
      isOperator: false,
      preferredLanguage: null,
      sessionId: 'test',
    };
    const { token } = await createApiToken(ctx.deps, {
      actor,
      input: { name: 'integration', networkSlug: slug, role },
    });
    return token;
  }

  const call = (
    who: keyof typeof tokens,
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    payload?: unknown,
    lang = 'en',
  ) =>
    ctx.app.inject({
      method,
      url: `/api/v1/networks/${who === 'otherNet' ? other.network.slug : net.network.slug}${path}`,
      headers: {
        authorization: `Bearer ${tokens[who]}`,
        'accept-language': lang,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
    });

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    other = await makeNetwork(ctx);
    tokens.volunteer = await tokenFor(net.members.volunteer, net.network.slug, 'volunteer');
    tokens.neighbour = await tokenFor(net.members.neighbour, net.network.slug, 'neighbour');
    tokens.coordinator = await tokenFor(net.members.coordinator, net.network.slug, 'coordinator');
    tokens.otherNet = await tokenFor(other.members.neighbour, other.network.slug, 'neighbour');
  });
  after(() => ctx.close());

  it('lists its operations in /api/openapi.json', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const paths = Object.keys((res.json() as { paths: Record<string, unknown> }).paths);
    for (const p of [
      '/api/v1/networks/{slug}/volunteering/me',
      '/api/v1/networks/{slug}/volunteering/me/break',
      '/api/v1/networks/{slug}/volunteers',
      '/api/v1/networks/{slug}/offers',
      '/api/v1/networks/{slug}/offers/{id}/status',
    ]) {
      assert.ok(paths.includes(p), p);
    }
  });

  describe('my volunteer profile', () => {
    it('404 before one is saved, then PUT creates it and GET returns it', async () => {
      assert.equal((await call('volunteer', 'GET', '/volunteering/me')).statusCode, 404);
      const put = await call('volunteer', 'PUT', '/volunteering/me', PROFILE);
      assert.equal(put.statusCode, 200, put.body);
      const got = await call('volunteer', 'GET', '/volunteering/me');
      assert.equal(got.statusCode, 200);
      const body = got.json();
      assert.deepEqual(body.categories, PROFILE.categories);
      assert.deepEqual(body.availability, PROFILE.availability);
      assert.equal(body.homeLat, -12.05, 'their own exact point, to themselves');
      assert.equal(body.weeklyHourCap, 3.5);
      assert.equal(body.onBreak, false);
      assert.equal(body.personId, net.members.volunteer.id);
    });

    it('takes a break and ends it', async () => {
      const on = await call('volunteer', 'PUT', '/volunteering/me/break', {
        onBreak: true,
        breakUntil: '2026-12-24',
      });
      assert.equal(on.statusCode, 200, on.body);
      assert.equal(on.json().onBreak, true);
      assert.equal(on.json().breakUntil, '2026-12-24');
      const off = await call('volunteer', 'PUT', '/volunteering/me/break', { onBreak: false });
      assert.equal(off.json().onBreak, false);
      assert.equal(off.json().breakUntil, null);
    });

    const invalid: [string, Record<string, unknown>, string, string][] = [
      ['a radius too far', { ...PROFILE, radiusKm: 51 }, '/radiusKm', es['field.range']],
      [
        'an unknown category',
        { ...PROFILE, categories: ['gold'] },
        '/categories/0',
        es['field.choose'],
      ],
      [
        'a language that is no code',
        { ...PROFILE, languages: ['Spanish'] },
        '/languages/0',
        es['field.invalid'],
      ],
      [
        'a slot that does not exist',
        { ...PROFILE, availability: ['mon-night'] },
        '/availability/0',
        es['field.choose'],
      ],
      [
        'a missing transport',
        { ...PROFILE, transport: undefined },
        '/transport',
        es['field.required'],
      ],
      ['an unknown field', { ...PROFILE, address: 'Calle 1' }, '/address', es['field.unknown']],
    ];
    for (const [what, payload, path, message] of invalid) {
      it(`${what} → 400 JSON naming ${path}, in Spanish, nothing saved`, async () => {
        const before = await call('volunteer', 'GET', '/volunteering/me');
        const res = await call('volunteer', 'PUT', '/volunteering/me', payload, 'es');
        assert.equal(res.statusCode, 400, res.body);
        assert.match(String(res.headers['content-type']), /^application\/json/);
        const body = res.json() as ApiError;
        assert.equal(body.error.code, 'VALIDATION_FAILED');
        assert.equal(body.error.message, es['error.validation']);
        const field = body.error.fields?.find((f) => f.path === path);
        assert.ok(field, `a field error at ${path}: ${res.body}`);
        assert.equal(field.message, message);
        assert.deepEqual(
          (await call('volunteer', 'GET', '/volunteering/me')).json(),
          before.json(),
        );
      });
    }

    it('half a point is refused by the service, named at the missing coordinate, in Spanish', async () => {
      const { homeLng: _omit, ...half } = PROFILE;
      const res = await call('volunteer', 'PUT', '/volunteering/me', half, 'es');
      assert.equal(res.statusCode, 400);
      const body = res.json() as ApiError;
      assert.equal(body.error.message, es['error.validation']);
      assert.deepEqual(body.error.fields, [
        { in: 'body', path: '/homeLng', message: es['volunteering.bothCoordinates'] },
      ]);
    });

    it('a break date in the past is refused at /breakUntil', async () => {
      const res = await call('volunteer', 'PUT', '/volunteering/me/break', {
        onBreak: true,
        breakUntil: '2020-01-01',
      });
      assert.equal(res.statusCode, 400);
      const body = res.json() as ApiError;
      assert.deepEqual(body.error.fields, [
        { in: 'body', path: '/breakUntil', message: en['volunteering.breakUntilPast'] },
      ]);
    });
  });

  describe('volunteers (coordinators)', () => {
    it('a coordinator lists them without exact points; a volunteer gets 403', async () => {
      const res = await call('coordinator', 'GET', '/volunteers?category=medicine');
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.total, 1);
      assert.equal(body.volunteers[0].displayName, net.members.volunteer.name);
      assert.deepEqual(body.volunteers[0].languages, ['es', 'qu']);
      assert.ok(!res.body.includes('-12.05'), 'no exact point in the list');
      assert.ok(!('homeLat' in body.volunteers[0]));
      const refused = await call('volunteer', 'GET', '/volunteers');
      assert.equal(refused.statusCode, 403);
      assert.equal((refused.json() as ApiError).error.code, 'FORBIDDEN');
      const bad = await call('coordinator', 'GET', '/volunteers?category=gold', undefined, 'es');
      assert.equal(bad.statusCode, 400);
      assert.equal((bad.json() as ApiError).error.message, es['error.validation']);
    });
  });

  describe('goods offers', () => {
    let offerId: string;

    it('a volunteer offers goods: 201 with their own notes', async () => {
      const res = await call('volunteer', 'POST', '/offers', {
        what: 'Blankets',
        quantity: 4,
        unit: 'items',
        collectNotes: 'Back door, weekends',
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      offerId = body.id;
      assert.equal(body.status, 'available');
      assert.equal(body.mine, true);
      assert.equal(body.collectNotes, 'Back door, weekends');
    });

    it('a neighbour lists it as what, how much and area only', async () => {
      const res = await call('neighbour', 'GET', '/offers');
      assert.equal(res.statusCode, 200);
      const offer = res.json().offers.find((o: { id: string }) => o.id === offerId);
      assert.ok(offer);
      assert.deepEqual(Object.keys(offer).sort(), [
        'collectArea',
        'createdAt',
        'id',
        'mine',
        'quantity',
        'status',
        'unit',
        'what',
      ]);
      assert.ok(!res.body.includes('Back door'));
      assert.ok(!res.body.includes(net.members.volunteer.id));
    });

    it('a coordinator sees who offers it and the notes, and changes its status', async () => {
      const list = await call('coordinator', 'GET', '/offers');
      const offer = list.json().offers.find((o: { id: string }) => o.id === offerId);
      assert.equal(offer.offeredBy.displayName, net.members.volunteer.name);
      assert.equal(offer.collectNotes, 'Back door, weekends');
      const res = await call('coordinator', 'PUT', `/offers/${offerId}/status`, {
        status: 'reserved',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'reserved');
    });

    it("a neighbour cannot change someone else's offer (403); bad input is translated JSON", async () => {
      const res = await call('neighbour', 'PUT', `/offers/${offerId}/status`, { status: 'taken' });
      assert.equal(res.statusCode, 403);
      const bad = await call(
        'neighbour',
        'POST',
        '/offers',
        { what: '', quantity: 0, unit: 'kg' },
        'es',
      );
      assert.equal(bad.statusCode, 400);
      const body = bad.json() as ApiError;
      assert.equal(body.error.message, es['error.validation']);
      assert.ok(
        body.error.fields?.some(
          (f) => f.path === '/what' && f.message === es['field.tooShort'].replace('{min}', '1'),
        ),
      );
      assert.ok(body.error.fields?.some((f) => f.path === '/quantity'));
    });

    it("another network's token sees none of them, and cannot reach them", async () => {
      const res = await call('otherNet', 'GET', '/offers');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().offers, []);
      const status = await call('otherNet', 'PUT', `/offers/${offerId}/status`, {
        status: 'withdrawn',
      });
      assert.equal(status.statusCode, 404);
      const cross = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/networks/${net.network.slug}/offers`,
        headers: { authorization: `Bearer ${tokens.otherNet}` },
      });
      assert.equal(cross.statusCode, 403);
    });
  });
});
