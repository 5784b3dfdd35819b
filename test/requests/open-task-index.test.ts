import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import {
  CROSS_SERVER_REFRESH_MS,
  OpenTaskIndex,
} from '../../src/server/requests/open-task-index.ts';
import { claimTask, taskFeed } from '../../src/server/requests/task.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';

const HOME = { lat: 45.5231, lng: -122.6705 };

/**
 * The feed's in-memory index of open tasks, seen from a second app server on the same
 * database: it must not show what it has not read, must drop what was claimed elsewhere at
 * once, and must pick up other servers' changes within CROSS_SERVER_REFRESH_MS.
 */
describe(`open tasks index across app servers (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let areaId: string;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    areaId = await addArea(ctx, net.network, 'Old Town', HOME);
  });
  after(() => ctx.close());

  it("this server's own changes show at once; another server's within the refresh interval", async () => {
    let now = 0;
    const other = { db: ctx.db, openTasks: new OpenTaskIndex(() => now) };
    const volunteer = await addMember(ctx, net.network, 'volunteer');
    const scope = await resolveScope(ctx.db, asPerson(volunteer.id), net.network.slug);
    const feedHere = async () =>
      (await taskFeed(ctx.deps, { scope, home: HOME, radiusKm: 5 })).items.map((i) => i.request.id);
    const feedThere = async () =>
      (await taskFeed(other, { scope, home: HOME, radiusKm: 5 })).items.map((i) => i.request.id);

    const first = await makeRequest(ctx, net.network, { areaId });
    assert.deepEqual(await feedHere(), [first.summary.id]);
    assert.deepEqual(await feedThere(), [first.summary.id], 'the first read loads everything');

    // Made on this server: the other one has not looked yet.
    const second = await makeRequest(ctx, net.network, { areaId, urgency: 'critical' });
    assert.deepEqual(await feedHere(), [second.summary.id, first.summary.id]);
    assert.deepEqual(await feedThere(), [first.summary.id]);
    now += CROSS_SERVER_REFRESH_MS;
    assert.deepEqual(await feedThere(), [second.summary.id, first.summary.id]);

    // Claimed on this server: gone from the other server's feed at once (the database decides
    // what is shown), and from its index after the refresh.
    await claimTask(ctx.deps, {
      actor: asPerson(volunteer.id),
      scope,
      requestId: second.summary.id,
    });
    assert.deepEqual(await feedHere(), [first.summary.id]);
    assert.deepEqual(await feedThere(), [first.summary.id]);
    now += CROSS_SERVER_REFRESH_MS;
    const near = await other.openTasks.near(ctx.db, net.network.id, HOME, 5);
    assert.deepEqual(
      near.map((n) => n.c.id),
      [first.summary.id],
    );
  });

  it('another network and places beyond the radius stay out', async () => {
    const far = await addArea(ctx, net.network, 'Far Away', { lat: HOME.lat + 0.5, lng: HOME.lng });
    const away = await makeRequest(ctx, net.network, { areaId: far });
    const elsewhere = await makeNetwork(ctx);
    const theirArea = await addArea(ctx, elsewhere.network, 'Old Town', HOME);
    const theirs = await makeRequest(ctx, elsewhere.network, { areaId: theirArea });
    const volunteer = await addMember(ctx, net.network, 'volunteer');
    const scope = await resolveScope(ctx.db, asPerson(volunteer.id), net.network.slug);
    const ids = (await taskFeed(ctx.deps, { scope, home: HOME, radiusKm: 5 })).items.map(
      (i) => i.request.id,
    );
    assert.ok(!ids.includes(away.summary.id), 'beyond the radius');
    assert.ok(!ids.includes(theirs.summary.id), 'another network');
    const all = (await taskFeed(ctx.deps, { scope, home: null })).items.map((i) => i.request.id);
    assert.ok(all.includes(away.summary.id), 'without a home, every open task');
    assert.ok(!all.includes(theirs.summary.id));
  });
});
