import { decrypt, encrypt, keyIdOf } from '../../shared/crypto.ts';
import type { Deps } from '../core/deps.ts';
import { fieldContext } from './privacy-gate.ts';
import { listSealedBatch, type SealedTable, updateSealed } from './sealed.repository.ts';

/** What each table seals, and how each value is bound to its row (the AES-GCM context). */
const SEALED: {
  table: SealedTable;
  columns: string[];
  context: (id: string, column: string) => string;
}[] = [
  {
    table: 'requests',
    columns: [
      'details_enc',
      'address_enc',
      'name_enc',
      'phone_enc',
      'email_enc',
      'accessibility_enc',
    ],
    context: (id, column) => fieldContext(id, column.replace(/_enc$/, '')),
  },
  { table: 'request_events', columns: ['body_enc'], context: (id) => `request_events.body:${id}` },
  {
    table: 'request_feedback',
    columns: ['comment_enc'],
    context: (id) => `request_feedback.comment:${id}`,
  },
  {
    table: 'households',
    columns: ['name_enc', 'phone_enc', 'dietary_enc', 'notes_enc'],
    context: (id, column) => `households.${column.replace(/_enc$/, '')}:${id}`,
  },
  {
    table: 'stock_movements',
    columns: ['donor_enc'],
    context: (id) => `stock_movements.donor:${id}`,
  },
  {
    // Email and phone of every person, accounts or not: see person-contact.ts.
    table: 'people',
    columns: ['email_enc', 'phone_enc'],
    context: (id, column) => `people.${column.replace(/_enc$/, '')}:${id}`,
  },
  {
    table: 'goods_offers',
    columns: ['collect_notes_enc'],
    context: (id) => `goods_offers.collect_notes:${id}`,
  },
  {
    // Messages waiting in (or kept by) the outbox: see outbox.service.ts.
    table: 'outbox_messages',
    columns: ['to_enc', 'subject_enc', 'body_enc', 'html_enc'],
    context: (id, column) => `outbox:${id}:${column.replace(/_enc$/, '')}`,
  },
  {
    // Sign-ups waiting for their link (a day at most): see auth/signup.service.ts.
    table: 'signup_confirmations',
    columns: ['payload_enc'],
    context: (id) => `signup_confirmations.payload:${id}`,
  },
];

/**
 * Re-encrypts every sealed value that is not under the active key (the first of
 * ENCRYPTION_KEYS), 500 rows at a time. Safe to stop and run again; once it reports
 * nothing left, the old keys can be removed from ENCRYPTION_KEYS.
 */
export async function rotateKeys(
  deps: Pick<Deps, 'db' | 'config'>,
): Promise<{ rewritten: number }> {
  const ring = deps.config.keys;
  let rewritten = 0;
  for (const { table, columns, context } of SEALED) {
    let after = '';
    for (;;) {
      const rows = await listSealedBatch(deps.db, table, columns, after, 500);
      if (rows.length === 0) break;
      for (const row of rows) {
        const changes: Record<string, string> = {};
        for (const c of columns) {
          const v = row[c];
          if (typeof v === 'string' && keyIdOf(v) !== ring.active.id) {
            changes[c] = encrypt(ring, decrypt(ring, v, context(row.id, c)), context(row.id, c));
          }
        }
        if (Object.keys(changes).length > 0) {
          await updateSealed(deps.db, table, row.id, changes);
          rewritten += 1;
        }
      }
      after = rows[rows.length - 1]!.id;
    }
  }
  return { rewritten };
}
