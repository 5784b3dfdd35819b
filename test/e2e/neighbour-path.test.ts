import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  startBrowser,
} from '../helpers/browser.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { startSmsGateway } from '../helpers/sms-gateway.ts';

const SHOTS = 'test-results/neighbour-path';

/**
 * Issue 12, a neighbour's clear path, in Chromium: the emergency number beside "right now"
 * (with JavaScript, only once chosen), the confirmation after a redirect (a reload and a
 * second post of the same form file nothing new), the network's phone and SMS keyword, the
 * steps, and cancelling; at 320 and 1280 px, with JavaScript off and on, in English and Spanish.
 */
describe('a neighbour asks, reloads, sends again, and cancels', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  before(async () => {
    // An SMS gateway is configured: only then is texting offered as a way in.
    gateway = await startSmsGateway();
    run = await startBrowser({ env: gateway.env });
    net = await makeNetwork(run.ctx);
    await run.ctx.db
      .updateTable('networks')
      .set({ emergency_number: '0999', phone_number: '+15550102000', sms_number: '+15550103000' })
      .where('id', '=', net.network.id)
      .execute();
    mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => {
    await run?.close();
    await gateway?.close();
  });

  const count = async () =>
    Number(
      (
        await run.ctx.db
          .selectFrom('requests')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('network_id', '=', net.network.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  for (const [lang, width, javaScript] of [
    ['en', 320, false],
    ['es', 320, false],
    ['en', 1280, true],
    ['es', 1280, true],
  ] as const) {
    it(`${lang}, ${width} px, JavaScript ${javaScript ? 'on' : 'off'}`, async () => {
      const t = lang === 'en' ? en : es;
      const tag = `${lang}-${width}-${javaScript ? 'js' : 'nojs'}`;
      const context = await run.newContext({ javaScript, width });
      const page = await context.newPage();
      const ask = `/n/${net.network.slug}/ask`;
      await page.goto(`/language?to=${lang}&next=${encodeURIComponent(ask)}`);
      await page.waitForURL((u) => u.pathname === ask);
      const note = page.locator('#emergency-now');
      if (javaScript) {
        assert.equal(await note.isVisible(), false, 'with JavaScript, shown once chosen');
        await page.check('#field-urgency-critical');
        assert.equal(await note.isVisible(), true);
        await assertAccessible(page);
      } else {
        assert.equal(await note.isVisible(), true, 'without JavaScript, beside the choice');
        await page.check('#field-urgency-critical');
      }
      assert.match((await note.textContent()) ?? '', /0999/);
      await shot(page, `${tag}-ask`);

      // Every mistake at once, each naming its field; what was typed stays.
      await page.fill('#field-name', 'Marisol');
      await page.click('main form[action$="/ask"] button[type=submit]');
      const summary =
        (await page.locator('.error-summary, [role=alert]').first().textContent()) ?? '';
      for (const label of [t['ask.whatYouNeed'], t['field.phone'], t['ask.consentLegend']])
        assert.ok(summary.includes(label), `${label} in ${summary}`);
      assert.equal(await page.inputValue('#field-name'), 'Marisol');
      assert.equal(await page.isChecked('#field-urgency-critical'), true);
      await shot(page, `${tag}-mistakes`);

      await page.check('#field-category-groceries');
      await page.fill('#field-phone', '+1 555 010 4242');
      await page.check('#field-consent-yes');
      const fields = {
        _csrf: await page.inputValue('input[name=_csrf]'),
        once: await page.inputValue('input[name=once]'),
        category: 'groceries',
        urgency: 'critical',
        householdSize: '1',
        when: 'any',
        name: 'Marisol',
        phone: '+1 555 010 4242',
        language: lang,
        consent: '1',
      };
      const before = await count();
      await page.click('main form[action$="/ask"] button[type=submit]');
      await page.waitForURL((u) => u.pathname.endsWith('/sent'));
      assert.equal(await count(), before + 1);
      const confirmation = (await page.textContent('main')) ?? '';
      assert.ok(confirmation.includes(t['ask.thanks']));
      assert.match(confirmation, /\+15550102000/, 'the network’s phone');
      assert.match(confirmation, lang === 'en' ? /HELP/ : /AYUDA/, 'the SMS keyword');
      assert.match(confirmation, /0999/, 'the emergency number');
      if (javaScript) await assertAccessible(page);
      await shot(page, `${tag}-sent`);

      // A reload files nothing; the same form sent again goes to the same confirmation.
      const sentAt = new URL(page.url()).pathname;
      await page.reload();
      assert.equal(await count(), before + 1, 'a reload files nothing');
      const again = await context.request.post(ask, { form: fields, maxRedirects: 0 });
      assert.equal(again.status(), 303);
      const location = again.headers().location ?? '';
      assert.equal(new URL(location, run.baseUrl).pathname, sentAt, 'the same confirmation');
      assert.equal(await count(), before + 1, 'a second post files nothing');
      await page.goto(location);
      assert.ok(((await page.textContent('main')) ?? '').includes(t['ask.sentBefore']));

      // The status page: the steps, then the neighbour cancels.
      await page.click(`a:has-text("${t['ask.statusLink']}")`);
      const status = (await page.textContent('main')) ?? '';
      for (const step of [
        'steps.received',
        'steps.looking',
        'steps.onTheWay',
        'steps.done',
      ] as const)
        assert.ok(status.includes(t[step]), step);
      if (javaScript) await assertAccessible(page);
      await shot(page, `${tag}-status`);
      await page.click(`button:has-text("${t['cancel.submit']}")`);
      const cancelled = (await page.textContent('main')) ?? '';
      assert.ok(((await page.textContent('body')) ?? '').includes(t['cancel.done']));
      assert.ok(cancelled.includes(t['steps.cancelled']));
      assert.equal(await page.locator(`button:has-text("${t['cancel.submit']}")`).count(), 0);
      if (javaScript) await assertAccessible(page);
      await shot(page, `${tag}-cancelled`);
      const row = await run.ctx.db
        .selectFrom('requests')
        .select(['id', 'status', 'close_reason'])
        .where('network_id', '=', net.network.id)
        .where('code', '=', sentAt.split('/')[4] ?? '')
        .executeTakeFirstOrThrow();
      assert.deepEqual([row.status, row.close_reason], ['closed', 'withdrawn']);
      const audited = await run.ctx.db
        .selectFrom('audit_events')
        .select('id')
        .where('action', '=', 'request.cancelled_by_requester')
        .where('subject_id', '=', row.id)
        .execute();
      assert.equal(audited.length, 1);
      await context.close();
    });
  }
});
