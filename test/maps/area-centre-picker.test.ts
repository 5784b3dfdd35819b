import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roundForPrivacy } from '../../src/domain/geo/geo.ts';
import { en } from '../../src/i18n/en.ts';
import { listAreas } from '../../src/server/core/area.repository.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { addArea } from '../helpers/requests.ts';

/** The settings screen's "add area": the centre is pressed on the map, never typed. */
describe(`adding an area by its centre on the map (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let admin: Agent;
  let settings: string;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Barrio Sur' });
    await addArea(ctx, net.network, 'Plaza Norte', { lat: 19.43, lng: -99.13 });
    admin = agent(ctx.app);
    await admin.signIn(net.admin.email);
    settings = `/n/${net.network.slug}/settings`;
  });
  after(() => ctx.close());

  it('offers the map, and no field to type a latitude or longitude', async () => {
    const res = await admin.get(settings);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<input[^>]*type="image"[^>]*name="place"/);
    assert.doesNotMatch(res.body, /<input(?![^>]*type="hidden")[^>]*name="(lat|lng)"/);
    assert.ok(!text(res.body).includes(en['field.lat']));
  });

  it('a press keeps the name and shows the cell, unsaved; saving adds the area at that cell', async () => {
    await admin.get(settings);
    const pressed = await admin.post(`/n/${net.network.slug}/areas`, {
      name: 'Mercado',
      radiusM: '800',
      'place.x': '150',
      'place.y': '140',
    });
    assert.equal(pressed.statusCode, 200);
    assert.match(pressed.body, /value="Mercado"/, 'the name is kept');
    const lat = /name="lat" value="([^"]+)"/.exec(pressed.body)?.[1];
    const lng = /name="lng" value="([^"]+)"/.exec(pressed.body)?.[1];
    assert.ok(lat && lng, 'the cell is in the hidden fields');
    const cell = { lat: Number(lat), lng: Number(lng) };
    assert.deepEqual(roundForPrivacy(cell), cell, 'a 500 m cell centre');
    assert.equal((await listAreas(ctx.db, net.network.id)).length, 1, 'nothing saved yet');
    const saved = await admin.post(`/n/${net.network.slug}/areas`, {
      name: 'Mercado',
      radiusM: '800',
      lat: lat!,
      lng: lng!,
    });
    assert.equal(saved.statusCode, 303);
    const area = (await listAreas(ctx.db, net.network.id)).find((a) => a.name === 'Mercado');
    assert.deepEqual(area?.centre, cell);
  });

  it('saving without a centre says so at the map, keeping the name', async () => {
    await admin.get(settings);
    const res = await admin.post(`/n/${net.network.slug}/areas`, { name: 'Sin centro' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="field-place-error"/);
    assert.match(res.body, /value="Sin centro"/);
  });
});
