import type { Db } from '../db/database.ts';

/**
 * The blind index the queue searches (table `request_search`): HMACs of a request's name
 * tokens and of its phone's last digits, written at intake (request-intake.service) and
 * dropped when a request is redacted. The service hashes; nothing here sees a name.
 */
export interface SearchIndexEntry {
  kind: 'name' | 'phone';
  token: string;
}

/** Replaces what a request is found under (at intake, and whenever its name or phone change). */
export async function writeSearchIndex(
  db: Db,
  request: { id: string; networkId: string },
  entries: readonly SearchIndexEntry[],
): Promise<void> {
  await db.deleteFrom('request_search').where('request_id', '=', request.id).execute();
  const unique = [...new Map(entries.map((e) => [`${e.kind}:${e.token}`, e])).values()];
  if (unique.length === 0) return;
  await db
    .insertInto('request_search')
    .values(
      unique.map((e) => ({
        request_id: request.id,
        network_id: request.networkId,
        kind: e.kind,
        token: e.token,
      })),
    )
    .execute();
}

/** Redacted requests are found by nothing personal any more. */
export async function dropSearchIndex(db: Db, requestIds: readonly string[]): Promise<void> {
  if (requestIds.length === 0) return;
  await db
    .deleteFrom('request_search')
    .where('request_id', 'in', [...requestIds])
    .execute();
}
