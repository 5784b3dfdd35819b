import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { utcToLocal } from '../../src/domain/time/zoned-time.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { updateSettings } from '../../src/server/networks/network.service.ts';
import { createEvent, editEvent } from '../../src/server/volunteering/event.service.ts';
import { reminderJob } from '../../src/server/volunteering/reminder.job.ts';
import { DAY } from '../../src/shared/clock.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { asPerson } from '../helpers/requests.ts';

/**
 * The calendar page and the iCalendar feed must agree: the occurrences a person reads on the
 * page are exactly those their calendar app makes of the feed. The feed is read by ical.js
 * (Mozilla's parser), its series expanded by ical.js's own recurrence iterator in the zone
 * the feed's VTIMEZONE defines; the page's occurrences are read from its HTML.
 */
describe(`calendar page and iCalendar feed agree (${DIALECT})`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  async function network(timeZone: string) {
    const net = await makeNetwork(ctx);
    const admin = net.admin.id;
    await setZone(net.network.slug, admin, timeZone);
    return { slug: net.network.slug, admin };
  }

  /** The admin changes the network's time zone in its settings. */
  async function setZone(slug: string, admin: string, timeZone: string) {
    const scope = await resolveScope(ctx.db, asPerson(admin), slug);
    const n = scope.network;
    await updateSettings(ctx.deps, {
      actor: asPerson(admin),
      scope,
      input: {
        name: n.name,
        defaultLanguage: n.defaultLanguage as 'en' | 'es',
        signupMode: n.signupMode,
        retentionDays: n.retentionDays,
        categories: n.categories,
        timeZone,
      },
    });
  }

  async function weekly(
    slug: string,
    admin: string,
    input: { title: string; date: string; startTime: string; endTime: string; day: string },
    until?: string,
  ) {
    return createEvent(ctx.deps, {
      actor: asPerson(admin),
      scope: await resolveScope(ctx.db, asPerson(admin), slug),
      input: {
        kind: 'meeting',
        title: input.title,
        place: 'Library',
        visibility: 'public',
        date: input.date,
        startTime: input.startTime,
        endTime: input.endTime,
        repeat: 'weekly',
        weekdays: [input.day],
        ...(until ? { until } : {}),
        role: 'general',
        slots: 2,
      },
    });
  }

  /** Every occurrence of `title` the calendar page lists from `from` to `to`, as instants. */
  async function onThePage(slug: string, title: string, from: string, to: string) {
    const found = new Set<string>();
    for (let date = from; date <= to; ) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/n/${slug}/calendar?view=list&date=${date}`,
      });
      assert.equal(res.statusCode, 200);
      const line =
        /<time datetime="([^"]+)">[^<]*<\/time> <a href="\/n\/[^/]+\/events\/[^"]+">([^<]+)<\/a>/g;
      for (const m of res.body.matchAll(line)) if (m[2] === title) found.add(m[1]!);
      date = new Date(Date.parse(`${date}T00:00:00Z`) + 28 * DAY).toISOString().slice(0, 10);
    }
    return [...found].sort();
  }

  /**
   * The occurrences of `title` a calendar app makes of the network feed, up to `untilIso`:
   * the series master expanded by ical.js, each occurrence replaced by its override if any.
   */
  async function inTheFeed(slug: string, title: string, untilIso: string) {
    const res = await ctx.app.inject({ method: 'GET', url: `/n/${slug}/calendar.ics` });
    assert.equal(res.statusCode, 200);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const vevents = cal
      .getAllSubcomponents('vevent')
      .filter((v) => v.getFirstPropertyValue('summary') === title);
    const master = vevents.find((v) => v.hasProperty('rrule'));
    assert.ok(master, `the feed has the series "${title}"`);
    const overrides = new Map<string, string>();
    for (const v of vevents) {
      if (!v.hasProperty('recurrence-id')) continue;
      const e = new ICAL.Event(v);
      overrides.set(e.recurrenceId!.toJSDate().toISOString(), e.startDate.toJSDate().toISOString());
    }
    const event = new ICAL.Event(master);
    // The zone ical.js expands in is the one the feed's own VTIMEZONE defines.
    const tzid = event.startDate.zone?.tzid;
    assert.ok(
      cal.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === tzid),
      `the feed defines the zone ${tzid} of its series`,
    );
    const out: string[] = [];
    const iterator = event.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const at = next.toJSDate().toISOString();
      if (at > untilIso) break;
      out.push(overrides.get(at) ?? at);
    }
    return { instants: out.sort(), tzid };
  }

  it('a New York evening series ending on a date keeps its last evening in the feed', async () => {
    const { slug, admin } = await network('America/New_York');
    const title = 'Wednesday evening meeting';
    await weekly(
      slug,
      admin,
      { title, date: '2026-12-02', startTime: '19:30', endTime: '21:00', day: 'WE' },
      '2026-12-30',
    );
    const page = await onThePage(slug, title, '2026-11-30', '2027-01-31');
    assert.equal(page.length, 5, 'five Wednesdays on the page, the 30th included');
    const feed = await inTheFeed(slug, title, '2027-12-31T00:00:00.000Z');
    assert.deepEqual(feed.instants, page);
    assert.equal(feed.tzid, 'America/New_York');
  });

  it('a series keeps its own time zone in the feed after the network changes zone', async () => {
    const { slug, admin } = await network('UTC');
    const title = 'Saturday repair cafe';
    await weekly(slug, admin, {
      title,
      date: '2026-11-28',
      startTime: '10:00',
      endTime: '12:00',
      day: 'SA',
    });
    await setZone(slug, admin, 'America/New_York');
    // The occurrences were made at 10:00 UTC; they stay at those instants on the page, and a
    // calendar app must put them at the same instants, summer and winter.
    const page = await onThePage(slug, title, '2026-11-23', '2027-06-30');
    assert.ok(page.length >= 26, `half a year of Saturdays on the page (${page.length})`);
    assert.ok(
      page.some((p) => utcToLocal(new Date(p), 'America/New_York').time === '06:00'),
      'some fall in New York daylight time',
    );
    const feed = await inTheFeed(slug, title, page.at(-1)!);
    assert.deepEqual(feed.instants, page);
    assert.equal(feed.tzid, 'UTC');
    // The page says so: times in the network's zone, the series repeating in its own.
    const [one] = await ctx.db
      .selectFrom('vol_events')
      .select('id')
      .where('title', '=', title)
      .limit(1)
      .execute();
    const detail = await ctx.app.inject({ method: 'GET', url: `/n/${slug}/events/${one!.id}` });
    assert.equal(detail.statusCode, 200);
    assert.match(detail.body, /It repeats at 10:00 in UTC, the time zone it was made in\./);
    assert.match(detail.body, /\(America\/New_York\)/);

    // "This and following" from March: the coordinator types 10:00 in the network's zone now,
    // so the new part of the series is a New York series, on the page and in the feed.
    const [from] = await ctx.db
      .selectFrom('vol_events')
      .select(['id', 'occurrence_date'])
      .where('title', '=', title)
      .where('occurrence_date', '>=', '2027-03-01')
      .orderBy('occurrence_date')
      .limit(1)
      .execute();
    const later = 'Saturday repair cafe (New York time)';
    await editEvent(ctx.deps, {
      actor: asPerson(admin),
      scope: await resolveScope(ctx.db, asPerson(admin), slug),
      eventId: from!.id,
      input: {
        kind: 'meeting',
        title: later,
        place: 'Library',
        visibility: 'public',
        date: from!.occurrence_date!,
        startTime: '10:00',
        endTime: '12:00',
        apply: 'following',
      },
    });
    const moved = await onThePage(slug, later, '2027-02-01', '2027-06-30');
    assert.ok(moved.length >= 10);
    for (const p of moved) assert.equal(utcToLocal(new Date(p), 'America/New_York').time, '10:00');
    const movedFeed = await inTheFeed(slug, later, moved.at(-1)!);
    assert.deepEqual(movedFeed.instants, moved);
    assert.equal(movedFeed.tzid, 'America/New_York');
    const before = await onThePage(slug, title, '2026-11-23', '2027-06-30');
    assert.deepEqual((await inTheFeed(slug, title, page.at(-1)!)).instants, before);
  });

  it('an open-ended series over three years and more of daylight-saving changes', async () => {
    const { slug, admin } = await network('America/New_York');
    const title = 'Wednesday food bank shift';
    await weekly(slug, admin, {
      title,
      date: '2026-11-25',
      startTime: '18:00',
      endTime: '20:00',
      day: 'WE',
    });
    // Time passes: the daily job makes the occurrences of the next half year as it goes.
    for (let i = 0; i < 20; i++) {
      ctx.clock.advance(60 * DAY);
      await reminderJob.run(ctx.deps);
    }
    const page = await onThePage(slug, title, '2026-11-23', '2030-06-30');
    assert.ok(page.length > 3 * 52, `more than three years of Wednesdays (${page.length})`);
    for (const p of page)
      assert.equal(utcToLocal(new Date(p), 'America/New_York').time, '18:00', p);
    const feed = await inTheFeed(slug, title, page.at(-1)!);
    assert.deepEqual(feed.instants, page);
  });
});
