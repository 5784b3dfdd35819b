import { type Kysely, sql } from 'kysely';

/**
 * Goods (capability M2): items and storage sites, the stock ledger (movements and their
 * postings, docs/adr/0009), the stock level per site and item that the ledger's rule keeps at
 * zero or above (a CHECK constraint, and a conditional UPDATE in the repository), households
 * with their personal fields sealed like a request's, distribution days with their check-ins,
 * households' asks for items, and allocation rounds with each household's share.
 * Quantities are whole units of the item.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on today's schema types
export async function up(db: Kysely<any>): Promise<void> {
  // biome-ignore lint/suspicious/noExplicitAny: the column builder of an untyped schema
  const network = (c: any) => c.notNull().references('networks.id').onDelete('cascade');
  await db.schema
    .createTable('goods_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('tracks_expiry', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('low_stock', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('limit_quantity', 'integer')
    .addColumn('limit_days', 'integer')
    .addColumn('limit_hard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('goods_items_network_name', ['network_id', 'name'])
    .execute();

  await db.schema
    .createTable('goods_sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('goods_sites_network_name', ['network_id', 'name'])
    .execute();

  await db.schema
    .createTable('stock_levels')
    .addColumn('network_id', 'text', network)
    .addColumn('site_id', 'text', (c) =>
      c.notNull().references('goods_sites.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('goods_items.id').onDelete('cascade'),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['site_id', 'item_id'])
    .addCheckConstraint('stock_levels_not_negative', sql`quantity >= 0`)
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // JSON object of people per age band ("0-4", "5-13", "14-17", "18-64", "65+").
    .addColumn('age_bands', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('under14', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.references('areas.id').onDelete('set null'))
    // Sealed (AES-GCM, shared/crypto.ts): name, phone, dietary needs (they can tell a
    // religion or an illness), notes. The phone and the words of the name are also kept as
    // blind indexes, so the door can find a household without decrypting every row.
    .addColumn('name_enc', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('dietary_enc', 'text')
    .addColumn('notes_enc', 'text')
    .addColumn('phone_index', 'text')
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('households_network_code', ['network_id', 'code'])
    .execute();
  await db.schema
    .createIndex('households_phone')
    .on('households')
    .columns(['network_id', 'phone_index'])
    .execute();

  await db.schema
    .createTable('household_name_index')
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('network_id', 'text', network)
    .addColumn('token', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_name_index_pk', ['household_id', 'token'])
    .execute();
  await db.schema
    .createIndex('household_name_index_token')
    .on('household_name_index')
    .columns(['network_id', 'token'])
    .execute();

  await db.schema
    .createTable('household_requests')
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('requests.id').onDelete('cascade'),
    )
    .addColumn('network_id', 'text', network)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('household_requests_pk', ['household_id', 'request_id'])
    .execute();
  await db.schema
    .createIndex('household_requests_request')
    .on('household_requests')
    .column('request_id')
    .execute();

  await db.schema
    .createTable('distribution_days')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('site_id', 'text', (c) =>
      c.notNull().references('goods_sites.id').onDelete('cascade'),
    )
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('distribution_days_network_day')
    .on('distribution_days')
    .columns(['network_id', 'day'])
    .execute();

  await db.schema
    .createTable('distribution_day_items')
    .addColumn('day_id', 'text', (c) =>
      c.notNull().references('distribution_days.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('goods_items.id').onDelete('cascade'),
    )
    .addColumn('network_id', 'text', network)
    .addColumn('per_household', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('distribution_day_items_pk', ['day_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('check_ins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('day_id', 'text', (c) =>
      c.notNull().references('distribution_days.id').onDelete('cascade'),
    )
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('check_ins_day_household', ['day_id', 'household_id'])
    .execute();

  await db.schema
    .createTable('goods_wants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('goods_items.id').onDelete('cascade'),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('goods_wants_item')
    .on('goods_wants')
    .columns(['network_id', 'item_id', 'status'])
    .execute();

  await db.schema
    .createTable('allocation_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('goods_items.id').onDelete('cascade'),
    )
    .addColumn('site_id', 'text', (c) =>
      c.notNull().references('goods_sites.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stock', 'integer', (c) => c.notNull())
    .addColumn('level', 'double precision', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('decided_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .execute();

  await db.schema
    .createTable('allocation_shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) =>
      c.notNull().references('allocation_rounds.id').onDelete('cascade'),
    )
    .addColumn('network_id', 'text', network)
    .addColumn('household_id', 'text', (c) =>
      c.notNull().references('households.id').onDelete('cascade'),
    )
    .addColumn('want_id', 'text', (c) =>
      c.notNull().references('goods_wants.id').onDelete('cascade'),
    )
    .addColumn('requested', 'integer', (c) => c.notNull())
    .addColumn('cap', 'integer', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('fair_share', 'double precision', (c) => c.notNull())
    .addColumn('allocated', 'integer', (c) => c.notNull())
    // JSON array of { key, params }: the share explained in words, in the reader's language.
    .addColumn('reasons', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('allocation_shares_round')
    .on('allocation_shares')
    .column('round_id')
    .execute();

  // The ledger: one movement, two or more postings that sum to zero (src/domain/ledger).
  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('goods_items.id').onDelete('cascade'),
    )
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('from_site_id', 'text', (c) => c.references('goods_sites.id').onDelete('cascade'))
    .addColumn('to_site_id', 'text', (c) => c.references('goods_sites.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    // A donation: from a member (person id), from a goods offer, or from someone named in
    // free text (sealed, it may be a neighbour's name); all empty means anonymous.
    .addColumn('donor_person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('donor_enc', 'text')
    .addColumn('offer_id', 'text', (c) => c.references('goods_offers.id').onDelete('set null'))
    .addColumn('expires_on', 'text')
    .addColumn('day_id', 'text', (c) => c.references('distribution_days.id').onDelete('set null'))
    .addColumn('household_id', 'text', (c) => c.references('households.id').onDelete('set null'))
    .addColumn('round_id', 'text', (c) => c.references('allocation_rounds.id').onDelete('set null'))
    .addColumn('entered_by', 'text', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_movements_network_kind')
    .on('stock_movements')
    .columns(['network_id', 'kind', 'created_at'])
    .execute();
  await db.schema
    .createIndex('stock_movements_household')
    .on('stock_movements')
    .columns(['household_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('stock_postings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', network)
    .addColumn('movement_id', 'text', (c) =>
      c.notNull().references('stock_movements.id').onDelete('cascade'),
    )
    .addColumn('item_id', 'text', (c) =>
      c.notNull().references('goods_items.id').onDelete('cascade'),
    )
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.references('goods_sites.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stock_postings_movement')
    .on('stock_postings')
    .column('movement_id')
    .execute();
  await db.schema
    .createIndex('stock_postings_site_item')
    .on('stock_postings')
    .columns(['site_id', 'item_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'stock_postings',
    'stock_movements',
    'allocation_shares',
    'allocation_rounds',
    'goods_wants',
    'check_ins',
    'distribution_day_items',
    'distribution_days',
    'household_requests',
    'household_name_index',
    'households',
    'stock_levels',
    'goods_sites',
    'goods_items',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
