import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ALL_WEEK } from '../../src/domain/time/weekly-slots.ts';
import { upsertProfile } from '../../src/server/offers/volunteer-profile.repository.ts';
import { phoneIndex } from '../../src/server/outbox/outbox.service.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { newId } from '../../src/shared/ids.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, makeRequest, REQUEST } from '../helpers/requests.ts';
import { startSmsGateway, textIn } from '../helpers/sms-gateway.ts';

describe(`two-way SMS through a local gateway (${DIALECT})`, () => {
  let ctx: TestContext;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let oldTown: string;
  before(async () => {
    gateway = await startSmsGateway();
    ctx = await createTestContext({ env: gateway.env });
    net = await makeNetwork(ctx, { name: 'Riverside Mutual Aid' });
    oldTown = await addArea(ctx, net.network, 'Old Town');
    await addArea(ctx, net.network, 'Peña Alta', { lat: 45.53, lng: -122.66 });
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
  });

  /** Sends a text in, lets the outbox deliver, and returns what came back to that phone. */
  const converse = async (from: string, body: string) => {
    const before = gateway.to(from).length;
    const res = await textIn(ctx.app, ctx.config.baseUrl, { from, body });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /<Response>/);
    await drainOutbox(ctx.deps);
    return gateway
      .to(from)
      .slice(before)
      .map((m) => m.body);
  };

  it('HELP: asks what and where, files the request through intake, replies with its code', async () => {
    const phone = '+15550301001';
    const [ask] = await converse(phone, 'help');
    assert.match(ask!, /Riverside Mutual Aid: what do you need\? Reply with a number: 1 Groceries/);
    const [where] = await converse(phone, '1');
    assert.match(where!, /Where are you\? .*Old Town, Peña Alta/);
    const [done] = await converse(phone, 'old town');
    const code = /Your request is ([A-Z0-9-]+)\./.exec(done!)?.[1];
    assert.ok(code, done);

    // In the coordinator's queue, once, with its code and channel.
    const coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    const queue = text((await coordinator.get(`/n/${net.network.slug}/requests`)).body);
    assert.equal(queue.split(code).length - 1, 1, 'listed once');
    const row = await ctx.db
      .selectFrom('requests')
      .select(['channel', 'category', 'area_id'])
      .where('code', '=', code.replace(/-/g, ''))
      .executeTakeFirstOrThrow();
    assert.equal(row.channel, 'sms');
    assert.equal(row.category, 'groceries');
    assert.ok(row.area_id);

    // STATUS answers where it stands, and nothing private.
    const [status] = await converse('+15550309999', `status ${code}`);
    assert.match(status!, new RegExp(`Request ${code}: received, waiting for a volunteer`));
    assert.ok(!status!.includes(phone.slice(-4)));
  });

  it('AYUDA: the same conversation in Spanish, cross-streets kept as the private address', async () => {
    const phone = '+15550301002';
    const [ask] = await converse(phone, 'Ayuda');
    assert.match(ask!, /¿qué necesita\? Responda con un número: 1 Comestibles|¿qué necesita\?/);
    const [retry] = await converse(phone, 'zzz');
    assert.match(retry!, /^Perdón, no entendimos\./);
    const [where] = await converse(phone, 'medicina');
    assert.match(where!, /¿Dónde está\?/);
    const [done] = await converse(phone, 'Calle 5 y Avenida Ñu');
    const code = /Su solicitud es ([A-Z0-9-]+)\./.exec(done!)?.[1];
    assert.ok(code, done);
    const row = await ctx.db
      .selectFrom('requests')
      .select(['language', 'category', 'address_enc', 'area_id'])
      .where('code', '=', code.replace(/-/g, ''))
      .executeTakeFirstOrThrow();
    assert.equal(row.language, 'es');
    assert.equal(row.category, 'medicine');
    assert.equal(row.area_id, null);
    assert.ok(row.address_enc && !row.address_enc.includes('Calle'), 'sealed');
    const [estado] = await converse(phone, `ESTADO ${code}`);
    assert.match(estado!, /recibida, esperando a un voluntario/);
  });

  it('YES <code>: a volunteer claims by text; a second one is told kindly it is taken', async () => {
    const first = await addMember(ctx, net.network, 'volunteer', { phone: '+15550302001' });
    const second = await addMember(ctx, net.network, 'volunteer', { phone: '+15550302002' });
    assert.ok(first && second);
    const { summary } = await makeRequest(ctx, net.network);
    const [won] = await converse('+15550302001', `yes ${summary.code}`);
    assert.match(won!, /Thank you! Task .* is yours/);
    const row = await ctx.db
      .selectFrom('requests')
      .select(['status', 'volunteer_id'])
      .where('id', '=', summary.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'assigned');
    assert.equal(row.volunteer_id, first.id);
    const [lost] = await converse('+15550302002', `YES ${summary.code}`);
    assert.match(lost!, /was taken by someone else/);
    assert.ok(!lost!.includes(REQUEST.address!), 'no address in a text');
    const [stranger] = await converse('+15550302003', `YES ${summary.code}`);
    assert.match(stranger!, /not a volunteer of Riverside Mutual Aid/);
  });

  it('DONE <code> <hours>: the volunteer who holds the task finishes it by text, once', async () => {
    const holder = await addMember(ctx, net.network, 'volunteer', { phone: '+15550302201' });
    const other = await addMember(ctx, net.network, 'volunteer', { phone: '+15550302202' });
    assert.ok(holder && other);
    const { summary } = await makeRequest(ctx, net.network);
    await converse('+15550302201', `YES ${summary.code}`);
    const dashed = `${summary.code.slice(0, 3)}-${summary.code.slice(3)}`;
    const [ask] = await converse('+15550302201', `done ${dashed}`);
    assert.match(ask!, new RegExp(`Reply DONE ${dashed} and the hours`), 'no hours: asked again');
    const [tooMany] = await converse('+15550302201', `DONE ${dashed} 99`);
    assert.match(tooMany!, /How many hours/, 'hours out of bounds: asked again');
    const [notYours] = await converse('+15550302202', `DONE ${summary.code} 2`);
    assert.match(notYours!, /is not yours/);
    const [stranger] = await converse('+15550302299', `DONE ${summary.code} 2`);
    assert.match(stranger!, /not a volunteer of/);
    const row = () =>
      ctx.db
        .selectFrom('requests')
        .select(['status', 'hours'])
        .where('id', '=', summary.id)
        .executeTakeFirstOrThrow();
    assert.equal((await row()).status, 'assigned', 'nothing changed by the refusals');
    const [thanks] = await converse(
      '+15550302201',
      `Done ${summary.code.slice(0, 3)} ${summary.code.slice(3)} 1,5`,
    );
    assert.match(thanks!, /recorded as done, 1\.5 h/);
    const done = await row();
    assert.equal(done.status, 'fulfilled');
    assert.equal(Number(done.hours), 1.5);
    const [again] = await converse('+15550302201', `DONE ${summary.code} 2`);
    assert.match(again!, /already recorded as done/);
    assert.equal(Number((await row()).hours), 1.5, 'the second text changes nothing');
  });

  it('LISTO <code> <horas>: the same in Spanish, hours with a comma', async () => {
    await addMember(ctx, net.network, 'volunteer', { phone: '+15550302301' });
    const { summary } = await makeRequest(ctx, net.network);
    await converse('+15550302301', `SI ${summary.code}`);
    const [gracias] = await converse('+15550302301', `listo ${summary.code} 2,25`);
    assert.match(gracias!, /registrada como hecha, 2,25 h/);
  });

  it('a coordinator offers a task by text from the suggestions; the volunteer replies YES', async () => {
    const volunteer = await addMember(ctx, net.network, 'volunteer', { phone: '+15550302101' });
    await upsertProfile(
      ctx.db,
      {
        id: newId(),
        networkId: net.network.id,
        personId: volunteer.id,
        input: {
          categories: ['groceries'],
          skills: '',
          languages: ['en', 'es'],
          transport: 'car',
          hasCar: true,
          homeAreaId: null,
          homeLat: 45.5231,
          homeLng: -122.6705,
          radiusKm: 10,
          availability: ALL_WEEK,
          weeklyHourCap: 10,
        },
      },
      new Date().toISOString(),
    );
    const { summary } = await makeRequest(ctx, net.network, { areaId: oldTown });
    const coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    const page = `/n/${net.network.slug}/requests/${summary.id}`;
    const view = await coordinator.get(page);
    assert.match(text(view.body), new RegExp(`Offer to ${volunteer.name} by text`));
    const offered = await coordinator.submit(page, `${page}/offer`, { volunteerId: volunteer.id });
    assert.equal(offered.statusCode, 303);
    assert.match(offered.headers.location ?? '', /done=offered/);
    await drainOutbox(ctx.deps);
    const [offer] = gateway.to('+15550302101').map((m) => m.body);
    assert.match(offer!, /Reply YES [A-Z0-9-]+ to take it/);
    assert.ok(!offer!.includes(REQUEST.address!) && !offer!.includes('Marisol'), 'nothing private');
    const code = /Reply YES ([A-Z0-9-]+)/.exec(offer!)![1]!;
    const [won] = await converse('+15550302101', `YES ${code}`);
    assert.match(won!, /is yours/);
    const timeline = text((await coordinator.get(page)).body);
    assert.match(timeline, /Offered by text/);
  });

  it('STOP: nothing more is sent to that number, of any kind; START brings texts back', async () => {
    const phone = '+15550303001';
    await converse(phone, 'HELP');
    assert.deepEqual(await converse(phone, 'STOP'), [], 'no reply to STOP');
    assert.deepEqual(await converse(phone, 'HELP'), []);
    assert.deepEqual(await converse(phone, 'STATUS ABC123'), []);
    // A request filed with this number: its confirmation text is not sent either.
    await makeRequest(ctx, net.network, { phone, email: undefined });
    await drainOutbox(ctx.deps);
    assert.deepEqual(await converse(phone, 'hello'), []);
    const [back] = await converse(phone, 'start');
    assert.match(back!, /You will get texts from Riverside Mutual Aid again/);
  });

  it('refuses a bad or missing signature and does nothing with the text', async () => {
    const before = gateway.received.length;
    const bad = await textIn(
      ctx.app,
      ctx.config.baseUrl,
      { from: '+15550304001', body: 'HELP' },
      { signature: 'bm90IGEgc2lnbmF0dXJl' },
    );
    assert.equal(bad.statusCode, 403);
    const forged = await textIn(ctx.app, 'http://attacker.test', {
      from: '+15550304001',
      body: 'HELP',
    });
    assert.equal(forged.statusCode, 403, 'signed for another URL');
    await drainOutbox(ctx.deps);
    assert.equal(gateway.received.length, before);
    const started = await ctx.db
      .selectFrom('sms_conversations')
      .select('phone_index')
      .where('phone_index', '=', phoneIndex(ctx.deps, '+15550304001'))
      .executeTakeFirst();
    assert.equal(started, undefined, 'no conversation was started');
  });

  it('with two networks on one number, HELP asks which one', async () => {
    const other = await makeNetwork(ctx, { name: 'Eastside' });
    const phone = '+15550305001';
    const [which] = await converse(phone, 'HELP');
    assert.match(
      which!,
      new RegExp(`Which network\\? Text HELP and one of: .*${other.network.slug}`),
    );
    const [ask] = await converse(phone, `HELP ${other.network.slug}`);
    assert.match(ask!, /^Eastside: what do you need\?/);
  });
});
