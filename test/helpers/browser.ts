import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createTestContext, type TestContext } from './context.ts';

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
  close(): Promise<void>;
}

/** The app on a real port with a fresh database, and a headless Chromium. */
export async function startBrowser(): Promise<BrowserRun> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Chromium at ${CHROMIUM_PATH} (apt-get install chromium); it is missing`,
    );
  }
  const ctx = await createTestContext();
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
  return {
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
    async close() {
      await browser.close();
      await ctx.close();
    },
  };
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
