import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import { savePrefs } from '../../src/server/notifications/notification.repository.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { createEvent } from '../../src/server/volunteering/event.service.ts';
import { reminderJob } from '../../src/server/volunteering/reminder.job.ts';
import { signUp } from '../../src/server/volunteering/signup.service.ts';
import { HOUR } from '../../src/shared/clock.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { asPerson } from '../helpers/requests.ts';
import { startSmsGateway } from '../helpers/sms-gateway.ts';
import { startSmtp } from '../helpers/smtp.ts';

describe('shift reminders', () => {
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

  it('the day before by email in English, two hours before by text in Spanish, each once', async () => {
    const net = await makeNetwork(ctx);
    const coord = net.members.coordinator.id;
    const byMail = await addMember(ctx, net.network, 'volunteer', { language: 'en' });
    const byText = await addMember(ctx, net.network, 'volunteer', {
      language: 'es',
      phone: '+15557654321',
    });
    await savePrefs(
      ctx.db,
      byText.id,
      { email: false, sms: true, quiet: null, digest: false },
      ctx.clock.now().toISOString(),
    );
    // The clock is Monday 2026-11-23 10:00 UTC: the shift is on Tuesday at 09:00.
    const { event } = await createEvent(ctx.deps, {
      actor: asPerson(coord),
      scope: await resolveScope(ctx.db, asPerson(coord), net.network.slug),
      input: {
        kind: 'drive',
        title: 'Food drive',
        place: 'Market square',
        visibility: 'members',
        date: '2026-11-24',
        startTime: '09:00',
        endTime: '11:00',
        slots: 2,
      },
    });
    const shift = await ctx.db
      .selectFrom('vol_shifts')
      .select('id')
      .where('event_id', '=', event.id)
      .executeTakeFirstOrThrow();
    for (const v of [byMail, byText]) {
      await signUp(ctx.deps, {
        actor: asPerson(v.id),
        scope: await resolveScope(ctx.db, asPerson(v.id), net.network.slug),
        shiftId: shift.id,
      });
    }
    ctx.clock.advance(HOUR); // 23 h before
    await reminderJob.run(ctx.deps);
    await reminderJob.run(ctx.deps); // a second run sends nothing new
    await drainOutbox(ctx.deps);
    const mails = smtp.inbox.filter((m) => m.to.includes(byMail.email));
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, /Your shift tomorrow/);
    assert.match(mails[0]!.text, /Food drive/);

    ctx.clock.advance(20 * HOUR + 30 * 60_000); // 1 h 30 before
    await reminderJob.run(ctx.deps);
    await reminderJob.run(ctx.deps);
    await drainOutbox(ctx.deps);
    const texts = gateway.to('+15557654321');
    assert.equal(texts.length, 2, 'the day before and soon, once each');
    assert.match(texts[1]!.body, /Su turno empieza pronto/);
    assert.equal(smtp.inbox.filter((m) => m.to.includes(byMail.email)).length, 2);
  });
});
