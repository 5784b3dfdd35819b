import type { Db } from '../db/database.ts';
import type { SessionInfo } from './session.ts';

export interface SessionWithPerson {
  id: string;
  personId: string;
  displayName: string;
  isOperator: boolean;
  preferredLanguage: string | null;
  lastSeenAt: string;
}

/** A session as it starts: the hash of its token (the token itself is never stored). */
export interface NewSession {
  id: string;
  tokenHash: string;
  personId: string;
  userAgent: string;
  createdAt: string;
  expiresAt: string;
}

export async function insertSession(db: Db, s: NewSession): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      token_hash: s.tokenHash,
      person_id: s.personId,
      user_agent: s.userAgent,
      created_at: s.createdAt,
      last_seen_at: s.createdAt,
      expires_at: s.expiresAt,
      revoked_at: null,
    })
    .execute();
}

/** A live session (not revoked, not expired, person not disabled) by its token hash. */
export async function findLiveSession(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<SessionWithPerson | null> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .select([
      'sessions.id',
      'sessions.person_id',
      'sessions.last_seen_at',
      'people.display_name',
      'people.is_operator',
      'people.preferred_language',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('people.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    personId: row.person_id,
    displayName: row.display_name,
    isOperator: Number(row.is_operator) === 1,
    preferredLanguage: row.preferred_language,
    lastSeenAt: row.last_seen_at,
  };
}

export async function touchSession(
  db: Db,
  id: string,
  now: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

export async function revokeSession(
  db: Db,
  personId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function revokeAllSessions(
  db: Db,
  personId: string,
  now: string,
  exceptId?: string,
): Promise<void> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

export async function listLiveSessions(
  db: Db,
  personId: string,
  now: string,
): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'created_at', 'last_seen_at'])
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    userAgent: r.user_agent,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
  }));
}

export async function insertPasswordReset(
  db: Db,
  r: { id: string; personId: string; tokenHash: string; now: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({
      id: r.id,
      person_id: r.personId,
      token_hash: r.tokenHash,
      created_at: r.now,
      expires_at: r.expiresAt,
      used_at: null,
    })
    .execute();
}

/** Marks a reset link used, once: returns the person only for the first, live use. */
export async function useResetToken(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<string | null> {
  const row = await db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('person_id')
    .executeTakeFirst();
  return row?.person_id ?? null;
}

export async function resetTokenIsLive(db: Db, tokenHash: string, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('password_resets')
    .select('id')
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}
