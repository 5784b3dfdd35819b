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
import { addArea, makeRequest } from '../helpers/requests.ts';

const SHOTS = process.env.MUTUA_SCREENSHOTS ?? '/tmp/q12-shots';

/**
 * Issue 12's done-when for the queue, in real Chromium: a coordinator finds a request by a
 * phone number read out on a call, gives it to a coordinator and sees who has it in the queue;
 * bulk-closes two repeats; exports the view. At 320 px without JavaScript and at 1280 px with
 * it (shortcuts), in English and in Spanish, axe finding nothing on each page.
 */
describe('the queue as a working table, in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Awaited<ReturnType<typeof addMember>>;
  let areaId: string;
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    run = await startBrowser();
    net = await makeNetwork(run.ctx);
    areaId = await addArea(run.ctx, net.network, 'Old Town');
    coordinator = await addMember(run.ctx, net.network, 'coordinator', { name: 'Ana Ruiz' });
  });
  after(() => run?.close());

  const cases = [
    { lang: 'en', js: false, width: 320, phone: '+34 612 345 678', read: '612 345 678' },
    { lang: 'es', js: false, width: 1280, phone: '+34 622 111 222', read: '622 11 12 22' },
    { lang: 'en', js: true, width: 1280, phone: '+34 633 444 555', read: '633444555' },
    { lang: 'es', js: true, width: 320, phone: '+34 644 777 888', read: '644 777 888' },
  ] as const;

  for (const c of cases) {
    it(`finds, assigns, bulk-closes and exports (${c.lang}, ${c.width} px, JavaScript ${c.js ? 'on' : 'off'})`, async () => {
      const t = c.lang === 'es' ? es : en;
      const ctx = run.ctx;
      const tag = `${c.lang}-${c.width}-${c.js ? 'js' : 'nojs'}`;
      const { summary: wanted } = await makeRequest(ctx, net.network, {
        name: `Caller ${tag}`,
        phone: c.phone,
        areaId,
      });
      const dups = [];
      for (const n of [1, 2]) {
        const { summary } = await makeRequest(ctx, net.network, {
          name: `Repeat ${tag}`,
          phone: `+34 699 00${n} ${c.width}`,
          urgency: 'normal',
          areaId,
        });
        dups.push(summary);
      }
      const context = await run.newContext({ javaScript: c.js, width: c.width });
      const page = await context.newPage();
      const base = `/n/${net.network.slug}/requests`;
      await signIn(page, coordinator.email, '/');
      // axe runs in a page with JavaScript: without it, the same address is checked there.
      const axePage = c.js ? page : await run.newPage({ width: c.width });
      if (!c.js) await signIn(axePage, coordinator.email, '/');
      const accessible = async () => {
        if (axePage !== page) await axePage.goto(page.url());
        await assertAccessible(axePage);
      };
      await page.goto(`/language?to=${c.lang}&next=${encodeURIComponent(base)}`);
      assert.equal(await page.getAttribute('html', 'lang'), c.lang);

      // The number as read out on the phone finds the one request.
      await page.fill('#field-q', c.read);
      await page.locator('form.filters button[type=submit]').click();
      await page.waitForURL((u) => u.searchParams.get('q') === c.read);
      const rows = page.locator('tr.queue-row');
      assert.equal(await rows.count(), 1);
      assert.match((await rows.first().textContent()) ?? '', new RegExp(formatCode(wanted.code)));
      await accessible();
      await page.screenshot({ path: `${SHOTS}/queue-search-${tag}.png`, fullPage: true });

      // Give it to a coordinator; the queue then says who has it, and the search is kept.
      if (c.js) {
        await page.keyboard.press('j');
        await page.keyboard.press('a');
        assert.equal(await page.isChecked(`#tick-${wanted.id}`), true, 'a ticks the row');
        assert.equal(
          await page.evaluate(() => document.activeElement?.id),
          'field-coordinatorId',
          'a goes to the coordinator to give it to',
        );
      } else {
        await page.check(`#tick-${wanted.id}`);
        await page.selectOption('#field-action', 'owner');
      }
      await page.selectOption('#field-coordinatorId', { label: 'Ana Ruiz' });
      await page.locator('form.bulk-form fieldset.bulk button[type=submit]').click();
      await page.waitForURL((u) => u.searchParams.get('done') === '1');
      assert.equal(new URL(page.url()).searchParams.get('q'), c.read, 'the view is kept');
      assert.match((await rows.first().textContent()) ?? '', /Ana Ruiz/);
      assert.match(
        (await page.textContent('[role=status]')) ?? '',
        new RegExp(t['queue.bulk.done'].replace('{count}', '1')),
      );
      await accessible();

      // Bulk-close two repeats found by name.
      await page.fill('#field-q', `Repeat ${tag}`);
      await page.locator('form.filters button[type=submit]').click();
      await page.waitForURL((u) => u.searchParams.get('q') === `Repeat ${tag}`);
      assert.equal(await rows.count(), 2);
      for (const d of dups) await page.check(`#tick-${d.id}`);
      await page.selectOption('#field-action', 'close_duplicate');
      await page.locator('form.bulk-form fieldset.bulk button[type=submit]').click();
      await page.waitForURL((u) => u.searchParams.get('done') === '2');
      assert.equal(await rows.count(), 0, 'closed: no longer in the open queue');
      for (const d of dups) {
        const r = await ctx.db
          .selectFrom('requests')
          .select(['status', 'close_reason'])
          .where('id', '=', d.id)
          .executeTakeFirstOrThrow();
        assert.deepEqual(r, { status: 'closed', close_reason: 'duplicate' });
      }

      // Export the view: all closed requests named "Repeat …" of this case.
      await page.selectOption('#field-status', 'closed');
      await page.locator('form.filters button[type=submit]').click();
      await page.waitForURL((u) => u.searchParams.get('status') === 'closed');
      assert.equal(await rows.count(), 2);
      await page.screenshot({ path: `${SHOTS}/queue-closed-${tag}.png`, fullPage: true });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t['queue.export'] }).click(),
      ]);
      const chunks: Buffer[] = [];
      for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
      const csv = Buffer.concat(chunks).toString('utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      assert.equal(lines.length, 3, 'a header and the two closed repeats');
      assert.ok(lines[0]!.startsWith(t['queue.code']));
      for (const d of dups) assert.match(csv, new RegExp(formatCode(d.code)));
      await context.close();
    });
  }
});
