import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/domain/access/roles.ts';
import { en, type MessageKey } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import type { Network } from '../../src/server/core/network.ts';
import {
  assertAccessible,
  assertNoEnglish,
  type BrowserRun,
  browserSkip,
  checkA11y,
  englishOnly,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork, PASSWORD } from '../helpers/factories.ts';

type Catalogue = Record<MessageKey, string>;

/** Every English catalogue text but the name and the test's own data ("Admin 2"). */
const ENGLISH_ONLY = englishOnly(Object.keys(en) as MessageKey[], new Set(['Mutua', 'Admin']));

describe('in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let network: Network;

  before(async () => {
    run = await startBrowser();
    ({ network } = await makeNetwork(run.ctx, { name: 'Barrio Norte' }));
  });
  after(() => run?.close());

  /** A new member of the network with this role, who can sign in. */
  function member(role: Role) {
    return addMember(run.ctx, network, role);
  }

  /** axe-core finds nothing; on a Spanish page, no English catalogue text shows either. */
  async function check(page: Page, t: Catalogue = en): Promise<void> {
    await assertAccessible(page);
    // Code, and text marked as written in another language (lang="en"), are not ours to translate.
    if (t === es)
      await assertNoEnglish(page, ENGLISH_ONLY, 'body code, body [lang]:not([lang="es"])');
  }

  /** Clicks a link by its accessible name and waits for the page it leads to. */
  async function follow(page: Page, name: string, path: string): Promise<void> {
    await page.getByRole('link', { name, exact: true }).first().click();
    await page.waitForURL((u) => u.pathname === path);
  }

  async function signIn(page: Page, identifier: string, t: Catalogue = en): Promise<void> {
    await page.fill('#field-identifier', identifier);
    await page.fill('#field-password', PASSWORD);
    await page.getByRole('button', { name: t['signIn.submit'], exact: true }).click();
    await page.waitForURL((u) => u.pathname !== '/sign-in');
  }

  async function toSpanish(page: Page): Promise<void> {
    const path = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Español', exact: true }).click();
    await page.waitForURL((u) => u.pathname === path && u.search === '');
    assert.equal(await page.getAttribute('html', 'lang'), 'es');
  }

  /** The network's pages a coordinator reaches from the network page, each checked. */
  async function coordinatorPages(page: Page, t: Catalogue): Promise<void> {
    const base = `/n/${network.slug}`;
    await follow(page, t['nav.people'], `${base}/people`);
    await check(page, t);
    await follow(page, t['people.add'], `${base}/people/new`);
    await check(page, t);
    await follow(page, t['nav.invitations'], `${base}/invitations`);
    await check(page, t);
    await follow(page, t['nav.messages'], `${base}/messages`);
    await check(page, t);
    await follow(page, t['nav.notifications'], '/notifications');
    await check(page, t);
    await follow(page, t['notifications.prefsLink'], '/account/notifications');
    await check(page, t);
    await follow(page, t['nav.account'], '/account');
    await check(page, t);
    await follow(page, t['nav.apiDocs'], '/api/docs');
    await check(page, t);
  }

  it('axe is really running: it finds an image without a text alternative', async () => {
    const page = await run.newPage();
    await page.setContent('<!doctype html><html lang="en"><title>x</title><img src="/x.png">');
    const violations = await checkA11y(page);
    assert.deepEqual(
      violations.map((v) => v.id),
      ['image-alt'],
    );
  });

  it('a coordinator signs in from the home page and every page passes axe, in English and Spanish', async () => {
    const me = await member('coordinator');
    const page = await run.newPage();
    await page.goto('/');
    await check(page);
    await follow(page, en['nav.signIn'], '/sign-in');
    await check(page);
    await signIn(page, me.email);
    assert.equal(new URL(page.url()).pathname, '/');
    await check(page);
    await follow(page, network.name, `/n/${network.slug}`);
    assert.equal(await page.textContent('h1'), network.name);
    await check(page);
    await coordinatorPages(page, en);

    await page.goto(`/n/${network.slug}`);
    await toSpanish(page);
    assert.ok(((await page.textContent('body')) ?? '').includes(es['nav.people']));
    assert.ok((await page.title()).includes(network.name));
    await check(page, es);
    await coordinatorPages(page, es);

    await page.goto(`/n/${network.slug}`);
    await page.getByRole('button', { name: es['nav.signOut'], exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await check(page, es);
    await follow(page, es['nav.signIn'], '/sign-in');
    await check(page, es);
  });

  it('an admin also sees settings and the audit log, which pass axe in both languages', async () => {
    const me = await member('admin');
    const page = await run.newPage();
    await page.goto(`/sign-in?next=/n/${network.slug}`);
    await signIn(page, me.email);
    assert.equal(new URL(page.url()).pathname, `/n/${network.slug}`);
    for (const t of [en, es]) {
      if (t === es) await toSpanish(page);
      await follow(page, t['nav.settings'], `/n/${network.slug}/settings`);
      await check(page, t);
      await follow(page, t['nav.audit'], `/n/${network.slug}/audit`);
      await check(page, t);
      await follow(page, network.name, `/n/${network.slug}`);
    }
  });

  it('a form with a mistake says so at the field and in the summary, keeps what was typed, and passes axe', async () => {
    const me = await member('coordinator');
    const page = await run.newPage();
    await page.goto(`/sign-in?next=/n/${network.slug}/people/new`);
    await signIn(page, me.email);
    for (const t of [en, es]) {
      if (t === es) await toSpanish(page);
      await page.fill('#field-displayName', 'Rosa Quispe');
      await page.fill('#field-phone', 'abc');
      await page.getByRole('button', { name: t['people.addSubmit'], exact: true }).click();
      await page.locator('#field-phone-error').waitFor();
      assert.equal((await page.textContent('#field-phone-error'))?.trim(), t['field.phoneInvalid']);
      assert.ok(
        ((await page.textContent('.error-summary')) ?? '').includes(t['field.phoneInvalid']),
      );
      assert.equal(await page.getAttribute('#field-phone', 'aria-invalid'), 'true');
      assert.equal(await page.inputValue('#field-displayName'), 'Rosa Quispe');
      assert.equal(await page.inputValue('#field-phone'), 'abc');
      await check(page, t);
      await page.goto(`/n/${network.slug}/people/new`);
    }
  });

  it('printables: the coordinator form, with a mistake too, and the route sheet form pass axe in both languages', async () => {
    const me = await member('coordinator');
    const page = await run.newPage();
    await page.goto(`/sign-in?next=/n/${network.slug}`);
    await signIn(page, me.email);
    for (const t of [en, es]) {
      await page.goto(`/n/${network.slug}`);
      if (t === es) await toSpanish(page);
      await follow(page, t['nav.print'], `/n/${network.slug}/print`);
      await check(page, t);
      await page.fill('#field-title', 'Reparto del sábado');
      await page.fill('#field-rows', '0');
      await page.getByRole('button', { name: t['print.signIn.download'], exact: true }).click();
      await page.locator('#field-rows-error').waitFor();
      assert.equal((await page.textContent('#field-rows-error'))?.trim(), t['print.error.rows']);
      assert.equal(await page.inputValue('#field-title'), 'Reparto del sábado');
      await check(page, t);
      await page.goto(`/n/${network.slug}/tasks/route-sheet`);
      await check(page, t);
    }
  });

  it('at 320 px wide nothing scrolls sideways', async () => {
    const me = await member('coordinator');
    const page = await run.newPage({ width: 320 });
    const fits = async () => {
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      assert.ok(width <= 320, `${page.url()} is ${width} px wide at a 320 px viewport`);
    };
    await page.goto(`/sign-in?next=/n/${network.slug}`);
    await fits();
    await signIn(page, me.email);
    await fits();
    await page.goto(`/n/${network.slug}/people`);
    await fits();
  });

  it('works with JavaScript off: sign in, change language, add a person, sign out', async () => {
    const me = await member('coordinator');
    const page = await run.newPage({ javaScript: false });
    await page.goto('/');
    await follow(page, en['nav.signIn'], '/sign-in');
    await signIn(page, me.email);
    await follow(page, network.name, `/n/${network.slug}`);
    await toSpanish(page);
    assert.equal(await page.textContent('h1'), network.name);

    await follow(page, es['nav.people'], `/n/${network.slug}/people`);
    await follow(page, es['people.add'], `/n/${network.slug}/people/new`);
    await page.fill('#field-displayName', 'Julia Mamani');
    await page.fill('#field-phone', '+1 555 010 4321');
    await page.selectOption('#field-role', 'volunteer');
    await page.getByRole('button', { name: es['people.addSubmit'], exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('done') === 'added');
    assert.equal(await page.textContent('h1'), 'Julia Mamani');
    assert.equal((await page.textContent('.notice'))?.trim(), es['done.added']);
    const added = await run.ctx.db
      .selectFrom('people')
      .select(['display_name', 'phone_enc'])
      .where('display_name', '=', 'Julia Mamani')
      .executeTakeFirst();
    assert.ok(added, 'the person is in the database');

    await page.getByRole('button', { name: es['nav.signOut'], exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/');
    assert.equal(await page.getByRole('link', { name: es['nav.signIn'], exact: true }).count(), 1);
    await page.goto('/account');
    assert.equal(new URL(page.url()).pathname, '/sign-in', 'signed out: the account page asks');
  });
});
