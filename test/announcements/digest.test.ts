import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isoWeek } from '../../src/domain/time/iso-week.ts';
import { digestJob, sendDigests } from '../../src/server/announcements/digest.job.ts';
import { runIfDue } from '../../src/server/jobs/scheduler.ts';
import { savePrefs } from '../../src/server/notifications/notification.repository.ts';
import { upsertProfile } from '../../src/server/offers/volunteer-profile.repository.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { DAY, HOUR } from '../../src/shared/clock.ts';
import { newId } from '../../src/shared/ids.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent } from '../helpers/http.ts';
import { addArea, makeRequest, REQUEST } from '../helpers/requests.ts';
import { startSmtp } from '../helpers/smtp.ts';

const HOME = { lat: 45.5231, lng: -122.6705 };

describe('ISO weeks in a time zone (pure)', () => {
  it('weeks start on Monday and belong to the year of their Thursday', () => {
    assert.equal(isoWeek(new Date('2026-11-23T10:00:00Z'), 'UTC'), '2026-W48');
    assert.equal(isoWeek(new Date('2027-01-01T12:00:00Z'), 'UTC'), '2026-W53');
    // Sunday 23:30 in Los Angeles is already Monday in UTC.
    assert.equal(isoWeek(new Date('2026-11-30T07:30:00Z'), 'America/Los_Angeles'), '2026-W48');
    assert.equal(isoWeek(new Date('2026-11-30T07:30:00Z'), 'UTC'), '2026-W49');
  });
});

describe(`weekly digest (${DIALECT})`, () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext({ smtpUrl: smtp.url });
    net = await makeNetwork(ctx, { name: 'Riverside Mutual Aid' });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  async function volunteerAt(name: string, language: 'en' | 'es') {
    const v = await addMember(ctx, net.network, 'volunteer', { name, language });
    await upsertProfile(
      ctx.db,
      {
        id: newId(),
        networkId: net.network.id,
        personId: v.id,
        input: {
          categories: [],
          skills: '',
          languages: [language],
          transport: 'walk',
          hasCar: false,
          homeAreaId: null,
          homeLat: HOME.lat,
          homeLng: HOME.lng,
          radiusKm: 3,
          availability: 0,
          weeklyHourCap: 4,
        },
      },
      ctx.clock.now().toISOString(),
    );
    return v;
  }

  it('an opted-in volunteer gets the nearby need, once a week; one not opted in gets nothing', async () => {
    const area = await addArea(ctx, net.network, 'Old Town', HOME);
    // 40 km away: outside everyone's radius.
    const far = await addArea(ctx, net.network, 'Far Hills', { lat: 45.9, lng: -122.67 });
    await makeRequest(ctx, net.network, { areaId: area });
    await makeRequest(ctx, net.network, { areaId: far, category: 'medicine' });
    ctx.clock.advance(2 * DAY); // Wednesday 10:00 UTC, within 09:00–18:00.

    const ana = await volunteerAt('Ana Gómez', 'es');
    const bob = await volunteerAt('Bob Lee', 'en');
    // Ana ticks the box on /n/:slug/digest; her other choices stay as they were.
    await savePrefs(
      ctx.db,
      ana.id,
      { email: true, sms: false, quiet: { from: 1320, to: 420 }, digest: false },
      ctx.clock.now().toISOString(),
    );
    const page = agent(ctx.app);
    await page.signIn(ana.email);
    const url = `/n/${net.network.slug}/digest`;
    const saved = await page.submit(url, url, { digest: '1' });
    assert.equal(saved.statusCode, 303, saved.body);
    const prefs = await ctx.db
      .selectFrom('notification_prefs')
      .selectAll()
      .where('person_id', '=', ana.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [prefs.digest, prefs.sms, prefs.quiet_from, prefs.quiet_to].map(Number),
      [1, 0, 1320, 420],
    );
    assert.match((await page.get(url)).body, /name="digest" value="1" checked/);

    assert.equal(await sendDigests(ctx.deps), 'sent 1');
    assert.equal(await sendDigests(ctx.deps), 'sent 0', 'the second run of the week sends none');
    await drainOutbox(ctx.deps);
    const mails = smtp.inbox.filter((m) => m.subject.includes('Riverside'));
    assert.equal(mails.length, 1);
    const mail = mails[0]!;
    assert.deepEqual(mail.to, [ana.email]);
    assert.equal(mail.subject, 'Riverside Mutual Aid · necesidades cerca de usted esta semana');
    assert.match(mail.text, /Compras de comida · Old Town · a 0,3 km · esperando 2 días/);
    assert.doesNotMatch(mail.text, /Medicina|Medicine/, 'the far need is left out');
    for (const secret of [REQUEST.name, REQUEST.address!, REQUEST.details!, REQUEST.phone!])
      assert.ok(!mail.text.includes(secret) && !mail.html?.includes(secret), secret);
    assert.ok(!smtp.inbox.some((m) => m.to.includes(bob.email)), 'Bob did not opt in');

    // Through the scheduler, later the same week: still once; next week: again.
    ctx.clock.advance(2 * HOUR);
    assert.equal(await runIfDue(ctx.deps, digestJob, 'a', () => {}), 'sent 0');
    ctx.clock.advance(5 * DAY); // Monday 12:00 of the next week
    assert.equal(await runIfDue(ctx.deps, digestJob, 'a', () => {}), 'sent 1');
  });

  it('waits for daytime in the network’s time zone', async () => {
    await ctx.db
      .updateTable('networks')
      .set({ time_zone: 'Asia/Tokyo' })
      .where('id', '=', net.network.id)
      .execute();
    ctx.clock.advance(7 * DAY); // a new week, Monday 12:00 UTC: 21:00 in Tokyo
    assert.equal(await sendDigests(ctx.deps), 'sent 0');
    ctx.clock.advance(14 * HOUR); // Tuesday 11:00 in Tokyo
    assert.equal(await sendDigests(ctx.deps), 'sent 1');
  });
});
