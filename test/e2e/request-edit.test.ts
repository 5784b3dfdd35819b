import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { formatCode } from '../../src/domain/requests/request-code.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  signIn,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { makeRequest } from '../helpers/requests.ts';

const SHOTS = process.env.MUTUA_SCREENSHOTS ?? '/tmp/shots-e12';

/**
 * Issue 12's done-when for editing, in real Chromium: a coordinator finds a request by a
 * phone number read out on a call, edits its urgency, takes it, and sees themselves as who
 * has it in the queue. At 320 px without JavaScript and 1280 px with it, in English and in
 * Spanish, axe finding nothing on the edit and request pages.
 */
describe('editing and taking a request, in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Awaited<ReturnType<typeof addMember>>;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    run = await startBrowser();
    net = await makeNetwork(run.ctx);
    coordinator = await addMember(run.ctx, net.network, 'coordinator', { name: 'Ana Ruiz' });
  });
  after(() => run?.close());

  const cases = [
    { lang: 'en', js: false, width: 320, phone: '+34 612 345 678', read: '612 345 678' },
    { lang: 'es', js: true, width: 1280, phone: '+34 622 111 222', read: '622 11 12 22' },
  ] as const;

  for (const c of cases) {
    it(`finds, edits the urgency, takes it (${c.lang}, ${c.width} px, JavaScript ${c.js ? 'on' : 'off'})`, async () => {
      const t = c.lang === 'es' ? es : en;
      const tag = `${c.lang}-${c.width}-${c.js ? 'js' : 'nojs'}`;
      const { summary: wanted } = await makeRequest(run.ctx, net.network, {
        name: `Caller ${tag}`,
        phone: c.phone,
        urgency: 'normal',
      });
      const context = await run.newContext({ javaScript: c.js, width: c.width });
      const page = await context.newPage();
      const queue = `/n/${net.network.slug}/requests`;
      await signIn(page, coordinator.email, '/');
      const axePage = c.js ? page : await run.newPage({ width: c.width });
      if (!c.js) await signIn(axePage, coordinator.email, '/');
      const accessible = async () => {
        if (axePage !== page) await axePage.goto(page.url());
        await assertAccessible(axePage);
      };
      await page.goto(`/language?to=${c.lang}&next=${encodeURIComponent(queue)}`);

      await page.fill('#field-q', c.read);
      await page.locator('form.filters button[type=submit]').click();
      await page.waitForURL((u) => u.searchParams.get('q') === c.read);
      const rows = page.locator('tr.queue-row');
      assert.equal(await rows.count(), 1);
      await rows
        .first()
        .locator(`a:has-text("${formatCode(wanted.code)}")`)
        .first()
        .click();
      await page.waitForURL((u) => u.pathname.endsWith(wanted.id));

      await page.click(`a:has-text("${t['requestEdit.link']}")`);
      await page.waitForURL((u) => u.pathname.endsWith('/edit'));
      await accessible();
      await page.screenshot({ path: `${SHOTS}/request-edit-${tag}.png`, fullPage: true });
      await page.selectOption('#field-urgency', 'critical');
      await page.click(`button:has-text("${t['requestEdit.submit']}")`);
      await page.waitForURL((u) => u.pathname.endsWith(wanted.id));
      const timeline = (await page.textContent('ol.timeline')) ?? '';
      assert.match(
        timeline,
        new RegExp(
          `${t['requestEdit.field.urgency']}: ${t['urgency.normal']} → ${t['urgency.critical']}`,
        ),
      );

      await page.click(`button:has-text("${t['requestEdit.takeIt']}")`);
      await page.waitForURL((u) => u.searchParams.get('done') === 'owner');
      assert.match(
        (await page.textContent('section[aria-labelledby=who-has-it]')) ?? '',
        /Ana Ruiz/,
      );
      await accessible();
      await page.screenshot({ path: `${SHOTS}/request-page-${tag}.png`, fullPage: true });

      await page.goto(`${queue}?q=${encodeURIComponent(c.read)}&owner=me`);
      assert.equal(await rows.count(), 1);
      assert.match((await rows.first().textContent()) ?? '', /Ana Ruiz/);
      await context.close();
    });
  }
});
