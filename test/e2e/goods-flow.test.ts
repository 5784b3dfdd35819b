import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en, type MessageKey } from '../../src/i18n/en.ts';
import { goodsEn } from '../../src/i18n/en-goods.ts';
import { es } from '../../src/i18n/es.ts';
import type { Network } from '../../src/server/core/network.ts';
import { makeGoods } from '../goods/helpers.ts';
import {
  assertAccessible,
  assertNoEnglish,
  type BrowserRun,
  browserSkip,
  englishOnly,
  signIn,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';

type Catalogue = Record<MessageKey, string>;

/** This feature's English text that must never show on a Spanish page. */
const ENGLISH_ONLY = englishOnly(Object.keys(goodsEn) as MessageKey[]);

/**
 * Goods in a real browser: record a donation, run a distribution day with check-ins, hit a
 * household limit, and see the report change; axe on every page, in English and Spanish, at
 * 320 px, with JavaScript off for the door.
 */
describe('goods in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let network: Network;
  let g: Awaited<ReturnType<typeof makeGoods>>;

  before(async () => {
    run = await startBrowser();
    const made = await makeNetwork(run.ctx, { name: 'Barrio Bienes' });
    network = made.network;
    g = await makeGoods(run.ctx, network, made.members.coordinator.id, {
      name: 'Diapers',
      category: 'baby',
      unit: 'pack',
      limitQuantity: 2,
      limitDays: 7,
      limitHard: true,
    });
  });
  after(() => run?.close());

  async function check(page: Page, t: Catalogue): Promise<void> {
    await assertAccessible(page);
    if (t === es) await assertNoEnglish(page, ENGLISH_ONLY);
    const wide = (await page.evaluate(
      'document.documentElement.scrollWidth > window.innerWidth + 1',
    )) as boolean;
    if ((page.viewportSize()?.width ?? 1024) <= 320)
      assert.equal(wide, false, `no sideways scroll at 320 px: ${page.url()}`);
  }

  async function reportFigure(page: Page, t: Catalogue, key: MessageKey): Promise<string> {
    const li = page.locator('.figures li', { hasText: t[key] });
    return (await li.locator('strong').innerText()).trim();
  }

  it('a coordinator records a donation, runs a day with check-ins, hits a limit, and the report changes', async () => {
    const coord = await addMember(run.ctx, network, 'coordinator', { name: 'Luz Ramos' });
    const page = await run.newPage({ width: 320 });
    const base = `/n/${network.slug}/goods`;
    await signIn(page, coord.email, base);
    await check(page, en);

    await page.goto(`${base}/report`);
    await check(page, en);
    assert.equal(await reportFigure(page, en, 'report.householdsUnduplicated'), '0');

    // A donation in.
    await page.goto(`${base}/record?kind=donation`);
    await check(page, en);
    await page.selectOption('#field-itemId', g.item.id);
    await page.fill('#field-quantity', 'ten');
    await page.selectOption('#field-toSiteId', g.siteA.id);
    await page.getByRole('button', { name: en['goods.record'], exact: true }).click();
    await page.locator('#field-quantity-error').waitFor();
    await check(page, en);
    await page.fill('#field-quantity', '10');
    await page.getByRole('button', { name: en['goods.record'], exact: true }).click();
    await page.waitForURL((u) => u.search.includes('done=moved'));
    await check(page, en);

    // A distribution day with diapers on offer.
    await page.goto(`${base}/days`);
    await check(page, en);
    await page.selectOption('#field-siteId', g.siteA.id);
    await page.fill('#field-day', '2026-11-28');
    await page.fill(`#field-item_${g.item.id}`, '2');
    await page.getByRole('button', { name: en['goods.createDay'], exact: true }).click();
    await page.waitForURL((u) => u.search.includes('done=dayCreated'));
    const dayPath = new URL(page.url()).pathname;
    await check(page, en);

    // At the door: a new household in one short form, then check them in.
    await page.fill('#field-name', 'Ana Flores');
    await page.fill('#field-size', '3');
    await page.getByRole('button', { name: en['goods.addHousehold'], exact: true }).click();
    await page.waitForURL((u) => u.search.includes('done=householdAdded'));
    await check(page, en);
    await page.getByRole('button', { name: en['goods.checkIn'], exact: true }).click();
    await page.waitForURL((u) => u.search.includes('done=checkedIn'));
    await check(page, en);

    // Next day, same week: the firm limit refuses a third pack.
    await page.goto(`${base}/days`);
    await page.selectOption('#field-siteId', g.siteA.id);
    await page.fill('#field-day', '2026-11-29');
    await page.fill(`#field-item_${g.item.id}`, '1');
    await page.getByRole('button', { name: en['goods.createDay'], exact: true }).click();
    await page.waitForURL((u) => u.search.includes('done=dayCreated'));
    await page.fill('#field-q', 'flores');
    await page.getByRole('button', { name: en['goods.search'], exact: true }).click();
    await page.getByRole('button', { name: en['goods.checkIn'], exact: true }).click();
    await page.locator('.error-summary').waitFor();
    assert.match(await page.locator('.error-summary').innerText(), /reached its limit for Diapers/);
    await check(page, en);

    // The report has changed: one household, three people, two packs of baby goods.
    await page.goto(`${base}/report?from=2026-01-01&to=2026-12-31`);
    await check(page, en);
    assert.equal(await reportFigure(page, en, 'report.householdsUnduplicated'), '1');
    assert.equal(await reportFigure(page, en, 'report.peopleUnduplicated'), '3');
    assert.ok(await page.locator('svg.chart').first().isVisible());
    assert.ok(dayPath.includes('/goods/days/'));
  });

  it('every goods page passes axe in Spanish, and the door works with JavaScript off', async () => {
    const coord = await addMember(run.ctx, network, 'coordinator', {
      name: 'Marta Gil',
      language: 'es',
    });
    const page = await run.newPage();
    const base = `/n/${network.slug}/goods`;
    await signIn(page, coord.email, base);
    for (const path of [
      '',
      '/record',
      '/count',
      '/days',
      '/households',
      '/allocations',
      '/setup',
      '/report',
    ]) {
      await page.goto(`${base}${path}`);
      assert.equal(await page.getAttribute('html', 'lang'), 'es');
      await check(page, es);
    }
    await page.goto(`${base}/days`);
    await page.locator('.cards a').first().click();
    await check(page, es);
    const dayUrl = page.url().split('?')[0]!;
    await page.goto(`${dayUrl}/paper`);
    await check(page, es);

    const noJs = await run.newPage({ javaScript: false, width: 320 });
    await signIn(noJs, coord.email, base);
    await noJs.goto(`${dayUrl}?q=flores`);
    await noJs.getByRole('button', { name: es['goods.checkIn'], exact: true }).first().click();
    await noJs.locator('.error-summary').waitFor();
  });
});
