import { blindIndex } from '../../shared/crypto.ts';
import type { Deps } from '../core/deps.ts';
import { sealedContactOf } from '../core/person.ts';
import { contactForDelivery, contactIndex } from './person-contact.ts';
import {
  listSealedBatch,
  readIndexKeyFingerprint,
  updateSealed,
  writeIndexKeyFingerprint,
} from './sealed.repository.ts';

/**
 * People are found by the blind index of their email or phone (sign-in among them), and that
 * index is keyed by SECRET_KEY. Changed, every index would point nowhere and nobody could
 * sign in; but the contacts themselves are sealed under ENCRYPTION_KEYS, so the indexes can be
 * computed again from them. This runs at start-up (in `createDeps`, so before the CLI's
 * commands too): it compares a fingerprint of the index key with the one stored, and when they
 * differ recomputes every person's indexes, 500 at a time, then stores the new fingerprint.
 * Idempotent: several app servers starting together compute the same values.
 */
export async function reindexContacts(
  deps: Pick<Deps, 'db' | 'config'>,
): Promise<{ reindexed: number }> {
  const keys = deps.config.keys;
  const fingerprint = blindIndex(keys, 'index-key-fingerprint', 'people');
  if ((await readIndexKeyFingerprint(deps.db)) === fingerprint) return { reindexed: 0 };
  let reindexed = 0;
  let after = '';
  for (;;) {
    const columns = ['email_enc', 'phone_enc', 'email_index', 'phone_index'];
    const rows = await listSealedBatch(deps.db, 'people', columns, after, 500);
    if (rows.length === 0) break;
    for (const row of rows) {
      const contact = contactForDelivery(
        keys,
        sealedContactOf({
          id: row.id,
          email_enc: row.email_enc ?? null,
          phone_enc: row.phone_enc ?? null,
        }),
      );
      const changes: Record<string, string> = {};
      if (contact.email) {
        const index = contactIndex(keys, { kind: 'email', value: contact.email });
        if (index !== row.email_index) changes.email_index = index;
      }
      if (contact.phone) {
        const index = contactIndex(keys, { kind: 'phone', value: contact.phone });
        if (index !== row.phone_index) changes.phone_index = index;
      }
      if (Object.keys(changes).length > 0) {
        await updateSealed(deps.db, 'people', row.id, changes);
        reindexed += 1;
      }
    }
    after = rows[rows.length - 1]!.id;
  }
  await writeIndexKeyFingerprint(deps.db, fingerprint);
  return { reindexed };
}
