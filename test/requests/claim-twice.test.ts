import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { assignVolunteer } from '../../src/server/requests/request-triage.service.ts';
import { claimTask } from '../../src/server/requests/task.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';
import { startSmsGateway, textIn } from '../helpers/sms-gateway.ts';

/**
 * The same person doing the same thing twice is not a conflict: a double click on "I will do
 * it", two "YES" texts, a coordinator giving the task again to the one who holds it. Only
 * someone else holding the task is one, and then the words say who and what to do.
 */
describe(`claiming and assigning twice (${DIALECT})`, () => {
  let ctx: TestContext;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let areaId: string;
  before(async () => {
    gateway = await startSmsGateway();
    ctx = await createTestContext({ env: gateway.env });
    net = await makeNetwork(ctx);
    areaId = await addArea(ctx, net.network);
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
  });

  /** What a claim leaves behind: timeline entries, audit entries, messages. */
  const traces = async (requestId: string) => {
    const events = await ctx.db
      .selectFrom('request_events')
      .select(['kind', 'outcome'])
      .where('request_id', '=', requestId)
      .where('kind', 'in', ['status', 'assigned'])
      .execute();
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', requestId)
      .where('action', 'in', ['request.claimed', 'request.assigned'])
      .execute();
    const outbox = await ctx.db
      .selectFrom('outbox_messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { events: events.length, audits: audits.length, outbox: Number(outbox.n) };
  };

  it('a double click on "I will do it": both answer success, the second says you have it', async () => {
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const v = agent(ctx.app);
    await v.signIn(net.members.volunteer.email);
    await v.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    const form = v.lastHtml;
    const first = await v.post(
      `/n/${net.network.slug}/tasks/${summary.id}/claim`,
      {},
      {
        csrf: v.csrf(form),
      },
    );
    assert.equal(first.statusCode, 303);
    const once = await traces(summary.id);
    // The second click of the same form, sent before the first page came back.
    const second = await v.post(
      `/n/${net.network.slug}/tasks/${summary.id}/claim`,
      {},
      {
        csrf: v.csrf(form),
      },
    );
    assert.equal(second.statusCode, 303, text(second.body));
    assert.equal(
      second.headers.location,
      `/n/${net.network.slug}/tasks/${summary.id}?done=alreadyYours`,
    );
    const page = await v.get(String(second.headers.location));
    assert.match(text(page.body), /You have this task/);
    assert.doesNotMatch(text(page.body), /Someone else/);
    assert.deepEqual(await traces(summary.id), once, 'nothing more recorded or sent');
  });

  it('two identical claims at the same moment: both succeed, one claim is recorded', async () => {
    const volunteer = await addMember(ctx, net.network, 'volunteer');
    for (let round = 0; round < 4; round++) {
      const { summary } = await makeRequest(ctx, net.network, { areaId });
      const before = await traces(summary.id);
      const scope = await resolveScope(ctx.db, asPerson(volunteer.id), net.network.slug);
      const results = await Promise.allSettled(
        [0, 1].map(() =>
          claimTask(ctx.deps, { actor: asPerson(volunteer.id), scope, requestId: summary.id }),
        ),
      );
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled'],
        `round ${round}: ${results.map((r) => (r.status === 'rejected' ? String(r.reason) : '')).join(' ')}`,
      );
      const outcomes = results.map((r) => (r.status === 'fulfilled' ? r.value : null)).sort();
      assert.deepEqual(outcomes, ['already_yours', 'claimed']);
      const after = await traces(summary.id);
      assert.equal(after.events - before.events, 1, 'one claim event');
      assert.equal(after.audits - before.audits, 1, 'one audit entry');
      assert.equal(after.outbox, before.outbox, 'no message more than one claim sends');
      const row = await ctx.db
        .selectFrom('requests')
        .select(['status', 'volunteer_id'])
        .where('id', '=', summary.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(row, { status: 'assigned', volunteer_id: volunteer.id });
    }
  });

  it('the same two claims over HTTP at once: both pages say it is yours', async () => {
    const volunteer = await addMember(ctx, net.network, 'volunteer');
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const v = agent(ctx.app);
    await v.signIn(volunteer.email);
    await v.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    const csrf = v.csrf();
    const both = await Promise.all(
      [0, 1].map(() => v.post(`/n/${net.network.slug}/tasks/${summary.id}/claim`, {}, { csrf })),
    );
    assert.deepEqual(
      both.map((r) => r.statusCode),
      [303, 303],
    );
    const done = both.map((r) => String(r.headers.location).split('done=')[1]).sort();
    assert.deepEqual(done, ['alreadyYours', 'claimed']);
    assert.equal((await traces(summary.id)).events, 1);
  });

  it('someone else holding it is still a conflict, with what to do', async () => {
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const holder = await addMember(ctx, net.network, 'volunteer');
    const scope = await resolveScope(ctx.db, asPerson(holder.id), net.network.slug);
    await claimTask(ctx.deps, { actor: asPerson(holder.id), scope, requestId: summary.id });
    const other = agent(ctx.app);
    await other.signIn(net.members.volunteer.email);
    await other.get(`/n/${net.network.slug}/tasks`);
    const lost = await other.post(`/n/${net.network.slug}/tasks/${summary.id}/claim`, {});
    assert.equal(lost.statusCode, 409);
    assert.match(text(lost.body), /Someone else has just taken this task.*here are others/);
  });

  it('a coordinator giving the task to the volunteer who holds it succeeds, changing nothing', async () => {
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const holder = await addMember(ctx, net.network, 'volunteer', { name: 'Rosa Holder' });
    const c = agent(ctx.app);
    await c.signIn(net.members.coordinator.email);
    // The coordinator opens the request while it is free...
    await c.get(`/n/${net.network.slug}/requests/${summary.id}`);
    const stale = c.lastHtml;
    // ...the volunteer claims it meanwhile...
    const scope = await resolveScope(ctx.db, asPerson(holder.id), net.network.slug);
    await claimTask(ctx.deps, { actor: asPerson(holder.id), scope, requestId: summary.id });
    const once = await traces(summary.id);
    // ...and the coordinator, from the stale page, gives it to the same volunteer.
    const same = await c.post(
      `/n/${net.network.slug}/requests/${summary.id}/assign`,
      { volunteerId: holder.id },
      { csrf: c.csrf(stale) },
    );
    assert.equal(same.statusCode, 303, text(same.body));
    assert.equal(
      same.headers.location,
      `/n/${net.network.slug}/requests/${summary.id}?done=assigned`,
    );
    assert.deepEqual(await traces(summary.id), once);

    // Giving it again through the service (a dispatch sent twice) is the same success.
    const coordScope = await resolveScope(
      ctx.db,
      asPerson(net.members.coordinator.id),
      net.network.slug,
    );
    assert.equal(
      await assignVolunteer(ctx.deps, {
        actor: asPerson(net.members.coordinator.id),
        scope: coordScope,
        requestId: summary.id,
        volunteerId: holder.id,
      }),
      'already_assigned',
    );

    // Someone else: refused on the request page, naming the holder and the way on.
    const elsewhere = await c.post(
      `/n/${net.network.slug}/requests/${summary.id}/assign`,
      { volunteerId: net.members.volunteer.id },
      { csrf: c.csrf(stale) },
    );
    assert.equal(elsewhere.statusCode, 409);
    const words = text(elsewhere.body);
    assert.match(words, /Rosa Holder already holds this task, so nothing was changed/);
    assert.match(words, /move it back to “Triaged”/);
    assert.doesNotMatch(words, /Thank you for offering/, 'not the words for volunteers');
    assert.match(elsewhere.body, /<h1>Request /, 'on the request page as it stands');
    const row = await ctx.db
      .selectFrom('requests')
      .select('volunteer_id')
      .where('id', '=', summary.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.volunteer_id, holder.id);
  });

  it('a coordinator assigning at the same moment as the volunteer claims: both succeed', async () => {
    const volunteer = await addMember(ctx, net.network, 'volunteer');
    const coordinator = asPerson(net.members.coordinator.id);
    for (let round = 0; round < 3; round++) {
      const { summary } = await makeRequest(ctx, net.network, { areaId });
      const [vScope, cScope] = await Promise.all([
        resolveScope(ctx.db, asPerson(volunteer.id), net.network.slug),
        resolveScope(ctx.db, coordinator, net.network.slug),
      ]);
      const results = await Promise.allSettled([
        claimTask(ctx.deps, {
          actor: asPerson(volunteer.id),
          scope: vScope,
          requestId: summary.id,
        }),
        assignVolunteer(ctx.deps, {
          actor: coordinator,
          scope: cScope,
          requestId: summary.id,
          volunteerId: volunteer.id,
        }),
      ]);
      assert.deepEqual(
        results.map((r) => r.status),
        ['fulfilled', 'fulfilled'],
      );
      assert.equal((await traces(summary.id)).events, 1, 'one of the two took it');
    }
  });

  it('two "YES" texts from the same volunteer: both answered as theirs, one claim', async () => {
    const phone = '+15550402001';
    await addMember(ctx, net.network, 'volunteer', { phone });
    const { summary } = await makeRequest(ctx, net.network, { areaId });
    const replies: string[] = [];
    for (const body of [`YES ${summary.code}`, `yes ${summary.code}`]) {
      const before = gateway.to(phone).length;
      const res = await textIn(ctx.app, ctx.config.baseUrl, { from: phone, body });
      assert.equal(res.statusCode, 200);
      await drainOutbox(ctx.deps);
      replies.push(
        ...gateway
          .to(phone)
          .slice(before)
          .map((m) => m.body),
      );
    }
    assert.equal(replies.length, 2, 'one reply per text');
    for (const r of replies) assert.match(r, /is yours/);
    for (const r of replies) assert.doesNotMatch(r, /taken by someone else/);
    assert.equal((await traces(summary.id)).events, 1);
  });
});
