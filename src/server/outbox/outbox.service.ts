import { createHash } from 'node:crypto';
import { isoNow } from '../../shared/clock.ts';
import { blindIndex, decrypt, encrypt } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import type { Deps } from '../core/deps.ts';
import type { Db } from '../db/database.ts';
import {
  cancelTextsTo,
  insertMessage,
  isOptedOut,
  type OutboxMessage,
  optIn,
  optOut,
} from './outbox.repository.ts';

export interface OutgoingMessage {
  networkId: string | null;
  personId: string | null;
  channel: 'email' | 'sms';
  /** What it is about, for coordinators and logs: 'request.received', 'announcement'… */
  kind: string;
  language: string;
  /** An email address, or a phone number in international form. */
  to: string;
  subject?: string | undefined;
  text: string;
  html?: string | undefined;
  /**
   * Says what this message is, so the same event never makes it twice ('announcement:<id>:
   * <person>:email'). It also travels to the gateway and the Message-ID of the email.
   */
  key: string;
  /** Not before this time (quiet hours); now when absent. */
  notBefore?: string | undefined;
}

export type EnqueueResult = 'queued' | 'duplicate' | 'opted_out';

export function phoneIndex(deps: Pick<Deps, 'config'>, e164: string): string {
  return blindIndex(deps.config.keys, 'sms-to', e164);
}

const field = (id: string, name: string) => `outbox:${id}:${name}`;

/**
 * Writes a message to the outbox. Call it with the transaction of the event that causes the
 * message, so both happen or neither does; the worker (outbox.worker.ts) delivers it after.
 * A text to a number that has sent STOP is not written at all.
 */
export async function enqueue(
  db: Db,
  deps: Pick<Deps, 'config' | 'clock'>,
  m: OutgoingMessage,
): Promise<EnqueueResult> {
  const toIndex = m.channel === 'sms' ? phoneIndex(deps, m.to) : null;
  if (toIndex && (await isOptedOut(db, toIndex))) return 'opted_out';
  const id = newId();
  const now = isoNow(deps.clock);
  const keys = deps.config.keys;
  const inserted = await insertMessage(db, {
    id,
    networkId: m.networkId,
    personId: m.personId,
    channel: m.channel,
    kind: m.kind,
    language: m.language,
    sealed: {
      to: encrypt(keys, m.to, field(id, 'to')),
      subject: m.subject === undefined ? null : encrypt(keys, m.subject, field(id, 'subject')),
      body: encrypt(keys, m.text, field(id, 'body')),
      html: m.html === undefined ? null : encrypt(keys, m.html, field(id, 'html')),
    },
    toIndex,
    key: m.key,
    nextAttemptAt: m.notBefore && m.notBefore > now ? m.notBefore : now,
    createdAt: now,
  });
  return inserted ? 'queued' : 'duplicate';
}

/** The message as it will be sent, opened from its sealed parts (for the worker only). */
export function openMessage(
  deps: Pick<Deps, 'config'>,
  { id, sealed }: Pick<OutboxMessage, 'id' | 'sealed'>,
) {
  const keys = deps.config.keys;
  return {
    to: decrypt(keys, sealed.to, field(id, 'to')),
    subject: sealed.subject === null ? '' : decrypt(keys, sealed.subject, field(id, 'subject')),
    text: decrypt(keys, sealed.body, field(id, 'body')),
    html: sealed.html === null ? undefined : decrypt(keys, sealed.html, field(id, 'html')),
  };
}

/** A stable token for the gateway and the email's Message-ID, derived from the key. */
export function deliveryToken(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 40);
}

/**
 * A phone texted STOP (sms/sms-inbound.service.ts), in the caller's transaction: nothing more
 * is sent to it, and what is still waiting for it is cancelled.
 */
export async function stopTextsTo(trx: Db, phoneIndex: string, now: string): Promise<void> {
  await optOut(trx, phoneIndex, now);
  await cancelTextsTo(trx, phoneIndex, now);
}

/** A phone texted START: it may be sent texts again. */
export async function allowTextsTo(db: Db, phoneIndex: string): Promise<void> {
  await optIn(db, phoneIndex);
}
