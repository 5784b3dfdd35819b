import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import {
  checkService,
  doNotListService,
  importDirectory,
  partnerReviewQueue,
} from '../../src/server/partners/directory.service.ts';
import { example, exampleFiles, pageErrors, schemaErrors } from '../domain/partners/hsds-schema.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { asPerson } from '../helpers/requests.ts';

describe(`partner directory and the public HSDS API (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let slug: string;
  const scopeOf = async (personId: string) =>
    resolveScope(ctx.db, asPerson(personId), net.network.slug);
  const coordinator = () => net.members.coordinator.id;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Elm Street Aid' });
    slug = net.network.slug;
  });
  after(async () => ctx.close());

  it('a neighbour may not import', async () => {
    const scope = await scopeOf(net.members.neighbour.id);
    await assert.rejects(
      importDirectory(ctx.deps, {
        actor: asPerson(net.members.neighbour.id),
        scope,
        input: { format: 'json', source: 's', text: example('service_full.json') },
      }),
      /FORBIDDEN/,
    );
  });

  it('bad input: every problem named, nothing written', async () => {
    const bad = JSON.parse(example('service_full.json'));
    bad.status = 'open-ish';
    bad.phones[0].number = 42;
    const r = await importDirectory(ctx.deps, {
      actor: asPerson(coordinator()),
      scope: await scopeOf(coordinator()),
      input: { format: 'json', source: 'bad.json', text: JSON.stringify(bad) },
    });
    assert.equal(r.ok, false);
    if (r.ok) return;
    const errors = r.problems.filter((p) => p.severity === 'error');
    assert.ok(errors.length >= 2, JSON.stringify(errors));
    assert.ok(errors.every((p) => p.origin.source === 'bad.json'));
    const res = await ctx.app.inject({ method: 'GET', url: `/n/${slug}/hsds/services` });
    assert.equal(res.json().total_items, 0);
  });

  it('the official examples import (JSON and the CSV package)', async () => {
    const actor = asPerson(coordinator());
    const scope = await scopeOf(coordinator());
    for (const file of ['service_full.json', 'organization_full.json']) {
      const r = await importDirectory(ctx.deps, {
        actor,
        scope,
        input: { format: 'json', source: file, text: example(file) },
      });
      assert.equal(r.ok, true, JSON.stringify(r));
    }
    const csv = await importDirectory(ctx.deps, {
      actor,
      scope,
      input: { format: 'csv', files: exampleFiles('csv') },
    });
    assert.equal(csv.ok, true, JSON.stringify(csv));
  });

  it('the API answers as HSDS says, and validates against the official schemas', async () => {
    const meta = await ctx.app.inject({ method: 'GET', url: `/n/${slug}/hsds/` });
    assert.equal(meta.statusCode, 200);
    assert.equal(meta.headers['access-control-allow-origin'], '*');
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/n/${slug}/hsds/services?per_page=1&page=1`,
    });
    assert.equal(list.statusCode, 200);
    const page = list.json();
    assert.deepEqual(pageErrors(page), []);
    assert.ok(page.total_items >= 1);
    assert.equal(page.size, 1);
    const full = await ctx.app.inject({ method: 'GET', url: `/n/${slug}/hsds/services?full=true` });
    for (const item of full.json().contents) assert.deepEqual(schemaErrors('service', item), []);
    const id = page.contents[0].id;
    const one = await ctx.app.inject({ method: 'GET', url: `/n/${slug}/hsds/services/${id}` });
    assert.equal(one.statusCode, 200);
    assert.deepEqual(schemaErrors('service', one.json()), []);
    const bad = await ctx.app.inject({
      method: 'GET',
      url: `/n/${slug}/hsds/services?per_page=9999`,
      headers: { 'accept-language': 'es' },
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().errors[0].message, /número entero/);
    const gone = await ctx.app.inject({ method: 'GET', url: '/n/no-such/hsds/services' });
    assert.equal(gone.statusCode, 404);
  });

  it('stale services enter the review queue; a check takes them out; do not list hides them', async () => {
    const actor = asPerson(coordinator());
    const scope = await scopeOf(coordinator());
    const queue = await partnerReviewQueue(ctx.deps, scope);
    assert.ok(queue.length >= 1, 'imported services checked long ago are stale or unchecked');
    const target = queue[0]!.serviceId;
    assert.deepEqual(
      await checkService(ctx.deps, { actor, scope, serviceId: target, method: 'phone' }),
      { ok: true },
    );
    const after = await partnerReviewQueue(ctx.deps, scope);
    assert.ok(!after.some((q) => q.serviceId === target));
    assert.deepEqual(
      await doNotListService(ctx.deps, {
        actor,
        scope,
        serviceId: target,
        reason: 'other',
        note: '',
      }),
      { ok: false, code: 'DO_NOT_LIST_NOTE_REQUIRED' },
    );
    assert.deepEqual(
      await doNotListService(ctx.deps, {
        actor,
        scope,
        serviceId: target,
        reason: 'closed',
        note: null,
      }),
      { ok: true },
    );
    const res = await ctx.app.inject({ method: 'GET', url: `/n/${slug}/hsds/services/${target}` });
    assert.equal(res.statusCode, 404);
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/n/${slug}/hsds/services?minimal=true&per_page=200`,
    });
    assert.ok(!list.json().contents.some((s: { id: string }) => s.id === target));
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('network_id', '=', net.network.id)
      .execute();
    const actions = audits.map((a) => a.action);
    for (const a of [
      'partners.imported',
      'partners.service_checked',
      'partners.service_not_listed',
    ])
      assert.ok(actions.includes(a), a);
  });
});
