import type { Selectable } from 'kysely';
import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import type { Area } from '../core/area.ts';
import type { Network } from '../core/network.ts';
import type { Db } from '../db/database.ts';
import type { AreaTable, NetworkTable } from '../db/schema.ts';

export function networkFromRow(row: Selectable<NetworkTable>): Network {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    defaultLanguage: row.default_language,
    signupMode: row.signup_mode,
    retentionDays: Number(row.retention_days),
    categories: row.categories ? (JSON.parse(row.categories) as string[]) : [...DEFAULT_CATEGORIES],
    smsNumber: row.sms_number ?? null,
    timeZone: row.time_zone ?? 'UTC',
    createdAt: row.created_at,
  };
}

function areaFromRow(row: AreaTable): Area {
  return {
    id: row.id,
    networkId: row.network_id,
    name: row.name,
    centre: { lat: Number(row.center_lat), lng: Number(row.center_lng) },
    radiusM: row.radius_m == null ? null : Number(row.radius_m),
    polygon: row.polygon ? (JSON.parse(row.polygon) as [number, number][][]) : null,
  };
}

export async function findNetworkBySlug(db: Db, slug: string): Promise<Network | null> {
  const row = await db
    .selectFrom('networks')
    .selectAll()
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row ? networkFromRow(row) : null;
}

export async function findNetworkById(db: Db, id: string): Promise<Network | null> {
  const row = await db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? networkFromRow(row) : null;
}

export async function listNetworks(db: Db): Promise<Network[]> {
  const rows = await db.selectFrom('networks').selectAll().orderBy('name').execute();
  return rows.map(networkFromRow);
}

export async function insertNetwork(db: Db, n: Network): Promise<void> {
  await db
    .insertInto('networks')
    .values({
      id: n.id,
      slug: n.slug,
      name: n.name,
      description: n.description,
      default_language: n.defaultLanguage,
      signup_mode: n.signupMode,
      retention_days: n.retentionDays,
      categories: JSON.stringify(n.categories),
      sms_number: n.smsNumber,
      time_zone: n.timeZone,
      created_at: n.createdAt,
      updated_at: n.createdAt,
    })
    .execute();
}

export async function updateNetwork(
  db: Db,
  id: string,
  patch: Pick<
    Network,
    | 'name'
    | 'description'
    | 'defaultLanguage'
    | 'signupMode'
    | 'retentionDays'
    | 'categories'
    | 'smsNumber'
    | 'timeZone'
  >,
  now: string,
): Promise<void> {
  await db
    .updateTable('networks')
    .set({
      name: patch.name,
      description: patch.description,
      default_language: patch.defaultLanguage,
      signup_mode: patch.signupMode,
      retention_days: patch.retentionDays,
      categories: JSON.stringify(patch.categories),
      sms_number: patch.smsNumber,
      time_zone: patch.timeZone,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function listAreas(db: Db, networkId: string): Promise<Area[]> {
  const rows = await db
    .selectFrom('areas')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('name')
    .execute();
  return rows.map(areaFromRow);
}

export async function insertArea(db: Db, a: Area, now: string): Promise<void> {
  await db
    .insertInto('areas')
    .values({
      id: a.id,
      network_id: a.networkId,
      name: a.name,
      center_lat: a.centre.lat,
      center_lng: a.centre.lng,
      radius_m: a.radiusM,
      polygon: a.polygon ? JSON.stringify(a.polygon) : null,
      created_at: now,
    })
    .execute();
}

export async function areaNameTaken(db: Db, networkId: string, name: string): Promise<boolean> {
  const row = await db
    .selectFrom('areas')
    .select('id')
    .where('network_id', '=', networkId)
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteArea(db: Db, networkId: string, areaId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('areas')
    .where('network_id', '=', networkId)
    .where('id', '=', areaId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The network whose own SMS number is `number` (E.164). */
export async function findNetworkBySmsNumber(db: Db, number: string): Promise<Network | null> {
  const row = await db
    .selectFrom('networks')
    .selectAll()
    .where('sms_number', '=', number)
    .executeTakeFirst();
  return row ? networkFromRow(row) : null;
}
