import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import { runIfDue } from '../../src/server/jobs/scheduler.ts';
import { changeStatus } from '../../src/server/requests/request-triage.service.ts';
import { retentionJob } from '../../src/server/requests/retention.job.ts';
import { claimTask, finishTask } from '../../src/server/requests/task.service.ts';
import { DAY } from '../../src/shared/clock.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';

describe(`feedback and retention (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let areaId: string;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    areaId = await addArea(ctx, net.network);
  });
  after(() => ctx.close());

  async function fulfilled() {
    const made = await makeRequest(ctx, net.network, { areaId });
    const v = asPerson(net.members.volunteer.id);
    const scope = await resolveScope(ctx.db, v, net.network.slug);
    await claimTask(ctx.deps, { actor: v, scope, requestId: made.summary.id });
    await finishTask(ctx.deps, { actor: v, scope, requestId: made.summary.id, hours: 1 });
    return made;
  }

  it('the requester reports a no-show with their link, once; without the link nothing is taken', async () => {
    const { summary, statusToken } = await fulfilled();
    const a = agent(ctx.app);
    const page = await a.get(`/n/${net.network.slug}/r/${summary.code}?k=${statusToken}`);
    assert.match(page.body, /Nobody came/);
    const res = await a.post(`/n/${net.network.slug}/r/${summary.code}/feedback?k=${statusToken}`, {
      outcome: 'no_show',
      comment: 'Waited all afternoon',
    });
    assert.equal(res.statusCode, 303);
    const row = await ctx.db
      .selectFrom('request_feedback')
      .select(['outcome', 'comment_enc'])
      .where('request_id', '=', summary.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.outcome, 'no_show');
    assert.ok(row.comment_enc && !row.comment_enc.includes('Waited'));
    const again = await a.post(
      `/n/${net.network.slug}/r/${summary.code}/feedback?k=${statusToken}`,
      { outcome: 'helped' },
    );
    assert.equal(again.statusCode, 303, 'sent again: the same "received" page, not an error');
    const kept = await ctx.db
      .selectFrom('request_feedback')
      .select('outcome')
      .where('request_id', '=', summary.id)
      .execute();
    assert.deepEqual(
      kept.map((r) => r.outcome),
      ['no_show'],
    );

    const stranger = agent(ctx.app);
    const plain = await stranger.get(`/n/${net.network.slug}/r/${summary.code}`);
    assert.equal(plain.statusCode, 200, 'the code alone shows where it stands');
    assert.doesNotMatch(
      plain.body,
      /Nobody came|Marisol|Elm/,
      'but no feedback form and no detail',
    );
    await stranger.get('/sign-in'); // any page with a form, for a valid CSRF token
    assert.equal(
      (
        await stranger.post(`/n/${net.network.slug}/r/${summary.code}/feedback?k=wrong`, {
          outcome: 'helped',
        })
      ).statusCode,
      404,
    );
  });

  it('redacts personal data of requests closed longer than the retention period, keeping the counts', async () => {
    const old = await fulfilled();
    const recent = await makeRequest(ctx, net.network, { areaId });
    const c = asPerson(net.members.coordinator.id);
    const scope = await resolveScope(ctx.db, c, net.network.slug);
    ctx.clock.advance(60 * DAY);
    await changeStatus(ctx.deps, {
      actor: c,
      scope,
      requestId: recent.summary.id,
      to: 'closed',
      reason: 'withdrawn',
    });
    ctx.clock.advance(31 * DAY); // old: closed 91 days ago; recent: 31 days ago

    const before = await ctx.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await runIfDue(ctx.deps, retentionJob, 'test', () => {});
    assert.match(result!, /redacted [1-9]/);
    const after = await ctx.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n), 'counts kept');

    const oldRow = await ctx.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', old.summary.id)
      .executeTakeFirstOrThrow();
    assert.equal(oldRow.name_enc, null);
    assert.equal(oldRow.phone_enc, null);
    assert.equal(oldRow.address_enc, null);
    assert.equal(oldRow.phone_index, null);
    assert.ok(oldRow.redacted_at);
    assert.equal(oldRow.category, 'groceries', 'what was needed stays, for the reports');
    const recentRow = await ctx.db
      .selectFrom('requests')
      .select(['name_enc', 'redacted_at'])
      .where('id', '=', recent.summary.id)
      .executeTakeFirstOrThrow();
    assert.ok(recentRow.name_enc, 'closed 31 days ago: kept');

    const coord = agent(ctx.app);
    await coord.signIn(net.members.coordinator.email);
    const page = await coord.get(`/n/${net.network.slug}/requests/${old.summary.id}`);
    assert.match(page.body, /deleted after the retention period/);
    assert.doesNotMatch(page.body, /Marisol/);

    assert.equal(
      await runIfDue(ctx.deps, retentionJob, 'other-server', () => {}),
      null,
      'a second server in the same hour does nothing',
    );
  });
});
