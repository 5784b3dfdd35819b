import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Kysely } from 'kysely';
import { type Config, loadConfig } from '../../src/config.ts';
import { signIn } from '../../src/server/auth/auth.service.ts';
import type { Actor } from '../../src/server/core/actor.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { createDb, type Db, migrateToLatest, migrator } from '../../src/server/db/database.ts';
import { listGoodsOffers } from '../../src/server/offers/goods-offer.service.ts';
import { findAccount, findPeopleByPhone } from '../../src/server/people/person.repository.ts';
import { viewPerson } from '../../src/server/people/person.service.ts';
import { reindexContacts } from '../../src/server/privacy/contact-index.ts';
import { rotateKeys } from '../../src/server/privacy/rotate-keys.ts';
import { newKeySpec } from '../../src/shared/crypto.ts';
import { hashPassword } from '../../src/shared/password.ts';
import { createTestDatabase, DIALECT, TestClock } from '../helpers/context.ts';
import { PASSWORD } from '../helpers/factories.ts';
import { plaintextIn } from './plaintext.ts';

const BEFORE = '2026_11_24_1000_outbox_fence';
const SEAL = '2026_11_25_0900_seal_contacts';

/**
 * The migration that seals what was stored in the clear: a database at the migration before
 * it, with plaintext contacts and notes, comes out sealed, still readable by a coordinator,
 * still signing in; rotation and a change of SECRET_KEY keep it so.
 */
describe(`sealing stored contacts (${SEAL}) on ${DIALECT}`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let env: Record<string, string>;
  let config: Config;
  const oldKey = newKeySpec('m1');
  const clock = new TestClock();
  const now = clock.now().toISOString();
  const client = { ip: '192.0.2.1', userAgent: 'test' };
  const coordinator: Actor = {
    kind: 'person',
    personId: 'p-coord',
    displayName: 'Coordinator',
    isOperator: false,
    preferredLanguage: null,
    sessionId: 'test',
  };
  const PLAIN = ['rosa@example.org', '5550142277', 'coord@example.org', 'Portal 7B'];

  const columnsOf = async (table: string) =>
    (await db.introspection.getTables()).find((t) => t.name === table)!.columns.map((c) => c.name);

  /** What a coordinator reads, through the services, with these keys. */
  async function coordinatorReads(c: Config) {
    const deps = { db, config: c, clock };
    const scope = await resolveScope(db, coordinator, 'barrio');
    const person = await viewPerson(deps, { scope, personId: 'p-call' });
    const view = await listGoodsOffers(deps, { actor: coordinator, scope });
    assert.equal(view.kind, 'all');
    return {
      contact: person.shown,
      notes: Object.fromEntries(
        (view.kind === 'all' ? view.offers : []).map((o) => [o.id, o.collectNotes]),
      ),
    };
  }

  before(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    env = { ...database.env, SECRET_KEY: 'm'.repeat(40), ENCRYPTION_KEYS: oldKey };
    config = loadConfig(env);
    db = createDb(config);
    const to = await migrator(db, config.keys).migrateTo(BEFORE);
    assert.equal(to.error, undefined);
    // The rows as the code before this migration wrote them: contacts and notes in the clear.
    // biome-ignore lint/suspicious/noExplicitAny: the schema of an older version
    const old = db as unknown as Kysely<any>;
    await old
      .insertInto('networks')
      .values({
        id: 'n1',
        slug: 'barrio',
        name: 'Barrio',
        description: '',
        default_language: 'en',
        signup_mode: 'open',
        created_at: now,
        updated_at: now,
      })
      .execute();
    const person = (
      id: string,
      email: string | null,
      phone: string | null,
      hash: string | null,
    ) => ({
      id,
      display_name: id,
      email,
      phone,
      password_hash: hash,
      preferred_language: null,
      is_operator: 0,
      created_by: null,
      created_at: now,
      updated_at: now,
      disabled_at: null,
    });
    const hash = await hashPassword(PASSWORD);
    await old
      .insertInto('people')
      .values([
        person('p-coord', 'coord@example.org', null, hash),
        person('p-call', 'rosa@example.org', '+15550142277', null),
        person('p-nb', null, '+15550140000', hash),
      ])
      .execute();
    await old
      .insertInto('memberships')
      .values(
        [
          ['p-coord', 'coordinator'],
          ['p-call', 'neighbour'],
          ['p-nb', 'neighbour'],
        ].map(([p, role]) => ({
          id: `m-${p}`,
          network_id: 'n1',
          person_id: p,
          role,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    const offer = (id: string, notes: string) => ({
      id,
      network_id: 'n1',
      person_id: 'p-nb',
      what: 'Rice',
      quantity: 2,
      unit: 'kg',
      collect_area_id: null,
      collect_notes: notes,
      status: 'available',
      created_at: now,
      updated_at: now,
    });
    await old
      .insertInto('goods_offers')
      .values([offer('o1', 'Portal 7B, ring twice'), offer('o2', '')])
      .execute();
  });
  after(async () => {
    await db.destroy();
    await drop();
  });

  it('without the keys, refuses naming ENCRYPTION_KEYS, and leaves everything as it was', async () => {
    await assert.rejects(migrateToLatest(db), new RegExp(`${SEAL}.*ENCRYPTION_KEYS`));
    assert.ok((await columnsOf('people')).includes('email'));
    assert.ok(!(await columnsOf('people')).includes('email_enc'), 'not half done');
    // biome-ignore lint/suspicious/noExplicitAny: the schema of an older version
    const old = db as unknown as Kysely<any>;
    const row = await old
      .selectFrom('people')
      .select(['email', 'phone'])
      .where('id', '=', 'p-call')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { email: 'rosa@example.org', phone: '+15550142277' });
  });

  it('with them, seals every stored row and drops the plaintext columns', async () => {
    const result = await migrateToLatest(db, config.keys);
    assert.ok(result.results?.some((r) => r.migrationName === SEAL && r.status === 'Success'));
    const people = await columnsOf('people');
    for (const gone of ['email', 'phone']) assert.ok(!people.includes(gone), `people.${gone}`);
    assert.ok(!(await columnsOf('goods_offers')).includes('collect_notes'));
    assert.deepEqual(await plaintextIn(db, PLAIN), []);
    const o2 = await db
      .selectFrom('goods_offers')
      .select('collect_notes_enc')
      .where('id', '=', 'o2')
      .executeTakeFirstOrThrow();
    assert.equal(o2.collect_notes_enc, null, 'empty notes stay empty');
  });

  it('a coordinator still reads them; sign-in and a text from a phone still find people', async () => {
    assert.deepEqual(await coordinatorReads(config), {
      contact: { email: 'rosa@example.org', phone: '+15550142277' },
      notes: { o1: 'Portal 7B, ring twice', o2: '' },
    });
    const deps = { db, config, clock };
    const session = await signIn(deps, {
      identifier: 'Coord@Example.org',
      password: PASSWORD,
      client,
    });
    assert.equal(session.personId, 'p-coord');
    const byPhone = await signIn(deps, {
      identifier: '+1 555 014 0000',
      password: PASSWORD,
      client,
    });
    assert.equal(byPhone.personId, 'p-nb');
    assert.deepEqual(
      (await findPeopleByPhone(db, config.keys, '+15550142277')).map((p) => p.id),
      ['p-call'],
    );
  });

  it('migrates down to the plaintext columns and up again', async () => {
    const down = await migrator(db, config.keys).migrateTo(BEFORE);
    assert.equal(down.error, undefined);
    // biome-ignore lint/suspicious/noExplicitAny: the schema of an older version
    const old = db as unknown as Kysely<any>;
    assert.deepEqual(
      await old.selectFrom('people').select(['id', 'email', 'phone']).orderBy('id').execute(),
      [
        { id: 'p-call', email: 'rosa@example.org', phone: '+15550142277' },
        { id: 'p-coord', email: 'coord@example.org', phone: null },
        { id: 'p-nb', email: null, phone: '+15550140000' },
      ],
    );
    await migrateToLatest(db, config.keys);
    assert.deepEqual(await plaintextIn(db, PLAIN), []);
    assert.equal((await coordinatorReads(config)).contact.phone, '+15550142277');
  });

  it('after SECRET_KEY changes, the start-up step computes the indexes again, once', async () => {
    assert.deepEqual(await reindexContacts({ db, config }), { reindexed: 0 });
    const changed = loadConfig({ ...env, SECRET_KEY: 'n'.repeat(40) });
    const id = { kind: 'email', value: 'coord@example.org' } as const;
    assert.equal(await findAccount(db, changed.keys, id), null, 'lost before the step');
    assert.deepEqual(await reindexContacts({ db, config: changed }), { reindexed: 3 });
    assert.equal((await findAccount(db, changed.keys, id))?.person.id, 'p-coord');
    assert.deepEqual(await reindexContacts({ db, config: changed }), { reindexed: 0 });
    config = changed;
  });

  it('rotation re-seals contacts and notes under the new key; the old one can go', async () => {
    const newKey = newKeySpec('m2');
    const both = loadConfig({
      ...env,
      SECRET_KEY: config.secretKey,
      ENCRYPTION_KEYS: `${newKey},${oldKey}`,
    });
    const { rewritten } = await rotateKeys({ db, config: both });
    assert.ok(rewritten >= 4, `rewrote ${rewritten}`);
    for (const r of await db.selectFrom('people').select(['email_enc', 'phone_enc']).execute()) {
      for (const v of [r.email_enc, r.phone_enc]) if (v) assert.match(v, /^v1\.m2\./);
    }
    const o1 = await db
      .selectFrom('goods_offers')
      .select('collect_notes_enc')
      .where('id', '=', 'o1')
      .executeTakeFirstOrThrow();
    assert.match(o1.collect_notes_enc!, /^v1\.m2\./);
    const onlyNew = loadConfig({ ...env, SECRET_KEY: config.secretKey, ENCRYPTION_KEYS: newKey });
    assert.deepEqual(await coordinatorReads(onlyNew), {
      contact: { email: 'rosa@example.org', phone: '+15550142277' },
      notes: { o1: 'Portal 7B, ring twice', o2: '' },
    });
    assert.equal((await rotateKeys({ db, config: both })).rewritten, 0, 'nothing left to do');
  });
});
