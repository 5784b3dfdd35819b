/**
 * All SQL of the partner directory: the HSDS records (one JSON row per record, ADR 0023),
 * their verifications, and the network's staleness setting.
 */
import {
  type Directory,
  emptyDirectory,
  type HsdsTable,
} from '../../domain/partners/hsds-model.ts';
import {
  CHECK_METHODS,
  type CheckMethod,
  DEFAULT_STALE_AFTER_MONTHS,
  DO_NOT_LIST_REASONS,
  type DoNotListReason,
  type Verification,
} from '../../domain/partners/verification.ts';
import type { Db } from '../db/database.ts';

const TABLES = new Set(Object.keys(emptyDirectory()));

/** The network's whole directory, every table in id order. */
export async function loadDirectory(db: Db, networkId: string): Promise<Directory> {
  const rows = await db
    .selectFrom('hsds_records')
    .select(['hsds_records.table_name', 'hsds_records.record'])
    .where('hsds_records.network_id', '=', networkId)
    .orderBy('hsds_records.table_name')
    .orderBy('hsds_records.id')
    .execute();
  const dir = emptyDirectory() as unknown as Record<string, unknown[]>;
  for (const r of rows) if (TABLES.has(r.table_name)) dir[r.table_name]?.push(JSON.parse(r.record));
  return dir as unknown as Directory;
}

/** Writes every record of `dir` (insert, or replace the record with the same id). */
export async function upsertDirectory(
  db: Db,
  networkId: string,
  dir: Directory,
  at: string,
): Promise<void> {
  for (const table of Object.keys(dir) as HsdsTable[]) {
    for (const row of dir[table] as { id: string }[]) {
      await db
        .insertInto('hsds_records')
        .values({
          network_id: networkId,
          table_name: table,
          id: row.id,
          record: JSON.stringify(row),
          updated_at: at,
        })
        .onConflict((oc) =>
          oc
            .columns(['network_id', 'table_name', 'id'])
            .doUpdateSet({ record: JSON.stringify(row), updated_at: at }),
        )
        .execute();
    }
  }
}

function verificationOf(r: {
  service_id: string;
  checked_on: string | null;
  checked_by: string | null;
  method: string | null;
  do_not_list_reason: string | null;
  do_not_list_note: string | null;
  do_not_list_by: string | null;
  do_not_list_on: string | null;
}): Verification {
  const method = (CHECK_METHODS as readonly string[]).includes(r.method ?? '')
    ? (r.method as CheckMethod)
    : null;
  const reason = (DO_NOT_LIST_REASONS as readonly string[]).includes(r.do_not_list_reason ?? '')
    ? (r.do_not_list_reason as DoNotListReason)
    : null;
  return {
    serviceId: r.service_id,
    assuredDate: r.checked_on,
    checkedBy: r.checked_by,
    method,
    doNotList:
      reason && r.do_not_list_by && r.do_not_list_on
        ? { reason, note: r.do_not_list_note, by: r.do_not_list_by, on: r.do_not_list_on }
        : null,
  };
}

export async function listVerifications(db: Db, networkId: string): Promise<Verification[]> {
  const rows = await db
    .selectFrom('service_verifications')
    .selectAll()
    .where('service_verifications.network_id', '=', networkId)
    .orderBy('service_verifications.service_id')
    .execute();
  return rows.map(verificationOf);
}

export async function saveVerification(
  db: Db,
  networkId: string,
  v: Verification,
  at: string,
): Promise<void> {
  const values = {
    checked_on: v.assuredDate,
    checked_by: v.checkedBy,
    method: v.method,
    do_not_list_reason: v.doNotList?.reason ?? null,
    do_not_list_note: v.doNotList?.note ?? null,
    do_not_list_by: v.doNotList?.by ?? null,
    do_not_list_on: v.doNotList?.on ?? null,
    updated_at: at,
  };
  await db
    .insertInto('service_verifications')
    .values({ network_id: networkId, service_id: v.serviceId, ...values })
    .onConflict((oc) => oc.columns(['network_id', 'service_id']).doUpdateSet(values))
    .execute();
}

export async function staleAfterMonths(db: Db, networkId: string): Promise<number> {
  const row = await db
    .selectFrom('partner_settings')
    .select('partner_settings.stale_after_months')
    .where('partner_settings.network_id', '=', networkId)
    .executeTakeFirst();
  return row?.stale_after_months ?? DEFAULT_STALE_AFTER_MONTHS;
}
