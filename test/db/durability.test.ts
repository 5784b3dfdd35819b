import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Deps } from '../../src/server/core/deps.ts';
import { createDeps } from '../../src/server/runtime.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent } from '../helpers/http.ts';

/**
 * A request for help that the app has acknowledged must survive a power cut, not only a
 * crash of the process: on SQLite that is `synchronous=FULL` on the app's own connection
 * (WAL with NORMAL may lose the last commits when the machine loses power); on PostgreSQL,
 * `synchronous_commit` on and `fsync` on at the server.
 */
describe(`durability of acknowledged writes (${DIALECT})`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  /** What the app's own connection says, after it has taken a request for help. */
  async function settingsAfterIntake(deps: Pick<Deps, 'db' | 'config'>, app = ctx.app) {
    const net = await makeNetwork({ ...ctx, db: deps.db } as TestContext);
    const a = agent(app);
    await a.get(`/n/${net.network.slug}/ask`);
    const res = await a.post(`/n/${net.network.slug}/ask`, {
      category: 'meals',
      urgency: 'normal',
      householdSize: '2',
      when: 'any',
      name: 'Ana',
      phone: '555 010 4242',
      language: 'en',
      consent: '1',
    });
    assert.equal(res.statusCode, 303);
    if (deps.config.dialect === 'sqlite') {
      const r = await sql<{ synchronous: number }>`pragma synchronous`.execute(deps.db);
      const j = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(deps.db);
      return { synchronous: Number(r.rows[0]!.synchronous), journal: j.rows[0]!.journal_mode };
    }
    const c = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(deps.db);
    const f = await sql<{ fsync: string }>`show fsync`.execute(deps.db);
    return { synchronousCommit: c.rows[0]!.synchronous_commit, fsync: f.rows[0]!.fsync };
  }

  it('the running app writes with a full sync on every commit', async () => {
    const got = await settingsAfterIntake(ctx.deps);
    if (DIALECT === 'sqlite') {
      // 2 = FULL: the WAL is synced to disk before a commit returns (1 = NORMAL: at checkpoints).
      assert.deepEqual(got, { synchronous: 2, journal: 'wal' });
    } else {
      assert.deepEqual(got, { synchronousCommit: 'on', fsync: 'on' });
    }
  });

  it('so does the app as main.ts wires it (createDeps)', {
    skip: DIALECT !== 'sqlite' && 'SQLite only: on PostgreSQL the first test reads the server',
  }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutua-durable-'));
    const deps = await createDeps(
      loadConfig({ DATA_DIR: dir, SECRET_KEY: 's'.repeat(40), LOG_LEVEL: 'silent' }),
      () => {},
    );
    const app = await buildApp(deps, { log: false });
    try {
      assert.deepEqual(await settingsAfterIntake(deps, app), { synchronous: 2, journal: 'wal' });
    } finally {
      await app.close();
      await deps.db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SQLITE_SYNCHRONOUS chooses the level, and refuses anything else by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutua-durable-cfg-'));
    const base = { DATA_DIR: dir, SECRET_KEY: 's'.repeat(40) };
    assert.equal(loadConfig(base).sqliteSynchronous, 'full');
    assert.equal(loadConfig({ ...base, SQLITE_SYNCHRONOUS: 'normal' }).sqliteSynchronous, 'normal');
    assert.equal(loadConfig({ ...base, SQLITE_SYNCHRONOUS: 'FULL' }).sqliteSynchronous, 'full');
    assert.throws(
      () => loadConfig({ ...base, SQLITE_SYNCHRONOUS: 'off' }),
      (e: unknown) => e instanceof ConfigError && e.variable === 'SQLITE_SYNCHRONOUS',
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
