import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

/**
 * Each time a household was served in the period, with its size: a check-in at a
 * distribution day, or a hand-out of an approved allocation round (one per household and
 * round). Aggregated by the caller; no name ever leaves this query.
 */
export async function servedEvents(
  db: Db,
  networkId: string,
  from: string,
  to: string,
): Promise<{ householdId: string; size: number }[]> {
  const checkIns = await db
    .selectFrom('check_ins')
    .innerJoin('households', 'households.id', 'check_ins.household_id')
    .select(['check_ins.household_id', 'households.size'])
    .where('check_ins.network_id', '=', networkId)
    .where('check_ins.created_at', '>=', from)
    .where('check_ins.created_at', '<', to)
    .execute();
  const rounds = await db
    .selectFrom('stock_movements')
    .innerJoin('households', 'households.id', 'stock_movements.household_id')
    .select(['stock_movements.household_id', 'stock_movements.round_id', 'households.size'])
    .distinct()
    .where('stock_movements.network_id', '=', networkId)
    .where('stock_movements.round_id', 'is not', null)
    .where('stock_movements.kind', '=', 'distribution')
    .where('stock_movements.created_at', '>=', from)
    .where('stock_movements.created_at', '<', to)
    .execute();
  return [...checkIns, ...rounds].map((r) => ({
    householdId: r.household_id ?? '',
    size: Number(r.size),
  }));
}

/** Units handed out per item category and month (YYYY-MM). */
export async function distributedByCategory(
  db: Db,
  networkId: string,
  from: string,
  to: string,
): Promise<{ category: string; month: string; quantity: number }[]> {
  const month = sql<string>`substr(stock_movements.created_at, 1, 7)`;
  const rows = await db
    .selectFrom('stock_movements')
    .innerJoin('goods_items', 'goods_items.id', 'stock_movements.item_id')
    .select((eb) => [
      'goods_items.category',
      month.as('month'),
      eb.fn.sum<number>('stock_movements.quantity').as('quantity'),
    ])
    .where('stock_movements.network_id', '=', networkId)
    .where('stock_movements.kind', '=', 'distribution')
    .where('stock_movements.created_at', '>=', from)
    .where('stock_movements.created_at', '<', to)
    .groupBy(['goods_items.category', month])
    .orderBy(month)
    .execute();
  return rows.map((r) => ({ category: r.category, month: r.month, quantity: Number(r.quantity) }));
}
