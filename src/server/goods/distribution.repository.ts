import type { Db } from '../db/database.ts';
import type { DayStatus } from './goods.rules.ts';

export interface DistributionDay {
  id: string;
  siteId: string;
  siteName: string;
  day: string;
  status: DayStatus;
  items: { itemId: string; itemName: string; unit: string; perHousehold: number }[];
  checkIns: number;
}

export interface CheckInLine {
  id: string;
  householdId: string;
  householdCode: string;
  size: number;
  source: string;
  createdAt: string;
  given: { itemName: string; unit: string; quantity: number }[];
}

export async function insertDay(
  db: Db,
  d: {
    id: string;
    networkId: string;
    siteId: string;
    day: string;
    items: { itemId: string; perHousehold: number }[];
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('distribution_days')
    .values({
      id: d.id,
      network_id: d.networkId,
      site_id: d.siteId,
      day: d.day,
      status: 'planned',
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (d.items.length > 0) {
    await db
      .insertInto('distribution_day_items')
      .values(
        d.items.map((i) => ({
          day_id: d.id,
          item_id: i.itemId,
          network_id: d.networkId,
          per_household: i.perHousehold,
        })),
      )
      .execute();
  }
}

export async function setDayStatus(
  db: Db,
  networkId: string,
  id: string,
  status: DayStatus,
  now: string,
): Promise<void> {
  await db
    .updateTable('distribution_days')
    .set({ status, updated_at: now })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
}

export async function listDays(
  db: Db,
  networkId: string,
  dayIds?: string[],
): Promise<DistributionDay[]> {
  let q = db
    .selectFrom('distribution_days')
    .innerJoin('goods_sites', 'goods_sites.id', 'distribution_days.site_id')
    .select([
      'distribution_days.id',
      'distribution_days.site_id',
      'goods_sites.name as site_name',
      'distribution_days.day',
      'distribution_days.status',
    ])
    .where('distribution_days.network_id', '=', networkId);
  if (dayIds) q = q.where('distribution_days.id', 'in', dayIds);
  const days = await q.orderBy('distribution_days.day', 'desc').limit(100).execute();
  if (days.length === 0) return [];
  const ids = days.map((d) => d.id);
  const items = await db
    .selectFrom('distribution_day_items')
    .innerJoin('goods_items', 'goods_items.id', 'distribution_day_items.item_id')
    .select([
      'distribution_day_items.day_id',
      'distribution_day_items.item_id',
      'goods_items.name',
      'goods_items.unit',
      'distribution_day_items.per_household',
    ])
    .where('distribution_day_items.network_id', '=', networkId)
    .where('distribution_day_items.day_id', 'in', ids)
    .orderBy('goods_items.name')
    .execute();
  const counts = await db
    .selectFrom('check_ins')
    .select((eb) => ['day_id', eb.fn.countAll<number>().as('n')])
    .where('network_id', '=', networkId)
    .where('day_id', 'in', ids)
    .groupBy('day_id')
    .execute();
  return days.map((d) => ({
    id: d.id,
    siteId: d.site_id,
    siteName: d.site_name,
    day: d.day,
    status: d.status as DayStatus,
    items: items
      .filter((i) => i.day_id === d.id)
      .map((i) => ({
        itemId: i.item_id,
        itemName: i.name,
        unit: i.unit,
        perHousehold: Number(i.per_household),
      })),
    checkIns: Number(counts.find((c) => c.day_id === d.id)?.n ?? 0),
  }));
}

export async function findDay(
  db: Db,
  networkId: string,
  id: string,
): Promise<DistributionDay | null> {
  return (await listDays(db, networkId, [id]))[0] ?? null;
}

export async function checkedIn(db: Db, dayId: string, householdId: string): Promise<boolean> {
  const row = await db
    .selectFrom('check_ins')
    .select('id')
    .where('day_id', '=', dayId)
    .where('household_id', '=', householdId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCheckIn(
  db: Db,
  c: {
    id: string;
    networkId: string;
    dayId: string;
    householdId: string;
    source: 'door' | 'paper';
    enteredBy: string | null;
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('check_ins')
    .values({
      id: c.id,
      network_id: c.networkId,
      day_id: c.dayId,
      household_id: c.householdId,
      source: c.source,
      entered_by: c.enteredBy,
      created_at: now,
    })
    .execute();
}

/** A day's check-ins, newest first, with what each household took; no names. */
export async function listCheckIns(
  db: Db,
  networkId: string,
  dayId: string,
): Promise<CheckInLine[]> {
  const rows = await db
    .selectFrom('check_ins')
    .innerJoin('households', 'households.id', 'check_ins.household_id')
    .select([
      'check_ins.id',
      'check_ins.household_id',
      'households.code',
      'households.size',
      'check_ins.source',
      'check_ins.created_at',
    ])
    .where('check_ins.network_id', '=', networkId)
    .where('check_ins.day_id', '=', dayId)
    .orderBy('check_ins.id', 'desc')
    .execute();
  const given = await db
    .selectFrom('stock_movements')
    .innerJoin('goods_items', 'goods_items.id', 'stock_movements.item_id')
    .select([
      'stock_movements.household_id',
      'goods_items.name',
      'goods_items.unit',
      'stock_movements.quantity',
    ])
    .where('stock_movements.network_id', '=', networkId)
    .where('stock_movements.day_id', '=', dayId)
    .where('stock_movements.kind', '=', 'distribution')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    householdCode: r.code,
    size: Number(r.size),
    source: r.source,
    createdAt: r.created_at,
    given: given
      .filter((g) => g.household_id === r.household_id)
      .map((g) => ({ itemName: g.name, unit: g.unit, quantity: Number(g.quantity) })),
  }));
}
