import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.ts';
import { audit } from '../../src/server/audit/audit.service.ts';
import { createDb, type Db, migrateToLatest, migrator } from '../../src/server/db/database.ts';
import { migrations } from '../../src/server/db/migration-list.ts';
import { createTestDatabase, DIALECT, TestClock } from '../helpers/context.ts';

describe(`migrations on ${DIALECT}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  before(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    db = createDb(loadConfig({ ...database.env, SECRET_KEY: 'x'.repeat(32) }));
  });
  after(async () => {
    await db.destroy();
    await drop();
  });

  it('run up to the latest, all the way down, and up again', async () => {
    const up = await migrateToLatest(db);
    assert.equal(up.results?.length, Object.keys(migrations).length);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    for (const t of [
      'networks',
      'people',
      'memberships',
      'sessions',
      'audit_events',
      'api_tokens',
      'invitations',
    ]) {
      assert.ok(tables.includes(t), `${t} exists`);
    }
    let down = await migrator(db).migrateDown();
    while (down.results?.length) {
      assert.equal(down.error, undefined);
      down = await migrator(db).migrateDown();
    }
    const left = (await db.introspection.getTables())
      .map((t) => t.name)
      .filter((n) => !n.startsWith('kysely_'));
    assert.deepEqual(left, []);
    await migrateToLatest(db);
  });

  it('makes the audit log append-only in the database itself', async () => {
    const clock = new TestClock();
    await audit(db, clock, { actor: { kind: 'system', label: 'test' }, action: 'network.created' });
    await assert.rejects(
      sql`update audit_events set action = 'changed'`.execute(db),
      /append-only/,
    );
    await assert.rejects(sql`delete from audit_events`.execute(db), /append-only/);
    const rows = await db.selectFrom('audit_events').select('action').execute();
    assert.deepEqual(
      rows.map((r) => r.action),
      ['network.created'],
    );
  });

  it('keeps an email unique among accounts only, not among people entered without one', async () => {
    const now = new Date().toISOString();
    const row = (id: string, password: string | null) => ({
      id,
      display_name: id,
      // The blind index of the email (the email itself is sealed): see person-contact.ts.
      email_enc: null,
      phone_enc: null,
      email_index: 'index-of-same@example.org',
      phone_index: null,
      password_hash: password,
      preferred_language: null,
      is_operator: 0,
      created_by: null,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    });
    await db
      .insertInto('people')
      .values([row('p1', null), row('p2', null), row('p3', 'hash')])
      .execute();
    await assert.rejects(db.insertInto('people').values(row('p4', 'hash')).execute());
  });
});
