import type { Selectable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { SignupConfirmationTable } from '../db/schema.ts';

/** A sign-up waiting for its link to be opened; what the form held is sealed. */
export interface PendingSignup {
  id: string;
  networkId: string;
  tokenHash: string;
  /** The form's fields, encrypted (signup.service.ts seals and opens them). */
  sealedPayload: string;
  createdAt: string;
  expiresAt: string;
}

function pendingFromRow(row: Selectable<SignupConfirmationTable>): PendingSignup {
  return {
    id: row.id,
    networkId: row.network_id,
    tokenHash: row.token_hash,
    sealedPayload: row.payload_enc,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

export async function insertSignup(db: Db, s: PendingSignup): Promise<void> {
  await db
    .insertInto('signup_confirmations')
    .values({
      id: s.id,
      network_id: s.networkId,
      token_hash: s.tokenHash,
      payload_enc: s.sealedPayload,
      created_at: s.createdAt,
      expires_at: s.expiresAt,
    })
    .execute();
}

/** The sign-up a live link is for, without taking it (the page before the button). */
export async function findLiveSignup(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<PendingSignup | null> {
  const row = await db
    .selectFrom('signup_confirmations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? pendingFromRow(row) : null;
}

/**
 * Takes a live sign-up, once: the row is deleted as it is read, so of two clicks only one
 * gets it (and with the caller's transaction rolled back, it is there again).
 */
export async function takeSignup(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<PendingSignup | null> {
  const row = await db
    .deleteFrom('signup_confirmations')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  return row ? pendingFromRow(row) : null;
}

/** Sign-ups whose link has run out hold personal data for nothing: gone. */
export async function deleteExpiredSignups(db: Db, now: string): Promise<void> {
  await db.deleteFrom('signup_confirmations').where('expires_at', '<=', now).execute();
}
