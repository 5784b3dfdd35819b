import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { claimTask, startTask } from '../../src/server/requests/task.service.ts';
import { taskReminderJob } from '../../src/server/requests/task-reminder.job.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';
import { startSmsGateway } from '../helpers/sms-gateway.ts';
import { startSmtp } from '../helpers/smtp.ts';

describe(`notifications at the moments that matter (${DIALECT})`, () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let areaId: string;
  before(async () => {
    smtp = await startSmtp();
    gateway = await startSmsGateway();
    ctx = await createTestContext({ smtpUrl: smtp.url, env: gateway.env });
    net = await makeNetwork(ctx, { name: 'Riverside' });
    areaId = await addArea(ctx, net.network);
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
    await gateway.close();
  });

  it('the requester hears their request arrived, in their language, with code and status link', async () => {
    const { summary } = await makeRequest(ctx, net.network, {
      areaId,
      email: 'marisol@example.test',
      phone: '+15550401001',
      language: 'es',
      urgency: 'normal',
    });
    await drainOutbox(ctx.deps);
    const mail = smtp.inbox.find((m) => m.to.includes('marisol@example.test'));
    assert.ok(mail);
    assert.equal(mail.subject, 'Riverside recibió su solicitud');
    assert.match(mail.text, new RegExp(summary.code.slice(0, 3)));
    assert.match(mail.text, /http:\/\/mutua\.test\/n\/[^/]+\/r\/[A-Z0-9]+\?k=/);
    assert.match(mail.html ?? '', /<html lang="es"/);
    const [sms] = gateway.to('+15550401001');
    assert.match(sms!.body, /^Riverside recibió su solicitud: Gracias por pedirlo/);
  });

  it('urgent requests reach every coordinator, in the in-app list too', async () => {
    const { summary } = await makeRequest(ctx, net.network, {
      areaId,
      urgency: 'critical',
      email: undefined,
      phone: '+15550401002',
    });
    await drainOutbox(ctx.deps);
    const toCoordinator = smtp.inbox.filter(
      (m) =>
        m.to.includes(net.members.coordinator.email) &&
        m.subject.includes(summary.code.slice(0, 3)),
    );
    assert.equal(toCoordinator.length, 1);
    assert.ok(
      smtp.inbox.some((m) => m.to.includes(net.admin.email) && m.text.includes('Old Town')),
      'the admin too',
    );
    assert.ok(!smtp.inbox.some((m) => m.to.includes(net.members.volunteer.email)));
    const coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    const list = text((await coordinator.get('/notifications')).body);
    assert.match(list, /Right now: health or safety at risk/);
  });

  it('a volunteer on the way: the requester is told the first name only', async () => {
    const volunteer = await addMember(ctx, net.network, 'volunteer', {
      name: 'Ana María López',
    });
    const { summary } = await makeRequest(ctx, net.network, {
      areaId,
      email: undefined,
      phone: '+15550401003',
      language: 'en',
    });
    const scope = await resolveScope(ctx.db, asPerson(volunteer.id), net.network.slug);
    const a = { actor: asPerson(volunteer.id), scope, requestId: summary.id };
    await claimTask(ctx.deps, a);
    await startTask(ctx.deps, a);
    await drainOutbox(ctx.deps);
    const texts = gateway.to('+15550401003').map((m) => m.body);
    const onTheWay = texts.find((b) => b.startsWith('A volunteer is on the way'));
    assert.ok(onTheWay, texts.join(' | '));
    assert.match(onTheWay, /Ana is on the way/);
    assert.ok(!onTheWay.includes('López') && !onTheWay.includes('María'));
  });

  it('a task taken a day ago and not started: one reminder, however often the job runs', async () => {
    const volunteer = await addMember(ctx, net.network, 'volunteer');
    const { summary } = await makeRequest(ctx, net.network, { areaId, phone: '+15550401009' });
    const scope = await resolveScope(ctx.db, asPerson(volunteer.id), net.network.slug);
    await claimTask(ctx.deps, { actor: asPerson(volunteer.id), scope, requestId: summary.id });
    await taskReminderJob.run(ctx.deps);
    await drainOutbox(ctx.deps);
    const reminders = () =>
      smtp.inbox.filter(
        (m) => m.to.includes(volunteer.email) && /is waiting for you/.test(m.subject),
      );
    assert.equal(reminders().length, 0, 'not before a day has passed');
    ctx.clock.advance(25 * 60 * 60 * 1000);
    await taskReminderJob.run(ctx.deps);
    await taskReminderJob.run(ctx.deps);
    await drainOutbox(ctx.deps);
    assert.equal(reminders().length, 1);
    assert.match(reminders()[0]!.text, /give it back so someone else can help/);
    const me = agent(ctx.app);
    await me.signIn(volunteer.email);
    const list = text((await me.get('/notifications')).body);
    assert.equal(list.split('is waiting for you').length - 1, 1, 'listed once in the app');
  });

  it('quiet hours hold messages until they end; urgent ones still go', async () => {
    const person = await addMember(ctx, net.network, 'coordinator');
    const me = agent(ctx.app);
    await me.signIn(person.email);
    // Typed wrongly first: the mistake is shown at its field and what was typed is kept.
    const bad = await me.submit('/account/notifications', '/account/notifications', {
      email: '1',
      quietFrom: '25:00',
      quietTo: '07:00',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="field-quietFrom-error"/);
    assert.match(bad.body, /value="25:00"/);
    const half = await me.submit('/account/notifications', '/account/notifications', {
      email: '1',
      quietFrom: '22:00',
    });
    assert.equal(half.statusCode, 422);
    assert.match(text(half.body), /Enter both times/);
    // The whole day is quiet, so any moment is within it.
    const ok = await me.submit('/account/notifications', '/account/notifications', {
      email: '1',
      quietFrom: '00:00',
      quietTo: '23:59',
    });
    assert.equal(ok.statusCode, 303);

    const before = smtp.inbox.filter((m) => m.to.includes(person.email)).length;
    await makeRequest(ctx, net.network, { areaId, urgency: 'high', phone: '+15550401004' });
    await drainOutbox(ctx.deps);
    assert.equal(
      smtp.inbox.filter((m) => m.to.includes(person.email)).length,
      before,
      'held during quiet hours',
    );
    await makeRequest(ctx, net.network, { areaId, urgency: 'critical', phone: '+15550401005' });
    await drainOutbox(ctx.deps);
    assert.equal(
      smtp.inbox.filter((m) => m.to.includes(person.email)).length,
      before + 1,
      'a critical one goes at once',
    );
    ctx.clock.advance(24 * 60 * 60 * 1000);
    await drainOutbox(ctx.deps);
    assert.equal(
      smtp.inbox.filter((m) => m.to.includes(person.email)).length,
      before + 2,
      'the held one arrives after the quiet hours',
    );
  });

  it('coordinators see failed messages (never their address or text) and can send them again', async () => {
    gateway.failNext(1, 400);
    await makeRequest(ctx, net.network, {
      areaId,
      email: undefined,
      phone: '+15550401006',
      details: 'Ring twice, private detail',
    });
    const report = await drainOutbox(ctx.deps);
    assert.equal(report.failed, 1);
    const coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    const page = await coordinator.get(`/n/${net.network.slug}/messages`);
    assert.equal(page.statusCode, 200);
    const body = text(page.body);
    assert.match(body, /Failed/);
    assert.match(body, /A requester/);
    assert.ok(!body.includes('0401006') && !body.includes('Ring twice'));
    const id = /\/messages\/([0-9a-f-]+)\/retry/.exec(page.body)?.[1];
    assert.ok(id);
    const retried = await coordinator.submit(
      `/n/${net.network.slug}/messages`,
      `/n/${net.network.slug}/messages/${id}/retry`,
      {},
    );
    assert.equal(retried.statusCode, 303);
    assert.equal((await drainOutbox(ctx.deps)).sent, 1);
    assert.equal(gateway.to('+15550401006').length, 1);

    const volunteer = agent(ctx.app);
    await volunteer.signIn(net.members.volunteer.email);
    assert.equal((await volunteer.get(`/n/${net.network.slug}/messages`)).statusCode, 403);
  });
});
