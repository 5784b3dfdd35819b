import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { publicCount } from '../../src/domain/announcements/small-counts.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { createEvent } from '../../src/server/volunteering/event.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest, REQUEST } from '../helpers/requests.ts';

describe('small counts (pure)', () => {
  it('counts below 3 are hidden, 3 and up shown', () => {
    assert.deepEqual([0, 1, 2].map(publicCount), Array(3).fill({ kind: 'few' }));
    assert.deepEqual(publicCount(3), { kind: 'count', n: 3 });
  });
});

describe(`community board, as an anonymous visitor (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  const codes: string[] = [];
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Riverside Mutual Aid' });
    const oldTown = await addArea(ctx, net.network, 'Old Town');
    const river = await addArea(ctx, net.network, 'Riverbank', { lat: 45.53, lng: -122.66 });
    // Four households (a fifth asking twice is a duplicate and counts once).
    for (let i = 0; i < 5; i++) {
      const phone = `+1555020${Math.min(i, 3)}000`;
      codes.push((await makeRequest(ctx, net.network, { areaId: oldTown, phone })).summary.code);
    }
    codes.push(
      (
        await makeRequest(ctx, net.network, {
          areaId: river,
          category: 'medicine',
          phone: '+15550209000',
        })
      ).summary.code,
    );
    await addMember(ctx, net.network, 'volunteer', {
      name: 'Zelda Quintero',
      phone: '+15550501001',
    });
    const coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    const form = `/n/${net.network.slug}/announcements/new`;
    for (const [title, pub] of [
      ['Pantry open on Saturday', true],
      ['Volunteers only: key box code', false],
    ] as const) {
      const res = await coordinator.submit(form, form, {
        title,
        body: `${title}.\n\nSee you there.`,
        language: 'en',
        audienceRole: 'everyone',
        intent: 'send',
        ...(pub ? { public: '1' } : {}),
      });
      assert.equal(res.statusCode, 303, res.body);
    }
  });
  after(() => ctx.close());

  it('shows public news, no events yet, and needs as counts with small ones hidden', async () => {
    const visitor = agent(ctx.app);
    const res = await visitor.get(`/n/${net.network.slug}/board`);
    assert.equal(res.statusCode, 200);
    const page = text(res.body);
    assert.match(page, /Pantry open on Saturday/);
    assert.doesNotMatch(page, /key box code/, 'members-only news stays private');
    assert.match(page, /No events yet\./);
    assert.match(page, /Groceries\s+4/);
    assert.match(page, /Medicine\s+fewer than 3/);
    assert.match(page, /Old Town\s+4/);
    assert.match(page, /Riverbank\s+fewer than 3/);
    assert.match(page, /Area not given\s+fewer than 3/);
    assert.doesNotMatch(res.body, /<script/);

    // Nothing that identifies a person: names, contacts, codes, free text.
    const secrets = [
      REQUEST.name,
      REQUEST.address!,
      REQUEST.details!,
      REQUEST.phone!,
      REQUEST.accessibility!,
      'Zelda',
      '+15550501001',
      net.members.coordinator.name,
      net.members.coordinator.email,
      ...codes,
    ];
    for (const s of secrets) assert.ok(!res.body.includes(s), `the board shows ${s}`);

    // The network page links to it; in Spanish, small counts read "menos de 3".
    assert.match((await visitor.get(`/n/${net.network.slug}`)).body, /href="\/n\/[^"]+\/board"/);
    const es = agent(ctx.app, { 'accept-language': 'es' });
    const spanish = text((await es.get(`/n/${net.network.slug}/board`)).body);
    assert.match(spanish, /Medicamentos\s+menos de 3/);
    assert.match(spanish, /Todavía no hay eventos\./);
  });

  it('lists upcoming public events, never members-only or cancelled ones', async () => {
    const coordinatorId = net.members.coordinator.id;
    const scope = await resolveScope(ctx.db, asPerson(coordinatorId), net.network.slug);
    const event = (title: string, visibility: 'public' | 'members') =>
      createEvent(ctx.deps, {
        actor: asPerson(coordinatorId),
        scope,
        input: {
          kind: 'workshop',
          title,
          place: 'Community hall',
          visibility,
          date: '2026-11-28',
          startTime: '10:00',
          endTime: '12:00',
          role: 'packer',
          slots: 2,
        },
      });
    await event('Bike repair workshop', 'public');
    await event('Coordinators meeting', 'members');
    const page = text((await agent(ctx.app).get(`/n/${net.network.slug}/board`)).body);
    assert.match(page, /Bike repair workshop/);
    assert.match(page, /Community hall/);
    assert.doesNotMatch(page, /Coordinators meeting/);
    assert.doesNotMatch(page, /No events yet/);
  });

  it('a public announcement can be read alone by anyone; a private one cannot', async () => {
    const rows = await ctx.db.selectFrom('announcements').select(['id', 'public']).execute();
    const visitor = agent(ctx.app);
    for (const r of rows) {
      const res = await visitor.get(`/n/${net.network.slug}/announcements/${r.id}`);
      assert.equal(res.statusCode, Number(r.public) === 1 ? 200 : 401);
    }
  });
});
