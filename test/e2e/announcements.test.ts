import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import type { Network } from '../../src/server/core/network.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  startBrowser,
} from '../helpers/browser.ts';
import { makeNetwork, PASSWORD } from '../helpers/factories.ts';
import { addArea, makeRequest } from '../helpers/requests.ts';

describe('announcements, digest and board in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let net: { network: Network; members: Awaited<ReturnType<typeof makeNetwork>>['members'] };

  before(async () => {
    run = await startBrowser();
    net = await makeNetwork(run.ctx, { name: 'Barrio Norte' });
    const area = await addArea(run.ctx, net.network, 'Centro');
    await makeRequest(run.ctx, net.network, { areaId: area });
  });
  after(() => run?.close());

  async function newPage(): Promise<Page> {
    // 320 px: the narrowest phone the pages must work on.
    return run.newPage({ width: 320 });
  }

  /** axe finds nothing, the page is in `lang`, and nothing scrolls sideways at 320 px. */
  async function check(page: Page, lang: 'en' | 'es'): Promise<void> {
    await assertAccessible(page);
    assert.equal(await page.getAttribute('html', 'lang'), lang);
    const wide = (await page.evaluate(
      'document.documentElement.scrollWidth > document.documentElement.clientWidth',
    )) as boolean;
    assert.equal(wide, false, `${page.url()} scrolls sideways at 320 px`);
  }

  async function setLanguage(page: Page, lang: 'en' | 'es'): Promise<void> {
    await page.goto(`/language?to=${lang}&next=/`);
  }

  for (const lang of ['en', 'es'] as const) {
    const t = lang === 'en' ? en : es;
    it(`a coordinator writes, previews and sends; every page passes axe (${lang})`, async () => {
      const page = await newPage();
      await setLanguage(page, lang);
      await page.goto('/sign-in');
      await page.fill('#field-identifier', net.members.coordinator.email);
      await page.fill('#field-password', PASSWORD);
      await page.getByRole('button', { name: t['signIn.submit'], exact: true }).click();
      await page.waitForURL((u) => u.pathname !== '/sign-in');

      const base = `/n/${net.network.slug}`;
      await page.goto(`${base}/announcements`);
      await check(page, lang);
      await page.getByRole('link', { name: t['announce.new'], exact: true }).click();
      await page.waitForURL((u) => u.pathname === `${base}/announcements/new`);
      await check(page, lang);

      // A mistake comes back at its field, translated, with the message kept.
      await page.fill('#field-body', 'Kept body');
      await page.getByRole('button', { name: t['announce.send'], exact: true }).click();
      await page.waitForSelector('#field-title-error');
      assert.equal(await page.inputValue('#field-body'), 'Kept body');
      await check(page, lang);

      await page.fill('#field-title', `News ${lang}`);
      await page.getByRole('button', { name: t['announce.preview'], exact: true }).click();
      await page.waitForSelector('#reach-title');
      await check(page, lang);
      await page.check('#field-public-1');
      await page.getByRole('button', { name: t['announce.send'], exact: true }).click();
      await page.waitForURL((u) => u.pathname === `${base}/announcements`);
      await check(page, lang);
      await page.getByRole('link', { name: `News ${lang}`, exact: true }).click();
      await page.waitForURL((u) => u.pathname.startsWith(`${base}/announcements/`));
      await check(page, lang);

      await page.goto(`${base}/digest`);
      await check(page, lang);
      await page.check('#field-digest-1');
      await page.getByRole('button', { name: t['digest.save'], exact: true }).click();
      await page.waitForURL((u) => u.search === '?done=saved');
      await check(page, lang);
    });

    it(`an anonymous visitor reads the board from the network page (${lang})`, async () => {
      const page = await newPage();
      await setLanguage(page, lang);
      await page.goto(`/n/${net.network.slug}`);
      await page.getByRole('link', { name: t['board.link'], exact: true }).click();
      await page.waitForURL((u) => u.pathname === `/n/${net.network.slug}/board`);
      await check(page, lang);
      assert.ok(((await page.textContent('body')) ?? '').includes(t['board.fewerThan3']));
    });
  }
});
