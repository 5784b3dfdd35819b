/** Filing a new request: its code, the possible duplicates it links to, the row itself. */
import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { RequestTable } from '../db/schema.ts';
import { summaryFromRow } from './request.repository.ts';
import type { NewRequest, RequestSummary, SealedPrivate } from './request.types.ts';

/** Files a new request; gives it back as lists show it (with no area name: the caller has it). */
export async function insertRequest(db: Db, r: NewRequest): Promise<RequestSummary> {
  const row: Selectable<RequestTable> = {
    id: r.id,
    network_id: r.networkId,
    code: r.code,
    status: 'new',
    close_reason: null,
    channel: r.channel,
    category: r.category,
    urgency: r.urgency,
    household_size: r.householdSize,
    area_id: r.areaId,
    approx_lat: r.approx?.lat ?? null,
    approx_lng: r.approx?.lng ?? null,
    slots: r.slots,
    language: r.language,
    language_required: r.languageRequired ? 1 : 0,
    needs_car: r.needsCar ? 1 : 0,
    details_enc: r.sealed.details,
    address_enc: r.sealed.address,
    name_enc: r.sealed.name,
    phone_enc: r.sealed.phone,
    email_enc: r.sealed.email,
    accessibility_enc: r.sealed.accessibility,
    phone_index: r.index.phone,
    email_index: r.index.email,
    consent_at: r.consentAt,
    status_token_hash: r.statusTokenHash,
    requester_id: r.requesterId,
    entered_by: r.enteredBy,
    duplicate_of: null,
    duplicate_flag: 0,
    many_from_address: r.manyFromAddress ? 1 : 0,
    volunteer_id: null,
    hours: null,
    created_at: r.createdAt,
    updated_at: r.createdAt,
    closed_at: null,
    redacted_at: null,
  };
  await db.insertInto('requests').values(row).execute();
  return summaryFromRow(row);
}

export async function codeTaken(db: Db, networkId: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('requests')
    .select('id')
    .where('network_id', '=', networkId)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Open requests of the last `since` with the same phone or email (blind indexes). */
export async function findPossibleDuplicates(
  db: Db,
  networkId: string,
  index: { phone: string | null; email: string | null },
  since: string,
  openStatuses: readonly string[],
): Promise<{ id: string; createdAt: string }[]> {
  if (!index.phone && !index.email) return [];
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'created_at'])
    .where('network_id', '=', networkId)
    .where('created_at', '>=', since)
    .where('status', 'in', [...openStatuses])
    .where((eb) => {
      const ors = [];
      if (index.phone) ors.push(eb('phone_index', '=', index.phone));
      if (index.email) ors.push(eb('email_index', '=', index.email));
      return eb.or(ors);
    })
    .orderBy('created_at')
    // The first is what gets linked; a few more tell the coordinator it keeps coming back.
    .limit(20)
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at }));
}

export async function markDuplicate(db: Db, id: string, of: string, now: string): Promise<void> {
  await db
    .updateTable('requests')
    .set({ duplicate_of: of, duplicate_flag: 1, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** A request's intake fields as a coordinator edited them (sealed and indexed by the caller). */
export async function updateIntakeFields(
  db: Db,
  requestId: string,
  set: {
    category: string;
    urgency: string;
    householdSize: number;
    areaId: string | null;
    language: string;
    sealed: SealedPrivate;
    index: { phone: string | null; email: string | null };
  },
  now: string,
): Promise<void> {
  await db
    .updateTable('requests')
    .set({
      category: set.category,
      urgency: set.urgency,
      household_size: set.householdSize,
      area_id: set.areaId,
      language: set.language,
      details_enc: set.sealed.details,
      address_enc: set.sealed.address,
      name_enc: set.sealed.name,
      phone_enc: set.sealed.phone,
      email_enc: set.sealed.email,
      accessibility_enc: set.sealed.accessibility,
      phone_index: set.index.phone,
      email_index: set.index.email,
      updated_at: now,
    })
    .where('id', '=', requestId)
    .execute();
}
