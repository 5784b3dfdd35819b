import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatCode } from '../../src/domain/requests/request-code.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, makeRequest } from '../helpers/requests.ts';

/**
 * Editing a request and saying who has it (issue 12), through HTTP on a real database: every
 * field, a change made meanwhile, bad input at its field, the timeline and audit, the blind
 * indexes, taking it from the request page, and who may see none of it.
 */
describe('editing a request', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Awaited<ReturnType<typeof addMember>>;
  let volunteer: Awaited<ReturnType<typeof addMember>>;
  let areaId: string;
  let id: string;
  let base: string;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    coordinator = await addMember(ctx, net.network, 'coordinator', { name: 'Ana Ruiz' });
    volunteer = await addMember(ctx, net.network, 'volunteer', { name: 'Vic Volunteer' });
    areaId = await addArea(ctx, net.network, 'Riverside');
    const { summary } = await makeRequest(ctx, net.network, {
      name: 'Marisol Lopez',
      phone: '+34 612 345 678',
      email: 'marisol@example.org',
      urgency: 'normal',
    });
    id = summary.id;
    base = `/n/${net.network.slug}/requests/${id}`;
  });
  after(() => ctx?.close());

  const signedIn = async (email: string) => {
    const a = agent(ctx.app);
    const res = await a.signIn(email);
    assert.ok(res.statusCode < 400, `signed in as ${email}`);
    return a;
  };
  const versionIn = (html: string) => /name="version" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const edited = {
    name: 'Marisol Lopez Vega',
    phone: '+34 699 111 222',
    email: 'mlv@example.org',
    address: '14 Oak Road',
    details: 'Medicines from the pharmacy',
    accessibility: 'Ground floor now',
    category: 'medicine',
    urgency: 'high',
    householdSize: '4',
    language: 'en',
  };

  it('changes every field; the timeline shows old and new, the search follows the new phone', async () => {
    const a = await signedIn(coordinator.email);
    const form = await a.get(`${base}/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /Marisol Lopez/);
    const res = await a.post(`${base}/edit`, {
      ...edited,
      areaId,
      version: versionIn(form.body),
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const page = text((await a.get(String(res.headers.location))).body);
    assert.match(page, /Urgency: In the next few days → Today or tomorrow/);
    assert.match(page, /Phone: \+34612345678 → \+34699111222/);
    assert.match(page, /Name: Marisol Lopez → Marisol Lopez Vega/);
    assert.match(page, /People in the household: 3 → 4/);
    assert.match(page, /Area: — → Riverside/);
    const queue = `/n/${net.network.slug}/requests`;
    assert.match((await a.get(`${queue}?q=699+111+222`)).body, new RegExp(`${id}`));
    assert.doesNotMatch((await a.get(`${queue}?q=612+345+678`)).body, new RegExp(`${id}`));
    assert.match((await a.get(`${queue}?q=vega`)).body, new RegExp(`${id}`));

    const audits = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', id)
      .execute();
    const entry = audits.find((x) => x.action === 'request.fields_edited');
    assert.ok(entry, 'the edit is audited');
    assert.match(entry.details, /urgency/);
    for (const secret of ['Marisol', '699', '612', 'mlv@', 'Oak', 'pharmacy', 'Ground'])
      assert.ok(!entry.details.includes(secret), `no ${secret} in the audit entry`);
    const events = await ctx.db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', id)
      .where('kind', '=', 'fields_edited')
      .execute();
    assert.equal(events.length, 1);
    assert.ok(!JSON.stringify(events).includes('Marisol'), 'the change record is sealed');
  });

  it('refuses a save over a change made meanwhile, keeping what was typed', async () => {
    const a = await signedIn(coordinator.email);
    const stale = versionIn((await a.get(`${base}/edit`)).body);
    await a.post(`${base}/edit`, { ...edited, urgency: 'critical', version: stale });
    await a.get(`${base}/edit`);
    const res = await a.post(`${base}/edit`, {
      ...edited,
      details: 'typed while someone else saved',
      version: stale,
    });
    assert.equal(res.statusCode, 409);
    assert.match(text(res.body), /changed this request while you had the form open/);
    assert.match(res.body, /typed while someone else saved/);
  });

  it('puts each mistake at its field', async () => {
    const a = await signedIn(coordinator.email);
    const form = await a.get(`${base}/edit`);
    const res = await a.post(`${base}/edit`, {
      ...edited,
      phone: 'call me',
      householdSize: 'many',
      category: 'nonsense',
      version: versionIn(form.body),
    });
    assert.equal(res.statusCode, 422);
    for (const f of ['phone', 'householdSize'])
      assert.match(res.body, new RegExp(`id="field-${f}-error"`), `a mistake at ${f}`);
    assert.match(res.body, /call me/);
  });

  it('lets a coordinator take it from the request page, and shows who has it', async () => {
    const a = await signedIn(coordinator.email);
    const page = await a.get(base);
    assert.match(text(page.body), /Who has it/);
    const res = await a.post(`${base}/owner`, { coordinatorId: coordinator.id });
    assert.equal(res.statusCode, 303);
    const after = text((await a.get(base)).body);
    assert.match(after, /Coordinator Ana Ruiz/);
    assert.match(after, /Given to a coordinator/);
  });

  it('shows neither the form nor the change record to a volunteer', async () => {
    const v = await signedIn(volunteer.email);
    assert.equal((await v.get(`${base}/edit`)).statusCode, 403);
    const page = await v.get(base);
    assert.equal(page.statusCode, 403);
    assert.doesNotMatch(page.body, /Marisol|699 111|Oak Road/);
    await v.get(`/n/${net.network.slug}`);
    const post = await v.post(`${base}/edit`, { ...edited, version: 'x' });
    assert.equal(post.statusCode, 403);
  });

  it('tells the assigned volunteer when the requester cancels, and the task leaves their feed', async () => {
    const { summary, statusToken } = await makeRequest(ctx, net.network, { name: 'Cancel Me' });
    const a = await signedIn(coordinator.email);
    await a.get(`/n/${net.network.slug}/requests/${summary.id}`);
    const assigned = await a.post(`/n/${net.network.slug}/requests/${summary.id}/assign`, {
      volunteerId: volunteer.id,
    });
    assert.equal(assigned.statusCode, 303, assigned.body.slice(0, 300));
    const v = await signedIn(volunteer.email);
    const code = formatCode(summary.code);
    assert.ok((await v.get(`/n/${net.network.slug}/tasks`)).body.includes(`/tasks/${summary.id}`));

    const neighbour = agent(ctx.app);
    const k = encodeURIComponent(statusToken);
    await neighbour.get(`/n/${net.network.slug}/r/${summary.code}?k=${k}`);
    const cancel = await neighbour.post(
      `/n/${net.network.slug}/r/${summary.code}/cancel?k=${k}`,
      {},
    );
    assert.equal(cancel.statusCode, 303);

    const told = await ctx.db
      .selectFrom('notifications')
      .select(['kind', 'title'])
      .where('person_id', '=', volunteer.id)
      .where('kind', '=', 'task.cancelled')
      .execute();
    assert.equal(told.length, 1);
    assert.match(told[0]!.title, new RegExp(code));
    const feed = await v.get(`/n/${net.network.slug}/tasks`);
    assert.ok(!feed.body.includes(`/tasks/${summary.id}`), 'gone from the feed');
  });

  it('keeps notes between coordinators sealed and from the volunteer and the requester', async () => {
    const { summary, statusToken } = await makeRequest(ctx, net.network, { name: 'Noted' });
    const page = `/n/${net.network.slug}/requests/${summary.id}`;
    const a = await signedIn(coordinator.email);
    await a.post(`${page}/assign`, { volunteerId: volunteer.id });
    await a.get(page);
    const empty = await a.post(`${page}/notes`, { note: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /id="field-note-error"/);
    await a.get(page);
    const res = await a.post(`${page}/notes`, { note: 'Daughter Carmen calls back after six' });
    assert.equal(res.statusCode, 303);
    assert.match(text((await a.get(page)).body), /Daughter Carmen calls back after six/);

    const v = await signedIn(volunteer.email);
    const task = await v.get(`/n/${net.network.slug}/tasks/${summary.id}`);
    assert.equal(task.statusCode, 200);
    assert.doesNotMatch(task.body, /Carmen/);
    assert.equal((await v.get(page)).statusCode, 403);
    const neighbour = agent(ctx.app);
    const status = await neighbour.get(
      `/n/${net.network.slug}/r/${summary.code}?k=${encodeURIComponent(statusToken)}`,
    );
    assert.equal(status.statusCode, 200);
    assert.doesNotMatch(status.body, /Carmen/);

    const rows = await ctx.db
      .selectFrom('request_events')
      .selectAll()
      .where('request_id', '=', summary.id)
      .execute();
    assert.ok(rows.some((r) => r.kind === 'internal_note'));
    assert.ok(!JSON.stringify(rows).includes('Carmen'), 'sealed at rest');
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('subject_id', '=', summary.id)
      .execute();
    assert.ok(audits.some((x) => x.action === 'request.internal_note'));
    assert.ok(!JSON.stringify(audits).includes('Carmen'), 'no note text in the audit log');
  });
});
