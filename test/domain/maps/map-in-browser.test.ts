import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { roundForPrivacy } from '../../../src/domain/geo/geo.ts';
import type { MapArea } from '../../../src/domain/maps/areas.ts';
import { parseImageClick, pickPlace } from '../../../src/domain/maps/picker.ts';
import { project } from '../../../src/domain/maps/projection.ts';
import { mapProjection, renderMap } from '../../../src/domain/maps/render.ts';
import { browserSkip, CHROMIUM_PATH, checkA11y, formatViolations } from '../../helpers/browser.ts';
import { MADRID, madridAreas } from './scene.ts';

/**
 * The map in a real Chromium, without the app: served as an image to an `<input type="image">`
 * (the place picker without JavaScript) and inline in a page checked by axe. What matters is
 * what the browser does: the coordinates it sends for a click, and whether it draws the SVG.
 */
const areas: MapArea[] = [
  ...madridAreas(),
  // A name with characters XML forbids: an image that fails to parse would show nothing.
  {
    id: 'odd',
    name: 'Ñandú \u0001 & <Sol>',
    centre: { lat: MADRID.lat - 0.012, lng: MADRID.lng - 0.03 },
    radiusM: 600,
    polygon: null,
  },
];
const viewport = { width: 288, height: 288 };

function page(html: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Map</title></head><body><main><h1>Where</h1>${html}</main></body></html>`;
}

describe('the map in Chromium', { skip: browserSkip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  });
  after(async () => {
    await browser?.close();
  });

  async function pickerPage(js: boolean): Promise<Page> {
    const context = await browser.newContext({
      javaScriptEnabled: js,
      viewport: { width: 320, height: 640 },
    });
    const p = await context.newPage();
    const { svg } = renderMap({
      id: 'pick',
      title: 'Choose your place',
      description: 'Map of the areas',
      areas,
      viewport,
      grid: true,
    });
    await p.route('http://mutua.test/**', (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/map.svg')
        return route.fulfill({ contentType: 'image/svg+xml', body: svg });
      if (url.pathname === '/picked')
        return route.fulfill({ contentType: 'text/plain', body: 'ok' });
      return route.fulfill({
        contentType: 'text/html',
        body: page(
          `<form action="/picked" method="get"><input type="image" name="place" src="/map.svg" width="288" height="288" alt="Map of the areas: choose your place"></form>`,
        ),
      });
    });
    await p.goto('http://mutua.test/');
    return p;
  }

  for (const js of [false, true])
    it(`a click on a cell sends pixels that pick that cell (JavaScript ${js ? 'on' : 'off'})`, async () => {
      const p = await pickerPage(js);
      const loaded = await p.locator('input').evaluate((el) => {
        const img = new Image();
        img.src = (el as HTMLInputElement).src;
        return img.decode().then(
          () => img.naturalWidth,
          () => 0,
        );
      });
      assert.equal(loaded, 288, 'the SVG decodes as an image');
      const pr = mapProjection({ areas, viewport });
      const cell = roundForPrivacy({ lat: MADRID.lat + 0.003, lng: MADRID.lng + 0.004 });
      const target = project(pr, cell);
      const box = (await p.locator('input').boundingBox())!;
      await p.mouse.click(box.x + target.x, box.y + target.y);
      await p.waitForURL(/\/picked/);
      const q = new URL(p.url()).searchParams;
      const pick = pickPlace(
        pr,
        parseImageClick(q.get('place.x') ?? undefined, q.get('place.y') ?? undefined),
        areas,
      );
      assert.deepEqual(pick, { ok: true, cell, areaId: 'centro' });
      await p.context().close();
    });

  it('Enter on the image sends 0, 0, which is no place (the page offers the list of areas)', async () => {
    const p = await pickerPage(false);
    await p.locator('input').focus();
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/picked/);
    const q = new URL(p.url()).searchParams;
    assert.deepEqual(
      parseImageClick(q.get('place.x') ?? undefined, q.get('place.y') ?? undefined),
      {
        ok: false,
        reason: 'keyboard',
      },
    );
    await p.context().close();
  });

  it('inline, it is one named image to assistive technology and axe finds nothing', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const cells = [
      { at: roundForPrivacy(MADRID), count: 7, label: '7' },
      {
        at: roundForPrivacy({ lat: MADRID.lat + 0.005, lng: MADRID.lng }),
        count: 2,
        label: 'fewer than 5',
      },
    ];
    const { svg } = renderMap({
      id: 'queue',
      title: 'Open requests by place',
      description: 'Centro: 7 open requests in one place, fewer than 5 in another.',
      areas,
      cells,
      viewport,
    });
    await p.setContent(page(svg));
    const violations = await checkA11y(p);
    assert.deepEqual(violations, [], formatViolations('inline map', violations));
    const name = await p.locator('svg').evaluate((el) => {
      const ids = (el.getAttribute('aria-labelledby') ?? '').split(' ');
      return ids.map((id) => document.getElementById(id)?.textContent).join(' / ');
    });
    assert.equal(
      name,
      'Open requests by place / Centro: 7 open requests in one place, fewer than 5 in another.',
    );
    const shot = await p.locator('svg').screenshot();
    assert.ok(shot.length > 1000);
    await context.close();
  });
});
