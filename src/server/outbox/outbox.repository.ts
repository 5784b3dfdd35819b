import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { OutboxMessageTable } from '../db/schema.ts';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';

/** The sealed parts of a message: ciphertexts that only outbox.service.ts#openMessage opens. */
export interface SealedMessage {
  to: string;
  subject: string | null;
  body: string;
  html: string | null;
}

/** A message in the outbox, its address and text sealed. */
export interface OutboxMessage {
  id: string;
  networkId: string | null;
  personId: string | null;
  channel: 'email' | 'sms';
  /** What it is about, for coordinators and logs: 'request.received', 'announcement'… */
  kind: string;
  language: string;
  sealed: SealedMessage;
  /** Blind index of the normalised phone, for STOP; null for email. */
  toIndex: string | null;
  /** The idempotency key: a second message with the same key is never written. */
  key: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: string;
  /** Until when the server that claimed it holds it (status 'sending'). */
  lockedUntil: string | null;
  /** Fencing token: one more on every claim; the outcome is recorded only under the latest. */
  fence: number;
  lastError: string | null;
  createdAt: string;
}

/** A message as it is queued: pending, never tried, due at `nextAttemptAt`. */
export type NewOutboxMessage = Omit<
  OutboxMessage,
  'status' | 'attempts' | 'lockedUntil' | 'fence' | 'lastError'
>;

type RawRow = Omit<OutboxMessageTable, 'attempts' | 'fence'> & {
  attempts: unknown;
  fence: unknown;
};

/** A row as a message; `attempts` and `fence` as numbers (PostgreSQL may hand back strings). */
export function messageFromRow(r: RawRow): OutboxMessage {
  return {
    id: r.id,
    networkId: r.network_id,
    personId: r.person_id,
    channel: r.channel,
    kind: r.kind,
    language: r.language,
    sealed: { to: r.to_enc, subject: r.subject_enc, body: r.body_enc, html: r.html_enc },
    toIndex: r.to_index,
    key: r.idempotency_key,
    status: r.status,
    attempts: Number(r.attempts),
    nextAttemptAt: r.next_attempt_at,
    lockedUntil: r.locked_until,
    fence: Number(r.fence),
    lastError: r.last_error,
    createdAt: r.created_at,
  };
}

/** Queues a message; a second one with the same idempotency key is ignored (false). */
export async function insertMessage(db: Db, m: NewOutboxMessage): Promise<boolean> {
  const inserted = await db
    .insertInto('outbox_messages')
    .values({
      id: m.id,
      network_id: m.networkId,
      person_id: m.personId,
      channel: m.channel,
      kind: m.kind,
      language: m.language,
      to_enc: m.sealed.to,
      to_index: m.toIndex,
      subject_enc: m.sealed.subject,
      body_enc: m.sealed.body,
      html_enc: m.sealed.html,
      idempotency_key: m.key,
      status: 'pending',
      attempts: 0,
      next_attempt_at: m.nextAttemptAt,
      locked_by: null,
      locked_until: null,
      fence: 0,
      last_error: null,
      provider_id: null,
      created_at: m.createdAt,
      updated_at: m.createdAt,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * Takes the next due message (pending, or sending under a lease that ran out because its
 * server stopped or stalled) for `holder` until `leaseUntil`, in one statement, and gives it
 * a new fencing token (`fence`). One message per claim, taken just before it is sent: a lease
 * only ever covers one send, so it cannot run out behind a queue of slow ones. On PostgreSQL
 * the candidate is read `for update skip locked`, so two servers claiming at the same moment
 * take different messages; SQLite runs one writer at a time.
 */
export async function claimNext(
  db: Db,
  dialect: 'sqlite' | 'postgres',
  holder: string,
  now: string,
  leaseUntil: string,
): Promise<OutboxMessage | undefined> {
  const lock = dialect === 'postgres' ? sql` for update skip locked` : sql``;
  const res = await sql<RawRow>`
    update outbox_messages
       set status = 'sending', locked_by = ${holder}, locked_until = ${leaseUntil},
           attempts = attempts + 1, fence = fence + 1, updated_at = ${now}
     where id in (
       select id from outbox_messages
        where (status = 'pending' and next_attempt_at <= ${now})
           or (status = 'sending' and locked_until <= ${now})
        order by next_attempt_at
        limit 1${lock})
    returning *`.execute(db);
  const row = res.rows[0];
  return row && messageFromRow(row);
}

/**
 * Records the outcome, only under the claim that `fence` names: once another server has
 * claimed the message (its lease having run out), this changes nothing and answers false.
 */
export async function finishMessage(
  db: Db,
  id: string,
  fence: number,
  set: Partial<Pick<OutboxMessage, 'status' | 'nextAttemptAt' | 'lastError' | 'attempts'>> & {
    /** The gateway's id of the message, or the email's Message-ID, once sent. */
    providerId?: string;
    sentAt?: string;
    updatedAt: string;
  },
): Promise<boolean> {
  const res = await db
    .updateTable('outbox_messages')
    .set({
      ...(set.status !== undefined ? { status: set.status } : {}),
      ...(set.nextAttemptAt !== undefined ? { next_attempt_at: set.nextAttemptAt } : {}),
      ...(set.lastError !== undefined ? { last_error: set.lastError } : {}),
      ...(set.attempts !== undefined ? { attempts: set.attempts } : {}),
      ...(set.providerId !== undefined ? { provider_id: set.providerId } : {}),
      ...(set.sentAt !== undefined ? { sent_at: set.sentAt } : {}),
      updated_at: set.updatedAt,
      locked_by: null,
      locked_until: null,
    })
    .where('id', '=', id)
    .where('fence', '=', fence)
    .where('status', '=', 'sending')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Messages of a network that a coordinator should see: failed first, then waiting. */
export async function listUndelivered(
  db: Db,
  networkId: string,
  limit: number,
): Promise<OutboxMessage[]> {
  const rows = await db
    .selectFrom('outbox_messages')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('status', 'in', ['failed', 'pending', 'sending'])
    .orderBy('status')
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(messageFromRow);
}

export async function countByStatus(db: Db, networkId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox_messages')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('network_id', '=', networkId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A failed message goes back in the queue, due now, with a fresh count of attempts. */
export async function retryMessage(
  db: Db,
  networkId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('outbox_messages')
    .set({
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      last_error: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .where('status', '=', 'failed')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** STOP: every text still waiting for that number is cancelled. */
export async function cancelTextsTo(db: Db, phoneIndex: string, now: string): Promise<number> {
  const res = await db
    .updateTable('outbox_messages')
    .set({ status: 'cancelled', last_error: 'opted out (STOP)', updated_at: now })
    .where('to_index', '=', phoneIndex)
    .where('channel', '=', 'sms')
    .where('status', 'in', ['pending', 'failed'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export async function isOptedOut(db: Db, phoneIndex: string): Promise<boolean> {
  const row = await db
    .selectFrom('sms_opt_outs')
    .select('phone_index')
    .where('phone_index', '=', phoneIndex)
    .executeTakeFirst();
  return !!row;
}

export async function optOut(db: Db, phoneIndex: string, now: string): Promise<void> {
  await db
    .insertInto('sms_opt_outs')
    .values({ phone_index: phoneIndex, created_at: now })
    .onConflict((oc) => oc.column('phone_index').doNothing())
    .execute();
}

export async function optIn(db: Db, phoneIndex: string): Promise<void> {
  await db.deleteFrom('sms_opt_outs').where('phone_index', '=', phoneIndex).execute();
}
