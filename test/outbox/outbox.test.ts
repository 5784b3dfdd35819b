import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDb } from '../../src/server/db/database.ts';
import { smtpMailer } from '../../src/server/delivery/mailer.ts';
import { optOut } from '../../src/server/outbox/outbox.repository.ts';
import { enqueue, phoneIndex } from '../../src/server/outbox/outbox.service.ts';
import { backoffMs, drainOutbox, MAX_ATTEMPTS } from '../../src/server/outbox/outbox.worker.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { startSmsGateway } from '../helpers/sms-gateway.ts';
import { startSmtp } from '../helpers/smtp.ts';

describe(`outbox: email and SMS delivery (${DIALECT})`, () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  before(async () => {
    smtp = await startSmtp();
    gateway = await startSmsGateway();
    ctx = await createTestContext({ smtpUrl: smtp.url, env: gateway.env });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
    await gateway.close();
  });

  const message = (over: Partial<Parameters<typeof enqueue>[2]> = {}) => ({
    networkId: null,
    personId: null,
    channel: 'email' as const,
    kind: 'test',
    language: 'es',
    to: 'lucia@example.test',
    subject: 'Año nuevo: ¿qué necesitás?',
    text: 'Hola Lucía, señal de prueba.',
    html: '<p>Hola <strong>Lucía</strong>, señal de prueba.</p>',
    key: `test:${Math.random()}`,
    ...over,
  });

  it('delivers an email (HTML and text, accents intact) and a text, each once', async () => {
    const key = 'test:both';
    await ctx.db.transaction().execute(async (trx) => {
      assert.equal(await enqueue(trx, ctx.deps, message({ key: `${key}:email` })), 'queued');
      assert.equal(
        await enqueue(
          trx,
          ctx.deps,
          message({ channel: 'sms', to: '+15550102030', text: 'Hola Lucía', key: `${key}:sms` }),
        ),
        'queued',
      );
      // The same event again: the key makes it the same message, not a second one.
      assert.equal(await enqueue(trx, ctx.deps, message({ key: `${key}:email` })), 'duplicate');
    });
    const report = await drainOutbox(ctx.deps);
    assert.equal(report.sent, 2);
    const mail = smtp.inbox.find((m) => m.to.includes('lucia@example.test'));
    assert.ok(mail);
    assert.equal(mail.subject, 'Año nuevo: ¿qué necesitás?');
    assert.match(mail.text, /Hola Lucía, señal de prueba\./);
    assert.match(mail.html ?? '', /<strong>Lucía<\/strong>/);
    assert.deepEqual(
      gateway.to('+15550102030').map((m) => m.body),
      ['Hola Lucía'],
    );
    assert.equal((await drainOutbox(ctx.deps)).sent, 0, 'nothing is sent twice');
  });

  it('stores the address and the text sealed, never in the clear', async () => {
    await enqueue(ctx.db, ctx.deps, message({ key: 'test:sealed', to: 'sealed@example.test' }));
    const row = await ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('idempotency_key', '=', 'test:sealed')
      .executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    assert.ok(!stored.includes('sealed@example.test'));
    assert.ok(!stored.includes('Lucía'));
    await drainOutbox(ctx.deps);
  });

  it('retries with back-off when the gateway fails, and gives up on a refusal', async () => {
    gateway.failNext(2, 503);
    await enqueue(
      ctx.db,
      ctx.deps,
      message({ channel: 'sms', to: '+15550103040', text: 'retry me', key: 'test:retry' }),
    );
    assert.equal((await drainOutbox(ctx.deps)).retrying, 1);
    assert.equal(gateway.to('+15550103040').length, 0);
    assert.equal((await drainOutbox(ctx.deps)).retrying, 0, 'not due before its back-off');
    ctx.clock.advance(backoffMs(1));
    assert.equal((await drainOutbox(ctx.deps)).retrying, 1);
    ctx.clock.advance(backoffMs(2));
    assert.equal((await drainOutbox(ctx.deps)).sent, 1);
    assert.equal(gateway.to('+15550103040').length, 1);

    // A number the gateway refuses (400): failed at once, visible, and retried on demand.
    await enqueue(
      ctx.db,
      ctx.deps,
      message({ channel: 'sms', to: '+1555', text: 'bad number', key: 'test:refused' }),
    );
    assert.equal((await drainOutbox(ctx.deps)).failed, 1);
    const row = await ctx.db
      .selectFrom('outbox_messages')
      .select(['status', 'last_error', 'attempts'])
      .where('idempotency_key', '=', 'test:refused')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'failed');
    assert.match(row.last_error ?? '', /not a valid phone number/);
    assert.ok(Number(row.attempts) < MAX_ATTEMPTS);
  });

  it('sends nothing to a number that has sent STOP', async () => {
    const phone = '+15550104050';
    await enqueue(
      ctx.db,
      ctx.deps,
      message({ channel: 'sms', to: phone, text: 'before stop', key: 'test:stop:1' }),
    );
    await optOut(ctx.db, phoneIndex(ctx.deps, phone), new Date().toISOString());
    assert.equal(
      await enqueue(
        ctx.db,
        ctx.deps,
        message({ channel: 'sms', to: phone, text: 'after stop', key: 'test:stop:2' }),
      ),
      'opted_out',
    );
    const report = await drainOutbox(ctx.deps);
    assert.equal(report.cancelled, 1, 'the one queued before STOP is cancelled at sending');
    assert.equal(gateway.to(phone).length, 0);
  });

  it('two workers on one database send each message exactly once', async () => {
    const second = createDb(ctx.config);
    const other = {
      ...ctx.deps,
      db: second,
      mailer: smtpMailer(ctx.config.smtpUrl!, ctx.config.mailFrom),
    };
    try {
      const N = 120;
      for (let i = 0; i < N; i++) {
        await enqueue(
          ctx.db,
          ctx.deps,
          message({
            channel: 'sms',
            to: `+1555020${String(i).padStart(4, '0')}`,
            text: `race ${i}`,
            key: `test:race:${i}`,
          }),
        );
      }
      const before = gateway.received.length;
      const [a, b] = await Promise.all([
        drainOutbox(ctx.deps, 'worker-a'),
        drainOutbox(other, 'worker-b'),
      ]);
      assert.equal(a.sent + b.sent, N);
      const raced = gateway.received.slice(before).filter((m) => m.body.startsWith('race '));
      // Counted as the gateway received them, repeats included: none at all.
      assert.equal(raced.length, N);
      assert.equal(new Set(raced.map((m) => m.body)).size, N);
      if (DIALECT === 'postgres') assert.ok(a.sent > 0 && b.sent > 0, 'both workers took part');
    } finally {
      await second.destroy();
    }
  });

  it('a message whose server stopped mid-send is taken over when its lease runs out', async () => {
    await enqueue(
      ctx.db,
      ctx.deps,
      message({ channel: 'sms', to: '+15550105060', text: 'orphan', key: 'test:orphan' }),
    );
    await ctx.db
      .updateTable('outbox_messages')
      .set({
        status: 'sending',
        locked_by: 'dead-server',
        locked_until: ctx.clock.now().toISOString(),
      })
      .where('idempotency_key', '=', 'test:orphan')
      .execute();
    assert.equal((await drainOutbox(ctx.deps)).sent, 1);
    assert.equal(gateway.to('+15550105060').length, 1);
  });
});
