import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ALL_WEEK } from '../../src/domain/time/weekly-slots.ts';
import { upsertProfile } from '../../src/server/offers/volunteer-profile.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork, PASSWORD } from '../helpers/factories.ts';
import { addArea } from '../helpers/requests.ts';

async function signIn(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.fill('#field-identifier', email);
  await page.fill('#field-password', PASSWORD);
  await page.click('main button[type=submit]');
}

describe('a request from the form to done, in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let volunteer: Awaited<ReturnType<typeof addMember>>;
  let other: Awaited<ReturnType<typeof addMember>>;
  before(async () => {
    run = await startBrowser();
    const ctx = run.ctx;
    net = await makeNetwork(ctx);
    const areaId = await addArea(ctx, net.network, 'Old Town', { lat: 45.5231, lng: -122.6705 });
    volunteer = await addMember(ctx, net.network, 'volunteer', { name: 'Mei Chen' });
    other = await addMember(ctx, net.network, 'volunteer', { name: 'Tom Becker' });
    for (const v of [volunteer, other]) {
      await upsertProfile(
        ctx.db,
        {
          id: newId(),
          networkId: net.network.id,
          personId: v.id,
          input: {
            categories: ['groceries', 'meals'],
            skills: '',
            languages: ['en', 'es'],
            transport: 'car',
            hasCar: true,
            homeAreaId: areaId,
            homeLat: 45.53,
            homeLng: -122.67,
            radiusKm: 5,
            availability: ALL_WEEK,
            weeklyHourCap: 6,
          },
        },
        ctx.clock.now().toISOString(),
      );
    }
  });
  after(() => run?.close());

  it('ask without JavaScript; match from the suggestions; claim, see the address, finish; give feedback', async () => {
    // 1. A neighbour asks, on a phone with JavaScript off.
    const noJs = await run.newContext({ javaScript: false, width: 360 });
    const asker = await noJs.newPage();
    await asker.goto(`/n/${net.network.slug}/ask`);
    await asker.check('#field-category-groceries');
    await asker.check('#field-urgency-high');
    await asker.fill('#field-householdSize', '3');
    await asker.selectOption('#field-areaId', { label: 'Old Town' });
    await asker.fill('#field-address', '12 Elm Street, flat 3B');
    await asker.fill('#field-name', 'Marisol');
    await asker.fill('#field-phone', '+1 555 010 4242');
    await asker.click('main button[type=submit]');
    assert.match(
      (await asker.textContent('main')) ?? '',
      /Please tick the box/,
      'consent is asked for, the rest kept',
    );
    assert.equal(await asker.inputValue('#field-name'), 'Marisol');
    await asker.check('#field-consent-yes');
    await asker.click('main button[type=submit]');
    const code = (await asker.textContent('p.code strong'))!.trim();
    assert.match(code, /^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
    const statusLink = await asker.getAttribute('main a[href*="/r/"]', 'href');

    // 2. A coordinator finds it once in the queue and gives it to the first suggestion.
    const coordCtx = await run.newContext();
    const coord = await coordCtx.newPage();
    await signIn(coord, net.members.coordinator.email);
    await coord.goto(`/n/${net.network.slug}/requests`);
    await assertAccessible(coord);
    assert.equal(await coord.locator(`a:text("${code}")`).count(), 1);
    await coord.click(`a:text("${code}")`);
    await assertAccessible(coord);
    assert.match(
      (await coord.textContent('#suggestions-title + ol')) ?? '',
      /km away.*speaks Spanish|km away/,
    );
    await coord.click('button:text("Give to Mei Chen")');
    assert.match((await coord.textContent('main')) ?? '', /Assigned/);

    // 3. The other volunteer never sees the address or phone.
    const otherCtx = await run.newContext();
    const otherPage = await otherCtx.newPage();
    await signIn(otherPage, other.email);
    await otherPage.goto(`/n/${net.network.slug}/tasks`);
    const otherText = (await otherPage.textContent('main')) ?? '';
    assert.doesNotMatch(otherText, /Elm Street|4242|Marisol/);

    // 4. Mei sees it in her tasks, with the address, starts and finishes it.
    const volCtx = await run.newContext({ width: 360 });
    const vol = await volCtx.newPage();
    await signIn(vol, volunteer.email);
    await vol.goto(`/n/${net.network.slug}/tasks`);
    await assertAccessible(vol);
    await vol.click('main ul.cards a');
    await assertAccessible(vol);
    assert.match((await vol.textContent('main')) ?? '', /12 Elm Street, flat 3B/);
    await vol.click('button:text("I am on my way")');
    await vol.fill('#field-hours', '1.5');
    await vol.click('button:text("Mark as done")');
    assert.match((await vol.textContent('main')) ?? '', /Thank you! The task is done/);

    // 5. The neighbour says how it went, with the link from the confirmation.
    await asker.goto(statusLink!);
    await asker.check('#field-outcome-helped');
    await asker.click('main button[type=submit]');
    assert.match((await asker.textContent('main')) ?? '', /Thank you, we received your feedback/);
    const fb = await run.ctx.db
      .selectFrom('request_feedback')
      .select('outcome')
      .executeTakeFirstOrThrow();
    assert.equal(fb.outcome, 'helped');
    for (const c of [noJs, coordCtx, otherCtx, volCtx]) await c.close();
  });
});
