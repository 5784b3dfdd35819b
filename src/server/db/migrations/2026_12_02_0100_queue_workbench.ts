import { type Kysely, sql } from 'kysely';
import { phoneSearchKey } from '../../../domain/people/contact.ts';
import { nameTokens } from '../../../domain/search/name-tokens.ts';
import { blindIndex, decrypt, type KeyRing } from '../../../shared/crypto.ts';
import { isPostgres } from '../dialect.ts';

/**
 * The queue as a working table (issue 12): a blind index to search requests by name and by a
 * phone number read out on a call (`request_search`: HMACs of name tokens and of the last
 * digits of the phone, never the name or number in clear), the coordinator who has a request
 * (`request_owners`) and each coordinator's saved views of the queue (`queue_views`).
 * Existing requests are indexed here, so it needs the key ring when there are any (as
 * 2026_11_25_0900_seal_contacts does); the index kinds are written out, not imported.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;
const BATCH = 500;

/** One whole on SQLite too (a savepoint), as 2026_11_25_0900_seal_contacts explains. */
async function atomically(db: AnyDb, body: (db: AnyDb) => Promise<void>): Promise<void> {
  if (isPostgres(db)) {
    await body(db);
    return;
  }
  await sql`savepoint queue_workbench`.execute(db);
  try {
    await body(db);
  } catch (e) {
    await sql`rollback to queue_workbench`.execute(db);
    await sql`release queue_workbench`.execute(db);
    throw e;
  }
  await sql`release queue_workbench`.execute(db);
}

export async function up(db: AnyDb, keys?: KeyRing): Promise<void> {
  // Refused before anything is created, so a run without keys leaves the database as it was.
  const { rows } = await sql<{ n: number }>`select count(*) as n from requests
    where redacted_at is null and (name_enc is not null or phone_enc is not null)`.execute(db);
  const toIndex = Number(rows[0]?.n ?? 0) > 0;
  if (toIndex && !keys) {
    throw new Error(
      'Indexing the stored requests for search needs the encryption keys (ENCRYPTION_KEYS, or DATA_DIR/encryption-keys): run it through the app or "npm run mutua -- migrate"',
    );
  }
  await atomically(db, async (db) => {
    await create(db);
    if (toIndex && keys) await backfill(db, keys);
  });
}

async function create(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('request_search')
    .addColumn('request_id', 'text', (c) => c.notNull().references('requests.id'))
    .addColumn('network_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_search_pk', ['request_id', 'kind', 'token'])
    .execute();
  await db.schema
    .createIndex('request_search_lookup')
    .on('request_search')
    .columns(['network_id', 'kind', 'token'])
    .execute();
  await db.schema
    .createTable('request_owners')
    .addColumn('request_id', 'text', (c) => c.primaryKey().references('requests.id'))
    .addColumn('coordinator_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('queue_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('queue_views_person')
    .on('queue_views')
    .columns(['network_id', 'person_id', 'name'])
    .unique()
    .execute();
}

async function backfill(db: AnyDb, keys: KeyRing): Promise<void> {
  let after = '';
  for (;;) {
    const batch = (await db
      .selectFrom('requests')
      .select(['id', 'network_id', 'name_enc', 'phone_enc'])
      .where('id', '>', after)
      .where('redacted_at', 'is', null)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as {
      id: string;
      network_id: string;
      name_enc: string | null;
      phone_enc: string | null;
    }[];
    const values = batch.flatMap((r) =>
      searchRows(keys, r.id, r.network_id, {
        name: r.name_enc && decrypt(keys, r.name_enc, `requests.name:${r.id}`),
        phone: r.phone_enc && decrypt(keys, r.phone_enc, `requests.phone:${r.id}`),
      }),
    );
    for (let i = 0; i < values.length; i += 1000)
      await db
        .insertInto('request_search')
        .values(values.slice(i, i + 1000))
        .execute();
    const last = batch[batch.length - 1];
    if (!last || batch.length < BATCH) return;
    after = last.id;
  }
}

function searchRows(
  keys: KeyRing,
  requestId: string,
  networkId: string,
  p: { name: string | null; phone: string | null },
) {
  const rows = (p.name ? nameTokens(p.name) : []).map((t) => ({
    request_id: requestId,
    network_id: networkId,
    kind: 'name',
    token: blindIndex(keys, 'request-name', t),
  }));
  const phone = p.phone ? phoneSearchKey(p.phone) : null;
  if (phone)
    rows.push({
      request_id: requestId,
      network_id: networkId,
      kind: 'phone',
      token: blindIndex(keys, 'request-phone-search', phone),
    });
  return rows;
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('queue_views').execute();
  await db.schema.dropTable('request_owners').execute();
  await db.schema.dropTable('request_search').execute();
}
