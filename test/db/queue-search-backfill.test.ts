import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatCode } from '../../src/domain/requests/request-code.ts';
import { migrator } from '../../src/server/db/database.ts';
import { migrations } from '../../src/server/db/migration-list.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent } from '../helpers/http.ts';
import { makeRequest } from '../helpers/requests.ts';

const MINE = '2026_12_02_0100_queue_workbench';

/**
 * Requests taken before the queue's search index existed are indexed by its migration (with
 * the key ring, as seal_contacts is): found by a phone read out and by name afterwards, and
 * the migration refuses, naming the keys, when it has none and there are requests to index.
 */
describe(`the queue search migration back-fills existing requests (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  const names = Object.keys(migrations);
  const before_ = names[names.indexOf(MINE) - 1]!;
  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
  });
  after(() => ctx?.close());

  it('indexes every request taken before it, and needs the keys to do so', async () => {
    const { summary } = await makeRequest(ctx, net.network, {
      name: 'Fatima al-Zahra',
      phone: '+34 655 123 456',
    });
    const redacted = await makeRequest(ctx, net.network, { name: 'Gone Person' });
    await ctx.db
      .updateTable('requests')
      .set({ redacted_at: ctx.clock.now().toISOString() })
      .where('id', '=', redacted.summary.id)
      .execute();
    const down = await migrator(ctx.db).migrateTo(before_);
    assert.equal(down.error, undefined);
    const noKeys = await migrator(ctx.db).migrateToLatest();
    assert.match(String(noKeys.error), /ENCRYPTION_KEYS/);
    const up = await migrator(ctx.db, ctx.config.keys).migrateToLatest();
    assert.equal(up.error, undefined);
    const rows = await ctx.db.selectFrom('request_search').select('request_id').execute();
    assert.ok(rows.some((r) => r.request_id === summary.id));
    assert.ok(!rows.some((r) => r.request_id === redacted.summary.id), 'redacted: not indexed');

    const a = agent(ctx.app);
    await a.signIn(net.members.coordinator.email);
    for (const q of ['655 12 34 56', 'fatima zahra', 'Al Zahra']) {
      const res = await a.get(`/n/${net.network.slug}/requests?q=${encodeURIComponent(q)}`);
      assert.match(res.body, new RegExp(formatCode(summary.code)), q);
    }
  });
});
