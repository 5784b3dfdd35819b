import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LatLng } from '../../src/domain/geo/geo.ts';
import {
  addPoint,
  closeOutline,
  DRAW_SIZE,
  drawView,
  formatPoints,
  parsePoints,
} from '../../src/domain/maps/draw.ts';
import { parseImageClick } from '../../src/domain/maps/picker.ts';
import { fitProjection, project } from '../../src/domain/maps/projection.ts';
import { listAreas } from '../../src/server/core/area.repository.ts';
import type { Area } from '../../src/server/core/area.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { addArea } from '../../src/server/networks/network.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

const hidden = (html: string, name: string) =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

describe('drawing an area on the map, corner by corner, with no JavaScript', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let area: Area;
  let admin: Agent;
  let coordinator: Agent;
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
    admin = agent(ctx.app);
    await admin.signIn(net.admin.email);
    coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    base = `/n/${net.network.slug}`;
  });
  after(() => ctx.close());

  /** The pixel where a place is drawn on the drawing map, as a browser would send it. */
  const pixel = (p: LatLng) => {
    const view = drawView([area]);
    const pr = fitProjection(view, { width: DRAW_SIZE, height: DRAW_SIZE });
    const px = project(pr, p);
    return { 'draw.x': String(Math.floor(px.x)), 'draw.y': String(Math.floor(px.y)) };
  };

  const corners: LatLng[] = [
    { lat: 19.435, lng: -99.135 },
    { lat: 19.435, lng: -99.125 },
    { lat: 19.425, lng: -99.125 },
    { lat: 19.425, lng: -99.135 },
  ];

  it('each press adds a corner, undo takes one back, and saving adds the polygon area', async () => {
    const page = `${base}/areas/draw`;
    let res = await admin.get(page);
    assert.equal(res.statusCode, 200);
    assert.match(text(res.body), /No corners yet/);
    let points = '';
    for (const [i, c] of corners.entries()) {
      res = await admin.post(page, { name: 'Mercado', points, ...pixel(c) });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      points = hidden(res.body, 'points');
      assert.equal(points.split(';').length, i + 1);
      assert.match(res.body, /value="Mercado"/, 'the name stays as typed');
    }
    assert.match(text(res.body), /4 corners so far/);
    assert.match(res.body, /draw\.svg\?points=/, 'the image shows the outline so far');
    // A wrong fifth press, then undo.
    res = await admin.post(page, {
      name: 'Mercado',
      points,
      ...pixel({ lat: 19.43, lng: -99.14 }),
    });
    const five = hidden(res.body, 'points');
    assert.equal(five.split(';').length, 5);
    res = await admin.post(page, { name: 'Mercado', points: five, drawUndo: '1' });
    assert.equal(hidden(res.body, 'points'), points);

    res = await admin.post(page, { name: 'Mercado', points });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const saved = (await listAreas(ctx.db, net.network.id)).find((a) => a.name === 'Mercado');
    assert.ok(saved?.polygon, 'saved as a polygon');
    const ring = (saved.polygon as [number, number][][])[0]!;
    assert.equal(ring.length, 5, 'four corners and the closing one');
    assert.deepEqual(ring[0], ring[4]);
    for (const [i, c] of corners.entries()) {
      assert.ok(
        Math.abs(ring[i]![0] - c.lng) < 0.001 && Math.abs(ring[i]![1] - c.lat) < 0.001,
        `corner ${i}`,
      );
    }
    assert.ok(
      Math.abs(saved.centre.lat - 19.43) < 0.002 && Math.abs(saved.centre.lng + 99.13) < 0.002,
    );
    const svg = await admin.get(`${base}/areas/draw.svg?points=${encodeURIComponent(points)}`);
    assert.equal(svg.statusCode, 200);
    assert.match(svg.body, /<polyline /);
  });

  it('refuses a crossing outline, too few corners and a crafted field, in words, keeping the name', async () => {
    const page = `${base}/areas/draw`;
    const [a, b, c, d] = corners as [LatLng, LatLng, LatLng, LatLng];
    // a → b → d, then c would cross a-b? a-b is the top edge; b→d is a diagonal; d→c is bottom;
    // instead press a, c, b, d: the edge b→d crosses a→c.
    let points = '';
    for (const p of [a, c, b])
      points = hidden(
        (await admin.post(page, { name: 'Cruce', points, ...pixel(p) })).body,
        'points',
      );
    const res = await admin.post(page, { name: 'Cruce', points, ...pixel(d) });
    assert.equal(res.statusCode, 422);
    assert.match(text(res.body), /cross itself/);
    assert.equal(hidden(res.body, 'points'), points, 'the outline so far is kept');
    assert.match(res.body, /value="Cruce"/);

    const two = formatPoints([a, b]);
    const few = await admin.post(page, { name: 'Poco', points: two });
    assert.equal(few.statusCode, 422);
    assert.match(text(few.body), /at least 3 corners/);

    const crafted = await admin.post(page, { name: 'Raro', points: '1e9,<script>' });
    assert.equal(crafted.statusCode, 422);
    assert.match(text(crafted.body), /could not be read/);
    assert.doesNotMatch(crafted.body, /<script>/);

    const keyboard = await admin.post(page, {
      name: 'Tecla',
      points,
      'draw.x': '0',
      'draw.y': '0',
    });
    assert.equal(keyboard.statusCode, 200);
    assert.match(text(keyboard.body), /keyboard cannot aim/);
    assert.equal(
      (await listAreas(ctx.db, net.network.id)).filter((x) =>
        ['Cruce', 'Poco', 'Raro', 'Tecla'].includes(x.name),
      ).length,
      0,
    );
  });

  it('a name already taken comes back at its field, with the corners kept', async () => {
    const points = formatPoints(corners);
    const res = await admin.post(`${base}/areas/draw`, { name: 'Plaza Norte', points });
    assert.equal(res.statusCode, 422);
    assert.equal(hidden(res.body, 'points'), points);
    assert.match(res.body, /id="field-name"/);
  });

  it('is the admins’: a coordinator may not draw areas or read the drawing map', async () => {
    assert.equal((await coordinator.get(`${base}/areas/draw`)).statusCode, 403);
    assert.equal((await coordinator.get(`${base}/areas/draw.svg`)).statusCode, 403);
    assert.equal(
      (await coordinator.post(`${base}/areas/draw`, { name: 'X', points: formatPoints(corners) }))
        .statusCode,
      403,
    );
  });

  it('the rules of a press, without the server', () => {
    const pr = fitProjection(drawView([area]), { width: DRAW_SIZE, height: DRAW_SIZE });
    assert.deepEqual(parsePoints(''), []);
    assert.equal(parsePoints('91,0'), null);
    assert.equal(parsePoints(Array(61).fill('1,1').join(';')), null);
    const first = addPoint(pr, parseImageClick('100', '100'), []);
    assert.ok(first.ok);
    assert.deepEqual(addPoint(pr, parseImageClick('100', '100'), first.points), {
      ok: false,
      reason: 'same',
    });
    assert.deepEqual(addPoint(pr, parseImageClick('999', '10'), first.points), {
      ok: false,
      reason: 'outside',
    });
    assert.deepEqual(
      closeOutline([
        { lat: 1, lng: 1 },
        { lat: 2, lng: 2 },
        { lat: 3, lng: 3 },
      ]),
      { ok: false, reason: 'flat' },
    );
  });
});
