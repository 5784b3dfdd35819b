import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createDb } from '../../src/server/db/database.ts';
import type { Deps } from '../../src/server/deps.ts';
import { smtpMailer } from '../../src/server/mail/mailer.ts';
import { enqueue } from '../../src/server/outbox/outbox.service.ts';
import { deliverDue } from '../../src/server/outbox/outbox.worker.ts';
import { twilioSender } from '../../src/server/sms/sms-gateway.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { startSmsGateway } from '../helpers/sms-gateway.ts';
import { startSmtp } from '../helpers/smtp.ts';

/**
 * "Sent once" with slow providers and two app servers: what the field test saw was a worker
 * holding a batch of 20 under one lease while a gateway took 7 s a text, so the lease ran out
 * mid-batch and the other server sent the rest again. Here the gateway and the SMTP server
 * take 7 s on the app's clock for every answer, and the count is what they received.
 */
describe(`outbox: each message sent once with a slow provider and two workers (${DIALECT})`, () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  const SLOW = 7_000;
  before(async () => {
    // The providers' delay passes on the app's clock, made just below.
    const clock = { advance: (ms: number) => ctx.clock.advance(ms) };
    smtp = await startSmtp({ delayMs: SLOW, clock });
    gateway = await startSmsGateway({ delayMs: SLOW, clock });
    ctx = await createTestContext({ smtpUrl: smtp.url, env: gateway.env });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
    await gateway.close();
  });

  /** A second app server: its own connection to the same database, its own SMTP and gateway clients. */
  function server(): Pick<Deps, 'db' | 'config' | 'clock' | 'mailer' | 'sms'> {
    return {
      config: ctx.config,
      clock: ctx.clock,
      db: createDb(ctx.config),
      mailer: smtpMailer(smtp.url, ctx.config.mailFrom),
      sms: twilioSender(ctx.config.sms!),
    };
  }

  async function announce(channel: 'sms' | 'email', n: number, tag: string) {
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < n; i++) {
        await enqueue(trx, ctx.deps, {
          networkId: null,
          personId: null,
          channel,
          kind: 'announcement',
          language: 'en',
          to:
            channel === 'sms'
              ? `+1555030${String(i).padStart(4, '0')}`
              : `n${i}.${tag}@example.test`,
          subject: `${tag} ${i}`,
          text: `${tag} ${i}`,
          key: `announcement:${tag}:${i}:${channel}`,
        });
      }
    });
  }

  /** Messages of this announcement not yet settled (sent, failed or cancelled). */
  async function unsettled(tag: string): Promise<number> {
    const rows = await ctx.db
      .selectFrom('outbox_messages')
      .select('id')
      .where('idempotency_key', 'like', `announcement:${tag}:%`)
      .where('status', 'in', ['pending', 'sending'])
      .execute();
    return rows.length;
  }

  /**
   * Two app servers, each looking for due messages again and again (as the one-second timer
   * of startOutboxWorker does), until every message of the announcement is settled.
   */
  async function twoServers(tag: string) {
    const servers = [server(), server()];
    try {
      const sent = await Promise.all(
        servers.map(async (deps, i) => {
          let n = 0;
          while ((await unsettled(tag)) > 0) {
            n += (await deliverDue(deps, `server-${i}`)).sent;
            await sleep(2);
          }
          return n;
        }),
      );
      return sent[0]! + sent[1]!;
    } finally {
      for (const s of servers) await s.db.destroy();
    }
  }

  it('a 20-text announcement through a gateway that answers in 7 s: 20 texts arrive', async () => {
    await announce('sms', 20, 'sms-slow');
    const sent = await twoServers('sms-slow');
    const got = gateway.received.filter((m) => m.body.startsWith('sms-slow '));
    // Counted as the gateway received them, repeats included (a real gateway may not drop a
    // repeat: the duplicates of the field test carried the same token and still went out).
    assert.equal(got.length, 20, `the gateway received ${got.length} sends for 20 texts`);
    assert.equal(new Set(got.map((m) => m.body)).size, 20);
    assert.equal(new Set(got.map((m) => m.token)).size, 20);
    assert.equal(sent, 20);
    const rows = await ctx.db
      .selectFrom('outbox_messages')
      .select(['status'])
      .where('idempotency_key', 'like', 'announcement:sms-slow:%')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.status),
      Array(20).fill('sent'),
    );
  });

  it('20 emails through an SMTP server that answers in 7 s: each arrives once', async () => {
    await announce('email', 20, 'mail-slow');
    const sent = await twoServers('mail-slow');
    const got = smtp.inbox.filter((m) => m.subject.startsWith('mail-slow '));
    assert.equal(got.length, 20, `the SMTP server received ${got.length} mails for 20`);
    assert.equal(new Set(got.map((m) => m.subject)).size, 20);
    assert.equal(new Set(got.map((m) => m.messageId)).size, 20);
    assert.equal(sent, 20);
  });
});
