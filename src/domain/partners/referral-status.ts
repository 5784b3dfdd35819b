/**
 * The life of a referral, and who may move it. It follows the roles of HL7's Gravity SDOH
 * Clinical Care referral (a Task whose `requester` is the referring party and whose `owner`
 * is the organization that performs the service): the requester creates it and may cancel
 * it; every other status belongs to the owner. Here the requester is the **sender** (a
 * coordinator of the referring network) and the owner the **receiver** (a partner member,
 * the holder of a signed link, or a paired network).
 *
 *   Mutua            Gravity Task.status   set by
 *   sent             requested             sender (on creation)
 *   received         received              receiver
 *   accepted         accepted              receiver
 *   declined         rejected              receiver, with a reason
 *   in_progress      in-progress           receiver
 *   completed        completed             receiver
 *   could_not_help   failed                receiver, with a reason
 *   cancelled        cancelled             sender, with a reason (consent withdrawn is one)
 *
 * Pure: `changeStatus` answers a value (never throws); the service turns an error code into
 * an AppError and writes the event on the request's timeline.
 */

export const REFERRAL_STATUSES = [
  'sent',
  'received',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'could_not_help',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const FHIR_TASK_STATUS: Record<ReferralStatus, string> = {
  sent: 'requested',
  received: 'received',
  accepted: 'accepted',
  declined: 'rejected',
  in_progress: 'in-progress',
  completed: 'completed',
  could_not_help: 'failed',
  cancelled: 'cancelled',
};

export type ReferralRole = 'sender' | 'receiver';

export const DECLINE_REASONS = [
  'not_eligible',
  'no_capacity',
  'outside_area',
  'service_not_offered',
  'duplicate',
  'other',
] as const;
export const COULD_NOT_HELP_REASONS = [
  'could_not_reach',
  'person_declined',
  'no_capacity',
  'not_eligible',
  'other',
] as const;
export const CANCEL_REASONS = [
  'no_longer_needed',
  'consent_withdrawn',
  'referred_elsewhere',
  'sent_in_error',
  'other',
] as const;
export type ReferralReason =
  | (typeof DECLINE_REASONS)[number]
  | (typeof COULD_NOT_HELP_REASONS)[number]
  | (typeof CANCEL_REASONS)[number];

/** A note may say more; "other" must. 500 characters: a sentence or three, not a case file. */
export const REASON_NOTE_MAX = 500;

const REASONS: Partial<Record<ReferralStatus, readonly string[]>> = {
  declined: DECLINE_REASONS,
  could_not_help: COULD_NOT_HELP_REASONS,
  cancelled: CANCEL_REASONS,
};

/** From each status, the statuses each role may set. */
const MOVES: Record<ReferralStatus, Record<ReferralRole, readonly ReferralStatus[]>> = {
  sent: { receiver: ['received', 'accepted', 'declined'], sender: ['cancelled'] },
  received: { receiver: ['accepted', 'declined'], sender: ['cancelled'] },
  accepted: { receiver: ['in_progress', 'completed', 'could_not_help'], sender: ['cancelled'] },
  in_progress: { receiver: ['completed', 'could_not_help'], sender: ['cancelled'] },
  declined: { receiver: [], sender: [] },
  completed: { receiver: [], sender: [] },
  could_not_help: { receiver: [], sender: [] },
  cancelled: { receiver: [], sender: [] },
};

export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = [
  'sent',
  'received',
  'accepted',
  'in_progress',
];
export const isOpenReferral = (s: ReferralStatus) => OPEN_REFERRAL_STATUSES.includes(s);

export function canSet(role: ReferralRole, from: ReferralStatus, to: ReferralStatus): boolean {
  return MOVES[from][role].includes(to);
}

export function isReferralStatus(s: string): s is ReferralStatus {
  return (REFERRAL_STATUSES as readonly string[]).includes(s);
}

export type ReferralErrorCode =
  | 'REFERRAL_CLOSED'
  | 'REFERRAL_NOT_YOURS_TO_SET'
  | 'REFERRAL_STATUS_CONFLICT'
  | 'REFERRAL_REASON_REQUIRED'
  | 'REFERRAL_REASON_INVALID'
  | 'REFERRAL_NOTE_REQUIRED'
  | 'REFERRAL_NOTE_TOO_LONG';

export interface StatusChange {
  to: ReferralStatus;
  by: ReferralRole;
  reason?: string | null;
  note?: string | null;
}

export interface ReferralEvent {
  from: ReferralStatus;
  to: ReferralStatus;
  by: ReferralRole;
  reason: ReferralReason | null;
  note: string | null;
}

export type ChangeResult =
  | { ok: true; unchanged: true }
  | { ok: true; unchanged: false; event: ReferralEvent }
  | { ok: false; code: ReferralErrorCode; field?: 'reason' | 'note' };

/**
 * One status change. Setting the status a referral already has is a no-op (a retried
 * message between networks must not fail, nor write a second timeline entry).
 */
export function changeStatus(current: ReferralStatus, change: StatusChange): ChangeResult {
  if (change.to === current) return { ok: true, unchanged: true };
  if (!isOpenReferral(current)) return { ok: false, code: 'REFERRAL_CLOSED' };
  if (!canSet(change.by, current, change.to)) {
    const other: ReferralRole = change.by === 'sender' ? 'receiver' : 'sender';
    return {
      ok: false,
      code: canSet(other, current, change.to)
        ? 'REFERRAL_NOT_YOURS_TO_SET'
        : 'REFERRAL_STATUS_CONFLICT',
    };
  }
  const allowed = REASONS[change.to];
  const reason = change.reason?.trim() || null;
  const note = change.note?.trim() || null;
  if (note && note.length > REASON_NOTE_MAX)
    return { ok: false, code: 'REFERRAL_NOTE_TOO_LONG', field: 'note' };
  if (allowed) {
    if (!reason) return { ok: false, code: 'REFERRAL_REASON_REQUIRED', field: 'reason' };
    if (!allowed.includes(reason))
      return { ok: false, code: 'REFERRAL_REASON_INVALID', field: 'reason' };
    if (reason === 'other' && !note)
      return { ok: false, code: 'REFERRAL_NOTE_REQUIRED', field: 'note' };
  } else if (reason) {
    return { ok: false, code: 'REFERRAL_REASON_INVALID', field: 'reason' };
  }
  return {
    ok: true,
    unchanged: false,
    event: {
      from: current,
      to: change.to,
      by: change.by,
      reason: reason as ReferralReason | null,
      note,
    },
  };
}

/** The request's timeline entry for an event (the note is shown to coordinators only). */
export function timelineEntry(
  e: ReferralEvent,
  partnerName: string,
): { key: string; params: Record<string, string> } {
  return {
    key: `referrals.timeline.${e.to}`,
    params: { partner: partnerName, ...(e.reason ? { reason: e.reason } : {}) },
  };
}

/**
 * Statuses the person hears about, by their channel, if they agreed to updates: the ones
 * that change what they should do next. "received" and "in progress" are not worth a text.
 */
export const PERSON_NOTIFIED: readonly ReferralStatus[] = [
  'accepted',
  'declined',
  'completed',
  'could_not_help',
];
