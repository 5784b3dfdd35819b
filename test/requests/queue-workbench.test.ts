import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatCode } from '../../src/domain/requests/request-code.ts';
import { en } from '../../src/i18n/en.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { addArea, makeRequest } from '../helpers/requests.ts';

/**
 * The queue as a working table (issue 12), through HTTP on a real database: search in the
 * blind index (a phone number as read out on a call, a name, a code), the assignee, bulk
 * actions, the CSV export and who may do none of it.
 */
describe('the queue as a working table', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Awaited<ReturnType<typeof addMember>>;
  let base: string;
  const made: Record<string, { id: string; code: string }> = {};

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    base = `/n/${net.network.slug}/requests`;
    coordinator = await addMember(ctx, net.network, 'coordinator', { name: '@SUM(1) Ana Ruiz' });
    const areaId = await addArea(ctx, net.network, '=HYPERLINK("http://evil.example")');
    const add = async (key: string, over: Parameters<typeof makeRequest>[2]) => {
      const { summary } = await makeRequest(ctx, net.network, { areaId, ...over });
      made[key] = { id: summary.id, code: summary.code };
    };
    await add('garcia', {
      name: 'José García-Márquez',
      phone: '+34 612 345 678',
      email: 'jg@example.org',
    });
    await add('other', { name: 'Tom Becker', phone: '+34 699 000 111', email: 'tb@example.org' });
    await add('dup1', { name: 'Lena Vogel', phone: '+34 611 222 333', email: 'lv1@example.org' });
    await add('dup2', { name: 'Lena Vogel', phone: '+34 611 222 334', email: 'lv2@example.org' });
  });
  after(() => ctx?.close());

  const signedIn = async (email: string) => {
    const a = agent(ctx.app);
    const res = await a.signIn(email);
    assert.ok(res.statusCode < 400, `signed in as ${email}`);
    return a;
  };
  const codesIn = (html: string) =>
    Object.entries(made)
      .filter(([, r]) => html.includes(formatCode(r.code)))
      .map(([k]) => k)
      .sort();

  it('finds a request by a phone number read out on a call, a name, an email and a code', async () => {
    const a = await signedIn(coordinator.email);
    for (const [q, want] of [
      ['612 345 678', ['garcia']],
      ['+34612345678', ['garcia']],
      ['garcia', ['garcia']],
      ['Marquez, José', ['garcia']],
      ['lena vogel', ['dup1', 'dup2']],
      ['jg@example.org', ['garcia']],
      [formatCode(made.other!.code).toLowerCase(), ['other']],
      ['nobody here', []],
    ] as const) {
      const res = await a.get(`${base}?q=${encodeURIComponent(q)}`);
      assert.equal(res.statusCode, 200, q);
      assert.deepEqual(codesIn(res.body), [...want].sort(), `search "${q}"`);
    }
    // A lone initial is no search: the page says so and lists nobody.
    const res = await a.get(`${base}?q=j.`);
    assert.match(text(res.body), new RegExp(en['queue.unsearchable'].slice(0, 20)));
    assert.deepEqual(codesIn(res.body), []);
  });

  it('filters by a language typed by its name, and sorts by any column', async () => {
    const a = await signedIn(coordinator.email);
    for (const [language, n] of [
      ['Spanish', 4],
      ['espanol', 4],
      ['es', 4],
      ['Arabic', 0],
    ] as const) {
      const res = await a.get(`${base}?language=${encodeURIComponent(language)}`);
      assert.equal(codesIn(res.body).length, n, language);
    }
    for (const sort of [
      'code',
      'category',
      'urgency',
      'area',
      'status',
      'waited',
      'language',
      'assignee',
    ]) {
      for (const dir of ['asc', 'desc']) {
        const res = await a.get(`${base}?sort=${sort}&dir=${dir}`);
        assert.equal(res.statusCode, 200, `${sort} ${dir}`);
        assert.equal(codesIn(res.body).length, 4);
      }
    }
    const byCode = await a.get(`${base}?sort=code&dir=desc`);
    const order = [...byCode.body.matchAll(/class="open"[^>]*>([0-9A-Z]{3}-[0-9A-Z]{3})</g)].map(
      (m) => m[1],
    );
    assert.deepEqual(order, [...order].sort().reverse());
    assert.match(byCode.body, /aria-sort="descending"/);
  });

  it('a coordinator of another network changes nothing here', async () => {
    const other = await makeNetwork(ctx);
    const a = await signedIn(other.members.coordinator.email);
    await a.get(`/n/${other.network.slug}/requests`);
    const res = await a.post(`/n/${other.network.slug}/requests/bulk`, {
      [`tick.${made.other!.id}`]: '1',
      action: 'urgency',
      urgency: 'critical',
    });
    assert.equal(res.statusCode, 303);
    const r = await ctx.db
      .selectFrom('requests')
      .select('urgency')
      .where('id', '=', made.other!.id)
      .executeTakeFirstOrThrow();
    assert.equal(r.urgency, 'high');
    assert.equal((await a.get(`${base}?q=612+345+678`)).statusCode, 403);
  });

  it('stores only HMACs in the search index', async () => {
    const rows = await ctx.db.selectFrom('request_search').selectAll().execute();
    assert.ok(rows.length >= 8, 'names and phones indexed at intake');
    for (const r of rows) {
      assert.doesNotMatch(r.token, /garcia|marquez|vogel|612|345/i);
      assert.equal(r.token.length, 32);
    }
  });

  it('gives a request to a coordinator and shows who has it; keeps the filters in the address', async () => {
    const a = await signedIn(coordinator.email);
    const page = await a.get(`${base}?q=612+345+678`);
    const res = await a.post(
      `${base}/bulk`,
      {
        [`tick.${made.garcia!.id}`]: '1',
        action: 'owner',
        coordinatorId: coordinator.id,
        back: 'q=612 345 678',
      },
      { csrf: a.csrf(page.body) },
    );
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /q=612/);
    const after = await a.get(String(res.headers.location));
    assert.match(text(after.body), /@SUM\(1\) Ana Ruiz/);
    assert.match(text(after.body), /1 requests changed/);
    const mine = await a.get(`${base}?owner=me`);
    assert.deepEqual(codesIn(mine.body), ['garcia']);
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', made.garcia!.id)
      .execute();
    assert.ok(audits.some((x) => x.action === 'request.owner_set'));
  });

  it('bulk-closes two repeats through the status machine, each audited and in its timeline', async () => {
    const a = await signedIn(coordinator.email);
    await a.get(base);
    const res = await a.post(`${base}/bulk`, {
      [`tick.${made.dup1!.id}`]: '1',
      [`tick.${made.dup2!.id}`]: '1',
      action: 'close_duplicate',
    });
    assert.equal(res.statusCode, 303);
    for (const key of ['dup1', 'dup2']) {
      const r = await ctx.db
        .selectFrom('requests')
        .select(['status', 'close_reason'])
        .where('id', '=', made[key]!.id)
        .executeTakeFirstOrThrow();
      assert.deepEqual(r, { status: 'closed', close_reason: 'duplicate' });
      const ev = await ctx.db
        .selectFrom('request_events')
        .select('to_status')
        .where('request_id', '=', made[key]!.id)
        .where('kind', '=', 'status')
        .execute();
      assert.deepEqual(
        ev.map((e) => e.to_status),
        ['closed'],
      );
    }
    // Closed again: skipped, named, nothing changed.
    await a.get(base);
    const again = await a.post(`${base}/bulk`, {
      [`tick.${made.dup1!.id}`]: '1',
      action: 'close_withdrawn',
    });
    const shown = await a.get(String(again.headers.location));
    assert.match(text(shown.body), new RegExp(formatCode(made.dup1!.code)));
    assert.match(text(shown.body), /0 requests changed/);
  });

  it('asks for a tick and an action in words, keeping the view', async () => {
    const a = await signedIn(coordinator.email);
    await a.get(base);
    const none = await a.post(`${base}/bulk`, { action: 'urgency', urgency: 'critical' });
    assert.equal(none.statusCode, 422);
    assert.match(text(none.body), new RegExp(en['queue.bulk.noneTicked']));
    await a.get(base);
    const noAction = await a.post(`${base}/bulk`, { [`tick.${made.other!.id}`]: '1' });
    assert.equal(noAction.statusCode, 422);
    assert.match(text(noAction.body), new RegExp(en['queue.bulk.chooseAction']));
  });

  it('exports the current view as CSV with formula cells neutralised, and audits it', async () => {
    const a = await signedIn(coordinator.email);
    const res = await a.get(`${base}.csv?q=612+345+678`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, 2, 'the header and the one request found');
    assert.match(lines[1]!, /"'=HYPERLINK\(""http:\/\/evil.example""\)"/);
    assert.match(lines[1]!, /"'@SUM\(1\) Ana Ruiz"/);
    assert.doesNotMatch(res.body, /José|612 345/, 'no personal data in the export');
    const audits = await ctx.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('action', '=', 'request.queue_exported')
      .execute();
    assert.equal(audits.length, 1);
    assert.doesNotMatch(JSON.stringify(audits[0]), /612/, 'the search text is not kept');
  });

  it('saves and deletes a view per coordinator', async () => {
    const a = await signedIn(coordinator.email);
    await a.get(`${base}?urgency=high&sort=waited`);
    const saved = await a.post(`${base}/views`, {
      name: 'High first',
      query: 'urgency=high&sort=waited',
    });
    assert.equal(saved.statusCode, 303);
    const page = await a.get(base);
    assert.match(page.body, /href="[^"]*\?urgency=high&amp;sort=waited"[^>]*>High first/);
    const other = await signedIn(net.members.coordinator.email);
    assert.doesNotMatch((await other.get(base)).body, /High first/, 'views are per coordinator');
    const id = (await ctx.db.selectFrom('queue_views').select('id').executeTakeFirstOrThrow()).id;
    await a.get(base);
    await a.post(`${base}/views/delete`, { id });
    assert.doesNotMatch((await a.get(base)).body, /High first/);
  });

  it('a volunteer or a neighbour can neither search, export nor bulk-act', async () => {
    for (const role of ['volunteer', 'neighbour'] as const) {
      const a = await signedIn(net.members[role].email);
      const page = await a.get('/account');
      const csrf = a.csrf(page.body);
      assert.equal((await a.get(`${base}?q=612+345+678`)).statusCode, 403, role);
      const csv = await a.get(`${base}.csv?q=612+345+678`);
      assert.equal(csv.statusCode, 403, role);
      assert.doesNotMatch(csv.body, new RegExp(formatCode(made.garcia!.code)));
      const bulk = await a.post(
        `${base}/bulk`,
        { [`tick.${made.other!.id}`]: '1', action: 'close_withdrawn' },
        { csrf },
      );
      assert.equal(bulk.statusCode, 403, role);
      const r = await ctx.db
        .selectFrom('requests')
        .select('status')
        .where('id', '=', made.other!.id)
        .executeTakeFirstOrThrow();
      assert.equal(r.status, 'new');
    }
  });
});
