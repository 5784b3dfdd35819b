import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roundForPrivacy } from '../../src/domain/geo/geo.ts';
import { project } from '../../src/domain/maps/projection.ts';
import { mapProjection } from '../../src/domain/maps/render.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { listAreas } from '../../src/server/core/area.repository.ts';
import type { Area } from '../../src/server/core/area.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { addArea } from '../../src/server/networks/network.service.ts';
import { pickerInput } from '../../src/server/pages/place-pick.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

import { BAD_GEOJSON, GOOD_GEOJSON } from './geojson-fixtures.ts';

describe('places and areas: the picker, GeoJSON upload and export', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let area: Area;
  let volunteer: Agent;
  let admin: Agent;
  let page: string;
  let base: string;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Barrio Sur' });
    const scope = await resolveScope(
      ctx.db,
      {
        kind: 'person',
        personId: net.admin.id,
        displayName: net.admin.name,
        isOperator: false,
        preferredLanguage: null,
        sessionId: 'x',
      },
      net.network.slug,
    );
    area = await addArea(ctx.deps, {
      actor: { kind: 'system', label: 'test' },
      scope,
      input: { name: 'Plaza Norte', lat: 19.43, lng: -99.13, radiusM: 800 },
    });
    volunteer = agent(ctx.app);
    await volunteer.signIn(net.members.volunteer.email);
    admin = agent(ctx.app);
    await admin.signIn(net.admin.email);
    base = `/n/${net.network.slug}`;
    page = `${base}/volunteering`;
  });
  after(() => ctx.close());

  const hidden = (html: string, name: string) =>
    new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

  it('a press on the map picks the 500 m cell under it; saving keeps only that cell', async () => {
    // Where the area's centre is drawn on the picker, read as the handler reads it.
    const pr = mapProjection(pickerInput([area], null));
    const px = project(pr, { lat: 19.431, lng: -99.131 });
    const res = await volunteer.submit(page, page, {
      transport: 'walk',
      radiusKm: '2',
      weeklyHourCap: '3',
      skills: 'kept as typed',
      homeLat: '',
      homeLng: '',
      'place.x': String(Math.floor(px.x)),
      'place.y': String(Math.floor(px.y)),
    });
    assert.equal(res.statusCode, 200, 'the form again, nothing saved yet');
    const lat = Number(hidden(res.body, 'homeLat'));
    const lng = Number(hidden(res.body, 'homeLng'));
    const cell = roundForPrivacy({ lat: 19.431, lng: -99.131 });
    assert.ok(
      Math.abs(lat - cell.lat) < 0.006 && Math.abs(lng - cell.lng) < 0.006,
      `${lat},${lng}`,
    );
    assert.deepEqual(roundForPrivacy({ lat, lng }), { lat, lng }, 'a cell centre, never the press');
    assert.ok(text(res.body).includes(en['maps.picker.chosen']));
    assert.ok(text(res.body).includes(en['maps.picker.inArea'].replace('{area}', 'Plaza Norte')));
    assert.match(res.body, /kept as typed<\/textarea>/);
    assert.match(res.body, new RegExp(`src="${base}/map/place.svg\\?at=${lat},${lng}"`));
    const none = await ctx.db.selectFrom('volunteer_profiles').select('id').execute();
    assert.equal(none.length, 0, 'a press saves nothing');

    const saved = await volunteer.post(page, {
      transport: 'walk',
      radiusKm: '2',
      weeklyHourCap: '3',
      homeLat: String(lat),
      homeLng: String(lng),
    });
    assert.equal(saved.statusCode, 303);
    const row = await ctx.db.selectFrom('volunteer_profiles').selectAll().executeTakeFirstOrThrow();
    assert.equal(Number(row.home_lat), lat);
    assert.equal(Number(row.home_lng), lng);

    // The picker image draws the same map, with the chosen cell.
    const svg = await volunteer.get(`${base}/map/place.svg?at=${lat},${lng}`);
    assert.equal(svg.statusCode, 200);
    assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/);
    assert.match(svg.body, /<svg[^>]*role="img"/);
    assert.match(
      svg.body,
      new RegExp(`<title id="place-title">${en['maps.picker.title']}</title>`),
    );
  });

  it('a keyboard press (0,0) sends the reader to the list of areas; a press off the map is named', async () => {
    const res = await volunteer.submit(page, page, {
      transport: 'walk',
      radiusKm: '2',
      weeklyHourCap: '3',
      'place.x': '0',
      'place.y': '0',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a href="#field-homeAreaId">[^<]*<\/a>/);
    assert.ok(text(res.body).includes(en['maps.picker.keyboard']));

    const off = await volunteer.post(page, { transport: 'walk', 'place.x': '900', 'place.y': '5' });
    assert.equal(off.statusCode, 422);
    assert.ok(text(off.body).includes(en['maps.picker.outside']));
    const junk = await volunteer.post(page, {
      transport: 'walk',
      'place.x': '1e3',
      'place.y': '-1',
    });
    assert.equal(junk.statusCode, 422);
    assert.ok(text(junk.body).includes(en['maps.picker.invalid']));
  });

  it('"use my location" and "forget": the cell is rounded again on the server, and cleared', async () => {
    const res = await volunteer.post(page, {
      transport: 'walk',
      homeLat: '19.4312345',
      homeLng: '-99.1309876',
      placeLocated: '1',
    });
    assert.equal(res.statusCode, 200);
    const cell = roundForPrivacy({ lat: 19.4312345, lng: -99.1309876 });
    assert.equal(hidden(res.body, 'homeLat'), String(cell.lat));
    assert.equal(hidden(res.body, 'homeLng'), String(cell.lng));
    const cleared = await volunteer.post(page, {
      transport: 'walk',
      homeLat: String(cell.lat),
      homeLng: String(cell.lng),
      placeClear: '1',
    });
    assert.equal(cleared.statusCode, 200);
    assert.equal(hidden(cleared.body, 'homeLat'), '');
    assert.ok(text(cleared.body).includes(en['maps.picker.none']));
  });

  it('the picker image draws only the public areas and the cell in its own query, never a saved home', async () => {
    const stranger = agent(ctx.app);
    const res = await stranger.get(`${base}/map/place.svg`);
    if (res.statusCode === 200) {
      assert.match(res.body, /Plaza Norte/, 'areas are public, as on the request form');
      assert.doesNotMatch(res.body, /stroke="#111111"/, 'no chosen cell drawn without one asked');
    } else assert.ok([401, 403, 303].includes(res.statusCode), String(res.statusCode));
    const mine = await volunteer.get(`${base}/map/place.svg`);
    assert.doesNotMatch(
      mine.body,
      /stroke="#111111"/,
      'the saved home is not drawn from the server',
    );
    const bad = await volunteer.get(`${base}/map/place.svg?at=<script>`);
    assert.equal(bad.statusCode, 200, 'nonsense in the query: the bare map');
    assert.doesNotMatch(bad.body, /<script/);
  });

  it('a bad GeoJSON adds nothing and names every problem, by shape number and name, in Spanish too', async () => {
    const res = await admin.submit(`${base}/areas/map`, `${base}/areas/upload`, {
      geojson: BAD_GEOJSON,
    });
    assert.equal(res.statusCode, 422);
    const body = text(res.body);
    assert.ok(
      body.includes(en['areas.upload.failed'].replace('{count}', '4')),
      body.slice(0, 2000),
    );
    assert.ok(body.includes(`Shape 1 (“Abierta”), outline ${en['areas.geojson.RING_NOT_CLOSED']}`));
    assert.ok(body.includes(`Shape 2 ${en['areas.geojson.NAME_MISSING']}`));
    assert.ok(body.includes('Shape 3 (“Punto”) is a “Point”'));
    assert.ok(body.includes('Shape 4 (“plaza norte”) has the name “plaza norte”'));
    assert.match(res.body, /<textarea[^>]*name="geojson"[^>]*>\{/, 'the text is kept');
    assert.equal((await listAreas(ctx.db, net.network.id)).length, 1, 'nothing added');

    const esAdmin = agent(ctx.app, { 'accept-language': 'es' });
    await esAdmin.signIn(net.admin.email);
    const esRes = await esAdmin.submit(`${base}/areas/map`, `${base}/areas/upload`, {
      geojson: BAD_GEOJSON,
    });
    assert.ok(text(esRes.body).includes(`La forma 2 ${es['areas.geojson.NAME_MISSING']}`));

    const notJson = await admin.post(`${base}/areas/upload`, { geojson: '{"type": ' });
    assert.equal(notJson.statusCode, 422);
    assert.ok(text(notJson.body).includes(`The file ${en['areas.geojson.NOT_JSON']}`));
    const empty = await admin.post(`${base}/areas/upload`, { geojson: '' });
    assert.equal(empty.statusCode, 422);
    assert.ok(text(empty.body).includes(en['areas.upload.none']));
  });

  it('a good GeoJSON with a MultiPolygon adds every area; the map and the export show it', async () => {
    const res = await admin.post(`${base}/areas/upload`, { geojson: GOOD_GEOJSON });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
    const shown = await admin.get(String(res.headers.location));
    assert.ok(text(shown.body).includes(en['areas.upload.done'].replace('{count}', '2')));
    assert.ok(text(shown.body).includes(en['area.multiPolygon'].replace('{parts}', '2')));
    assert.match(shown.body, /<svg[^>]*role="img"[^>]*>.*Islas del Sur/s);
    const areas = await listAreas(ctx.db, net.network.id);
    const islands = areas.find((a) => a.name === 'Islas del Sur');
    assert.equal(islands?.polygon?.length, 2, 'two polygons kept');
    const out = await admin.get(`${base}/areas.geojson`);
    assert.equal(out.statusCode, 200);
    assert.match(String(out.headers['content-type']), /^application\/geo\+json/);
    const fc = JSON.parse(out.body);
    const types = fc.features.map((f: { geometry: { type: string } }) => f.geometry.type);
    assert.ok(types.includes('MultiPolygon'));
    // The API still answers with the areas, MultiPolygon included.
    const api = await admin.get(`/api/v1/networks/${net.network.slug}/areas`);
    if (api.statusCode === 200) assert.ok(api.body.includes('Islas del Sur'));
  });

  it('a volunteer may not upload, export or see the areas page', async () => {
    for (const url of [`${base}/areas/map`, `${base}/areas.geojson`]) {
      const res = await volunteer.get(url);
      assert.equal(res.statusCode, 403, url);
    }
    const up = await volunteer.post(`${base}/areas/upload`, { geojson: GOOD_GEOJSON });
    assert.equal(up.statusCode, 403);
  });
});
