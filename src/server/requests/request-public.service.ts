import { parseCode } from '../../domain/requests/request-code.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { encrypt } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import { hashToken, safeEqual } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import {
  feedbackExists,
  findRequestByCode,
  insertEvent,
  insertFeedback,
} from './request.repository.ts';
import type { FEEDBACK_OUTCOMES } from './request.schema.ts';
import type { RequestSummary } from './request.types.ts';
import { event } from './request-intake.service.ts';

/**
 * Where a request stands, for anyone who has its code (the public status page, and SMS
 * "STATUS <code>" later): the status and category, never a name, place or detail.
 */
export async function publicStatus(
  deps: Pick<Deps, 'db'>,
  { scope, code }: { scope: NetworkScope; code: string },
): Promise<Pick<RequestSummary, 'code' | 'status' | 'category' | 'createdAt'> & { id: string }> {
  const parsed = parseCode(code);
  const found = parsed ? await findRequestByCode(deps.db, scope.network.id, parsed) : null;
  if (!found) throw new AppError('NOT_FOUND');
  const s = found.summary;
  return { id: s.id, code: s.code, status: s.status, category: s.category, createdAt: s.createdAt };
}

/** True when the token is this request's own (given once, at intake). */
export async function statusTokenMatches(
  deps: Pick<Deps, 'db'>,
  { scope, code, token }: { scope: NetworkScope; code: string; token: string },
): Promise<boolean> {
  const parsed = parseCode(code);
  const found = parsed ? await findRequestByCode(deps.db, scope.network.id, parsed) : null;
  return !!found && token.length > 0 && safeEqual(found.statusTokenHash, hashToken(token));
}

/**
 * Feedback from the person who asked, after the task is done: how it went, including "nobody
 * came". Needs the request's own token (from the confirmation), and is taken once.
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
): Promise<void> {
  const parsed = parseCode(code);
  const found = parsed ? await findRequestByCode(deps.db, scope.network.id, parsed) : null;
  if (!found || !token || !safeEqual(found.statusTokenHash, hashToken(token)))
    throw new AppError('NOT_FOUND');
  if (found.summary.status !== 'fulfilled')
    throw new AppError('REQUEST_STATUS_CONFLICT', { from: found.summary.status, to: 'feedback' });
  const id = newId();
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    if (await feedbackExists(trx, found.summary.id)) {
      throw new AppError('REQUEST_STATUS_CONFLICT', { from: 'feedback', to: 'feedback' });
    }
    await insertFeedback(trx, {
      id,
      request_id: found.summary.id,
      outcome: input.outcome,
      rating: input.rating ?? null,
      comment_enc: input.comment
        ? encrypt(deps.config.keys, input.comment, `request_feedback.comment:${id}`)
        : null,
      created_at: now,
    });
    await insertEvent(
      trx,
      event(found.summary.id, null, 'feedback', { outcome: input.outcome, created_at: now }),
    );
    await audit(trx, deps.clock, {
      actor: { kind: 'system', label: 'feedback' },
      action: 'request.feedback',
      networkId: scope.network.id,
      subject: { type: 'request', id: found.summary.id },
      details: { outcome: input.outcome, volunteer: found.summary.volunteerId },
    });
  });
}
