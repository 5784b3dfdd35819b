import type { Db } from '../db/database.ts';
import type { HouseholdPrivate } from '../privacy/privacy-gate.ts';
import { AGE_BANDS, type AgeBand } from './goods.rules.ts';

/** A household as lists show it: no name, no phone, no dietary needs, no notes. */
export interface HouseholdSummary {
  id: string;
  networkId: string;
  code: string;
  size: number;
  ageBands: Record<AgeBand, number>;
  under14: number;
  language: string;
  areaId: string | null;
  areaName: string | null;
  createdAt: string;
}

export interface HouseholdRecord extends HouseholdSummary {
  sealed: HouseholdPrivate;
}

export interface NewHousehold extends Omit<HouseholdSummary, 'areaName'> {
  sealed: HouseholdPrivate;
  phoneIndex: string | null;
  nameTokens: string[];
  createdBy: string | null;
}

function bands(json: string): Record<AgeBand, number> {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out = {} as Record<AgeBand, number>;
  for (const b of AGE_BANDS) out[b] = Number(raw[b] ?? 0) || 0;
  return out;
}

function base(db: Db, networkId: string) {
  return db
    .selectFrom('households')
    .leftJoin('areas', 'areas.id', 'households.area_id')
    .selectAll('households')
    .select('areas.name as area_name')
    .where('households.network_id', '=', networkId);
}
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

function fromRow(r: Row): HouseholdRecord {
  return {
    id: r.id,
    networkId: r.network_id,
    code: r.code,
    size: Number(r.size),
    ageBands: bands(r.age_bands),
    under14: Number(r.under14),
    language: r.language,
    areaId: r.area_id,
    areaName: r.area_name,
    createdAt: r.created_at,
    sealed: { name: r.name_enc, phone: r.phone_enc, dietary: r.dietary_enc, notes: r.notes_enc },
  };
}

export function summaryOf(h: HouseholdRecord): HouseholdSummary {
  const { sealed: _sealed, ...summary } = h;
  return summary;
}

/** The household with this code in the network (codes are unique per network), or null. */
export async function findHouseholdIdByCode(
  db: Db,
  networkId: string,
  code: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('households')
    .select('id')
    .where('network_id', '=', networkId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function insertHousehold(db: Db, h: NewHousehold, now: string): Promise<void> {
  await db
    .insertInto('households')
    .values({
      id: h.id,
      network_id: h.networkId,
      code: h.code,
      size: h.size,
      age_bands: JSON.stringify(h.ageBands),
      under14: h.under14,
      language: h.language,
      area_id: h.areaId,
      name_enc: h.sealed.name,
      phone_enc: h.sealed.phone,
      dietary_enc: h.sealed.dietary,
      notes_enc: h.sealed.notes,
      phone_index: h.phoneIndex,
      created_by: h.createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (h.nameTokens.length > 0) {
    await db
      .insertInto('household_name_index')
      .values(h.nameTokens.map((token) => ({ household_id: h.id, network_id: h.networkId, token })))
      .execute();
  }
}

export async function findHousehold(
  db: Db,
  networkId: string,
  id: string,
): Promise<HouseholdRecord | null> {
  const row = await base(db, networkId).where('households.id', '=', id).executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function findHouseholdsByIds(
  db: Db,
  networkId: string,
  ids: readonly string[],
): Promise<HouseholdRecord[]> {
  if (ids.length === 0) return [];
  const rows = await base(db, networkId).where('households.id', 'in', ids).execute();
  return rows.map(fromRow);
}

/**
 * Households matching a search at the door, without decrypting anything: by household code,
 * by the code of a linked request, by phone (blind index), or by every word of the name
 * (blind indexes of each word). At most `limit`.
 */
export async function searchHouseholds(
  db: Db,
  networkId: string,
  q: { code: string | null; phoneIndex: string | null; nameTokens: string[] },
  limit: number,
): Promise<HouseholdRecord[]> {
  const ids = new Set<string>();
  if (q.code) {
    const byCode = await db
      .selectFrom('households')
      .select('id')
      .where('network_id', '=', networkId)
      .where('code', '=', q.code)
      .execute();
    for (const r of byCode) ids.add(r.id);
    const byRequest = await db
      .selectFrom('household_requests')
      .innerJoin('requests', 'requests.id', 'household_requests.request_id')
      .select('household_requests.household_id')
      .where('household_requests.network_id', '=', networkId)
      .where('requests.code', '=', q.code)
      .execute();
    for (const r of byRequest) ids.add(r.household_id);
  }
  if (q.phoneIndex) {
    const rows = await db
      .selectFrom('households')
      .select('id')
      .where('network_id', '=', networkId)
      .where('phone_index', '=', q.phoneIndex)
      .limit(limit)
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  if (q.nameTokens.length > 0) {
    const rows = await db
      .selectFrom('household_name_index')
      .select('household_id')
      .where('network_id', '=', networkId)
      .where('token', 'in', q.nameTokens)
      .groupBy('household_id')
      .having((eb) => eb.fn.count('token'), '=', q.nameTokens.length)
      .limit(limit)
      .execute();
    for (const r of rows) ids.add(r.household_id);
  }
  return findHouseholdsByIds(db, networkId, [...ids].slice(0, limit));
}

export const HOUSEHOLDS_PAGE = 50;

/** Households for coordinators, newest first, with how often they came and when last. */
export async function listHouseholds(
  db: Db,
  networkId: string,
  page: number,
): Promise<{
  households: (HouseholdSummary & { visits: number; lastVisit: string | null })[];
  total: number;
}> {
  const rows = await base(db, networkId)
    .orderBy('households.id', 'desc')
    .limit(HOUSEHOLDS_PAGE)
    .offset((page - 1) * HOUSEHOLDS_PAGE)
    .execute();
  const total = await db
    .selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('network_id', '=', networkId)
    .executeTakeFirstOrThrow();
  const ids = rows.map((r) => r.id);
  const visits =
    ids.length === 0
      ? []
      : await db
          .selectFrom('check_ins')
          .select((eb) => [
            'household_id',
            eb.fn.countAll<number>().as('n'),
            eb.fn.max('created_at').as('last'),
          ])
          .where('network_id', '=', networkId)
          .where('household_id', 'in', ids)
          .groupBy('household_id')
          .execute();
  const byId = new Map(visits.map((v) => [v.household_id, v]));
  return {
    total: Number(total.n),
    households: rows.map((r) => {
      const v = byId.get(r.id);
      return {
        ...summaryOf(fromRow(r)),
        visits: Number(v?.n ?? 0),
        lastVisit: (v?.last as string | null) ?? null,
      };
    }),
  };
}

export async function linkRequest(
  db: Db,
  networkId: string,
  householdId: string,
  requestId: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('household_requests')
    .values({
      household_id: householdId,
      request_id: requestId,
      network_id: networkId,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['household_id', 'request_id']).doNothing())
    .execute();
}

export async function linkedRequestCodes(
  db: Db,
  networkId: string,
  householdId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('household_requests')
    .innerJoin('requests', 'requests.id', 'household_requests.request_id')
    .select('requests.code')
    .where('household_requests.network_id', '=', networkId)
    .where('household_requests.household_id', '=', householdId)
    .orderBy('requests.code')
    .execute();
  return rows.map((r) => r.code);
}

export interface Want {
  id: string;
  householdId: string;
  itemId: string;
  itemName: string;
  unit: string;
  quantity: number;
  status: string;
  createdAt: string;
}

export async function insertWant(
  db: Db,
  w: { id: string; networkId: string; householdId: string; itemId: string; quantity: number },
  now: string,
): Promise<void> {
  await db
    .insertInto('goods_wants')
    .values({
      id: w.id,
      network_id: w.networkId,
      household_id: w.householdId,
      item_id: w.itemId,
      quantity: w.quantity,
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function listWants(
  db: Db,
  networkId: string,
  filter: { householdId?: string; itemId?: string; status?: string },
): Promise<Want[]> {
  let q = db
    .selectFrom('goods_wants')
    .innerJoin('goods_items', 'goods_items.id', 'goods_wants.item_id')
    .select([
      'goods_wants.id',
      'goods_wants.household_id',
      'goods_wants.item_id',
      'goods_items.name',
      'goods_items.unit',
      'goods_wants.quantity',
      'goods_wants.status',
      'goods_wants.created_at',
    ])
    .where('goods_wants.network_id', '=', networkId);
  if (filter.householdId) q = q.where('goods_wants.household_id', '=', filter.householdId);
  if (filter.itemId) q = q.where('goods_wants.item_id', '=', filter.itemId);
  if (filter.status) q = q.where('goods_wants.status', '=', filter.status);
  const rows = await q.orderBy('goods_wants.id').execute();
  return rows.map((r) => ({
    id: r.id,
    householdId: r.household_id,
    itemId: r.item_id,
    itemName: r.name,
    unit: r.unit,
    quantity: Number(r.quantity),
    status: r.status,
    createdAt: r.created_at,
  }));
}

export async function setWantsStatus(
  db: Db,
  networkId: string,
  ids: readonly string[],
  status: string,
  now: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('goods_wants')
      .set({ status, updated_at: now })
      .where('network_id', '=', networkId)
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}
