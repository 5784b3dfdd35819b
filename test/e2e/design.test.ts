import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/domain/access/roles.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { LANG_COOKIE } from '../../src/server/http/context.ts';
import { navFor } from '../../src/server/pages/nav.tsx';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  signIn,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';

const SHOTS = process.env.MUTUA_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

/**
 * The grouped navigation (issue 12): at 320 px every network page's title is within the first
 * 200 px for every role, because the groups fold into one "Menu" that opens without
 * JavaScript; on a laptop they show as a bar. Measured in a real Chromium.
 */
describe('navigation and page titles on a phone', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let slug: string;
  const people: Partial<Record<Role, string>> = {};

  before(async () => {
    run = await startBrowser();
    const net = await makeNetwork(run.ctx);
    slug = net.network.slug;
    for (const role of ['neighbour', 'volunteer', 'coordinator', 'admin'] as const)
      people[role] = (await addMember(run.ctx, net.network, role)).email;
  });
  after(() => run?.close());

  for (const role of ['neighbour', 'volunteer', 'coordinator', 'admin'] as const) {
    it(`puts the title of every page ${role === 'admin' ? 'an' : 'a'} ${role} reaches within 200 px at 320 px`, async () => {
      const page = await run.newPage({ javaScript: false, width: 320 });
      await signIn(page, people[role] as string, `/n/${slug}`);
      const links = navFor(slug, role).flatMap((g) => g.links);
      assert.ok(links.length > 1);
      const late: string[] = [];
      for (const link of links) {
        const res = await page.goto(link.href);
        assert.equal(res?.status(), 200, link.href);
        const bottom = await page
          .locator('h1')
          .first()
          .evaluate((h) => {
            const r = h.getBoundingClientRect();
            return r.bottom + window.scrollY;
          });
        if (bottom > 200) late.push(`${link.href}: ${Math.round(bottom)} px`);
      }
      assert.deepEqual(late, [], 'titles lower than 200 px');
    });
  }

  it('opens the Menu without JavaScript, shows the groups on a laptop; axe in en and es', async () => {
    for (const [lang, t] of [
      ['en', en],
      ['es', es],
    ] as const) {
      const phone = await run.newPage({ javaScript: false, width: 320 });
      // Signed in in English (the helper reads the English form), then the reader's language.
      await signIn(phone, people.admin as string, `/n/${slug}`);
      await phone.context().addCookies([{ name: LANG_COOKIE, value: lang, url: run.baseUrl }]);
      await phone.reload();
      const settings = phone.locator('.network-nav').getByRole('link', {
        name: t['nav.settings'],
        exact: true,
      });
      assert.equal(await settings.isVisible(), false, 'folded away on a phone');
      await phone.locator('.network-nav summary').click();
      assert.equal(await settings.isVisible(), true, 'the Menu opens without a script');
      if (SHOTS)
        await phone.screenshot({ path: `${SHOTS}/menu-open-320-${lang}.png`, fullPage: true });
      await settings.click();
      await phone.waitForURL((u) => u.pathname.endsWith('/settings'));

      const laptop = await run.newPage({ width: 1280 });
      await signIn(laptop, people.admin as string, `/n/${slug}/requests`);
      await laptop.context().addCookies([{ name: LANG_COOKIE, value: lang, url: run.baseUrl }]);
      await laptop.reload();
      const bar = laptop.locator('.network-nav .nav-bar');
      assert.equal(await bar.isVisible(), true);
      assert.equal(await laptop.locator('.network-nav summary').isVisible(), false);
      await assertAccessible(laptop);
      if (SHOTS) await laptop.screenshot({ path: `${SHOTS}/nav-1280-${lang}.png` });
    }
  });
});
