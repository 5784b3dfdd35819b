import type { Role } from '../../domain/access/roles.ts';
import type { Db } from '../db/database.ts';
import type { ApiToken } from './api-token.ts';

/** A token as it is made: its hash and first letters, never the secret itself. */
export interface NewApiToken extends Omit<ApiToken, 'networkSlug' | 'lastUsedAt'> {
  tokenHash: string;
}

export async function insertApiToken(db: Db, t: NewApiToken): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      person_id: t.personId,
      network_id: t.networkId,
      role: t.role,
      name: t.name,
      token_hash: t.tokenHash,
      token_prefix: t.prefix,
      created_at: t.createdAt,
      last_used_at: null,
      expires_at: t.expiresAt,
      revoked_at: null,
    })
    .execute();
}

export async function findLiveToken(
  db: Db,
  tokenHash: string,
  now: string,
): Promise<{
  id: string;
  personId: string;
  networkId: string;
  role: Role;
  lastUsedAt: string | null;
} | null> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('people', 'people.id', 'api_tokens.person_id')
    .select([
      'api_tokens.id',
      'api_tokens.person_id',
      'api_tokens.network_id',
      'api_tokens.role',
      'api_tokens.last_used_at',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('api_tokens.expires_at', 'is', null), eb('api_tokens.expires_at', '>', now)]),
    )
    .where('people.disabled_at', 'is', null)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        personId: row.person_id,
        networkId: row.network_id,
        role: row.role,
        lastUsedAt: row.last_used_at,
      }
    : null;
}

export async function touchToken(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export async function listTokensOf(db: Db, personId: string): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .innerJoin('networks', 'networks.id', 'api_tokens.network_id')
    .selectAll('api_tokens')
    .select('networks.slug')
    .where('api_tokens.person_id', '=', personId)
    .where('api_tokens.revoked_at', 'is', null)
    .orderBy('api_tokens.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    networkId: r.network_id,
    networkSlug: r.slug,
    role: r.role,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
  }));
}

export async function revokeToken(
  db: Db,
  personId: string,
  id: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
