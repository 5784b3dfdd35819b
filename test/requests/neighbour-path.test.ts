import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';

const DIALECT = process.env.MUTUA_TEST_DB ?? 'sqlite';

/** Issue 12 from outside, over HTTP: one round of mistakes, the token, cancelling, prefill. */
describe(`a neighbour's path (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
  });
  after(() => ctx.close());

  const FORM = {
    category: 'meals',
    urgency: 'normal',
    householdSize: '1',
    when: 'any',
    name: 'Joan',
    phone: '555 010 9999',
    language: 'en',
    consent: '1',
  };

  it('an empty form and a bad one list every wrong field at once, each by its name', async () => {
    const a = agent(ctx.app);
    await a.get(`/n/${net.network.slug}/ask`);
    const empty = await a.post(`/n/${net.network.slug}/ask`, {});
    assert.equal(empty.statusCode, 422);
    const summary = text(/<div class="error-summary"[\s\S]*?<\/div>/.exec(empty.body)?.[0] ?? '');
    for (const label of ['What do you need?', 'First name', 'Phone number', 'Your agreement'])
      assert.ok(summary.includes(label), `${label} in: ${summary}`);
    // Schema mistakes and the network's own (the phone) in the same round.
    const bad = await a.post(`/n/${net.network.slug}/ask`, {
      ...FORM,
      category: 'spaceships',
      householdSize: '0',
      phone: '12',
      otherLanguage: 'Klingonish',
      consent: '',
    });
    assert.equal(bad.statusCode, 422);
    for (const f of ['category', 'householdSize', 'phone', 'otherLanguage', 'consent'])
      assert.match(bad.body, new RegExp(`id="field-${f}-error"`), f);
    assert.match(bad.body, /value="Klingonish"/, 'what was typed stays');
  });

  it('another language is given by its name; the form names languages, not codes', async () => {
    const a = agent(ctx.app, { 'accept-language': 'es' });
    const page = await a.get(`/n/${net.network.slug}/ask`);
    assert.match(page.body, /<option value="ti"[^>]*>tigriña \(ትግርኛ\)<\/option>/);
    const res = await a.post(`/n/${net.network.slug}/ask`, { ...FORM, otherLanguage: 'Tigrinya' });
    assert.equal(res.statusCode, 303, text(res.body).slice(0, 300));
    const code = /\/r\/([^/]+)\/sent/.exec(String(res.headers.location))![1]!;
    const row = await ctx.db
      .selectFrom('requests')
      .select('language')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(row.language, 'ti');
  });

  it('the same form posted twice files one request; another token sees and cancels nothing', async () => {
    const a = agent(ctx.app);
    const page = await a.get(`/n/${net.network.slug}/ask`);
    const once = /name="once" value="([^"]+)"/.exec(page.body)![1]!;
    const first = await a.post(`/n/${net.network.slug}/ask`, { ...FORM, once });
    const second = await a.post(`/n/${net.network.slug}/ask`, { ...FORM, once });
    assert.equal(first.statusCode, 303);
    assert.equal(second.statusCode, 303);
    const path = (l: unknown) => new URL(String(l), 'http://x').pathname;
    assert.equal(path(second.headers.location), path(first.headers.location));
    assert.match(String(second.headers.location), /again=1/);
    const code = /\/r\/([^/]+)\/sent/.exec(String(first.headers.location))![1]!;
    const n = await ctx.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status_token_hash', 'is not', null)
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 1);

    // Someone with the code but not the token: no steps, no cancel button, no cancelling.
    const stranger = agent(ctx.app);
    const status = await stranger.get(`/n/${net.network.slug}/r/${code}`);
    assert.equal(status.statusCode, 200);
    assert.doesNotMatch(status.body, /Cancel my request|Steps/);
    await stranger.get(`/n/${net.network.slug}/ask`); // a form, so the post passes CSRF
    const forged = await stranger.post(
      `/n/${net.network.slug}/r/${code}/cancel?k=${'x'.repeat(24)}`,
      {},
    );
    assert.equal(forged.statusCode, 404);
    const sent = await stranger.get(`/n/${net.network.slug}/r/${code}/sent?k=${'y'.repeat(24)}`);
    assert.equal(sent.statusCode, 404);
    const row = await ctx.db
      .selectFrom('requests')
      .select('status')
      .where('code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'new');

    // The neighbour cancels; a second cancel changes nothing; the log shows it as theirs.
    const k = encodeURIComponent(once);
    await a.get(`/n/${net.network.slug}/r/${code}?k=${k}`);
    const cancel = await a.post(`/n/${net.network.slug}/r/${code}/cancel?k=${k}`, {});
    assert.equal(cancel.statusCode, 303);
    const again = await a.post(`/n/${net.network.slug}/r/${code}/cancel?k=${k}`, {});
    assert.equal(again.statusCode, 303);
    const events = await ctx.db
      .selectFrom('request_events')
      .innerJoin('requests', 'requests.id', 'request_events.request_id')
      .select(['request_events.to_status', 'request_events.outcome', 'request_events.actor_id'])
      .where('requests.code', '=', code)
      .where('request_events.to_status', '=', 'closed')
      .execute();
    assert.deepEqual(events, [{ to_status: 'closed', outcome: 'withdrawn', actor_id: null }]);
    const after = await a.get(`/n/${net.network.slug}/r/${code}?k=${k}`);
    assert.match(text(after.body), /Cancelled by you/);
  });

  it('a signed-in neighbour gets the form filled in and a list of their requests', async () => {
    const me = await addMember(ctx, net.network, 'neighbour', {
      name: 'Rosa Díaz',
      phone: '+15550104444',
    });
    const a = agent(ctx.app);
    await a.signIn(me.email);
    const page = await a.get(`/n/${net.network.slug}/ask`);
    assert.match(page.body, /id="field-name"[^>]*value="Rosa Díaz"/);
    assert.match(page.body, new RegExp(`value="${me.email}"`));
    assert.match(page.body, /You have not asked for help yet/);
    const res = await a.post(`/n/${net.network.slug}/ask`, {
      ...FORM,
      name: 'Rosa Díaz',
      once: /name="once" value="([^"]+)"/.exec(page.body)![1]!,
    });
    assert.equal(res.statusCode, 303);
    const code = /\/r\/([^/]+)\/sent/.exec(String(res.headers.location))![1]!;
    const list = await a.get(`/n/${net.network.slug}/ask`);
    assert.match(list.body, new RegExp(`/r/${code}"`));
    // Someone else signed in sees none of Rosa's.
    const other = await addMember(ctx, net.network, 'neighbour');
    const b = agent(ctx.app);
    await b.signIn(other.email);
    const theirs = await b.get(`/n/${net.network.slug}/ask`);
    assert.doesNotMatch(theirs.body, new RegExp(code));
    assert.doesNotMatch(theirs.body, /Rosa/);
  });
});
