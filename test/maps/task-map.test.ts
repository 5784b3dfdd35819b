import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { roundForPrivacy } from '../../src/domain/geo/geo.ts';
import { ALL_WEEK } from '../../src/domain/time/weekly-slots.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { upsertProfile } from '../../src/server/offers/volunteer-profile.repository.ts';
import { taskFeed } from '../../src/server/requests/task.service.ts';
import { newId } from '../../src/shared/ids.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';

/** The exact home, deliberately not a cell centre: it must never be drawn as it is. */
const HOME = { lat: 45.52347, lng: -122.67021 };

/** Tasks near me, drawn: the volunteer's reach and the tasks' 500 m cells, small counts hidden. */
describe(`the tasks-near-me map (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let volunteer: { id: string; email: string };
  let base: string;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Barrio Sur' });
    await addArea(ctx, net.network, 'Old Town', { lat: 45.5231, lng: -122.6705 });
    for (let i = 0; i < 3; i++)
      await makeRequest(ctx, net.network, { point: { lat: 45.5231, lng: -122.6705 } });
    await makeRequest(ctx, net.network, { point: { lat: 45.5301, lng: -122.6605 } });
    // Far beyond the 5 km reach: neither listed nor drawn.
    await makeRequest(ctx, net.network, { point: { lat: 45.9, lng: -122.2 } });
    volunteer = await addMember(ctx, net.network, 'volunteer');
    await upsertProfile(
      ctx.db,
      {
        id: newId(),
        networkId: net.network.id,
        personId: volunteer.id,
        input: {
          categories: ['groceries'],
          skills: '',
          languages: ['en'],
          transport: 'walk',
          hasCar: false,
          homeAreaId: null,
          homeLat: HOME.lat,
          homeLng: HOME.lng,
          radiusKm: 5,
          availability: ALL_WEEK,
          weeklyHourCap: 10,
        },
      },
      new Date().toISOString(),
    );
    base = `/n/${net.network.slug}`;
  });
  after(() => ctx.close());

  it('the feed gives the home only as its 500 m cell, and the cells of the tasks in reach', async () => {
    const scope = await resolveScope(ctx.db, asPerson(volunteer.id), net.network.slug);
    const feed = await taskFeed(ctx.deps, { scope, home: HOME, radiusKm: 5 });
    assert.deepEqual(feed.map.reach, { centre: roundForPrivacy(HOME), radiusKm: 5 });
    assert.notDeepEqual(feed.map.reach?.centre, HOME);
    const counts = feed.map.cells.map((c) => c.count).sort();
    assert.deepEqual(counts, [1, 3], 'the far task is not drawn');
    for (const c of feed.map.cells) assert.deepEqual(c.at, roundForPrivacy(c.at));
  });

  it('the page draws the reach and the cells; a lone task is "fewer than 3", never 1; a table says the same', async () => {
    const a = agent(ctx.app);
    await a.signIn(volunteer.email);
    const res = await a.get(`${base}/tasks`);
    assert.equal(res.statusCode, 200);
    const svg = /<svg[^>]*task-map.*?<\/svg>/s.exec(res.body)?.[0] ?? '';
    assert.match(svg, /role="img"[^>]*aria-labelledby="task-map-title task-map-desc"/);
    assert.match(svg, /<ellipse[^>]*stroke-dasharray="6 4"/, 'the reach is drawn');
    assert.match(svg, />3<\/text>/);
    const few = en['maps.queue.fewer'].replace('{n}', '3');
    assert.ok(svg.includes(`>${few}</text>`));
    assert.doesNotMatch(svg, />1<\/text>/);
    assert.ok(text(res.body).includes(en['maps.tasks.heading']));
    assert.match(
      text(res.body),
      new RegExp(`Old Town\\s*${en['maps.queue.fewer'].replace('{n}', '3')}|Old Town\\s*3`),
    );
    assert.doesNotMatch(
      res.body,
      /<(img|script|link)[^>]*https?:\/\//,
      'nothing fetched from outside',
    );
    const b = agent(ctx.app, { 'accept-language': 'es' });
    await b.signIn(volunteer.email);
    const esPage = await b.get(`${base}/tasks`);
    assert.ok(text(esPage.body).includes(es['maps.tasks.heading']));
  });

  it('without a home, the map says so and draws no reach', async () => {
    const other = await addMember(ctx, net.network, 'volunteer');
    const a = agent(ctx.app);
    await a.signIn(other.email);
    const res = await a.get(`${base}/tasks`);
    assert.equal(res.statusCode, 200);
    assert.ok(text(res.body).includes(en['maps.tasks.descNoReach']));
    assert.doesNotMatch(
      /<svg[^>]*task-map.*?<\/svg>/s.exec(res.body)?.[0] ?? '',
      /stroke-dasharray="6 4"/,
    );
  });
});
