/**
 * What a webhook says, per event type: the Standard Webhooks payload shape
 * `{ type, timestamp, data }`, with data that names no person. A subscription made by an
 * admin for an integration gets ids, categories, statuses, areas and counts. Only a
 * subscription of a partner organization, about a referral to that partner, carries a
 * `person` block, and only the fields the person's consent allows at that moment (the same
 * rule the privacy gate applies: consent.ts#receiverMaySee). Pure: the service gives the
 * values; this decides what may go out.
 */
import { createHash } from 'node:crypto';
import {
  type Consent,
  receiverMaySee,
  redactToConsent,
  type ShareableField,
} from '../partners/consent.ts';
import type { ReferralStatus } from '../partners/referral-status.ts';

export const EVENT_TYPES = [
  'request.created',
  'request.status_changed',
  'referral.created',
  'referral.status_changed',
  'distribution.completed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export type Subscription =
  | { id: string; kind: 'integration'; events: readonly EventType[] }
  | { id: string; kind: 'partner'; organizationId: string; events: readonly EventType[] };

export interface RequestCreated {
  request_id: string;
  category: string;
  urgency: string;
  area_id: string | null;
  channel: 'web' | 'phone' | 'sms' | 'api';
  created_at: string;
}

export interface RequestStatusChanged {
  request_id: string;
  from: string;
  to: string;
  changed_at: string;
}

export type ReferralTarget =
  | { kind: 'organization'; organization_id: string }
  | { kind: 'network'; pairing_id: string };

export type PersonDetails = Partial<Record<ShareableField, string | number>>;

export interface ReferralCreated {
  referral_id: string;
  request_id: string;
  category: string;
  to: ReferralTarget;
  created_at: string;
  /** Only for the receiving partner's own subscription, and only what consent allows. */
  person?: PersonDetails;
}

export interface ReferralStatusChanged {
  referral_id: string;
  to_partner: ReferralTarget;
  from: ReferralStatus;
  to: ReferralStatus;
  reason: string | null;
  changed_at: string;
}

export interface DistributionCompleted {
  distribution_id: string;
  site_id: string;
  date: string;
  households_served: number;
  items_distributed: number;
}

export interface EventData {
  'request.created': RequestCreated;
  'request.status_changed': RequestStatusChanged;
  'referral.created': ReferralCreated;
  'referral.status_changed': ReferralStatusChanged;
  'distribution.completed': DistributionCompleted;
}

export interface Payload<T extends EventType = EventType> {
  type: T;
  timestamp: string;
  data: EventData[T];
}

/**
 * The webhook-id of one event to one subscription: the same for every retry and every
 * resend, so a receiver that keeps the ids it has seen acts on each event once.
 */
export function messageId(eventId: string, subscriptionId: string): string {
  const h = createHash('sha256').update(`${eventId}:${subscriptionId}`).digest('base64url');
  return `msg_${h.slice(0, 27)}`;
}

function targetsPartner(to: ReferralTarget, organizationId: string): boolean {
  return to.kind === 'organization' && to.organization_id === organizationId;
}

/** Whether this subscription hears of this event at all. */
export function wants<T extends EventType>(
  sub: Subscription,
  type: T,
  data: EventData[T],
): boolean {
  if (!sub.events.includes(type)) return false;
  if (sub.kind === 'integration') return true;
  // A partner hears only of referrals to itself: never of requests, other partners, goods.
  if (type === 'referral.created')
    return targetsPartner((data as ReferralCreated).to, sub.organizationId);
  if (type === 'referral.status_changed')
    return targetsPartner((data as ReferralStatusChanged).to_partner, sub.organizationId);
  return false;
}

/** Everything but a person block, which no builder below lets through on its own. */
function withoutPerson<T extends EventType>(type: T, data: EventData[T]): EventData[T] {
  if (type !== 'referral.created') return data;
  const { person: _drop, ...rest } = data as ReferralCreated;
  return rest as EventData[T];
}

/**
 * The payload of `type` for `sub`, or null when the subscription does not hear of it. For
 * `referral.created` to the receiving partner, `person` holds the consented fields of
 * `details` at `at` (none once consent is withdrawn or expired, or the referral closed).
 */
export function buildPayload<T extends EventType>(
  sub: Subscription,
  type: T,
  data: EventData[T],
  at: Date,
  scope?: { consent: Consent | null; status: ReferralStatus; details: PersonDetails },
): Payload<T> | null {
  if (!wants(sub, type, data)) return null;
  const base = withoutPerson(type, data);
  if (type === 'referral.created' && sub.kind === 'partner' && scope) {
    const allowed = receiverMaySee(
      scope.consent,
      scope.status,
      { kind: 'organization', organizationId: sub.organizationId },
      at,
    );
    if (allowed.length > 0) {
      const person = redactToConsent(scope.details, allowed);
      return {
        type,
        timestamp: at.toISOString(),
        data: { ...(base as ReferralCreated), person } as EventData[T],
      };
    }
  }
  return { type, timestamp: at.toISOString(), data: base };
}
