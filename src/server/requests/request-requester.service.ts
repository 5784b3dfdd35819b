/**
 * A neighbour's side of their request (issue 12): the ask form's one-time token, the status
 * page's steps, cancelling, and a signed-in neighbour's list. Everything but the list needs
 * the request's own token (from the confirmation link): the code alone shows no more than the
 * public status.
 */
import { parseCode } from '../../domain/requests/request-code.ts';
import { OPEN_STATUSES } from '../../domain/requests/request-status.ts';
import {
  CANCELLED_BY_REQUESTER,
  requestSteps,
  type StepView,
} from '../../domain/requests/request-steps.ts';
import { isoNow } from '../../shared/clock.ts';
import { hashToken, safeEqual } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findPerson } from '../core/person.repository.ts';
import type { NetworkScope } from '../core/scope.ts';
import { messages } from '../notifications/messages.ts';
import { notifyPerson } from '../notifications/notification.service.ts';
import { ownContact } from '../privacy/person-contact.ts';
import { findRequestByCode, moveStatus } from './request.repository.ts';
import type { RequestSummary } from './request.types.ts';
import { findFeedback, insertEvent, listEvents } from './request-event.repository.ts';
import { event } from './request-intake.service.ts';
import {
  findCodeByStatusTokenHash,
  listRequestsOfRequester,
  type OwnRequest,
} from './request-requester.repository.ts';

/** The shape of a form token: what randomToken(18) makes (24 base64url characters). */
export const FORM_TOKEN = /^[A-Za-z0-9_-]{24}$/;

/** The code of the request a form token already filed, or null (a first post). */
export async function codeForFormToken(
  deps: Pick<Deps, 'db'>,
  { scope, token }: { scope: NetworkScope; token: string | undefined },
): Promise<string | null> {
  if (!token || !FORM_TOKEN.test(token)) return null;
  return findCodeByStatusTokenHash(deps.db, scope.network.id, hashToken(token));
}

async function ownRequest(
  deps: Pick<Deps, 'db'>,
  scope: NetworkScope,
  code: string,
  token: string,
): Promise<RequestSummary | null> {
  const parsed = parseCode(code);
  const found = parsed ? await findRequestByCode(deps.db, scope.network.id, parsed) : null;
  if (!found || token.length === 0 || !safeEqual(found.statusTokenHash, hashToken(token)))
    return null;
  return found.summary;
}

export interface RequesterStatus {
  code: string;
  status: RequestSummary['status'];
  category: string;
  steps: StepView[];
  /** Closed early: when, and whether by the neighbour's own cancelling. */
  closed: { at: string | null; byYou: boolean } | null;
  canCancel: boolean;
  feedbackGiven: boolean;
}

/** What the person who asked sees with their token: the steps with dates; null: not theirs. */
export async function requesterStatus(
  deps: Pick<Deps, 'db'>,
  { scope, code, token }: { scope: NetworkScope; code: string; token: string },
): Promise<RequesterStatus | null> {
  const s = await ownRequest(deps, scope, code, token);
  if (!s) return null;
  const events = await listEvents(deps.db, s.id);
  const { steps, closed } = requestSteps({
    status: s.status,
    createdAt: s.createdAt,
    moves: events.map((e) => ({ toStatus: e.toStatus, createdAt: e.createdAt })),
  });
  const closing = [...events].reverse().find((e) => e.toStatus === 'closed');
  return {
    code: s.code,
    status: s.status,
    category: s.category,
    steps,
    closed: closed && {
      at: closed.at,
      byYou:
        s.closeReason === CANCELLED_BY_REQUESTER &&
        closing?.actorId === null &&
        closing?.channel === 'web',
    },
    canCancel: OPEN_STATUSES.includes(s.status),
    feedbackGiven: (await findFeedback(deps.db, s.id)) !== null,
  };
}

/**
 * The neighbour cancels their own request (found help elsewhere, no longer needed): closed as
 * withdrawn, in the log as theirs and in the audit log. Sent twice, or after a coordinator
 * moved it on, it changes nothing ('unchanged') and the page shows where the request stands.
 * The volunteer who had it is told (outbox, in the same transaction); it leaves their tasks.
 */
export async function cancelByRequester(
  deps: Pick<Deps, 'db' | 'clock' | 'openTasks' | 'config' | 'mailer' | 'sms'>,
  { scope, code, token }: { scope: NetworkScope; code: string; token: string },
): Promise<'cancelled' | 'unchanged' | null> {
  const s = await ownRequest(deps, scope, code, token);
  if (!s) return null;
  if (!OPEN_STATUSES.includes(s.status)) return 'unchanged';
  const now = isoNow(deps.clock);
  const done = await deps.db.transaction().execute(async (trx) => {
    const moved = await moveStatus(trx, s.id, [s.status], {
      status: 'closed',
      closeReason: CANCELLED_BY_REQUESTER,
      closedAt: now,
      updatedAt: now,
    });
    if (!moved) return false; // someone moved it at the same moment: theirs stands
    await insertEvent(
      trx,
      event(s.id, null, 'status', {
        fromStatus: s.status,
        toStatus: 'closed',
        outcome: CANCELLED_BY_REQUESTER,
        channel: 'web',
        createdAt: now,
      }),
    );
    await audit(trx, deps.clock, {
      actor: { kind: 'system', label: 'requester' },
      action: 'request.cancelled_by_requester',
      networkId: scope.network.id,
      subject: { type: 'request', id: s.id },
      details: { from: s.status, volunteer: s.volunteerId },
    });
    if (s.volunteerId)
      await notifyPerson(trx, deps, {
        personId: s.volunteerId,
        networkId: scope.network.id,
        kind: 'task.cancelled',
        key: `task.cancelled:${s.id}`,
        compose: (t) =>
          messages.taskCancelled(t, { code: s.code, link: `/n/${scope.network.slug}/tasks` }),
      });
    return true;
  });
  if (!done) return 'unchanged';
  deps.openTasks.touch(scope.network.id, s.id);
  return 'cancelled';
}

/** A signed-in neighbour's own requests in this network; none for anyone else. */
export async function myRequests(
  deps: Pick<Deps, 'db'>,
  { actor, scope }: { actor: Actor; scope: NetworkScope },
): Promise<OwnRequest[]> {
  if (actor.kind !== 'person') return [];
  return listRequestsOfRequester(deps.db, scope.network.id, actor.personId);
}

/** A signed-in neighbour's name, contact and language, to fill the ask form in; else null. */
export async function askPrefill(
  deps: Pick<Deps, 'db' | 'config'>,
  { actor }: { actor: Actor },
): Promise<Record<string, string> | null> {
  if (actor.kind !== 'person') return null;
  const person = await findPerson(deps.db, actor.personId);
  if (!person) return null;
  const contact = ownContact(deps.config.keys, actor, person.contact);
  return Object.fromEntries(
    Object.entries({
      name: person.displayName,
      phone: contact.phone,
      email: contact.email,
      language: person.preferredLanguage,
    }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
  );
}
