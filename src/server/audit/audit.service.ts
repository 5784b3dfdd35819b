import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { insertAuditEvent, listAuditEvents } from './audit.repository.ts';
import type { AuditEvent } from './audit-event.ts';

/** What the audit log records. Each action has a translated label (audit.action.*). */
export const AUDIT_ACTIONS = [
  'auth.sign_in',
  'auth.sign_in_failed',
  'auth.sign_out',
  'auth.sign_up',
  'auth.password_reset_requested',
  'auth.password_reset',
  'session.revoked',
  'member.added',
  'member.role_changed',
  'member.removed',
  'person.created',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'network.created',
  'network.settings_changed',
  'network.intake_limit_changed',
  'area.created',
  'area.deleted',
  'api_token.created',
  'api_token.revoked',
  'setup.completed',
  'request.created',
  'request.status_changed',
  'request.assigned',
  'request.claimed',
  'request.unclaimed',
  'request.private_viewed',
  'request.excerpts_viewed',
  'request.communication',
  'request.duplicate_linked',
  'request.feedback',
  'request.cancelled_by_requester',
  'request.redacted',
  'request.offered',
  'request.urgency_set',
  'request.area_set',
  'request.owner_set',
  'request.fields_edited',
  'request.internal_note',
  'request.queue_exported',
  'volunteer_profile.saved',
  'volunteer_profile.break_started',
  'volunteer_profile.break_ended',
  'goods_offer.created',
  'goods_offer.status_changed',
  'sms.opted_out',
  'outbox.retried',
  'announcement.sent',
  'route_sheet.printed',
  'goods_item.created',
  'money_fund.created',
  'money.income_recorded',
  'money_item.created',
  'money_item.submit',
  'money_item.approve',
  'money_item.return',
  'money_item.reject',
  'money_item.pay',
  'money_item.reversed',
  'goods_site.created',
  'stock.moved',
  'stock.counted',
  'household.created',
  'household.private_viewed',
  'household.request_linked',
  'household.want_added',
  'distribution_day.created',
  'distribution_day.status_changed',
  'check_in.recorded',
  'allocation.proposed',
  'allocation.approved',
  'allocation.discarded',
  'event.created',
  'event.changed',
  'event.cancelled',
  'shift.signed_up',
  'shift.dropped',
  'shift.checked_in',
  'shift.no_show',
  'training.created',
  'training.recorded',
  'calendar.link_reset',
  'milestones.choice_changed',
  'wellbeing.checked_in',
  'time.account_opened',
  'time.sent',
  'time.requested',
  'time.request_decided',
  'time.auto_accepted',
  'time.reversed',
  'time.credited',
  'time.limits_changed',
  'time.settings_changed',
  'partners.imported',
  'partners.service_checked',
  'partners.service_not_listed',
  'survey.imported',
  'survey.status_changed',
  'survey.sent',
  'survey.answered',
  'survey.exported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  actor: Actor;
  action: AuditAction;
  networkId?: string | null;
  subject?: { type: string; id: string };
  /** Ids and codes only: the audit log must not become a copy of personal data. */
  details?: Record<string, string | number | boolean | null>;
}

function actorId(actor: Actor): string | null {
  return actor.kind === 'person' || actor.kind === 'token' ? actor.personId : null;
}

/** Writes one entry, inside the caller's transaction when `db` is one. */
export async function audit(db: Db, clock: Deps['clock'], e: AuditEntry): Promise<void> {
  const details = { ...(e.details ?? {}) };
  if (e.actor.kind === 'token') details.via_token = e.actor.tokenId;
  if (e.actor.kind === 'system') details.system = e.actor.label;
  await insertAuditEvent(db, {
    id: newId(),
    networkId: e.networkId ?? null,
    actorId: actorId(e.actor),
    action: e.action,
    subjectType: e.subject?.type ?? null,
    subjectId: e.subject?.id ?? null,
    details,
    createdAt: isoNow(clock),
  });
}

export const AUDIT_PAGE_SIZE = 50;

/** A network's audit log, newest first, for its admins. */
export async function browseAudit(
  deps: Pick<Deps, 'db'>,
  { scope, filter }: { scope: NetworkScope; filter: { action?: string; before?: string } },
): Promise<AuditEvent[]> {
  authorize(scope, 'audit.view');
  return listAuditEvents(deps.db, {
    networkId: scope.network.id,
    limit: AUDIT_PAGE_SIZE,
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.before ? { before: filter.before } : {}),
  });
}

/** A person's own security history: sign-ins, resets, sessions ended. */
export async function ownSecurityEvents(
  deps: Pick<Deps, 'db'>,
  personId: string,
): Promise<AuditEvent[]> {
  return listAuditEvents(deps.db, { networkId: null, subjectId: personId, limit: 20 });
}
