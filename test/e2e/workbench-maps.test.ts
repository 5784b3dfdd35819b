import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { roundForPrivacy } from '../../src/domain/geo/geo.ts';
import { DRAW_SIZE, drawView } from '../../src/domain/maps/draw.ts';
import { fitProjection, project } from '../../src/domain/maps/projection.ts';
import { mapProjection } from '../../src/domain/maps/render.ts';
import { ALL_WEEK } from '../../src/domain/time/weekly-slots.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { listAreas } from '../../src/server/core/area.repository.ts';
import type { Network } from '../../src/server/core/network.ts';
import { LANG_COOKIE } from '../../src/server/http/context.ts';
import { upsertProfile } from '../../src/server/offers/volunteer-profile.repository.ts';
import { pickerInput } from '../../src/server/pages/place-pick.ts';
import { newId } from '../../src/shared/ids.ts';
import {
  assertAccessible,
  type BrowserRun,
  browserSkip,
  signIn,
  startBrowser,
} from '../helpers/browser.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { addArea, makeRequest } from '../helpers/requests.ts';

const SHOTS = process.env.MUTUA_SCREENSHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};
const CENTRE = { lat: 19.43, lng: -99.13 };
const CASES = [
  [320, false, 'es'],
  [1280, true, 'en'],
] as const;

/** The tasks map, the area centre picked on the map, and match many, in a real browser. */
describe('workbench maps in a real browser', { skip: browserSkip }, () => {
  let run: BrowserRun;
  let network: Network;
  let made: Awaited<ReturnType<typeof makeNetwork>>;
  let base: string;

  /** axe on the page as served: without JavaScript, a copy in a page that may run it. */
  async function accessible(page: Page, js: boolean) {
    if (js) return assertAccessible(page);
    const html = await page.content();
    const checker = await run.newPage({ width: page.viewportSize()?.width ?? 1024 });
    await checker.goto('/health').catch(() => undefined);
    await checker.setContent(html, { waitUntil: 'load' });
    await assertAccessible(checker);
    await checker.close();
  }
  async function open(js: boolean, width: number, lang: 'en' | 'es', email: string, path: string) {
    const page = await run.newPage({ javaScript: js, width });
    await signIn(page, email, path);
    if (lang === 'es') {
      await page.context().addCookies([{ name: LANG_COOKIE, value: 'es', url: run.baseUrl }]);
      await page.goto(path);
    }
    const vw = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(vw <= width, `no sideways scroll: ${vw}`);
    return page;
  }

  before(async () => {
    run = await startBrowser();
    made = await makeNetwork(run.ctx, { name: 'Barrio Sur' });
    network = made.network;
    base = `/n/${network.slug}`;
    await addArea(run.ctx, network, 'Plaza Norte', CENTRE);
    for (let i = 0; i < 3; i++) await makeRequest(run.ctx, network, { point: CENTRE });
    await makeRequest(run.ctx, network, { point: { lat: 19.436, lng: -99.125 } });
  });
  after(() => run?.close());

  for (const [width, js, lang] of CASES) {
    it(`a volunteer sees their reach and the tasks' squares (${width} px, ${js ? 'JS' : 'no JS'}, ${lang})`, async () => {
      const t = lang === 'es' ? es : en;
      const v = await addMember(run.ctx, network, 'volunteer');
      await upsertProfile(
        run.ctx.db,
        {
          id: newId(),
          networkId: network.id,
          personId: v.id,
          input: {
            categories: ['groceries'],
            skills: '',
            languages: ['es'],
            transport: 'walk',
            hasCar: false,
            homeAreaId: null,
            homeLat: 19.4312,
            homeLng: -99.1288,
            radiusKm: 3,
            availability: ALL_WEEK,
            weeklyHourCap: 10,
          },
        },
        new Date().toISOString(),
      );
      const page = await open(js, width, lang, v.email, `${base}/tasks`);
      assert.ok(await page.getByRole('heading', { name: t['maps.tasks.heading'] }).isVisible());
      assert.ok(
        await page.locator('svg[aria-labelledby="task-map-title task-map-desc"]').isVisible(),
      );
      const few = t['maps.queue.fewer'].replace('{n}', '3');
      assert.ok(((await page.textContent('.task-map svg')) ?? '').includes(few), 'the lone task');
      await accessible(page, js);
      await shot(page, `tasks-map-${width}-${lang}-${js ? 'js' : 'nojs'}`);
    });

    it(`an admin presses the centre of a new area on the map (${width} px, ${js ? 'JS' : 'no JS'}, ${lang})`, async () => {
      const t = lang === 'es' ? es : en;
      const page = await open(js, width, lang, made.admin.email, `${base}/settings`);
      const name = `Mercado ${width}`;
      const nameField = page.locator(`form[action="${base}/areas"] input[name="name"]`);
      await nameField.fill(name);
      await page.fill('input[name="radiusM"]', '800');
      const pr = mapProjection(pickerInput(await listAreas(run.ctx.db, network.id), null));
      const target = { lat: 19.432, lng: -99.128 };
      const px = project(pr, target);
      await page.locator('input[name="place"]').click({ position: { x: px.x, y: px.y } });
      await page.waitForLoadState('load');
      assert.equal(await nameField.inputValue(), name, 'the name is kept');
      assert.equal(await page.inputValue('input[name="radiusM"]'), '800');
      const status = (await page.textContent('#field-place-status')) ?? '';
      assert.ok(status.includes(t['maps.picker.chosen']), status);
      await accessible(page, js);
      await shot(page, `area-centre-${width}-${lang}-${js ? 'js' : 'nojs'}`);
      await page.click(`button:text("${t['area.addSubmit']}")`);
      await page.waitForURL((u) => u.search.includes('done=areaAdded'));
      const area = (await listAreas(run.ctx.db, network.id)).find((a) => a.name === name);
      assert.ok(area, 'the area is saved');
      const cell = roundForPrivacy(target);
      assert.ok(Math.abs(area.centre.lat - cell.lat) < 0.005, `${area.centre.lat}`);
    });

    it(`an admin draws a new area corner by corner on the map (${width} px, ${js ? 'JS' : 'no JS'}, ${lang})`, async () => {
      const t = lang === 'es' ? es : en;
      const page = await open(js, width, lang, made.admin.email, `${base}/areas/draw`);
      const name = `Dibujo ${width}`;
      await page.fill('input[name="name"]', name);
      const pr = fitProjection(drawView(await listAreas(run.ctx.db, network.id)), {
        width: DRAW_SIZE,
        height: DRAW_SIZE,
      });
      const corners = [
        { lat: 19.437, lng: -99.137 },
        { lat: 19.437, lng: -99.121 },
        { lat: 19.424, lng: -99.121 },
      ];
      for (const c of corners) {
        const px = project(pr, c);
        await page.locator('input[name="draw"]').click({ position: { x: px.x, y: px.y } });
        await page.waitForLoadState('load');
      }
      assert.equal(await page.inputValue('input[name="name"]'), name, 'the name is kept');
      const status = (await page.textContent('#field-draw-status')) ?? '';
      assert.ok(status.includes('3'), status);
      await accessible(page, js);
      await shot(page, `area-draw-${width}-${lang}-${js ? 'js' : 'nojs'}`);
      await page.click(`button:text("${t['areas.draw.save']}")`);
      await page.waitForURL((u) => u.search.includes('done=areaAdded'));
      const area = (await listAreas(run.ctx.db, network.id)).find((a) => a.name === name);
      assert.ok(area?.polygon, 'saved as a polygon');
      assert.equal((area.polygon as unknown[][])[0]!.length, 4);
    });

    it(`a volunteer picks their home on the map without typing coordinates (${width} px, ${js ? 'JS' : 'no JS'}, ${lang})`, async () => {
      const t = lang === 'es' ? es : en;
      const v = await addMember(run.ctx, network, 'volunteer');
      const page = await open(js, width, lang, v.email, `${base}/volunteering`);
      const pr = mapProjection(pickerInput(await listAreas(run.ctx.db, network.id), null));
      const target = { lat: 19.4305, lng: -99.1295 };
      const px = project(pr, target);
      await page.locator('input[name="place"]').click({ position: { x: px.x, y: px.y } });
      await page.waitForLoadState('load');
      const status = (await page.textContent('#field-place-status')) ?? '';
      assert.ok(status.includes(t['maps.picker.chosen']), status);
      assert.equal(
        await page.locator('input[name="homeLat"][type="text"]').count(),
        0,
        'no latitude to type',
      );
    });

    it(`a coordinator sees each request's language in match many (${width} px, ${js ? 'JS' : 'no JS'}, ${lang})`, async () => {
      const t = lang === 'es' ? es : en;
      const page = await open(js, width, lang, made.members.coordinator.email, `${base}/dispatch`);
      assert.ok(await page.getByRole('heading', { name: t['dispatch.title'] }).isVisible());
      await accessible(page, js);
      await shot(page, `dispatch-${width}-${lang}-${js ? 'js' : 'nojs'}`);
    });
  }
});
