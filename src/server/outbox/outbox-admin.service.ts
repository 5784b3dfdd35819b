import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { namesOf } from '../core/person.repository.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { countByStatus, listUndelivered, retryMessage } from './outbox.repository.ts';

export interface UndeliveredMessage {
  id: string;
  kind: string;
  channel: 'email' | 'sms';
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  /** The member it was for, by name; null for a requester without an account. */
  personName: string | null;
}

/**
 * What coordinators see of the network's messages: counts by status, and those failed or
 * still waiting, with why. Never the address or the text (they stay sealed); the member's
 * name when the message was for a member.
 */
export async function networkMessages(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<{ counts: Record<string, number>; undelivered: UndeliveredMessage[] }> {
  authorize(scope, 'messages.manage');
  const [counts, rows] = await Promise.all([
    countByStatus(deps.db, scope.network.id),
    listUndelivered(deps.db, scope.network.id, 100),
  ]);
  const ids = [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))];
  const names = await namesOf(deps.db, ids);
  return {
    counts,
    undelivered: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      nextAttemptAt: r.nextAttemptAt,
      createdAt: r.createdAt,
      personName: r.personId ? (names.get(r.personId) ?? null) : null,
    })),
  };
}

/** Sends a failed message again, from the first try; audited. */
export async function retryFailedMessage(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, messageId }: { actor: Actor; scope: NetworkScope; messageId: string },
): Promise<void> {
  authorize(scope, 'messages.manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await retryMessage(trx, scope.network.id, messageId, isoNow(deps.clock))))
      throw new AppError('NOT_FOUND');
    await audit(trx, deps.clock, {
      actor,
      action: 'outbox.retried',
      networkId: scope.network.id,
      subject: { type: 'message', id: messageId },
    });
  });
}
