import { atLeast } from '../../domain/access/roles.ts';
import { ACTIVE_TASK_STATUSES } from '../../domain/requests/request-status.ts';
import { AppError } from '../../shared/app-error.ts';
import { decrypt, encrypt, type KeyRing } from '../../shared/crypto.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import {
  type GuardedRequest,
  PRIVATE_FIELDS,
  type RequestPrivate,
  type SealedPrivate,
} from './request-private.ts';

/**
 * The one place a requester's personal details are opened. It decides who may see them
 * (coordinators and admins of the network; the assigned volunteer while the task is
 * assigned or in progress, and never after), decrypts, and writes an audit entry for every
 * view. Pages, the API, printouts and SMS all come here; nothing else calls `decrypt` on a
 * request's fields.
 */
export function mayReveal(scope: NetworkScope, request: GuardedRequest): boolean {
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

/**
 * Seals the personal fields of one row of `table`, each bound to its table, field and row
 * (`<table>.<field>:<id>`), so a value moved to another row or column fails to open. Empty
 * values are stored as null. Requests, households and donors all seal this way.
 */
export function sealFields<F extends string>(
  ring: KeyRing,
  table: string,
  id: string,
  fields: readonly F[],
  values: Record<F, string | null>,
): Record<F, string | null> {
  const out = {} as Record<F, string | null>;
  for (const f of fields) {
    const v = values[f];
    out[f] = v == null || v === '' ? null : encrypt(ring, v, `${table}.${f}:${id}`);
  }
  return out;
}

export function openFields<F extends string>(
  ring: KeyRing,
  table: string,
  id: string,
  fields: readonly F[],
  sealed: Record<F, string | null>,
): Record<F, string | null> {
  const out = {} as Record<F, string | null>;
  for (const f of fields) {
    const v = sealed[f];
    out[f] = v == null ? null : decrypt(ring, v, `${table}.${f}:${id}`);
  }
  return out;
}

export function sealPrivate(ring: KeyRing, requestId: string, p: RequestPrivate): SealedPrivate {
  return sealFields(ring, 'requests', requestId, PRIVATE_FIELDS, p);
}

export function openPrivate(
  ring: KeyRing,
  requestId: string,
  sealed: SealedPrivate,
): RequestPrivate {
  return openFields(ring, 'requests', requestId, PRIVATE_FIELDS, sealed);
}

/** A household's personal fields (src/server/goods/household.*): same sealing as a request's. */
export const HOUSEHOLD_PRIVATE = ['name', 'phone', 'dietary', 'notes'] as const;
export type HouseholdPrivateField = (typeof HOUSEHOLD_PRIVATE)[number];
export type HouseholdPrivate = Record<HouseholdPrivateField, string | null>;

/**
 * Opens a household's personal fields and records the view. Coordinators see households in
 * full; volunteers at the door of a distribution day see the name of the households their
 * search found (purpose "check-in"), so that they can greet the right person; every view is
 * in the audit log, like a request's.
 */
export async function revealHousehold(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    household,
    purpose,
  }: {
    actor: Actor;
    scope: NetworkScope;
    household: { id: string; networkId: string; code: string; sealed: HouseholdPrivate };
    purpose: 'household' | 'check-in';
  },
): Promise<HouseholdPrivate> {
  const allowed =
    household.networkId === scope.network.id &&
    (atLeast(scope.role, 'coordinator') ||
      (purpose === 'check-in' && atLeast(scope.role, 'volunteer')));
  if (!allowed) throw new AppError('FORBIDDEN', { action: 'household.reveal' });
  const opened = openFields(
    deps.config.keys,
    'households',
    household.id,
    HOUSEHOLD_PRIVATE,
    household.sealed,
  );
  if (purpose === 'check-in') opened.notes = null;
  await audit(deps.db, deps.clock, {
    actor,
    action: 'household.private_viewed',
    networkId: scope.network.id,
    subject: { type: 'household', id: household.id },
    details: { code: household.code, purpose, as: scope.role },
  });
  return opened;
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
    request: GuardedRequest;
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

/**
 * The need of each request on a page of the queue, opened for an excerpt: coordinators and
 * admins only (a volunteer's own task shows its details on the task page, not here), only the
 * `details` field, and one audit entry for the page listing the codes it opened.
 */
export async function revealNeedExcerpts(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    rows,
  }: {
    actor: Actor;
    scope: NetworkScope;
    rows: { request: GuardedRequest; sealedDetails: string | null }[];
  },
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (!atLeast(scope.role, 'coordinator')) return out;
  for (const { request, sealedDetails } of rows) {
    if (!sealedDetails || !mayReveal(scope, request)) continue;
    out.set(
      request.id,
      decrypt(deps.config.keys, sealedDetails, fieldContext(request.id, 'details')),
    );
  }
  if (out.size > 0)
    await audit(deps.db, deps.clock, {
      actor,
      action: 'request.excerpts_viewed',
      networkId: scope.network.id,
      subject: { type: 'network', id: scope.network.id },
      details: {
        codes: rows
          .filter((r) => out.has(r.request.id))
          .map((r) => r.request.code)
          .join(' '),
        count: out.size,
        as: scope.role,
      },
    });
  return out;
}

/** Notes in the timeline are sealed the same way (they often hold names and addresses). */
export function sealNote(ring: KeyRing, eventId: string, text: string): string {
  return encrypt(ring, text, `request_events.body:${eventId}`);
}

export function openNote(ring: KeyRing, eventId: string, sealed: string): string {
  return decrypt(ring, sealed, `request_events.body:${eventId}`);
}

/**
 * A goods offer's collection notes (where and when to collect: often an address) are sealed
 * like a request's fields, bound to `goods_offers.collect_notes:<offer id>`.
 */
export function sealOfferNotes(ring: KeyRing, offerId: string, notes: string): string | null {
  return sealFields(ring, 'goods_offers', offerId, ['collect_notes'], { collect_notes: notes })
    .collect_notes;
}

/** The person offering and the network's coordinators see the notes; nobody else. */
export function mayRevealOfferNotes(
  scope: NetworkScope,
  offer: { networkId: string; personId: string },
): boolean {
  if (offer.networkId !== scope.network.id || scope.role === null) return false;
  return atLeast(scope.role, 'coordinator') || offer.personId === scope.personId;
}

export function revealOfferNotes(
  ring: KeyRing,
  scope: NetworkScope,
  offer: { id: string; networkId: string; personId: string; collectNotesSealed: string | null },
): string {
  if (!mayRevealOfferNotes(scope, offer))
    throw new AppError('FORBIDDEN', { action: 'goods_offer.notes' });
  return (
    openFields(ring, 'goods_offers', offer.id, ['collect_notes'], {
      collect_notes: offer.collectNotesSealed,
    }).collect_notes ?? ''
  );
}

/** The requester's feedback comment ("nobody rang the bell"), bound to its feedback row. */
export function sealFeedbackComment(ring: KeyRing, feedbackId: string, text: string): string {
  return encrypt(ring, text, `request_feedback.comment:${feedbackId}`);
}

export function openFeedbackComment(ring: KeyRing, feedbackId: string, sealed: string): string {
  return decrypt(ring, sealed, `request_feedback.comment:${feedbackId}`);
}

/**
 * A survey's answers (a response, or a state in progress), bound to their row: free text can
 * name people. Opened by the survey service for the respondent's own next page and for the
 * coordinators' results (the export is audited there).
 */
export function sealSurveyAnswers(ring: KeyRing, table: string, id: string, json: string): string {
  return encrypt(ring, json, `${table}.answers:${id}`);
}

export function openSurveyAnswers(
  ring: KeyRing,
  table: string,
  id: string,
  sealed: string,
): string {
  return decrypt(ring, sealed, `${table}.answers:${id}`);
}
