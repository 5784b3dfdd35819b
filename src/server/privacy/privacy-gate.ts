import { atLeast } from '../../domain/access/roles.ts';
import { ACTIVE_TASK_STATUSES } from '../../domain/requests/request-status.ts';
import { AppError } from '../../shared/app-error.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import type { NetworkScope } from '../networks/scope.ts';
import {
  PRIVATE_FIELDS,
  type RequestPrivate,
  type RequestSummary,
  type SealedPrivate,
} from '../requests/request.types.ts';
import { decrypt, encrypt, type KeyRing } from './crypto.ts';

/**
 * The one place a requester's personal details are opened. It decides who may see them
 * (coordinators and admins of the network; the assigned volunteer while the task is
 * assigned or in progress, and never after), decrypts, and writes an audit entry for every
 * view. Pages, the API, printouts and SMS all come here; nothing else calls `decrypt` on a
 * request's fields.
 */
export function mayReveal(scope: NetworkScope, request: RequestSummary): boolean {
  if (request.networkId !== scope.network.id || request.redacted) return false;
  if (atLeast(scope.role, 'coordinator')) return true;
  return (
    atLeast(scope.role, 'volunteer') &&
    scope.personId !== null &&
    request.volunteerId === scope.personId &&
    ACTIVE_TASK_STATUSES.includes(request.status)
  );
}

export function fieldContext(requestId: string, field: string): string {
  return `requests.${field}:${requestId}`;
}

export function sealPrivate(ring: KeyRing, requestId: string, p: RequestPrivate): SealedPrivate {
  const out = {} as SealedPrivate;
  for (const f of PRIVATE_FIELDS) {
    const v = p[f];
    out[f] = v == null || v === '' ? null : encrypt(ring, v, fieldContext(requestId, f));
  }
  return out;
}

export function openPrivate(
  ring: KeyRing,
  requestId: string,
  sealed: SealedPrivate,
): RequestPrivate {
  const out = {} as RequestPrivate;
  for (const f of PRIVATE_FIELDS) {
    const v = sealed[f];
    out[f] = v == null ? null : decrypt(ring, v, fieldContext(requestId, f));
  }
  return out;
}

export async function revealRequest(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    request,
    sealed,
    purpose,
  }: {
    actor: Actor;
    scope: NetworkScope;
    request: RequestSummary;
    sealed: SealedPrivate;
    purpose: string;
  },
): Promise<RequestPrivate> {
  if (!mayReveal(scope, request)) throw new AppError('FORBIDDEN', { action: 'request.reveal' });
  const opened = openPrivate(deps.config.keys, request.id, sealed);
  await audit(deps.db, deps.clock, {
    actor,
    action: 'request.private_viewed',
    networkId: scope.network.id,
    subject: { type: 'request', id: request.id },
    details: { code: request.code, purpose, as: scope.role },
  });
  return opened;
}

/** Notes in the timeline are sealed the same way (they often hold names and addresses). */
export function sealNote(ring: KeyRing, eventId: string, text: string): string {
  return encrypt(ring, text, `request_events.body:${eventId}`);
}

export function openNote(ring: KeyRing, eventId: string, sealed: string): string {
  return decrypt(ring, sealed, `request_events.body:${eventId}`);
}
