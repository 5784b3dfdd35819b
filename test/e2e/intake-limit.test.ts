import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { resolveScope } from '../../src/server/core/scope.ts';
import { updateSettings } from '../../src/server/networks/network.service.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  navLink,
  startBrowser,
} from '../helpers/browser.ts';
import { makeNetwork, PASSWORD } from '../helpers/factories.ts';
import { asPerson, makeRequest } from '../helpers/requests.ts';

/**
 * The pages of the per-address protection, as people meet them: the refusal of a flood on a
 * small phone without JavaScript (what to do instead, in both languages), and the coordinator's
 * badge in the queue and the setting on the settings page.
 */
describe('many requests from one address, in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    run = await startBrowser();
    net = await makeNetwork(run.ctx, { name: 'Barrio Norte' });
    const admin = asPerson(net.admin.id);
    await updateSettings(run.ctx.deps, {
      actor: admin,
      scope: await resolveScope(run.ctx.db, admin, net.network.slug),
      input: {
        name: 'Barrio Norte',
        defaultLanguage: 'en',
        signupMode: 'open',
        retentionDays: 90,
        categories: ['groceries', 'medicine'],
        phoneNumber: '+1 555 010 2000',
      },
    });
    // The browser's address (127.0.0.1) has sent the network 200 requests this hour.
    for (let i = 0; i < 200; i++)
      await makeRequest(
        run.ctx,
        net.network,
        {},
        'web',
        { kind: 'anonymous' },
        {
          address: '127.0.0.1',
        },
      );
  });
  after(() => run?.close());

  /** Fills the ask form as a person would, and sends it. */
  async function askFor(page: Page, urgency: 'critical' | 'low') {
    await page.check('#field-category-medicine');
    await page.check(`#field-urgency-${urgency}`);
    await page.fill('#field-householdSize', '1');
    await page.fill('#field-name', 'Ada');
    await page.fill('#field-phone', '+1 555 010 3131');
    await page.check('#field-consent-yes');
    await page.click('main button[type=submit]');
  }

  async function toSpanish(page: Page) {
    await page.getByRole('link', { name: 'Español', exact: true }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/ask'));
  }

  it('the refusal keeps the form and offers the phone line and the emergency number, at 320 px without JavaScript', async () => {
    const context = await run.newContext({ javaScript: false, width: 320 });
    const page = await context.newPage();
    await page.goto(`/n/${net.network.slug}/ask`);
    await askFor(page, 'critical');
    let main = (await page.textContent('main')) ?? '';
    assert.match(main, /So many requests for help have come from this internet address/);
    assert.match(main, /Call Barrio Norte: \+15550102000/);
    assert.match(main, /emergency number/);
    assert.equal(await page.inputValue('#field-name'), 'Ada', 'what was typed is kept');
    const width = await page.evaluate('document.documentElement.scrollWidth');
    assert.ok(Number(width) <= 320, `no sideways scrolling at 320 px (${width})`);
    await toSpanish(page);
    await askFor(page, 'low');
    main = (await page.textContent('main')) ?? '';
    assert.match(main, /Desde esta dirección de internet han llegado tantas solicitudes/);
    assert.match(main, /Llame a Barrio Norte: \+15550102000/);
    assert.match(main, /número de emergencias/);
    await context.close();
  });

  it('the refusal passes axe in English and Spanish', async () => {
    const context = await run.newContext({ width: 320 });
    const page = await context.newPage();
    await page.goto(`/n/${net.network.slug}/ask`);
    await askFor(page, 'critical');
    assert.match((await page.textContent('main')) ?? '', /You can still ask for help another way/);
    await assertAccessible(page);
    await toSpanish(page);
    await askFor(page, 'low');
    assert.match((await page.textContent('main')) ?? '', /Puede pedir ayuda de otra manera/);
    await assertAccessible(page);
    await context.close();
  });

  it('a coordinator sees the badge in the queue and on the request, and the setting; all pass axe', async () => {
    const context = await run.newContext({ width: 320 });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.fill('#field-identifier', net.members.coordinator.email);
    await page.fill('#field-password', PASSWORD);
    await page.click('main button[type=submit]');
    await page.waitForURL((u) => u.pathname !== '/sign-in');
    await page.goto(`/n/${net.network.slug}/requests`);
    assert.match((await page.textContent('main')) ?? '', /many requests from one address — check/);
    await assertAccessible(page);
    await page
      .locator('main tr', { hasText: 'many requests from one address' })
      .locator('a')
      .first()
      .click();
    await page.waitForURL((u) => /\/requests\/[^/]+$/.test(u.pathname));
    assert.match((await page.textContent('main')) ?? '', /many requests from one address — check/);
    await assertAccessible(page);
    await (await navLink(page, 'Settings')).click();
    await page.waitForURL((u) => u.pathname.endsWith('/settings'));
    await page.fill('#field-hourlyRequestsPerAddress', 'twenty');
    await page.click('main form[action$="/settings/intake"] button[type=submit]');
    await page.locator('#field-hourlyRequestsPerAddress-error').waitFor();
    assert.equal(await page.inputValue('#field-hourlyRequestsPerAddress'), 'twenty');
    await assertAccessible(page);
    await page.fill('#field-hourlyRequestsPerAddress', '40');
    await page.click('main form[action$="/settings/intake"] button[type=submit]');
    await page.waitForURL((u) => u.search.includes('done=saved'));
    assert.equal(await page.inputValue('#field-hourlyRequestsPerAddress'), '40');
    await assertAccessible(page);
    await context.close();
  });
});
