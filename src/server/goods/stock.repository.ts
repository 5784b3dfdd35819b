import type { ItemLimit } from '../../domain/goods/limits.ts';
import { siteOfAccount } from '../../domain/goods/stock.ts';
import type { Posting } from '../../domain/ledger/ledger.ts';
import type { Db } from '../db/database.ts';
import type { StockMovementTable } from '../db/schema.ts';

export interface Item {
  id: string;
  name: string;
  category: string;
  unit: string;
  tracksExpiry: boolean;
  lowStock: number;
  limit: { quantity: number; days: number; hard: boolean } | null;
}

export interface Site {
  id: string;
  name: string;
  areaId: string | null;
  areaName: string | null;
}

/** One movement of the ledger as it is written (`writeMovement`). */
export interface NewMovement {
  id: string;
  networkId: string;
  kind: string;
  itemId: string;
  quantity: number;
  fromSiteId: string | null;
  toSiteId: string | null;
  reason: string;
  donorPersonId: string | null;
  /** The donor's name, sealed. */
  donorSealed: string | null;
  offerId: string | null;
  expiresOn: string | null;
  dayId: string | null;
  householdId: string | null;
  roundId: string | null;
  enteredBy: string | null;
  createdAt: string;
}

export interface StockLine {
  siteId: string;
  siteName: string;
  itemId: string;
  itemName: string;
  category: string;
  unit: string;
  quantity: number;
  lowStock: number;
}

export interface MovementLine {
  id: string;
  kind: string;
  itemName: string;
  unit: string;
  quantity: number;
  fromSite: string | null;
  toSite: string | null;
  reason: string;
  anonymous: boolean;
  expiresOn: string | null;
  createdAt: string;
}

type ItemRow = {
  id: string;
  name: string;
  category: string;
  unit: string;
  tracks_expiry: number;
  low_stock: number;
  limit_quantity: number | null;
  limit_days: number | null;
  limit_hard: number;
};

function itemFromRow(r: ItemRow): Item {
  return {
    id: r.id,
    name: r.name,
    category: r.category,
    unit: r.unit,
    tracksExpiry: r.tracks_expiry === 1,
    lowStock: Number(r.low_stock),
    limit:
      r.limit_quantity != null && r.limit_days != null
        ? {
            quantity: Number(r.limit_quantity),
            days: Number(r.limit_days),
            hard: r.limit_hard === 1,
          }
        : null,
  };
}

export function limitOf(item: Item): ItemLimit | undefined {
  return item.limit ? { itemId: item.id, ...item.limit } : undefined;
}

export async function insertItem(
  db: Db,
  networkId: string,
  i: Omit<Item, 'id'> & { id: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('goods_items')
    .values({
      id: i.id,
      network_id: networkId,
      name: i.name,
      category: i.category,
      unit: i.unit,
      tracks_expiry: i.tracksExpiry ? 1 : 0,
      low_stock: i.lowStock,
      limit_quantity: i.limit?.quantity ?? null,
      limit_days: i.limit?.days ?? null,
      limit_hard: i.limit?.hard ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function listItems(db: Db, networkId: string): Promise<Item[]> {
  const rows = await db
    .selectFrom('goods_items')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('name')
    .execute();
  return rows.map(itemFromRow);
}

export async function findItem(db: Db, networkId: string, id: string): Promise<Item | null> {
  const row = await db
    .selectFrom('goods_items')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? itemFromRow(row) : null;
}

export async function nameTaken(
  db: Db,
  table: 'goods_items' | 'goods_sites',
  networkId: string,
  name: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('network_id', '=', networkId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSite(
  db: Db,
  networkId: string,
  s: { id: string; name: string; areaId: string | null },
  now: string,
): Promise<void> {
  await db
    .insertInto('goods_sites')
    .values({ id: s.id, network_id: networkId, name: s.name, area_id: s.areaId, created_at: now })
    .execute();
}

export async function listSites(db: Db, networkId: string): Promise<Site[]> {
  const rows = await db
    .selectFrom('goods_sites')
    .leftJoin('areas', 'areas.id', 'goods_sites.area_id')
    .select([
      'goods_sites.id',
      'goods_sites.name',
      'goods_sites.area_id',
      'areas.name as area_name',
    ])
    .where('goods_sites.network_id', '=', networkId)
    .orderBy('goods_sites.name')
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, areaId: r.area_id, areaName: r.area_name }));
}

/** Stock per site and item, as the ledger leaves it; zero lines are left out. */
export async function listStock(
  db: Db,
  networkId: string,
  filter: { siteId?: string; itemId?: string } = {},
): Promise<StockLine[]> {
  let q = db
    .selectFrom('stock_levels')
    .innerJoin('goods_sites', 'goods_sites.id', 'stock_levels.site_id')
    .innerJoin('goods_items', 'goods_items.id', 'stock_levels.item_id')
    .select([
      'stock_levels.site_id',
      'goods_sites.name as site_name',
      'stock_levels.item_id',
      'goods_items.name as item_name',
      'goods_items.category',
      'goods_items.unit',
      'goods_items.low_stock',
      'stock_levels.quantity',
    ])
    .where('stock_levels.network_id', '=', networkId);
  if (filter.siteId) q = q.where('stock_levels.site_id', '=', filter.siteId);
  if (filter.itemId) q = q.where('stock_levels.item_id', '=', filter.itemId);
  const rows = await q.orderBy('goods_sites.name').orderBy('goods_items.name').execute();
  return rows.map((r) => ({
    siteId: r.site_id,
    siteName: r.site_name,
    itemId: r.item_id,
    itemName: r.item_name,
    category: r.category,
    unit: r.unit,
    quantity: Number(r.quantity),
    lowStock: Number(r.low_stock),
  }));
}

export async function stockAt(
  db: Db,
  networkId: string,
  siteId: string,
  itemId: string,
): Promise<number> {
  const row = await db
    .selectFrom('stock_levels')
    .select('quantity')
    .where('network_id', '=', networkId)
    .where('site_id', '=', siteId)
    .where('item_id', '=', itemId)
    .executeTakeFirst();
  return row ? Number(row.quantity) : 0;
}

/**
 * Writes one movement of the ledger: its postings, and the stock levels they change. Stock
 * taken from a site is taken by one conditional UPDATE (`quantity >= taken`), so when two
 * people record movements at the same moment the database serialises them on the row and the
 * second finds what the first left: it changes nothing and this returns false, and the
 * caller's transaction is rolled back. The CHECK constraint on stock_levels is the last guard.
 */
export async function writeMovement(
  db: Db,
  movement: NewMovement,
  postings: readonly Posting[],
  newId: () => string,
): Promise<boolean> {
  const m: StockMovementTable = {
    id: movement.id,
    network_id: movement.networkId,
    kind: movement.kind,
    item_id: movement.itemId,
    quantity: movement.quantity,
    from_site_id: movement.fromSiteId,
    to_site_id: movement.toSiteId,
    reason: movement.reason,
    donor_person_id: movement.donorPersonId,
    donor_enc: movement.donorSealed,
    offer_id: movement.offerId,
    expires_on: movement.expiresOn,
    day_id: movement.dayId,
    household_id: movement.householdId,
    round_id: movement.roundId,
    entered_by: movement.enteredBy,
    created_at: movement.createdAt,
  };
  const bySite = postings
    .map((p) => ({ ...p, siteId: siteOfAccount(p.account) }))
    .sort((a, b) => a.amount - b.amount);
  for (const p of bySite) {
    if (!p.siteId || p.amount === 0) continue;
    if (p.amount < 0) {
      const res = await db
        .updateTable('stock_levels')
        .set((eb) => ({ quantity: eb('quantity', '+', p.amount), updated_at: m.created_at }))
        .where('network_id', '=', m.network_id)
        .where('site_id', '=', p.siteId)
        .where('item_id', '=', m.item_id)
        .where('quantity', '>=', -p.amount)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) return false;
    } else {
      await db
        .insertInto('stock_levels')
        .values({
          network_id: m.network_id,
          site_id: p.siteId,
          item_id: m.item_id,
          quantity: p.amount,
          updated_at: m.created_at,
        })
        .onConflict((oc) =>
          oc.columns(['site_id', 'item_id']).doUpdateSet((eb) => ({
            quantity: eb('stock_levels.quantity', '+', eb.ref('excluded.quantity')),
            updated_at: m.created_at,
          })),
        )
        .execute();
    }
  }
  await db.insertInto('stock_movements').values(m).execute();
  await db
    .insertInto('stock_postings')
    .values(
      postings.map((p) => ({
        id: newId(),
        network_id: m.network_id,
        movement_id: m.id,
        item_id: m.item_id,
        account: p.account,
        site_id: siteOfAccount(p.account),
        quantity: p.amount,
      })),
    )
    .execute();
  return true;
}

/** Every posting of the network (for checks that the levels agree with the ledger). */
export async function listPostings(
  db: Db,
  networkId: string,
): Promise<{ movementId: string; itemId: string; account: string; quantity: number }[]> {
  const rows = await db
    .selectFrom('stock_postings')
    .select(['movement_id', 'item_id', 'account', 'quantity'])
    .where('network_id', '=', networkId)
    .execute();
  return rows.map((r) => ({
    movementId: r.movement_id,
    itemId: r.item_id,
    account: r.account,
    quantity: Number(r.quantity),
  }));
}

/** The latest movements, newest first. */
export async function listMovements(
  db: Db,
  networkId: string,
  limit = 50,
): Promise<MovementLine[]> {
  const rows = await db
    .selectFrom('stock_movements')
    .innerJoin('goods_items', 'goods_items.id', 'stock_movements.item_id')
    .leftJoin('goods_sites as f', 'f.id', 'stock_movements.from_site_id')
    .leftJoin('goods_sites as t', 't.id', 'stock_movements.to_site_id')
    .select([
      'stock_movements.id',
      'stock_movements.kind',
      'goods_items.name as item_name',
      'goods_items.unit',
      'stock_movements.quantity',
      'f.name as from_name',
      't.name as to_name',
      'stock_movements.reason',
      'stock_movements.donor_person_id',
      'stock_movements.donor_enc',
      'stock_movements.offer_id',
      'stock_movements.expires_on',
      'stock_movements.created_at',
    ])
    .where('stock_movements.network_id', '=', networkId)
    .orderBy('stock_movements.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    itemName: r.item_name,
    unit: r.unit,
    quantity: Number(r.quantity),
    fromSite: r.from_name,
    toSite: r.to_name,
    reason: r.reason,
    anonymous: !r.donor_person_id && !r.donor_enc && !r.offer_id,
    expiresOn: r.expires_on,
    createdAt: r.created_at,
  }));
}

/** Incoming lots with an expiry date on or before `until`, at sites that still hold the item. */
export async function listExpiringSoon(
  db: Db,
  networkId: string,
  until: string,
): Promise<
  { itemName: string; siteName: string; expiresOn: string; quantity: number; unit: string }[]
> {
  const rows = await db
    .selectFrom('stock_movements as m')
    .innerJoin('stock_levels as l', (j) =>
      j.onRef('l.site_id', '=', 'm.to_site_id').onRef('l.item_id', '=', 'm.item_id'),
    )
    .innerJoin('goods_items as i', 'i.id', 'm.item_id')
    .innerJoin('goods_sites as s', 's.id', 'm.to_site_id')
    .select(['i.name as item_name', 's.name as site_name', 'm.expires_on', 'm.quantity', 'i.unit'])
    .where('m.network_id', '=', networkId)
    .where('m.expires_on', 'is not', null)
    .where('m.expires_on', '<=', until)
    .where('l.quantity', '>', 0)
    .orderBy('m.expires_on')
    .limit(50)
    .execute();
  return rows.map((r) => ({
    itemName: r.item_name,
    siteName: r.site_name,
    expiresOn: r.expires_on ?? '',
    quantity: Number(r.quantity),
    unit: r.unit,
  }));
}

/** What each household received of some items (distributions), for limits and history. */
export async function listReceived(
  db: Db,
  networkId: string,
  householdIds: readonly string[],
  since: string,
): Promise<{ householdId: string; itemId: string; quantity: number; at: string }[]> {
  if (householdIds.length === 0) return [];
  const out: { householdId: string; itemId: string; quantity: number; at: string }[] = [];
  // 500 ids per query: well under SQLite's 32,766 bound parameters.
  for (let i = 0; i < householdIds.length; i += 500) {
    const rows = await db
      .selectFrom('stock_movements')
      .select(['household_id', 'item_id', 'quantity', 'created_at'])
      .where('network_id', '=', networkId)
      .where('kind', '=', 'distribution')
      .where('household_id', 'in', householdIds.slice(i, i + 500))
      .where('created_at', '>', since)
      .execute();
    for (const r of rows)
      out.push({
        householdId: r.household_id ?? '',
        itemId: r.item_id,
        quantity: Number(r.quantity),
        at: r.created_at,
      });
  }
  return out;
}
