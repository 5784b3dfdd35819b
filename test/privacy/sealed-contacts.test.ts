import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import type { Actor } from '../../src/server/core/actor.ts';
import { findMember } from '../../src/server/core/membership.repository.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { findOffer } from '../../src/server/offers/goods-offer.repository.ts';
import { findPeopleByPhone } from '../../src/server/people/person.repository.ts';
import { createAccount } from '../../src/server/people/person.service.ts';
import { revealMemberContact } from '../../src/server/privacy/person-contact.ts';
import { revealOfferNotes } from '../../src/server/privacy/privacy-gate.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeAccount, makeNetwork, PASSWORD } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { plaintextIn } from './plaintext.ts';

/**
 * People entered after a phone call, accounts and goods offers keep their email, phone and
 * collection notes sealed (issue 10): nothing readable in the database, shown only to those
 * the privacy gate allows, and still found by exact email or phone through blind indexes.
 */
describe(`sealed contacts and collection notes on ${DIALECT}`, () => {
  let ctx: TestContext;
  let netA: Awaited<ReturnType<typeof makeNetwork>>;
  let netB: Awaited<ReturnType<typeof makeNetwork>>;
  const as = {} as Record<'coordinator' | 'volunteer' | 'neighbour' | 'coordinatorB', Agent>;
  let personId: string;
  let offerId: string;
  let tokenB: string;
  let tokenA: string;

  const EMAIL = 'rosa.linares@example.org';
  const PHONE = '+15550142277';
  const PHONE_DIGITS = '5550142277';
  const NOTES = 'Portal 7B, ring twice after six';
  const SECRETS = [EMAIL, PHONE_DIGITS, 'Portal 7B'];

  const personActor = (p: { id: string; name: string }): Actor => ({
    kind: 'person',
    personId: p.id,
    displayName: p.name,
    isOperator: false,
    preferredLanguage: null,
    sessionId: 'test',
  });
  const api = (url: string, token: string) =>
    ctx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const shows = (body: string, what: string) => body.includes(what) || text(body).includes(what);

  before(async () => {
    ctx = await createTestContext();
    netA = await makeNetwork(ctx, { name: 'Barrio A' });
    netB = await makeNetwork(ctx, { name: 'Barrio B' });
    for (const [who, email] of [
      ['coordinator', netA.members.coordinator.email],
      ['volunteer', netA.members.volunteer.email],
      ['neighbour', netA.members.neighbour.email],
      ['coordinatorB', netB.members.coordinator.email],
    ] as const) {
      as[who] = agent(ctx.app);
      assert.equal((await as[who].signIn(email)).statusCode, 303);
    }
    ({ token: tokenA } = await createApiToken(ctx.deps, {
      actor: personActor(netA.members.coordinator),
      input: { name: 'desk', networkSlug: netA.network.slug, role: 'coordinator' },
    }));
    ({ token: tokenB } = await createApiToken(ctx.deps, {
      actor: personActor(netB.members.coordinator),
      input: { name: 'desk', networkSlug: netB.network.slug, role: 'coordinator' },
    }));
  });
  after(() => ctx.close());

  it('a person added from a phone call and an offer with notes leave no plaintext in the database', async () => {
    const people = `/n/${netA.network.slug}/people`;
    const added = await as.coordinator.submit(`${people}/new`, `${people}/new`, {
      displayName: 'Rosa Linares',
      phone: '+1 (555) 014-2277',
      email: 'Rosa.Linares@Example.org',
      language: 'es',
      role: 'neighbour',
    });
    assert.equal(added.statusCode, 303, added.body.slice(0, 300));
    personId = /people\/([^?]+)\?done=added/.exec(added.headers.location as string)![1]!;

    const offers = `/n/${netA.network.slug}/offers`;
    const offered = await as.neighbour.submit(`${offers}/new`, `${offers}/new`, {
      what: 'Rice',
      quantity: '2',
      unit: 'kg',
      collectNotes: NOTES,
    });
    assert.equal(offered.statusCode, 303, offered.body.slice(0, 300));
    const row = await ctx.db
      .selectFrom('goods_offers')
      .select(['id', 'collect_notes_enc'])
      .executeTakeFirstOrThrow();
    offerId = row.id;
    assert.match(row.collect_notes_enc!, /^v1\./);

    const person = await ctx.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    assert.match(person.email_enc!, /^v1\./);
    assert.match(person.phone_enc!, /^v1\./);
    assert.ok(person.email_index && person.phone_index, 'both have a blind index');

    // Every column of every table, as text; on SQLite also the bytes of the file and its log.
    assert.deepEqual(await plaintextIn(ctx.db, SECRETS), []);
    if (DIALECT === 'sqlite') {
      const file = ctx.config.sqliteFile;
      for (const f of [file, `${file}-wal`].filter((f) => existsSync(f))) {
        const bytes = readFileSync(f).toString('latin1');
        for (const s of SECRETS) assert.ok(!bytes.includes(s), `"${s}" is in ${f}`);
      }
    }
  });

  it('coordinators of the network see them; so do the person offering, for their own offer', async () => {
    const page = await as.coordinator.get(`/n/${netA.network.slug}/people/${personId}`);
    assert.equal(page.statusCode, 200);
    assert.ok(shows(page.body, EMAIL), 'the email, in its normal form');
    assert.ok(shows(page.body, PHONE));
    const viaApi = await api(`/api/v1/networks/${netA.network.slug}/people/${personId}`, tokenA);
    assert.equal(viaApi.statusCode, 200);
    assert.equal(viaApi.json().email, EMAIL);
    assert.equal(viaApi.json().phone, PHONE);

    const offers = await as.coordinator.get(`/n/${netA.network.slug}/offers`);
    assert.ok(shows(offers.body, NOTES));
    const own = await as.neighbour.get(`/n/${netA.network.slug}/offers`);
    assert.ok(shows(own.body, NOTES), 'the person offering reads their own notes');
    const apiOffers = await api(`/api/v1/networks/${netA.network.slug}/offers`, tokenA);
    assert.equal(apiOffers.json().offers[0].collectNotes, NOTES);
  });

  it('a volunteer, a member of another network, a visitor and another network’s token do not', async () => {
    const slug = netA.network.slug;
    const pages: [string, Agent | null, string][] = [
      ['volunteer: the person page', as.volunteer, `/n/${slug}/people/${personId}`],
      ['volunteer: the members API', as.volunteer, `/api/v1/networks/${slug}/people`],
      ['volunteer: the offers page', as.volunteer, `/n/${slug}/offers`],
      ['volunteer: the offers API', as.volunteer, `/api/v1/networks/${slug}/offers`],
      ['another network: the person page', as.coordinatorB, `/n/${slug}/people/${personId}`],
      [
        'another network: its own people page',
        as.coordinatorB,
        `/n/${netB.network.slug}/people/${personId}`,
      ],
      ['another network: the offers page', as.coordinatorB, `/n/${slug}/offers`],
      ['a visitor: the person page', null, `/n/${slug}/people/${personId}`],
      ['a visitor: the offers page', null, `/n/${slug}/offers`],
      ['a visitor: the members API', null, `/api/v1/networks/${slug}/people/${personId}`],
    ];
    for (const [who, a, url] of pages) {
      const res = a ? await a.get(url) : await agent(ctx.app).get(url);
      assert.notEqual(res.statusCode, 500, who);
      for (const s of [EMAIL, PHONE, NOTES]) assert.ok(!shows(res.body, s), `${who} sees "${s}"`);
    }
    for (const url of [
      `/api/v1/networks/${slug}/people/${personId}`,
      `/api/v1/networks/${slug}/people?q=${encodeURIComponent(EMAIL)}`,
      `/api/v1/networks/${slug}/offers`,
      `/api/v1/networks/${netB.network.slug}/people/${personId}`,
    ]) {
      const res = await api(url, tokenB);
      assert.ok([403, 404].includes(res.statusCode), `${url}: ${res.statusCode}`);
      for (const s of [EMAIL, PHONE, NOTES]) assert.ok(!res.body.includes(s), `token B: ${url}`);
    }
    // The volunteer still sees the offer itself: what, how much, no notes.
    const list = await as.volunteer.get(`/n/${slug}/offers`);
    assert.ok(text(list.body).includes('Rice'));
    const status = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/networks/${slug}/offers/${offerId}/status`,
      headers: { authorization: `Bearer ${tokenB}`, 'content-type': 'application/json' },
      payload: { status: 'taken' },
    });
    assert.ok([403, 404].includes(status.statusCode));
    assert.ok(!status.body.includes(NOTES));
  });

  it('the gate itself refuses anyone below coordinator, and every other network', async () => {
    const keys = ctx.config.keys;
    const member = (await findMember(ctx.db, netA.network.id, personId))!;
    const offer = (await findOffer(ctx.db, netA.network.id, offerId))!;
    const scopeOf = async (p: { id: string; name: string }, slug: string) =>
      resolveScope(ctx.db, personActor(p), slug);
    const coordinatorA = await scopeOf(netA.members.coordinator, netA.network.slug);
    assert.equal(revealMemberContact(keys, coordinatorA, member).phone, PHONE);
    assert.equal(revealOfferNotes(keys, coordinatorA, offer), NOTES);
    const refused = [
      ['volunteer', await scopeOf(netA.members.volunteer, netA.network.slug)],
      ['another neighbour', await scopeOf(netA.members.neighbour, netA.network.slug)],
      ['coordinator of B in A', await scopeOf(netB.members.coordinator, netA.network.slug)],
      ['coordinator of B in B', await scopeOf(netB.members.coordinator, netB.network.slug)],
    ] as const;
    for (const [who, scope] of refused) {
      assert.throws(() => revealMemberContact(keys, scope, member), { code: 'FORBIDDEN' }, who);
    }
    // The neighbour offered it: their own notes open; for the volunteer and network B, not.
    for (const [who, scope] of refused.filter(([w]) => w !== 'another neighbour')) {
      assert.throws(() => revealOfferNotes(keys, scope, offer), { code: 'FORBIDDEN' }, who);
    }
    const owner = await scopeOf(netA.members.neighbour, netA.network.slug);
    assert.equal(revealOfferNotes(keys, owner, offer), NOTES);
  });

  it('finds people by a whole email or phone, typed any way, through the blind index', async () => {
    const slug = netA.network.slug;
    for (const q of ['ROSA.linares@example.org ', '+1 555 014 2277', '+1-555-014-2277']) {
      const res = await api(`/api/v1/networks/${slug}/people?q=${encodeURIComponent(q)}`, tokenA);
      assert.equal(res.statusCode, 200);
      assert.deepEqual(
        res.json().people.map((p: { id: string }) => p.id),
        [personId],
        `search "${q}"`,
      );
    }
    const byName = await as.coordinator.get(`/n/${slug}/people?q=linar`);
    assert.ok(text(byName.body).includes('Rosa Linares'), 'part of a name still matches');
    const other = await api(`/api/v1/networks/${slug}/people?q=%2B15550149999`, tokenA);
    assert.deepEqual(other.json().people, []);
    const found = await findPeopleByPhone(ctx.db, ctx.config.keys, PHONE);
    assert.deepEqual(
      found.map((p) => p.id),
      [personId],
      'a text from the phone finds the person',
    );
  });

  it('keeps sign-in and "already taken" working on sealed accounts', async () => {
    const account = await makeAccount(ctx, {
      email: 'ana.sealed@example.org',
      phone: '+15550143388',
    });
    const row = await ctx.db
      .selectFrom('people')
      .select(['email_enc'])
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    assert.match(row.email_enc!, /^v1\./);
    assert.equal((await agent(ctx.app).signIn('Ana.Sealed@Example.org ')).statusCode, 303);
    assert.equal((await agent(ctx.app).signIn('+1 555 014 3388')).statusCode, 303);
    await assert.rejects(
      createAccount(ctx.db, ctx.deps, {
        displayName: 'Twin',
        email: 'ANA.SEALED@example.org',
        password: PASSWORD,
      }),
      { code: 'EMAIL_TAKEN' },
    );
    await assert.rejects(
      createAccount(ctx.db, ctx.deps, {
        displayName: 'Twin',
        phone: '+1 (555) 014-3388',
        password: PASSWORD,
      }),
      { code: 'PHONE_TAKEN' },
    );
    // A phone-call contact shares nothing with accounts: an account may take the same email.
    const same = await createAccount(ctx.db, ctx.deps, {
      displayName: 'Rosa',
      email: EMAIL,
      password: PASSWORD,
    });
    assert.ok(same);
  });

  it('shows a person their own contact on their account page, and no one else’s', async () => {
    const me = await as.neighbour.get('/account');
    assert.equal(me.statusCode, 200);
    assert.ok(shows(me.body, netA.members.neighbour.email));
    assert.ok(!shows(me.body, EMAIL));
  });
});
