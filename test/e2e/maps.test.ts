import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { roundForPrivacy } from '../../src/domain/geo/geo.ts';
import { project } from '../../src/domain/maps/projection.ts';
import { mapProjection } from '../../src/domain/maps/render.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { listAreas } from '../../src/server/core/area.repository.ts';
import type { Network } from '../../src/server/core/network.ts';
import { LANG_COOKIE } from '../../src/server/http/context.ts';
import { pickerInput } from '../../src/server/pages/place-pick.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  signIn,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { addArea } from '../helpers/requests.ts';
import { BAD_GEOJSON, GOOD_GEOJSON } from '../maps/geojson-fixtures.ts';

const SHOTS = process.env.MUTUA_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
/**
 * axe needs a script in the page; a page seen without JavaScript is checked as it was served,
 * copied into a page of the same origin that has it.
 */
async function accessible(run: BrowserRun, page: import('playwright-core').Page, js: boolean) {
  if (js) return assertAccessible(page);
  const html = await page.content();
  const checker = await run.newPage({ width: page.viewportSize()?.width ?? 1024 });
  await checker.goto('/health').catch(() => undefined);
  await checker.setContent(html, { waitUntil: 'load' });
  await assertAccessible(checker);
  await checker.close();
}

const shot = async (page: import('playwright-core').Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

describe('places and maps in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let network: Network;
  let admin: { email: string };
  let base: string;

  before(async () => {
    run = await startBrowser();
    const made = await makeNetwork(run.ctx, { name: 'Barrio Sur' });
    network = made.network;
    admin = made.admin;
    base = `/n/${network.slug}`;
    await addArea(run.ctx, network, 'Plaza Norte', { lat: 19.43, lng: -99.13 });
  });
  after(() => run?.close());

  for (const width of [320, 1280]) {
    it(`a volunteer picks their place on the map, without JavaScript, at ${width} px, in English and Spanish`, async () => {
      const v = await addMember(run.ctx, network, 'volunteer');
      const page = await run.newPage({ javaScript: false, width });
      await signIn(page, v.email, `${base}/volunteering`);
      const lang = width === 320 ? 'es' : 'en';
      const t = lang === 'es' ? es : en;
      if (lang === 'es') {
        await page.context().addCookies([{ name: LANG_COOKIE, value: 'es', url: run.baseUrl }]);
        await page.goto(`${base}/volunteering`);
      }
      await accessible(run, page, false);
      const box = await page.locator('input[name="place"]').boundingBox();
      assert.ok(box, 'the map is shown');
      assert.equal(Math.round(box.width), 288, 'never scaled: a press is read in its own pixels');
      const vw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(vw <= width, `no sideways scroll: ${vw}`);
      // Press a little north-east of the area's centre.
      const areas = await listAreas(run.ctx.db, network.id);
      const pr = mapProjection(pickerInput(areas, null));
      const target = { lat: 19.432, lng: -99.128 };
      const px = project(pr, target);
      await page.locator('input[name="place"]').click({ position: { x: px.x, y: px.y } });
      await page.waitForLoadState('load');
      const status = (await page.textContent('#field-place-status')) ?? '';
      assert.ok(status.includes(t['maps.picker.chosen']), status);
      assert.ok(status.includes('Plaza Norte'), status);
      const lat = Number(await page.inputValue('input[name="homeLat"]'));
      const lng = Number(await page.inputValue('input[name="homeLng"]'));
      const cell = roundForPrivacy(target);
      assert.ok(
        Math.abs(lat - cell.lat) < 0.005 && Math.abs(lng - cell.lng) < 0.006,
        `${lat},${lng}`,
      );
      await accessible(run, page, false);
      await shot(page, `picker-${width}-${lang}-nojs`);
      await page.check('#field-transport-walk');
      await page.click(`button:text("${t['volunteering.save']}")`);
      await page.waitForURL((u) => u.search.includes('done=profileSaved'));
      const row = await run.ctx.db
        .selectFrom('volunteer_profiles')
        .selectAll()
        .where('person_id', '=', v.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.home_lat), lat, 'the cell is what is kept');
      assert.equal(Number(row.home_lng), lng);
      assert.match((await page.textContent('#field-place-status')) ?? '', /Plaza Norte/);
    });
  }

  it('with JavaScript, "use my location" fills the 500 m cell (rounded in the browser)', async () => {
    const v = await addMember(run.ctx, network, 'volunteer');
    const context = await run.newContext({ width: 1280 });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 19.4291234, longitude: -99.1312345 });
    const page = await context.newPage();
    try {
      await signIn(page, v.email, `${base}/volunteering`);
      const button = page.getByRole('button', { name: en['maps.picker.locate'] });
      await button.click();
      await page.waitForFunction(() =>
        Boolean((document.querySelector('input[name="homeLat"]') as HTMLInputElement)?.value),
      );
      const cell = roundForPrivacy({ lat: 19.4291234, lng: -99.1312345 });
      assert.equal(await page.inputValue('input[name="homeLat"]'), String(cell.lat));
      assert.equal(await page.inputValue('input[name="homeLng"]'), String(cell.lng));
      await assertAccessible(page);
      await shot(page, 'picker-1280-en-js-located');
    } finally {
      await context.close();
    }
  });

  for (const [width, js, lang] of [
    [320, false, 'es'],
    [1280, true, 'en'],
  ] as const) {
    it(`an admin uploads a bad GeoJSON and sees every problem, then a MultiPolygon and sees it (${width} px, ${js ? 'JS' : 'no JS'}, ${lang})`, async () => {
      const page = await run.newPage({ javaScript: js, width });
      await signIn(page, admin.email, `${base}/areas/map`);
      const t = lang === 'es' ? es : en;
      if (lang === 'es') {
        await page.context().addCookies([{ name: LANG_COOKIE, value: 'es', url: run.baseUrl }]);
        await page.goto(`${base}/areas/map`);
      }
      await accessible(run, page, js);
      await page.fill('#field-geojson', BAD_GEOJSON);
      await page.click(`button:text("${t['areas.upload.submit']}")`);
      await page.waitForLoadState('load');
      const problems = await page.locator('.error-summary ol li').allTextContents();
      assert.equal(problems.length, 4, problems.join('\n'));
      assert.ok(problems[1]?.includes(t['areas.geojson.NAME_MISSING']), problems[1]);
      assert.equal((await page.inputValue('#field-geojson')).length, BAD_GEOJSON.length, 'kept');
      await accessible(run, page, js);
      await shot(page, `upload-bad-${width}-${lang}`);

      const unique = GOOD_GEOJSON.replace('Islas del Sur', `Islas ${width}`).replace(
        'Mercado',
        `Mercado ${width}`,
      );
      await page.fill('#field-geojson', unique);
      await page.click(`button:text("${t['areas.upload.submit']}")`);
      await page.waitForURL((u) => u.search.includes('added=2'));
      const main = (await page.textContent('main')) ?? '';
      assert.ok(main.includes(t['area.multiPolygon'].replace('{parts}', '2')), main);
      assert.equal(
        (await page.locator('svg[role="img"] path[fill-rule="evenodd"]').count()) >= 2,
        true,
      );
      await accessible(run, page, js);
      await shot(page, `upload-good-${width}-${lang}`);
    });
  }
});
