import type { Area } from '../core/area.ts';
import type { Network } from '../core/network.ts';
import type { Db } from '../db/database.ts';

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
      hourly_requests_per_address: n.hourlyRequestsPerAddress,
      phone_number: n.phoneNumber,
      country: n.country,
      emergency_number: n.emergencyNumber,
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
    | 'phoneNumber'
    | 'country'
    | 'emergencyNumber'
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
      phone_number: patch.phoneNumber,
      country: patch.country,
      emergency_number: patch.emergencyNumber,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
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

export async function updateHourlyRequestsPerAddress(
  db: Db,
  id: string,
  perHour: number,
  now: string,
): Promise<void> {
  await db
    .updateTable('networks')
    .set({ hourly_requests_per_address: perHour, updated_at: now })
    .where('id', '=', id)
    .execute();
}
