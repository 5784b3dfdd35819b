import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hourlyCeiling, intakeVerdict } from '../../src/domain/requests/intake-limit.ts';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import type { Network } from '../../src/server/core/network.ts';
import { HOUR, MINUTE } from '../../src/shared/clock.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { asPerson, makeRequest } from '../helpers/requests.ts';
import { SMS_NUMBER, startSmsGateway } from '../helpers/sms-gateway.ts';

/** A library's computers, a family centre, a mobile carrier: many people behind one address. */
const LIBRARY = '198.51.100.20';
const HOME = '203.0.113.9';

const FORM = {
  category: 'groceries',
  urgency: 'critical',
  householdSize: '2',
  when: 'any',
  name: 'Ada Winter',
  phone: '555 010 3131',
  details: 'No food since yesterday',
  language: 'en',
  consent: '1',
};

const API_BODY = {
  category: 'groceries',
  urgency: 'high',
  householdSize: 1,
  when: 'any',
  name: 'Bo',
  phone: '+15550107777',
  language: 'en',
  consent: true,
};

describe(`requests for help from one address: review, not refusal (${DIALECT})`, () => {
  let ctx: TestContext;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Agent;
  before(async () => {
    gateway = await startSmsGateway();
    // Behind a proxy (TRUST_PROXY), the address is the one X-Forwarded-For names.
    ctx = await createTestContext({ env: { ...gateway.env, TRUST_PROXY: 'true' } });
    net = await makeNetwork(ctx, { name: 'Riverside Mutual Aid' });
    const admin = agent(ctx.app);
    await admin.signIn(net.admin.email);
    await admin.get(`/n/${net.network.slug}/settings`);
    const saved = await admin.post(`/n/${net.network.slug}/settings`, {
      name: net.network.name,
      defaultLanguage: 'en',
      signupMode: 'open',
      retentionDays: '90',
      'cat-groceries': '1',
      phoneNumber: '+1 555 010 2000',
    });
    assert.equal(saved.statusCode, 303, text(saved.body).slice(0, 400));
    coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
  });

  const from = (address: string, lang = 'en') =>
    agent(ctx.app, { 'x-forwarded-for': address, 'accept-language': lang });

  const ask = async (a: Agent, fields: Record<string, string> = FORM) => {
    await a.get(`/n/${net.network.slug}/ask`);
    const res = await a.post(`/n/${net.network.slug}/ask`, fields);
    // Taken: post, redirect, get (issue 12); the confirmation is what the person sees.
    if (res.statusCode !== 303) return res;
    return a.get(String(res.headers.location));
  };

  const flagOf = async (code: string) => {
    const row = await ctx.db
      .selectFrom('requests')
      .select(['id', 'many_from_address'])
      .where('code', '=', code.replace('-', ''))
      .executeTakeFirstOrThrow();
    return { id: row.id, flagged: Number(row.many_from_address) === 1 };
  };
  const codeIn = (html: string) => /<strong>([A-Z0-9]{3}-[A-Z0-9]{3})<\/strong>/.exec(html)?.[1];

  /** Requests through the same intake, from the service (the same counter as the form). */
  const fill = async (address: string, until: number, network: Network = net.network) => {
    for (let i = 0; i < until; i++)
      await makeRequest(
        ctx,
        network,
        { urgency: 'normal' },
        'web',
        { kind: 'anonymous' },
        {
          address,
        },
      );
  };

  it('the numbers: the setting, then review, then a ceiling of ten times (at least 200)', () => {
    assert.equal(hourlyCeiling(20), 200);
    assert.equal(hourlyCeiling(50), 500);
    assert.equal(intakeVerdict(20, 20), 'accept');
    assert.equal(intakeVerdict(21, 20), 'review');
    assert.equal(intakeVerdict(200, 20), 'review');
    assert.equal(intakeVerdict(201, 20), 'refuse');
  });

  it('the 21st and the 100th request from one address are taken and marked for review', async () => {
    const library = from(LIBRARY);
    for (let i = 1; i <= 20; i++) {
      const res = await ask(library);
      assert.equal(res.statusCode, 200, `request ${i}`);
      assert.equal((await flagOf(codeIn(res.body)!)).flagged, false, `request ${i} is ordinary`);
    }
    const twentyFirst = await ask(library);
    assert.equal(twentyFirst.statusCode, 200, text(twentyFirst.body).slice(0, 300));
    const code21 = codeIn(twentyFirst.body)!;
    const flagged = await flagOf(code21);
    assert.equal(flagged.flagged, true);
    // The person who asked is not told (nothing they could do about it), nor on their status page.
    assert.doesNotMatch(text(twentyFirst.body), /many requests|one address/i);
    const statusLink = /href="(\/n\/[^"]+\/r\/[^"]+)"/.exec(twentyFirst.body)![1]!;
    const status = await library.get(statusLink.replace(/&amp;/g, '&'));
    assert.equal(status.statusCode, 200);
    assert.doesNotMatch(text(status.body), /many requests|one address/i);

    // Coordinators see the badge in the queue and on the request page.
    const queue = await coordinator.get(`/n/${net.network.slug}/requests`);
    const rowHtml = queue.body.split('<tr>').find((r) => r.includes(code21))!;
    assert.match(text(rowHtml), /many requests from one address — check/);
    const page = await coordinator.get(`/n/${net.network.slug}/requests/${flagged.id}`);
    assert.match(text(page.body), /many requests from one address — check/);
    assert.match(text(page.body), /make sure it is real/);

    await fill(LIBRARY, 100 - 22);
    const hundredth = await ask(library);
    assert.equal(hundredth.statusCode, 200);
    assert.equal((await flagOf(codeIn(hundredth.body)!)).flagged, true);

    // Another address is unaffected.
    const home = await ask(from(HOME));
    assert.equal(home.statusCode, 200);
    assert.equal((await flagOf(codeIn(home.body)!)).flagged, false);
  });

  it('past the ceiling it refuses, kept typed, offering the phone line, SMS and emergency number', async () => {
    await fill(LIBRARY, 200 - 100);
    const before = await ctx.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const refused = await ask(from(LIBRARY));
    assert.equal(refused.statusCode, 429);
    const words = text(refused.body);
    assert.match(words, /So many requests for help have come from this internet address/);
    assert.match(words, /emergency number \(such as 911 or 112\)/);
    assert.match(words, /Call Riverside Mutual Aid: \+15550102000/);
    assert.match(words, new RegExp(`word HELP to \\${SMS_NUMBER}`));
    assert.match(words, /again in 60 minutes/);
    // "Right now": the emergency line comes first, in bold.
    assert.match(refused.body, /<li><strong>If someone’s health or safety is at risk/);
    // What was typed is still there to send another way or later.
    assert.match(refused.body, /value="Ada Winter"/);
    assert.match(refused.body, /No food since yesterday/);
    const after = await ctx.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n), 'nothing stored');

    // In Spanish, with the Spanish keyword.
    const es = await ask(from(LIBRARY, 'es'), { ...FORM, language: 'es' });
    assert.equal(es.statusCode, 429);
    assert.match(text(es.body), /la palabra AYUDA al/);
    assert.match(text(es.body), /número de emergencias/);

    // Another address still gets through, and after the hour the library does again.
    assert.equal((await ask(from(HOME))).statusCode, 200);
    ctx.clock.advance(HOUR + MINUTE);
    const next = await ask(from(LIBRARY));
    assert.equal(next.statusCode, 200);
    assert.equal((await flagOf(codeIn(next.body)!)).flagged, false);
  });

  it('the API shares the count: flagged past the number, refused past the ceiling with the ways', async () => {
    const actor = asPerson(net.members.coordinator.id);
    const { token } = await createApiToken(ctx.deps, {
      actor,
      input: { name: 'phone line', networkSlug: net.network.slug, role: 'coordinator' },
    });
    const call = (address: string, lang = 'en') =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/v1/networks/${net.network.slug}/requests`,
        headers: {
          authorization: `Bearer ${token}`,
          'x-forwarded-for': address,
          'accept-language': lang,
        },
        payload: API_BODY,
      });
    const line = '192.0.2.44';
    await fill(line, 20);
    const flagged = await call(line);
    assert.equal(flagged.statusCode, 201, flagged.body);
    assert.equal(flagged.json().request.manyFromAddress, true);
    await fill(line, 200 - 21);
    const refused = await call(line);
    assert.equal(refused.statusCode, 429);
    assert.equal(refused.headers['retry-after'], '3600');
    const err = refused.json().error;
    assert.equal(err.code, 'INTAKE_LIMITED');
    assert.match(err.message, /Call Riverside Mutual Aid: \+15550102000/);
    assert.match(err.message, /word HELP to/);
    assert.match(err.message, /emergency number/);
    const es = await call(line, 'es');
    assert.match(es.json().error.message, /Llame a Riverside Mutual Aid/);
    const other = await call('192.0.2.45');
    assert.equal(other.statusCode, 201);
    assert.equal(other.json().request.manyFromAddress, false);
  });

  it('a coordinator sets the number per network on the settings page; bad values are explained', async () => {
    const other = await makeNetwork(ctx, { name: 'Hillside' });
    const c = agent(ctx.app);
    await c.signIn(other.members.coordinator.email);
    const page = await c.get(`/n/${other.network.slug}/settings`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="hourlyRequestsPerAddress" [^>]*value="20"/);
    assert.doesNotMatch(page.body, /name="signupMode"/, 'the rest stays the admins’');
    assert.doesNotMatch(page.body, new RegExp(`action="/n/${other.network.slug}/areas"`));
    const url = `/n/${other.network.slug}/settings/intake`;
    for (const bad of [
      '',
      'abc',
      '0',
      '-3',
      '20.5',
      '10001',
      'Infinity',
      '1e400',
      '9'.repeat(400),
    ]) {
      const res = await c.post(url, { hourlyRequestsPerAddress: bad });
      assert.equal(res.statusCode, 422, `"${bad.slice(0, 12)}"`);
      assert.match(text(res.body), /Please give a whole number from 1 to 10000/);
      assert.match(res.body, /id="field-hourlyRequestsPerAddress-error"/);
      if (bad && bad.length < 20)
        assert.match(res.body, new RegExp(`value="${bad.replace('.', '\\.')}"`));
    }
    const es = await agent(ctx.app, { 'accept-language': 'es' });
    await es.signIn(other.members.coordinator.email);
    await es.get(`/n/${other.network.slug}/settings`);
    const esBad = await es.post(url, { hourlyRequestsPerAddress: 'veinte' });
    assert.equal(esBad.statusCode, 422);
    assert.match(text(esBad.body), /Indique un número entero entre 1 y 10000/);

    await c.get(`/n/${other.network.slug}/settings`);
    const ok = await c.post(url, { hourlyRequestsPerAddress: '2' });
    assert.equal(ok.statusCode, 303);
    const stored = await ctx.db
      .selectFrom('networks')
      .select('hourly_requests_per_address')
      .where('id', '=', other.network.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.hourly_requests_per_address), 2);
    const audited = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('network_id', '=', other.network.id)
      .where('action', '=', 'network.intake_limit_changed')
      .execute();
    assert.equal(audited.length, 1);
    // The third request from one address is now the one to check, on this network only.
    const hill = other.network;
    const a = { address: '192.0.2.80' };
    const flags: boolean[] = [];
    for (let i = 0; i < 3; i++)
      flags.push(
        (await makeRequest(ctx, hill, {}, 'web', { kind: 'anonymous' }, a)).summary.manyFromAddress,
      );
    assert.deepEqual(flags, [false, false, true]);

    // A volunteer may not change it.
    const v = agent(ctx.app);
    await v.signIn(other.members.volunteer.email);
    await v.get(`/n/${other.network.slug}`);
    assert.equal((await v.post(url, { hourlyRequestsPerAddress: '500' })).statusCode, 403);
  });
});
