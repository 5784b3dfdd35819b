import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import type { Area } from '../../src/server/core/area.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { addArea } from '../../src/server/networks/network.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeAccount, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`<p class="error" id="field-${name}-error">([^<]*)</p>`).exec(html);
  return m ? text(m[1] ?? '') : null;
}

/** Goods offers, seen from each side: the person offering, other members, coordinators. */
describe('goods offers', () => {
  let ctx: TestContext;
  let netA: Awaited<ReturnType<typeof makeNetwork>>;
  let netB: Awaited<ReturnType<typeof makeNetwork>>;
  let area: Area;
  const agents = {} as Record<'neighbour' | 'volunteer' | 'coordinator' | 'memberB', Agent>;
  let offersA: string;

  const NOTES = 'Ring twice at Calle Olmo 12, after 6 pm';
  const offers = () => ctx.db.selectFrom('goods_offers').selectAll().orderBy('id').execute();

  before(async () => {
    ctx = await createTestContext();
    netA = await makeNetwork(ctx, { name: 'Barrio A' });
    netB = await makeNetwork(ctx, { name: 'Barrio B' });
    const scope = await resolveScope(
      ctx.db,
      {
        kind: 'person',
        personId: netA.admin.id,
        displayName: netA.admin.name,
        isOperator: false,
        preferredLanguage: null,
        sessionId: 'x',
      },
      netA.network.slug,
    );
    area = await addArea(ctx.deps, {
      actor: { kind: 'system', label: 'test' },
      scope,
      input: { name: 'Mercado Viejo', lat: 40.41, lng: -3.7, radiusM: 600 },
    });
    for (const [who, email] of [
      ['neighbour', netA.members.neighbour.email],
      ['volunteer', netA.members.volunteer.email],
      ['coordinator', netA.members.coordinator.email],
      ['memberB', netB.members.neighbour.email],
    ] as const) {
      agents[who] = agent(ctx.app);
      assert.equal((await agents[who].signIn(email)).statusCode, 303);
    }
    offersA = `/n/${netA.network.slug}/offers`;
  });
  after(() => ctx.close());

  it('a volunteer offers goods through the form; they start available', async () => {
    const res = await agents.volunteer.submit(`${offersA}/new`, `${offersA}/new`, {
      what: 'Rice',
      quantity: '2,5',
      unit: 'kg',
      collectAreaId: area.id,
      collectNotes: NOTES,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    assert.equal(res.headers.location, `${offersA}?done=offerAdded`);
    const [row] = await offers();
    assert.equal(row?.what, 'Rice');
    assert.equal(Number(row?.quantity), 2.5);
    assert.equal(row?.status, 'available');
    assert.equal(row?.person_id, netA.members.volunteer.id);
    assert.ok(row?.collect_notes_enc?.startsWith('v1.'), 'the notes are stored sealed');
    assert.ok(!row?.collect_notes_enc?.includes('Olmo'));
    const audit = await ctx.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'goods_offer.created')
      .execute();
    assert.equal(audit.length, 1);
    assert.ok(!audit[0]?.details.includes('Olmo'), 'no notes in the audit log');

    const page = await agents.volunteer.get(`${offersA}?done=offerAdded`);
    const body = text(page.body);
    assert.ok(body.includes(en['offers.done.added']));
    assert.ok(body.includes(en['offers.mine']));
    assert.ok(body.includes(NOTES), 'the person offering sees their own notes');
    assert.ok(body.includes('2.5 kg'));
  });

  it('a form with mistakes comes back with each at its field and what was typed kept', async () => {
    const before = (await offers()).length;
    const res = await agents.neighbour.submit(`${offersA}/new`, `${offersA}/new`, {
      what: '',
      quantity: 'lots',
      unit: 'boxes of twenty-four tins',
      collectNotes: 'Porch',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'what'), en['field.required']);
    assert.equal(fieldError(res.body, 'quantity'), en['offers.quantityInvalid']);
    assert.equal(fieldError(res.body, 'unit'), en['field.tooLong'].replace('{max}', '20'));
    assert.match(res.body, /name="quantity"[^>]*value="lots"/);
    assert.match(res.body, />Porch<\/textarea>/);
    const zero = await agents.neighbour.submit(`${offersA}/new`, `${offersA}/new`, {
      what: 'Soap',
      quantity: '0',
      unit: 'bars',
    });
    assert.equal(zero.statusCode, 422);
    assert.equal(fieldError(zero.body, 'quantity'), en['offers.quantityInvalid']);
    assert.match(zero.body, /name="what"[^>]*value="Soap"/);
    assert.equal((await offers()).length, before);
  });

  it('an area of another network is not a choice', async () => {
    const scopeB = await resolveScope(
      ctx.db,
      {
        kind: 'person',
        personId: netB.admin.id,
        displayName: netB.admin.name,
        isOperator: false,
        preferredLanguage: null,
        sessionId: 'x',
      },
      netB.network.slug,
    );
    const areaB = await addArea(ctx.deps, {
      actor: { kind: 'system', label: 'test' },
      scope: scopeB,
      input: { name: 'Otro lado', lat: 1, lng: 1, radiusM: 500 },
    });
    const res = await agents.neighbour.submit(`${offersA}/new`, `${offersA}/new`, {
      what: 'Soap',
      quantity: '3',
      unit: 'bars',
      collectAreaId: areaB.id,
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'collectAreaId'), en['field.choose']);
  });

  it("a neighbour sees what, how much and where of others' offers, never names or notes", async () => {
    const res = await agents.neighbour.get(offersA);
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.ok(body.includes(en['offers.available']));
    assert.ok(body.includes('Rice'));
    assert.ok(body.includes('Mercado Viejo'), 'the area, by name');
    assert.ok(!body.includes(NOTES), 'no collection notes');
    assert.ok(!res.body.includes('Olmo'));
    assert.ok(!body.includes(netA.members.volunteer.name), 'no name of who offers');
    assert.ok(!res.body.includes(netA.members.volunteer.id), 'not even their id');
    assert.ok(!body.includes(en['offers.offeredBy']));
    assert.doesNotMatch(res.body, /offers\/[^/"]+\/status/, "no status form for another's offer");
    assert.ok(body.includes(en['offers.mineNone']));
  });

  it('a coordinator sees every offer with the name and the notes, and can filter by status', async () => {
    const res = await agents.coordinator.get(offersA);
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.ok(body.includes(en['offers.all']));
    assert.ok(body.includes(netA.members.volunteer.name));
    assert.ok(body.includes(NOTES));
    const taken = await agents.coordinator.get(`${offersA}?status=taken`);
    assert.ok(!text(taken.body).includes('Rice'));
    assert.ok(text(taken.body).includes(en['offers.allNone']));
  });

  it('the offering person and coordinators change the status; others are refused and nothing changes', async () => {
    const [offer] = await offers();
    assert.ok(offer);
    const statusUrl = `${offersA}/${offer.id}/status`;

    await agents.neighbour.get(offersA);
    const refused = await agents.neighbour.post(statusUrl, { status: 'taken' });
    assert.equal(refused.statusCode, 403);
    assert.equal((await offers())[0]?.status, 'available');

    await agents.volunteer.get(offersA);
    const own = await agents.volunteer.post(statusUrl, { status: 'reserved' });
    assert.equal(own.statusCode, 303);
    assert.equal(own.headers.location, `${offersA}?done=statusChanged`);
    assert.equal((await offers())[0]?.status, 'reserved');

    await agents.coordinator.get(offersA);
    const bad = await agents.coordinator.post(statusUrl, { status: 'eaten' });
    assert.equal(bad.statusCode, 422);
    assert.ok(text(bad.body).includes(en['offers.statusInvalid']));
    const coord = await agents.coordinator.post(statusUrl, { status: 'taken' });
    assert.equal(coord.statusCode, 303);
    assert.equal((await offers())[0]?.status, 'taken');
    const changes = await ctx.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'goods_offer.status_changed')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      changes.map((c) => JSON.parse(c.details)),
      [
        { from: 'available', to: 'reserved' },
        { from: 'reserved', to: 'taken' },
      ],
    );

    // Taken offers no longer show to other members as available.
    const now = await agents.neighbour.get(offersA);
    assert.ok(!text(now.body).includes('Rice'));
  });

  it("a member of network B sees nothing of network A's offers, and cannot touch them", async () => {
    const res = await agents.memberB.get(offersA);
    assert.equal(res.statusCode, 403);
    assert.ok(!res.body.includes('Rice'));
    const own = await agents.memberB.get(`/n/${netB.network.slug}/offers`);
    assert.equal(own.statusCode, 200);
    assert.ok(!text(own.body).includes('Rice'), "B's page lists none of A's offers");
    assert.ok(text(own.body).includes(en['offers.availableNone']));

    const [offer] = await offers();
    assert.ok(offer);
    // Through B's own address, A's offer is not found; through A's, B's member is refused.
    const viaB = await agents.memberB.post(`/n/${netB.network.slug}/offers/${offer.id}/status`, {
      status: 'withdrawn',
    });
    assert.equal(viaB.statusCode, 404);
    await agents.memberB.get(`/n/${netB.network.slug}/offers`);
    const viaA = await agents.memberB.post(`${offersA}/${offer.id}/status`, {
      status: 'withdrawn',
    });
    assert.equal(viaA.statusCode, 403);
    assert.equal((await offers())[0]?.status, 'taken');
  });

  it('signed out: 401 on every offers page; a stranger: 403', async () => {
    const anon = agent(ctx.app);
    for (const url of [offersA, `${offersA}/new`]) {
      assert.equal((await anon.get(url)).statusCode, 401, url);
    }
    const who = await makeAccount(ctx, { name: 'Nobody Here' });
    const stranger = agent(ctx.app);
    await stranger.signIn(who.email);
    await stranger.get('/account');
    assert.equal((await stranger.get(`${offersA}/new`)).statusCode, 403);
    const before = (await offers()).length;
    const res = await stranger.post(`${offersA}/new`, { what: 'x', quantity: '1', unit: 'u' });
    assert.equal(res.statusCode, 403);
    assert.equal((await offers()).length, before);
  });
});
