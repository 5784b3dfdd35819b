import { parseCode } from '../../domain/requests/request-code.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { hashToken, safeEqual } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { sealFeedbackComment } from '../privacy/privacy-gate.ts';
import { limitedLookup } from '../rate-limit/rate-limit.service.ts';
import { findRequestByCode } from './request.repository.ts';
import type { FEEDBACK_OUTCOMES } from './request.schema.ts';
import type { RequestSummary } from './request.types.ts';
import { findFeedback, insertEvent, insertFeedback } from './request-event.repository.ts';
import { event } from './request-intake.service.ts';

/**
 * Where a request stands, for anyone who has its code (the public status page and the API;
 * SMS STATUS does the same in sms-inbound.service.ts): the status and category, never a name,
 * place or detail. Lookups are limited per client (`from`: the address asking), so codes
 * cannot be tried one after another (see limitedLookup).
 */
export async function publicStatus(
  deps: Pick<Deps, 'db' | 'clock'>,
  { scope, code, from }: { scope: NetworkScope; code: string; from: string },
): Promise<Pick<RequestSummary, 'code' | 'status' | 'category' | 'createdAt'> & { id: string }> {
  const found = await limitedLookup(deps.db, deps.clock, from, async () => {
    const parsed = parseCode(code);
    return parsed ? findRequestByCode(deps.db, scope.network.id, parsed) : null;
  });
  if (!found) throw new AppError('NOT_FOUND');
  const s = found.summary;
  return { id: s.id, code: s.code, status: s.status, category: s.category, createdAt: s.createdAt };
}

/**
 * What the person who asked sees beyond the status, with the request's own token: whether
 * their feedback has arrived (then the page says so instead of asking again). Null when the
 * token is not this request's.
 */
export async function requesterView(
  deps: Pick<Deps, 'db'>,
  { scope, code, token }: { scope: NetworkScope; code: string; token: string },
): Promise<{ feedbackGiven: boolean } | null> {
  const parsed = parseCode(code);
  const found = parsed ? await findRequestByCode(deps.db, scope.network.id, parsed) : null;
  if (!found || token.length === 0 || !safeEqual(found.statusTokenHash, hashToken(token)))
    return null;
  return { feedbackGiven: (await findFeedback(deps.db, found.summary.id)) !== null };
}

/**
 * Feedback from the person who asked, after the task is done: how it went, including "nobody
 * came". Needs the request's own token (from the confirmation), and is taken once: a second
 * send (a double click, the back button) is answered like the first, 'already', and changes
 * nothing.
 */
export async function giveFeedback(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    scope,
    code,
    token,
    input,
  }: {
    scope: NetworkScope;
    code: string;
    token: string;
    input: {
      outcome: (typeof FEEDBACK_OUTCOMES)[number];
      rating?: number | undefined;
      comment?: string | undefined;
    };
  },
): Promise<'received' | 'already'> {
  const parsed = parseCode(code);
  const found = parsed ? await findRequestByCode(deps.db, scope.network.id, parsed) : null;
  if (!found || !token || !safeEqual(found.statusTokenHash, hashToken(token)))
    throw new AppError('NOT_FOUND');
  if (await findFeedback(deps.db, found.summary.id)) return 'already';
  if (found.summary.status !== 'fulfilled')
    throw new AppError('REQUEST_STATUS_CONFLICT', { from: found.summary.status, to: 'feedback' });
  const id = newId();
  const now = isoNow(deps.clock);
  const comment = input.comment?.trim();
  return deps.db.transaction().execute(async (trx) => {
    const taken = await insertFeedback(trx, {
      id,
      requestId: found.summary.id,
      outcome: input.outcome,
      rating: input.rating ?? null,
      commentSealed: comment ? sealFeedbackComment(deps.config.keys, id, comment) : null,
      createdAt: now,
    });
    if (!taken) return 'already'; // a second send that raced the first
    await insertEvent(
      trx,
      event(found.summary.id, null, 'feedback', { outcome: input.outcome, createdAt: now }),
    );
    await audit(trx, deps.clock, {
      actor: { kind: 'system', label: 'feedback' },
      action: 'request.feedback',
      networkId: scope.network.id,
      subject: { type: 'request', id: found.summary.id },
      details: { outcome: input.outcome, volunteer: found.summary.volunteerId },
    });
    return 'received';
  });
}
