import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SignupConfirmationTable } from '../db/schema.ts';

export type SignupRow = Selectable<SignupConfirmationTable>;

export async function insertSignup(db: Db, row: SignupRow): Promise<void> {
  await db.insertInto('signup_confirmations').values(row).execute();
}

/** The sign-up a live link is for, without taking it (the page before the button). */
export async function findLiveSignup(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<SignupRow | null> {
  const row = await db
    .selectFrom('signup_confirmations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Takes a live sign-up, once: the row is deleted as it is read, so of two clicks only one
 * gets it (and with the caller's transaction rolled back, it is there again).
 */
export async function takeSignup(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<SignupRow | null> {
  const row = await db
    .deleteFrom('signup_confirmations')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  return row ?? null;
}

/** Sign-ups whose link has run out hold personal data for nothing: gone. */
export async function deleteExpiredSignups(db: Db, now: string): Promise<void> {
  await db.deleteFrom('signup_confirmations').where('expires_at', '<=', now).execute();
}
