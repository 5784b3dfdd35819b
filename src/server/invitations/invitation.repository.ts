import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import type { InvitationTable } from '../db/schema.ts';

export interface Invitation {
  id: string;
  networkId: string;
  email: string | null;
  role: Role;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

function invitationFromRow(r: InvitationTable): Invitation {
  return {
    id: r.id,
    networkId: r.network_id,
    email: r.email,
    role: r.role,
    createdBy: r.created_by,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    acceptedAt: r.accepted_at,
    revokedAt: r.revoked_at,
  };
}

/** An invitation as it is made: open, with the hash of its link's token. */
export interface NewInvitation extends Omit<Invitation, 'acceptedAt' | 'revokedAt'> {
  tokenHash: string;
}

export async function insertInvitation(db: Db, i: NewInvitation): Promise<void> {
  await db
    .insertInto('invitations')
    .values({
      id: i.id,
      network_id: i.networkId,
      email: i.email,
      role: i.role,
      token_hash: i.tokenHash,
      created_by: i.createdBy,
      created_at: i.createdAt,
      expires_at: i.expiresAt,
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    })
    .execute();
}

export async function findLiveInvitation(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<Invitation | null> {
  const row = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return row ? invitationFromRow(row) : null;
}

/** Marks it accepted once; false when someone else used it first. */
export async function markAccepted(
  db: Db,
  id: string,
  personId: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('invitations')
    .set({ accepted_at: now, accepted_by: personId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markRevoked(
  db: Db,
  networkId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function listInvitations(db: Db, networkId: string): Promise<Invitation[]> {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows.map(invitationFromRow);
}
