import type { Db } from '../db/database.ts';

/** Where a HELP conversation stands, by the sender's blind phone index (never the number). */
export interface Conversation {
  phoneIndex: string;
  networkId: string;
  step: 'need' | 'where';
  language: string;
  category: string | null;
  updatedAt: string;
}

export async function findConversation(db: Db, phoneIndex: string): Promise<Conversation | null> {
  const row = await db
    .selectFrom('sms_conversations')
    .selectAll()
    .where('phone_index', '=', phoneIndex)
    .executeTakeFirst();
  if (!row) return null;
  return {
    phoneIndex: row.phone_index,
    networkId: row.network_id,
    step: row.step === 'where' ? 'where' : 'need',
    language: row.language,
    category: row.category,
    updatedAt: row.updated_at,
  };
}

export async function saveConversation(db: Db, c: Conversation): Promise<void> {
  const values = {
    network_id: c.networkId,
    step: c.step,
    language: c.language,
    category: c.category,
    updated_at: c.updatedAt,
  };
  await db
    .insertInto('sms_conversations')
    .values({ phone_index: c.phoneIndex, ...values })
    .onConflict((oc) => oc.column('phone_index').doUpdateSet(values))
    .execute();
}

export async function clearConversation(db: Db, phoneIndex: string): Promise<void> {
  await db.deleteFrom('sms_conversations').where('phone_index', '=', phoneIndex).execute();
}
