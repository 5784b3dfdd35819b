import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inAudience, rolesOf } from '../../src/domain/announcements/audience.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { startSmsGateway, textIn } from '../helpers/sms-gateway.ts';
import { startSmtp } from '../helpers/smtp.ts';

describe('audience rules (pure)', () => {
  it('roles add up: volunteers include coordinators and admins; neighbours are only neighbours', () => {
    assert.deepEqual(rolesOf('volunteers'), ['volunteer', 'coordinator', 'admin']);
    assert.deepEqual(rolesOf('neighbours'), ['neighbour']);
    assert.equal(rolesOf('everyone'), null);
    const a = { role: 'volunteers' as const, areaId: 'A', language: 'es' };
    assert.ok(inAudience(a, { role: 'coordinator', homeAreaId: 'A', language: 'es' }));
    assert.ok(!inAudience(a, { role: 'neighbour', homeAreaId: 'A', language: 'es' }));
    assert.ok(!inAudience(a, { role: 'volunteer', homeAreaId: 'B', language: 'es' }));
    assert.ok(!inAudience(a, { role: 'volunteer', homeAreaId: 'A', language: 'en' }));
  });
});

describe(`announcements by email and SMS (${DIALECT})`, () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    smtp = await startSmtp();
    gateway = await startSmsGateway();
    ctx = await createTestContext({ smtpUrl: smtp.url, env: gateway.env });
    net = await makeNetwork(ctx, { name: 'Riverside Mutual Aid' });
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
    await smtp.close();
  });

  it('to Spanish-speaking volunteers: by email and text, in Spanish, to them only; STOP is honoured', async () => {
    const ana = await addMember(ctx, net.network, 'volunteer', {
      name: 'Ana María López',
      phone: '+15550401001',
      language: 'es',
    });
    const stopped = await addMember(ctx, net.network, 'volunteer', {
      name: 'Beto Ruiz',
      phone: '+15550401002',
      language: 'es',
    });
    const english = await addMember(ctx, net.network, 'volunteer', {
      name: 'Carol Smith',
      phone: '+15550401003',
      language: 'en',
    });
    const neighbour = await addMember(ctx, net.network, 'neighbour', {
      name: 'Dora Pérez',
      phone: '+15550401004',
      language: 'es',
    });
    // Beto texted STOP earlier.
    await textIn(ctx.app, ctx.config.baseUrl, { from: '+15550401002', body: 'STOP' });
    await drainOutbox(ctx.deps);
    const sentBefore = gateway.messages.length;

    const coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    const form = `/n/${net.network.slug}/announcements/new`;
    const fields = {
      title: 'Reparto de comida el sábado',
      body: 'Necesitamos manos para repartir comida el sábado a las 10.\n\nGracias.',
      language: 'es',
      audienceRole: 'volunteers',
      audienceLanguage: 'es',
    };

    // The preview counts the people, per channel, and sends nothing.
    const preview = await coordinator.submit(form, form, { ...fields, intent: 'preview' });
    assert.equal(preview.statusCode, 200, preview.body);
    const seen = text(preview.body);
    assert.match(seen, /People, in the app: 2/);
    assert.match(seen, /By email: 2/);
    assert.match(seen, /By text message: 1/);
    assert.ok(preview.body.includes('Reparto de comida el sábado'), 'typed title kept');
    assert.equal(await countRows(ctx, 'announcements'), 0);

    const sent = await coordinator.post(form, { ...fields, intent: 'send' });
    assert.equal(sent.statusCode, 303, sent.body);
    await drainOutbox(ctx.deps);

    // Email: Ana and Beto, over real SMTP, all in Spanish.
    const mails = smtp.inbox.filter((m) => m.subject.includes('Reparto de comida'));
    assert.deepEqual(mails.map((m) => m.to[0]).sort(), [ana.email, stopped.email].sort());
    const toAna = mails.find((m) => m.to[0] === ana.email)!;
    assert.equal(toAna.subject, 'Anuncio de Riverside Mutual Aid: Reparto de comida el sábado');
    assert.match(toAna.text, /^Hola, Ana:/m);
    assert.match(toAna.text, /Necesitamos manos para repartir comida/);
    assert.match(toAna.text, /Un anuncio de quienes coordinan Riverside Mutual Aid\./);
    assert.match(toAna.text, /Leerlo en Mutua|\/announcements\//);
    assert.ok(toAna.html?.includes('lang="es"'));
    assert.ok(!/Hello|You get this from Mutua/.test(toAna.text), 'no English in the wrapper');

    // SMS: Ana only; Beto sent STOP; nobody outside the audience.
    const texts = gateway.messages.slice(sentBefore);
    assert.deepEqual(
      texts.map((m) => m.to),
      ['+15550401001'],
    );
    assert.match(texts[0]!.body, /Reparto de comida el sábado/);
    assert.match(texts[0]!.body, /Hola, Ana/);
    for (const p of [english, neighbour]) {
      assert.ok(!smtp.inbox.some((m) => m.to.includes(p.email)), `${p.name} gets no email`);
      assert.equal(
        await ctx.db
          .selectFrom('notifications')
          .select('id')
          .where('person_id', '=', p.id)
          .where('kind', '=', 'announcement')
          .executeTakeFirst(),
        undefined,
        `${p.name} gets nothing in the app`,
      );
    }

    // The announcement, its count and its audit entry.
    const row = await ctx.db.selectFrom('announcements').selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(row.recipients), 2);
    const auditRow = await ctx.db
      .selectFrom('audit_events')
      .select(['subject_id'])
      .where('action', '=', 'announcement.sent')
      .executeTakeFirstOrThrow();
    assert.equal(auditRow.subject_id, row.id);

    // The coordinator's list shows it with its count; Ana reads it; Carol cannot.
    const list = text((await coordinator.get(`/n/${net.network.slug}/announcements`)).body);
    assert.match(list, /Reparto de comida el sábado/);
    // Languages are named in the reader's language, with their own name (issue 12).
    assert.match(list, /Volunteers \(and coordinators\) · Spanish \(español\)\s+2/);
    const anaAgent = agent(ctx.app);
    await anaAgent.signIn(ana.email);
    assert.match(
      text((await anaAgent.get(`/n/${net.network.slug}/announcements`)).body),
      /Reparto de comida el sábado/,
    );
    const read = await anaAgent.get(`/n/${net.network.slug}/announcements/${row.id}`);
    assert.equal(read.statusCode, 200);
    const carol = agent(ctx.app);
    await carol.signIn(english.email);
    assert.doesNotMatch(
      text((await carol.get(`/n/${net.network.slug}/announcements`)).body),
      /Reparto de comida/,
    );
    assert.equal(
      (await carol.get(`/n/${net.network.slug}/announcements/${row.id}`)).statusCode,
      404,
    );
  });

  it('bad input comes back at its field, translated, with what was typed; only coordinators write', async () => {
    const coordinator = agent(ctx.app, { 'accept-language': 'es' });
    await coordinator.signIn(net.members.coordinator.email);
    const form = `/n/${net.network.slug}/announcements/new`;
    const res = await coordinator.submit(form, form, {
      title: '',
      body: 'Texto que no se pierde',
      language: 'es',
      audienceRole: 'everyone',
      intent: 'send',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="field-title-error"/);
    assert.ok(res.body.includes('Texto que no se pierde'));
    assert.match(res.body, /lang="es"/);

    const volunteer = agent(ctx.app);
    await volunteer.signIn(net.members.volunteer.email);
    assert.equal((await volunteer.get(form)).statusCode, 403);
    const anonymous = agent(ctx.app);
    assert.equal((await anonymous.get(`/n/${net.network.slug}/announcements`)).statusCode, 401);
  });
});

async function countRows(ctx: TestContext, table: 'announcements') {
  const r = await ctx.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
