/** Networks as every feature reads them: by slug, id or SMS number, or all of them. */
import type { Selectable } from 'kysely';
import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import type { Db } from '../db/database.ts';
import type { NetworkTable } from '../db/schema.ts';
import type { Network } from './network.ts';

function networkFromRow(row: Selectable<NetworkTable>): Network {
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
    hourlyRequestsPerAddress: Number(row.hourly_requests_per_address),
    phoneNumber: row.phone_number ?? null,
    country: row.country ?? null,
    emergencyNumber: row.emergency_number ?? null,
    createdAt: row.created_at,
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

/** The network whose own SMS number is `number` (E.164). */
export async function findNetworkBySmsNumber(db: Db, number: string): Promise<Network | null> {
  const row = await db
    .selectFrom('networks')
    .selectAll()
    .where('sms_number', '=', number)
    .executeTakeFirst();
  return row ? networkFromRow(row) : null;
}
