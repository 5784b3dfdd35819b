import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import type { Network } from '../../src/server/core/network.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  signIn,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';

describe('volunteering in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let network: Network;
  let coordinator: { email: string };

  before(async () => {
    run = await startBrowser();
    const made = await makeNetwork(run.ctx, { name: 'Barrio Sur' });
    network = made.network;
    coordinator = made.members.coordinator;
  });
  after(() => run?.close());

  it('a coordinator creates a weekly series; two volunteers want the last slot; the waitlist moves up; the feed shows the shift', async () => {
    const base = `/n/${network.slug}`;
    const coord = await run.newPage();
    await signIn(coord, coordinator.email, `${base}/calendar`);
    await assertAccessible(coord);
    await coord.getByRole('link', { name: en['vol.newEvent'] }).click();
    await coord.waitForURL((u) => u.pathname === `${base}/events/new`);
    await assertAccessible(coord);
    await coord.fill('#field-title', 'Saturday distribution');
    await coord.fill('#field-place', 'Community hall');
    await coord.fill('#field-date', '2026-11-28');
    await coord.fill('#field-startTime', '09:00');
    await coord.fill('#field-endTime', '12:00');
    await coord.check('#field-repeat-weekly');
    await coord.check('#field-weekdays-SA');
    await coord.fill('#field-slots', '1');
    await coord.getByRole('button', { name: en['vol.createEvent'] }).click();
    await coord.waitForURL(
      (u) => u.pathname.startsWith(`${base}/events/`) && u.search.includes('done'),
    );
    const eventPath = new URL(coord.url()).pathname;
    assert.match((await coord.textContent('main')) ?? '', /1 of|0 of 1/);
    await assertAccessible(coord);

    // Without JavaScript, at 320 px, as on an old phone.
    const [a, b] = await Promise.all([
      addMember(run.ctx, network, 'volunteer'),
      addMember(run.ctx, network, 'volunteer'),
    ]);
    const pa = await run.newPage({ javaScript: false, width: 320 });
    const pb = await run.newPage({ javaScript: false, width: 320 });
    await signIn(pa, a.email, eventPath);
    await signIn(pb, b.email, eventPath);
    // Both open the page while the slot is free, and both press the button.
    await Promise.all([
      pa.getByRole('button', { name: en['vol.signUp'] }).click(),
      pb.getByRole('button', { name: en['vol.signUp'] }).click(),
    ]);
    await Promise.all([pa.waitForURL(/done=/), pb.waitForURL(/done=/)]);
    const outcomes = [
      new URL(pa.url()).searchParams.get('done'),
      new URL(pb.url()).searchParams.get('done'),
    ];
    assert.deepEqual([...outcomes].sort(), ['signedUp', 'waitlisted']);
    const [winner, waiting] = outcomes[0] === 'signedUp' ? [pa, pb] : [pb, pa];
    assert.ok((await waiting.textContent('main'))?.includes(en['vol.status.waitlisted']));
    const width = await waiting.evaluate('document.documentElement.scrollWidth');
    assert.ok(Number(width) <= 320, `no sideways scrolling at 320 px (${width})`);

    await winner.getByRole('button', { name: en['vol.cantCome'] }).click();
    await winner.waitForURL(/done=dropped/);
    await waiting.goto(eventPath);
    assert.ok((await waiting.textContent('main'))?.includes(en['vol.status.confirmed']));

    // The promoted volunteer subscribes to their own calendar.
    await waiting.goto(`${base}/shifts`);
    const feed = (await waiting.textContent('.token'))!.trim();
    const res = await fetch(feed.replace('http://mutua.test', run.baseUrl));
    assert.equal(res.status, 200);
    const comp = new ICAL.Component(ICAL.parse(await res.text()));
    const events = comp.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    assert.equal(events.length, 1);
    assert.match(events[0]!.summary, /Saturday distribution/);
    assert.equal(events[0]!.startDate.toJSDate().toISOString(), '2026-11-28T09:00:00.000Z');
  });

  it('the calendar views, my shifts and the coordinators pages pass axe, in English and Spanish', async () => {
    const base = `/n/${network.slug}`;
    const page = await run.newPage();
    await signIn(page, coordinator.email, `${base}/calendar`);
    for (const path of [
      `${base}/calendar?view=month&date=2026-11-28`,
      `${base}/calendar?view=week&date=2026-11-28`,
      `${base}/calendar?view=list&date=2026-11-25`,
      `${base}/shifts`,
      `${base}/trainings`,
      `${base}/wellbeing`,
    ]) {
      await page.goto(path);
      await assertAccessible(page);
    }
    await page.goto(
      `/language?to=es&next=${encodeURIComponent(`${base}/calendar?view=week&date=2026-11-28`)}`,
    );
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
    const text = (await page.textContent('main')) ?? '';
    assert.ok(text.includes(es['vol.calendarTitle']));
    for (const key of [
      'vol.calendarIntro',
      'vol.filter',
      'vol.subscribe',
      'vol.view.week',
    ] as const) {
      assert.ok(!text.includes(en[key].split('{')[0]!.trim()), `no English "${en[key]}"`);
    }
    await assertAccessible(page);
  });
});
