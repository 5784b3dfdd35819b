import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { claimTask } from '../../src/server/requests/task.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest, REQUEST } from '../helpers/requests.ts';

/** The map of open requests beside the queue: for coordinators, small counts hidden. */
describe('the queue map', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Agent;
  let volunteer: Agent;
  let base: string;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Barrio Sur' });
    await addArea(ctx, net.network, 'Old Town', { lat: 45.5231, lng: -122.6705 });
    // Three requests in one cell, one alone in another.
    for (let i = 0; i < 3; i++)
      await makeRequest(ctx, net.network, { point: { lat: 45.5231, lng: -122.6705 } });
    await makeRequest(ctx, net.network, { point: { lat: 45.5301, lng: -122.6605 } });
    coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    volunteer = agent(ctx.app);
    await volunteer.signIn(net.members.volunteer.email);
    base = `/n/${net.network.slug}`;
  });
  after(() => ctx.close());

  it('a coordinator sees the cells with their counts, and a lone request as "fewer than 3"', async () => {
    const res = await coordinator.get(`${base}/requests`);
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<svg[^>]*role="img"[^>]*aria-labelledby="queue-map-title queue-map-desc"/,
    );
    const few = en['maps.queue.fewer'].replace('{n}', '3');
    const svg = /<svg.*<\/svg>/s.exec(res.body)?.[0] ?? '';
    assert.match(svg, />3<\/text>/, 'the cell of three');
    assert.ok(svg.includes(`>${few}</text>`), 'the lone one is not told as 1');
    assert.doesNotMatch(svg, />1<\/text>/);
    assert.ok(text(res.body).includes(en['maps.queue.heading']));
    // The table beside the map: Old Town holds the cell of three, the lone one is outside.
    assert.match(text(res.body), /Old Town\s*3\s*1/);
    const esRes = await agent(ctx.app, { 'accept-language': 'es' });
    await esRes.signIn(net.members.coordinator.email);
    const esPage = await esRes.get(`${base}/requests`);
    assert.ok(text(esPage.body).includes(es['maps.queue.heading']));
  });

  it('a volunteer sees no queue and no map of where the requests are', async () => {
    const res = await volunteer.get(`${base}/requests`);
    assert.equal(res.statusCode, 403);
    assert.doesNotMatch(res.body, /queue-map/);
    const tasks = await volunteer.get(`${base}/tasks`);
    assert.doesNotMatch(tasks.body, /queue-map/);
    assert.ok(!text(tasks.body).includes(en['maps.queue.heading']));
  });

  it('the volunteer doing a task gets its address with a link to a map app; nobody else does', async () => {
    const { summary } = await makeRequest(ctx, net.network, {
      point: { lat: 45.5231, lng: -122.6705 },
    });
    const doer = await addMember(ctx, net.network, 'volunteer');
    const scope = await resolveScope(ctx.db, asPerson(doer.id), net.network.slug);
    await claimTask(ctx.deps, { actor: asPerson(doer.id), scope, requestId: summary.id });
    const a = agent(ctx.app);
    await a.signIn(doer.email);
    const res = await a.get(`${base}/tasks/${summary.id}`);
    assert.equal(res.statusCode, 200);
    const href = `https://www.openstreetmap.org/search?query=${encodeURIComponent(REQUEST.address!)}`;
    assert.ok(res.body.includes(`href="${href}"`), 'the link carries the address');
    assert.ok(text(res.body).includes(en['maps.address.open']));
    assert.doesNotMatch(
      res.body,
      /<img[^>]*openstreetmap|<script[^>]*openstreetmap/,
      'nothing fetched',
    );
    const other = await volunteer.get(`${base}/tasks/${summary.id}`);
    assert.ok(
      !other.body.includes(encodeURIComponent(REQUEST.address!)),
      'not for another volunteer',
    );
  });
});
