import type { Reason } from '../../domain/goods/allocation.ts';
import type { Db } from '../db/database.ts';

export interface Round {
  id: string;
  itemId: string;
  itemName: string;
  unit: string;
  siteId: string;
  siteName: string;
  status: 'proposed' | 'approved' | 'discarded';
  stock: number;
  level: number;
  createdAt: string;
  decidedAt: string | null;
}

export interface RoundShare {
  id: string;
  householdId: string;
  householdCode: string;
  size: number;
  wantId: string;
  requested: number;
  cap: number;
  weight: number;
  fairShare: number;
  allocated: number;
  reasons: Reason[];
}

export async function insertRound(
  db: Db,
  r: {
    id: string;
    networkId: string;
    itemId: string;
    siteId: string;
    stock: number;
    level: number;
    createdBy: string | null;
  },
  shares: Omit<RoundShare, 'householdCode' | 'size'>[],
  now: string,
): Promise<void> {
  await db
    .insertInto('allocation_rounds')
    .values({
      id: r.id,
      network_id: r.networkId,
      item_id: r.itemId,
      site_id: r.siteId,
      status: 'proposed',
      stock: r.stock,
      level: r.level,
      created_by: r.createdBy,
      decided_by: null,
      created_at: now,
      decided_at: null,
    })
    .execute();
  // 200 rows per insert: 11 columns each stays under SQLite's bound-parameter ceiling.
  for (let i = 0; i < shares.length; i += 200) {
    await db
      .insertInto('allocation_shares')
      .values(
        shares.slice(i, i + 200).map((s) => ({
          id: s.id,
          round_id: r.id,
          network_id: r.networkId,
          household_id: s.householdId,
          want_id: s.wantId,
          requested: s.requested,
          cap: s.cap,
          weight: s.weight,
          fair_share: s.fairShare,
          allocated: s.allocated,
          reasons: JSON.stringify(s.reasons),
        })),
      )
      .execute();
  }
}

function rounds(db: Db, networkId: string) {
  return db
    .selectFrom('allocation_rounds as r')
    .innerJoin('goods_items as i', 'i.id', 'r.item_id')
    .innerJoin('goods_sites as s', 's.id', 'r.site_id')
    .select([
      'r.id',
      'r.item_id',
      'i.name as item_name',
      'i.unit',
      'r.site_id',
      's.name as site_name',
      'r.status',
      'r.stock',
      'r.level',
      'r.created_at',
      'r.decided_at',
    ])
    .where('r.network_id', '=', networkId);
}
type RoundRow = Awaited<ReturnType<ReturnType<typeof rounds>['executeTakeFirstOrThrow']>>;

function roundFromRow(r: RoundRow): Round {
  return {
    id: r.id,
    itemId: r.item_id,
    itemName: r.item_name,
    unit: r.unit,
    siteId: r.site_id,
    siteName: r.site_name,
    status: r.status as Round['status'],
    stock: Number(r.stock),
    level: Number(r.level),
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  };
}

export async function listRounds(db: Db, networkId: string): Promise<Round[]> {
  const rows = await rounds(db, networkId).orderBy('r.id', 'desc').limit(50).execute();
  return rows.map(roundFromRow);
}

export async function findRound(db: Db, networkId: string, id: string): Promise<Round | null> {
  const row = await rounds(db, networkId).where('r.id', '=', id).executeTakeFirst();
  return row ? roundFromRow(row) : null;
}

export async function listShares(
  db: Db,
  networkId: string,
  roundId: string,
): Promise<RoundShare[]> {
  const rows = await db
    .selectFrom('allocation_shares as a')
    .innerJoin('households as h', 'h.id', 'a.household_id')
    .select([
      'a.id',
      'a.household_id',
      'h.code',
      'h.size',
      'a.want_id',
      'a.requested',
      'a.cap',
      'a.weight',
      'a.fair_share',
      'a.allocated',
      'a.reasons',
    ])
    .where('a.network_id', '=', networkId)
    .where('a.round_id', '=', roundId)
    .orderBy('h.code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    householdCode: r.code,
    size: Number(r.size),
    wantId: r.want_id,
    requested: Number(r.requested),
    cap: Number(r.cap),
    weight: Number(r.weight),
    fairShare: Number(r.fair_share),
    allocated: Number(r.allocated),
    reasons: JSON.parse(r.reasons) as Reason[],
  }));
}

/** Households that got less than they asked for in the item's last approved round. */
export async function shortInLastRound(
  db: Db,
  networkId: string,
  itemId: string,
): Promise<Set<string>> {
  const last = await db
    .selectFrom('allocation_rounds')
    .select('id')
    .where('network_id', '=', networkId)
    .where('item_id', '=', itemId)
    .where('status', '=', 'approved')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return new Set();
  const rows = await db
    .selectFrom('allocation_shares')
    .select('household_id')
    .where('round_id', '=', last.id)
    .whereRef('allocated', '<', 'requested')
    .execute();
  return new Set(rows.map((r) => r.household_id));
}

/** Moves a proposed round to approved or discarded; false when it was no longer proposed. */
export async function decideRound(
  db: Db,
  networkId: string,
  id: string,
  status: 'approved' | 'discarded',
  by: string | null,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('allocation_rounds')
    .set({ status, decided_by: by, decided_at: now })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
