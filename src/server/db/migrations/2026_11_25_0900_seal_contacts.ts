import { type Kysely, type RawBuilder, sql } from 'kysely';
import { normaliseEmail, normalisePhone } from '../../../domain/people/contact.ts';
import { blindIndex, decrypt, encrypt, type KeyRing } from '../../../shared/crypto.ts';
import { isPostgres } from '../dialect.ts';

/**
 * Seals what was still stored in the clear (issue 10): people's email and phone (accounts and
 * people entered after a phone call alike) and goods offers' collection notes. Adds the
 * sealed columns and blind indexes, seals every stored row 500 at a time, then drops the
 * plaintext columns (SQLite >= 3.35 drops a column in place; its indexes go first).
 *
 * This migration needs the encryption keys, so the migrator hands them to it (see
 * migration-list.ts); without keys it still runs on a database with nothing to seal, and
 * refuses, naming ENCRYPTION_KEYS, when there is. The contexts and index kinds are written
 * out here rather than imported, so that later changes to the feature code cannot change
 * what this migration did. See docs/adr/0006-personal-data-at-rest.md.
 */
const BATCH = 500;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
type AnyDb = Kysely<any>;

/**
 * PostgreSQL runs each migration inside a transaction. On SQLite the app's migrateToLatest
 * holds one (BEGIN IMMEDIATE, so that servers starting at once wait for each other), but other
 * callers (a test migrating to a given version) do not: a savepoint makes this one whole
 * either way, since SQLite opens a transaction for a savepoint when none is open and nests it
 * in the one that is.
 */
async function atomically(db: AnyDb, body: (db: AnyDb) => Promise<void>): Promise<void> {
  if (isPostgres(db)) {
    await body(db);
    return;
  }
  await sql`savepoint seal_contacts`.execute(db);
  try {
    await body(db);
  } catch (e) {
    await sql`rollback to seal_contacts`.execute(db);
    await sql`release seal_contacts`.execute(db);
    throw e;
  }
  await sql`release seal_contacts`.execute(db);
}

function needKeys(keys: KeyRing | undefined, what: string): KeyRing {
  if (!keys) {
    throw new Error(
      `${what} needs the encryption keys (ENCRYPTION_KEYS, or DATA_DIR/encryption-keys): run it through the app or "npm run mutua -- migrate"`,
    );
  }
  return keys;
}

async function hasRows(db: AnyDb, query: RawBuilder<{ n: number }>): Promise<boolean> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0) > 0;
}

type Row = { id: string } & Record<string, string | null>;

/** Calls `each` for every row of `table` (id order, `BATCH` at a time) with the columns asked. */
async function eachRow(
  db: AnyDb,
  table: string,
  columns: string[],
  each: (row: Row) => Promise<void>,
): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom(table)
      .select(['id', ...columns])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()) as Row[];
    for (const row of rows) await each(row);
    const last = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return;
    after = last.id;
  }
}

const personIndex = (keys: KeyRing, kind: 'email' | 'phone', value: string) =>
  blindIndex(
    keys,
    `person-${kind}`,
    kind === 'email' ? normaliseEmail(value) : (normalisePhone(value) ?? value),
  );

export async function up(db: AnyDb, keys?: KeyRing): Promise<void> {
  await atomically(db, async (db) => {
    for (const column of ['email_enc', 'phone_enc', 'email_index', 'phone_index']) {
      await db.schema.alterTable('people').addColumn(column, 'text').execute();
    }
    await db.schema.alterTable('goods_offers').addColumn('collect_notes_enc', 'text').execute();

    const people = await hasRows(
      db,
      sql<{
        n: number;
      }>`select count(*) as n from people where email is not null or phone is not null`,
    );
    const offers = await hasRows(
      db,
      sql<{ n: number }>`select count(*) as n from goods_offers where collect_notes <> ''`,
    );
    if (people || offers) {
      const ring = needKeys(keys, 'Sealing the stored contacts and collection notes');
      await eachRow(db, 'people', ['email', 'phone'], async (row) => {
        if (row.email == null && row.phone == null) return;
        const seal = (field: string, v: string | null | undefined) =>
          v == null || v === '' ? null : encrypt(ring, v, `people.${field}:${row.id}`);
        await db
          .updateTable('people')
          .set({
            email_enc: seal('email', row.email),
            phone_enc: seal('phone', row.phone),
            email_index: row.email ? personIndex(ring, 'email', row.email) : null,
            phone_index: row.phone ? personIndex(ring, 'phone', row.phone) : null,
            email: null,
            phone: null,
          })
          .where('id', '=', row.id)
          .execute();
      });
      await eachRow(db, 'goods_offers', ['collect_notes'], async (row) => {
        if (!row.collect_notes) return;
        await db
          .updateTable('goods_offers')
          .set({
            collect_notes_enc: encrypt(
              ring,
              row.collect_notes,
              `goods_offers.collect_notes:${row.id}`,
            ),
            collect_notes: '',
          })
          .where('id', '=', row.id)
          .execute();
      });
    }

    await db.schema.dropIndex('people_account_email_unique').execute();
    await db.schema.dropIndex('people_account_phone_unique').execute();
    await db.schema.alterTable('people').dropColumn('email').execute();
    await db.schema.alterTable('people').dropColumn('phone').execute();
    await db.schema.alterTable('goods_offers').dropColumn('collect_notes').execute();

    // A sign-in identity stays unique among accounts only (see the foundation migration).
    for (const kind of ['email', 'phone']) {
      await db.schema
        .createIndex(`people_account_${kind}_index_unique`)
        .on('people')
        .column(`${kind}_index`)
        .unique()
        .where(sql.ref('password_hash'), 'is not', null)
        .execute();
    }
    // A text from a phone finds its people (accounts or not) without a scan.
    await db.schema.createIndex('people_phone_index').on('people').column('phone_index').execute();
  });
}

export async function down(db: AnyDb, keys?: KeyRing): Promise<void> {
  await atomically(db, async (db) => {
    await db.schema.alterTable('people').addColumn('email', 'text').execute();
    await db.schema.alterTable('people').addColumn('phone', 'text').execute();
    await db.schema
      .alterTable('goods_offers')
      .addColumn('collect_notes', 'text', (c) => c.notNull().defaultTo(''))
      .execute();

    const people = await hasRows(
      db,
      sql<{
        n: number;
      }>`select count(*) as n from people where email_enc is not null or phone_enc is not null`,
    );
    const offers = await hasRows(
      db,
      sql<{
        n: number;
      }>`select count(*) as n from goods_offers where collect_notes_enc is not null`,
    );
    if (people || offers) {
      const ring = needKeys(keys, 'Opening the sealed contacts and collection notes');
      await eachRow(db, 'people', ['email_enc', 'phone_enc'], async (row) => {
        const open = (field: string, v: string | null | undefined) =>
          v == null ? null : decrypt(ring, v, `people.${field}:${row.id}`);
        await db
          .updateTable('people')
          .set({ email: open('email', row.email_enc), phone: open('phone', row.phone_enc) })
          .where('id', '=', row.id)
          .execute();
      });
      await eachRow(db, 'goods_offers', ['collect_notes_enc'], async (row) => {
        if (row.collect_notes_enc == null) return;
        await db
          .updateTable('goods_offers')
          .set({
            collect_notes: decrypt(
              ring,
              row.collect_notes_enc,
              `goods_offers.collect_notes:${row.id}`,
            ),
          })
          .where('id', '=', row.id)
          .execute();
      });
    }

    await db.schema.dropIndex('people_phone_index').execute();
    await db.schema.dropIndex('people_account_email_index_unique').execute();
    await db.schema.dropIndex('people_account_phone_index_unique').execute();
    for (const column of ['email_enc', 'phone_enc', 'email_index', 'phone_index']) {
      await db.schema.alterTable('people').dropColumn(column).execute();
    }
    await db.schema.alterTable('goods_offers').dropColumn('collect_notes_enc').execute();
    for (const kind of ['email', 'phone']) {
      await db.schema
        .createIndex(`people_account_${kind}_unique`)
        .on('people')
        .column(kind)
        .unique()
        .where(sql.ref('password_hash'), 'is not', null)
        .execute();
    }
  });
}
