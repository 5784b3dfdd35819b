import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import { claimTask } from '../../src/server/requests/task.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest, REQUEST } from '../helpers/requests.ts';

// The phone ('4242' stands for it) in any way it may be written ("+1 555 010 4242",
// "+15550104242", "010-4242"), but not any "4242": a random id or token in a page may hold one.
const PHONE = /010[\s\-.]?4242/;
const PRIVATE = [REQUEST.name, REQUEST.address!, '4242', 'Lopez', 'no lift'];
const leaks = (html: string) =>
  PRIVATE.filter((p) => (p === '4242' ? PHONE.test(html) : html.includes(p)));

describe(`tasks and privacy (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let areaId: string;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    areaId = await addArea(ctx, net.network);
  });
  after(() => ctx.close());

  it('two volunteers claiming the same task at the same moment: exactly one wins', async () => {
    const volunteers = await Promise.all(
      Array.from({ length: 6 }, () => addMember(ctx, net.network, 'volunteer')),
    );
    for (let round = 0; round < 5; round++) {
      const { summary } = await makeRequest(ctx, net.network, { areaId });
      const scopes = await Promise.all(
        volunteers.map((v) => resolveScope(ctx.db, asPerson(v.id), net.network.slug)),
      );
      const results = await Promise.allSettled(
        scopes.map((scope, i) =>
          claimTask(ctx.deps, { actor: asPerson(volunteers[i]!.id), scope, requestId: summary.id }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      assert.equal(won.length, 1, `round ${round}: one winner`);
      for (const r of results)
        if (r.status === 'rejected')
          assert.equal((r.reason as { code: string }).code, 'REQUEST_ALREADY_CLAIMED');
      const row = await ctx.db
        .selectFrom('requests')
        .select(['volunteer_id', 'status'])
        .where('id', '=', summary.id)
        .executeTakeFirstOrThrow();
      assert.equal(row.status, 'assigned');
      assert.ok(volunteers.some((v) => v.id === row.volunteer_id));
    }
  });

  it('the losing volunteer is told kindly, on the feed, and never sees the address or phone', async () => {
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const first = agent(ctx.app);
    await first.signIn(net.members.volunteer.email);
    const second = agent(ctx.app);
    const other = await addMember(ctx, net.network, 'volunteer');
    await second.signIn(other.email);

    const feed = await second.get(`/n/${net.network.slug}/tasks`);
    assert.match(feed.body, new RegExp(summary.id));
    assert.deepEqual(leaks(feed.body), [], 'the feed shows nothing personal');
    const before = await second.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    assert.deepEqual(leaks(before.body), [], 'nor does the task before it is claimed');

    await first.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    assert.equal(
      (await first.post(`/n/${net.network.slug}/tasks/${summary.id}/claim`, {})).statusCode,
      303,
    );
    const lost = await second.post(`/n/${net.network.slug}/tasks/${summary.id}/claim`, {});
    assert.equal(lost.statusCode, 409);
    assert.match(lost.body, /Someone else has just taken this task/);
    assert.deepEqual(leaks(lost.body), []);
    assert.equal(
      (await second.get(`/n/${net.network.slug}/tasks/${summary.id}`)).statusCode,
      404,
      'another’s task is not shown',
    );
    const api = await ctx.app.inject({
      url: `/api/v1/networks/${net.network.slug}/requests/${summary.id}`,
    });
    assert.deepEqual(leaks(api.body), []);

    // The winner sees who and where while the task is open, and each view is audited.
    const mine = await first.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    assert.deepEqual(leaks(mine.body).sort(), [...PRIVATE].sort());
    const views = await ctx.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'request.private_viewed')
      .where('subject_id', '=', summary.id)
      .execute();
    assert.equal(views.length, 1);
    assert.equal(views[0]!.actor_id, net.members.volunteer.id);

    // Done: the details close again, even for the volunteer who did it.
    await first.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    assert.equal(
      (await first.post(`/n/${net.network.slug}/tasks/${summary.id}/done`, { hours: '1.5' }))
        .statusCode,
      303,
    );
    const after = await first.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    assert.equal(after.statusCode, 200);
    assert.deepEqual(leaks(after.body), [], 'after fulfilment the volunteer no longer sees them');
  });

  it('a volunteer who gives a task back loses sight of the details at once', async () => {
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const v = agent(ctx.app);
    await v.signIn(net.members.volunteer.email);
    await v.get(`/n/${net.network.slug}/tasks`);
    await v.post(`/n/${net.network.slug}/tasks/${summary.id}/claim`, {});
    assert.notDeepEqual(
      leaks((await v.get(`/n/${net.network.slug}/tasks/${summary.id}`)).body),
      [],
    );
    assert.equal(
      (await v.post(`/n/${net.network.slug}/tasks/${summary.id}/unclaim`, {})).statusCode,
      303,
    );
    assert.deepEqual(leaks((await v.get(`/n/${net.network.slug}/tasks/${summary.id}`)).body), []);
  });

  it('neighbours and other networks cannot reach the queue, a request, or a task', async () => {
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const neighbour = agent(ctx.app);
    await neighbour.signIn(net.members.neighbour.email);
    for (const url of [
      `/n/${net.network.slug}/requests`,
      `/n/${net.network.slug}/requests/${summary.id}`,
      `/n/${net.network.slug}/tasks`,
      `/n/${net.network.slug}/tasks/${summary.id}`,
    ]) {
      const res = await neighbour.get(url);
      assert.equal(res.statusCode, 403, url);
      assert.deepEqual(leaks(res.body), []);
    }
    const other = await makeNetwork(ctx);
    const outsider = agent(ctx.app);
    await outsider.signIn(other.members.coordinator.email);
    const res = await outsider.get(`/n/${other.network.slug}/requests/${summary.id}`);
    assert.equal(res.statusCode, 404);
    assert.deepEqual(leaks(res.body), []);
  });

  it('coordinators see the details, and each view is audited with who looked', async () => {
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const c = agent(ctx.app);
    await c.signIn(net.members.coordinator.email);
    const page = await c.get(`/n/${net.network.slug}/requests/${summary.id}`);
    assert.deepEqual(leaks(page.body).sort(), [...PRIVATE].sort());
    const audit = await ctx.db
      .selectFrom('audit_events')
      .select('actor_id')
      .where('action', '=', 'request.private_viewed')
      .where('subject_id', '=', summary.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.actor_id),
      [net.members.coordinator.id],
    );
  });
});
