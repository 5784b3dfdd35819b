import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { render } from 'preact-render-to-string';
import { translator } from '../../src/i18n/i18n.ts';
import { When } from '../../src/server/pages/components.tsx';
import type { PageCtx } from '../../src/server/pages/page-context.ts';

const ctx = (lang: 'en' | 'es', timeZone?: string): PageCtx => ({
  t: translator(lang),
  lang,
  actor: { kind: 'anonymous' },
  csrf: '',
  path: '/',
  network: timeZone ? { slug: 'x', name: 'X', role: null, timeZone } : undefined,
});

describe('dates and times on pages', () => {
  const iso = '2026-11-28T17:00:00.000Z';
  it('are shown in the network time zone, with the zone named', () => {
    const html = render(When({ ctx: ctx('en', 'America/Los_Angeles'), iso }));
    assert.match(html, /9:00\s*AM PST/);
    assert.match(html, new RegExp(`datetime="${iso}"`));
  });
  it('are in UTC off a network page, and in the reader’s language', () => {
    assert.match(render(When({ ctx: ctx('es'), iso })), /28 nov 2026, 17:00 UTC/);
  });
});
