import type { Db } from '../db/database.ts';

export interface NotificationPrefs {
  email: boolean;
  sms: boolean;
  quiet: { from: number; to: number } | null;
  digest: boolean;
}

export const DEFAULT_PREFS: NotificationPrefs = {
  email: true,
  sms: true,
  quiet: null,
  digest: false,
};

export async function findPrefs(db: Db, personId: string): Promise<NotificationPrefs> {
  const row = await db
    .selectFrom('notification_prefs')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!row) return DEFAULT_PREFS;
  return {
    email: Number(row.email) === 1,
    sms: Number(row.sms) === 1,
    quiet:
      row.quiet_from === null || row.quiet_to === null
        ? null
        : { from: Number(row.quiet_from), to: Number(row.quiet_to) },
    digest: Number(row.digest) === 1,
  };
}

export async function savePrefs(
  db: Db,
  personId: string,
  p: NotificationPrefs,
  now: string,
): Promise<void> {
  const values = {
    email: p.email ? 1 : 0,
    sms: p.sms ? 1 : 0,
    quiet_from: p.quiet?.from ?? null,
    quiet_to: p.quiet?.to ?? null,
    digest: p.digest ? 1 : 0,
    updated_at: now,
  };
  await db
    .insertInto('notification_prefs')
    .values({ person_id: personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .execute();
}

/** A notification as it is made: unread, for one person, keyed by its moment. */
export interface NewNotification extends Omit<InAppNotification, 'read'> {
  personId: string;
  /** Names the moment ('task.started:<request>'): the same key is never told twice. */
  dedupeKey: string;
}

/** False when a notification with the same key exists: that moment was already told. */
export async function insertNotification(db: Db, n: NewNotification): Promise<boolean> {
  const inserted = await db
    .insertInto('notifications')
    .values({
      id: n.id,
      person_id: n.personId,
      network_id: n.networkId,
      kind: n.kind,
      dedupe_key: n.dedupeKey,
      title: n.title,
      body: n.body,
      link: n.link,
      read_at: null,
      created_at: n.createdAt,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export interface InAppNotification {
  id: string;
  networkId: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  createdAt: string;
}

export async function listNotifications(
  db: Db,
  personId: string,
  limit: number,
  offset: number,
): Promise<{ items: InAppNotification[]; total: number }> {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('notifications')
      .selectAll()
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute(),
    db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      networkId: r.network_id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      link: r.link,
      read: r.read_at !== null,
      createdAt: r.created_at,
    })),
    total: Number(count.n),
  };
}

export async function countUnread(db: Db, personId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function markAllRead(db: Db, personId: string, now: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .execute();
}
