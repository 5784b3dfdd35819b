import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { en, type MessageKey } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { createTestContext, type TestContext } from './context.ts';
import { PASSWORD } from './factories.ts';

/** Debian's Chromium, driven by playwright-core (never a downloaded browser). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Why the browser tests are skipped, or false. Only off CI: under CI (CI=true) a missing
 * Chromium is a failure, reported by startBrowser.
 */
export const browserSkip: string | false =
  process.env.CI !== 'true' && !existsSync(CHROMIUM_PATH)
    ? `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests are skipped (CI requires them; apt-get install chromium)`
    : false;

export interface BrowserRun {
  ctx: TestContext;
  browser: Browser;
  /** Where the app listens, like http://127.0.0.1:41234 (no trailing slash). */
  baseUrl: string;
  /**
   * A fresh browser profile (its own cookies). With JavaScript (the default) the page's CSP
   * is bypassed so axe-core can be injected; without it, the page is exactly as served.
   */
  newContext(opts?: { javaScript?: boolean; width?: number }): Promise<BrowserContext>;
  /** A page in a fresh context (as newContext makes), closed with the run. */
  newPage(opts?: { javaScript?: boolean; width?: number }): Promise<Page>;
  close(): Promise<void>;
}

/** The app on a real port with a fresh database, and a headless Chromium. */
export async function startBrowser(
  opts: { env?: Record<string, string> } = {},
): Promise<BrowserRun> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install chromium); it is missing`,
    );
  }
  const ctx = await createTestContext(opts);
  let browser: Browser;
  let baseUrl: string;
  try {
    baseUrl = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (e) {
    await ctx.close();
    throw e;
  }
  const pages: BrowserContext[] = [];
  const run: BrowserRun = {
    ctx,
    browser,
    baseUrl,
    async newContext(opts = {}) {
      const js = opts.javaScript ?? true;
      const context = await browser.newContext({
        baseURL: baseUrl,
        javaScriptEnabled: js,
        bypassCSP: js,
        locale: 'en-GB',
        viewport: { width: opts.width ?? 1024, height: 768 },
      });
      context.setDefaultTimeout(10_000);
      return context;
    },
    async newPage(opts = {}) {
      const context = await run.newContext(opts);
      pages.push(context);
      return context.newPage();
    },
    async close() {
      for (const c of pages) await c.close();
      await browser.close();
      await ctx.close();
    },
  };
  return run;
}

/** Signs in on the sign-in page (in English) and waits for the page it leads to, `next`. */
export async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('#field-identifier', email);
  await page.fill('#field-password', PASSWORD);
  await page.getByRole('button', { name: en['signIn.submit'], exact: true }).click();
  await page.waitForURL((u) => u.pathname === next);
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface A11yViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; html: string; summary: string }[];
}

/**
 * Runs axe-core on the page against WCAG 2.2 A and AA, and returns the violations (none is
 * the goal). Needs a context with JavaScript, made by BrowserRun.newContext.
 */
export async function checkA11y(page: Page): Promise<A11yViolation[]> {
  axeSource ??= readFileSync(join(dirname(require.resolve('axe-core')), 'axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    await page.addScriptTag({ content: axeSource });
  }
  // A string, not a function: the page must not receive code rewritten by the TS loader.
  return (await page.evaluate(`axe
    .run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} }, resultTypes: ['violations'] })
    .then((r) => r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String),
        html: n.html,
        summary: n.failureSummary ?? '',
      })),
    })))`)) as A11yViolation[];
}

/** A readable report of violations, for an assertion message. */
export function formatViolations(url: string, violations: A11yViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${url}:`];
  for (const v of violations) {
    lines.push(`- ${v.id} (${v.impact ?? 'n/a'}): ${v.help} ${v.helpUrl}`);
    for (const n of v.nodes) {
      lines.push(`    at ${n.target.join(' ')}: ${n.html}`);
      if (n.summary) lines.push(`      ${n.summary.replace(/\n/g, '\n      ')}`);
    }
  }
  return lines.join('\n');
}

/** axe-core finds nothing on the page (the assertion names each violation). */
export async function assertAccessible(page: Page): Promise<void> {
  const violations = await checkA11y(page);
  assert.equal(violations.length, 0, formatViolations(page.url(), violations));
}

/**
 * English catalogue text that must never show on a Spanish page: of these keys, every English
 * value (or literal part around its {placeholders}) longer than 3 characters whose Spanish
 * differs, except words that also occur in Spanish text or are listed in `except`.
 */
export function englishOnly(
  keys: readonly MessageKey[],
  except: ReadonlySet<string> = new Set(),
): string[] {
  return [
    ...new Set(
      keys
        .filter((k) => en[k] !== es[k])
        .flatMap((k) => en[k].split(/\{\w+\}/).map((s) => s.trim()))
        .filter((s) => s.length > 3 && !except.has(s))
        .filter((s) => !Object.values(es).some((v) => v.includes(s))),
    ),
  ];
}

/**
 * None of `english` shows on the Spanish page. What matches `hidden` is not read: text marked
 * as written in another language (the footer's "English"), and whatever else the caller names.
 */
export async function assertNoEnglish(
  page: Page,
  english: readonly string[],
  hidden = 'body [lang]:not([lang="es"])',
): Promise<void> {
  const visible = (await page.evaluate(`(() => {
    const others = [...document.querySelectorAll(${JSON.stringify(hidden)})];
    for (const el of others) el.style.setProperty('display', 'none', 'important');
    const text = document.body.innerText;
    for (const el of others) el.style.removeProperty('display');
    return text;
  })()`)) as string;
  // Whole words only: "done" is English, but "Indonesia" on a Spanish page is not.
  const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const shown = english.filter((s) =>
    new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(s)}(?![\\p{L}\\p{N}])`, 'u').test(visible),
  );
  assert.deepEqual(shown, [], `English text on the Spanish page ${page.url()}`);
}

/**
 * A link of the network's navigation, as a person would reach it: on a phone the groups sit
 * in the closed "Menu" (details/summary), which is opened first.
 */
export async function navLink(page: Page, name: string) {
  const menu = page.locator('.network-nav details.menu');
  if ((await menu.count()) > 0 && (await menu.locator('summary').isVisible())) {
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
  }
  return page.locator('.network-nav').getByRole('link', { name, exact: true });
}
