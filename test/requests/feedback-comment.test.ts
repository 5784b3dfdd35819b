import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { claimTask, finishTask } from '../../src/server/requests/task.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';

const COMMENT = 'Nobody rang the bell; I waited by the door until six';

/**
 * The requester's feedback reaches the people who can act on it (the coordinators), and no
 * one else; the requester is told it arrived, and sending it again is not an error.
 */
describe(`the requester's feedback comment (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let other: Awaited<ReturnType<typeof makeNetwork>>;
  let request: Awaited<ReturnType<typeof makeRequest>>;
  let statusUrl: string;

  const apiToken = async (personId: string, slug: string, role: 'coordinator' | 'volunteer') =>
    (
      await createApiToken(ctx.deps, {
        actor: asPerson(personId),
        input: { name: 'test', networkSlug: slug, role },
      })
    ).token;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Elm Street Aid' });
    other = await makeNetwork(ctx, { name: 'Far Away Aid' });
    request = await makeRequest(ctx, net.network, { areaId: await addArea(ctx, net.network) });
    const v = asPerson(net.members.volunteer.id);
    const scope = await resolveScope(ctx.db, v, net.network.slug);
    await claimTask(ctx.deps, { actor: v, scope, requestId: request.summary.id });
    await finishTask(ctx.deps, { actor: v, scope, requestId: request.summary.id, hours: 1 });
    statusUrl = `/n/${net.network.slug}/r/${request.summary.code}?k=${request.statusToken}`;
  });
  after(() => ctx.close());

  it('after sending, the status page says it was received; a second send shows the same page', async () => {
    const asker = agent(ctx.app);
    const form = await asker.get(statusUrl);
    assert.match(form.body, /name="outcome"/, 'the form is there before');
    const action = `/n/${net.network.slug}/r/${request.summary.code}/feedback?k=${request.statusToken}`;
    const sent = await asker.post(action, { outcome: 'no_show', comment: COMMENT });
    assert.equal(sent.statusCode, 303);
    const page = await asker.get(String(sent.headers.location));
    assert.equal(page.statusCode, 200);
    assert.ok(text(page.body).includes(en['feedback.received']), text(page.body));
    assert.doesNotMatch(page.body, /name="outcome"/, 'the form is not shown again');
    assert.ok(!page.body.includes(COMMENT), 'the page does not echo the comment');

    // The same form sent again (from the back button's copy of the page): the same answer.
    const again = await asker.post(
      action,
      { outcome: 'helped', comment: 'changed my mind' },
      {
        csrf: asker.csrf(form.body),
      },
    );
    assert.equal(again.statusCode, 303, again.body.slice(0, 300));
    assert.equal(again.headers.location, sent.headers.location);
    const rows = await ctx.db
      .selectFrom('request_feedback')
      .select('outcome')
      .where('request_id', '=', request.summary.id)
      .execute();
    assert.deepEqual(
      rows.map((r) => r.outcome),
      ['no_show'],
      'the first feedback stands, once',
    );
    // Reloading the status page itself keeps saying it.
    assert.ok(text((await asker.get(statusUrl)).body).includes(en['feedback.received']));
  });

  it('a coordinator reads the comment on the request page, in the timeline, and in the API', async () => {
    const coord = agent(ctx.app);
    await coord.signIn(net.members.coordinator.email);
    const page = await coord.get(`/n/${net.network.slug}/requests/${request.summary.id}`);
    assert.equal(page.statusCode, 200);
    const body = text(page.body);
    assert.ok(body.includes(en['request.feedback']), 'a feedback section');
    assert.ok(body.includes(en['feedback.outcome.no_show']));
    assert.equal(body.split(COMMENT).length - 1, 2, 'in the section and in the timeline');
    const timeline = page.body.slice(page.body.indexOf('class="timeline"'));
    assert.ok(text(timeline).includes(COMMENT), 'the timeline entry carries the comment');

    const token = await apiToken(net.members.coordinator.id, net.network.slug, 'coordinator');
    const api = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/networks/${net.network.slug}/requests/${request.summary.id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(api.statusCode, 200, api.body);
    const json = api.json() as { feedback: { outcome: string; comment: string | null } | null };
    assert.equal(json.feedback?.outcome, 'no_show');
    assert.equal(json.feedback?.comment, COMMENT);
  });

  it('nobody else sees it: the volunteer who did the task, a neighbour, another network, a stranger', async () => {
    const requestPage = `/n/${net.network.slug}/requests/${request.summary.id}`;
    const looks: { who: string; bodies: string[] }[] = [];

    const volunteer = agent(ctx.app);
    await volunteer.signIn(net.members.volunteer.email);
    const vReq = await volunteer.get(requestPage);
    assert.equal(vReq.statusCode, 403);
    const vTask = await volunteer.get(`/n/${net.network.slug}/tasks/${request.summary.id}`);
    const vTasks = await volunteer.get(`/n/${net.network.slug}/tasks?show=mine`);
    looks.push({ who: 'volunteer', bodies: [vReq.body, vTask.body, vTasks.body] });

    const neighbour = agent(ctx.app);
    await neighbour.signIn(net.members.neighbour.email);
    looks.push({ who: 'neighbour', bodies: [(await neighbour.get(requestPage)).body] });

    const outsider = agent(ctx.app);
    await outsider.signIn(other.members.coordinator.email);
    const oReq = await outsider.get(requestPage);
    assert.ok([403, 404].includes(oReq.statusCode), String(oReq.statusCode));
    looks.push({ who: 'another network', bodies: [oReq.body] });

    const stranger = agent(ctx.app);
    const sPage = await stranger.get(`/n/${net.network.slug}/r/${request.summary.code}`);
    assert.equal(sPage.statusCode, 200);
    assert.ok(!text(sPage.body).includes(en['feedback.received']), 'not even that it came');
    looks.push({ who: 'stranger with the code', bodies: [sPage.body] });

    for (const [who, id, slug] of [
      ['volunteer token', net.members.volunteer.id, net.network.slug],
      ['other coordinator token', other.members.coordinator.id, other.network.slug],
    ] as const) {
      const role = who === 'volunteer token' ? 'volunteer' : 'coordinator';
      const token = await apiToken(id, slug, role);
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/networks/${net.network.slug}/requests/${request.summary.id}`,
        headers: { authorization: `Bearer ${token}` },
      });
      assert.ok([401, 403, 404].includes(res.statusCode), `${who}: ${res.statusCode}`);
      looks.push({ who, bodies: [res.body] });
    }

    const admin = agent(ctx.app);
    await admin.signIn(net.admin.email);
    looks.push({
      who: 'the audit log',
      bodies: [(await admin.get(`/n/${net.network.slug}/audit`)).body],
    });

    for (const { who, bodies } of looks)
      for (const b of bodies) assert.ok(!b.includes('Nobody rang the bell'), `${who} saw it`);
  });
});
