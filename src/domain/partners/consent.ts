/**
 * A person's consent to a referral, as data: what is shared (which fields), with whom (one
 * partner organization or one paired network), until when, and whether it was withdrawn.
 * This is the shape of a FHIR Consent's provision (actor, data, period) that Gravity SDOH
 * referrals carry, kept small. The rule the privacy gate asks: given a consent, a viewer and
 * a moment, which fields may the viewer see? Nothing before it was given, nothing after it
 * expires or is withdrawn, nothing for anyone else, and nothing once the referral is closed.
 * Pure; the consent row itself is sealed at rest (its fields say what a person needs).
 */
import { isOpenReferral, type ReferralStatus } from './referral-status.ts';

/**
 * What a referral may carry about the person, least first. The category, the request code
 * and the approximate area are not here: they say nothing about who the person is and
 * travel with every referral.
 */
export const SHAREABLE_FIELDS = [
  'first_name',
  'full_name',
  'language',
  'household_size',
  'phone',
  'email',
  'address',
  'details',
  'accessibility_needs',
  'contact_times',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

export const CONSENT_CHANNELS = ['in_person', 'phone_call', 'sms', 'web_form', 'paper'] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Unless the coordinator sets less: a referral that takes longer than a month is rare. */
export const DEFAULT_CONSENT_DAYS = 30;
/** Never longer: a consent older than this is not what the person agreed to any more. */
export const MAX_CONSENT_DAYS = 180;

export type Recipient =
  | { kind: 'organization'; organizationId: string }
  | { kind: 'network'; pairingId: string };

export interface Consent {
  referralId: string;
  fields: ShareableField[];
  recipient: Recipient;
  givenAt: string;
  givenVia: ConsentChannel;
  /** The coordinator who recorded it (a person id). */
  recordedBy: string;
  expiresAt: string;
  /** The person agreed to hear about the referral's progress by their channel. */
  updatesToPerson: boolean;
  withdrawnAt: string | null;
}

export type ConsentError = {
  field: keyof Consent | 'days';
  key: string;
  params?: Record<string, number>;
};

export interface ConsentInput {
  referralId: string;
  fields: readonly string[];
  recipient: Recipient;
  givenVia: string;
  recordedBy: string;
  /** Days from now until it expires (defaults to 30). */
  days?: number | null;
  updatesToPerson: boolean;
}

/** A consent as a coordinator records it, at `now`; each mistake is given with its field. */
export function recordConsent(
  input: ConsentInput,
  now: Date,
): { ok: true; consent: Consent } | { ok: false; errors: ConsentError[] } {
  const errors: ConsentError[] = [];
  const fields = [...new Set(input.fields)];
  if (fields.length === 0)
    errors.push({ field: 'fields', key: 'referrals.consent.fields_required' });
  if (fields.some((f) => !(SHAREABLE_FIELDS as readonly string[]).includes(f)))
    errors.push({ field: 'fields', key: 'referrals.consent.field_unknown' });
  if (!(CONSENT_CHANNELS as readonly string[]).includes(input.givenVia))
    errors.push({ field: 'givenVia', key: 'referrals.consent.channel_required' });
  const days = input.days ?? DEFAULT_CONSENT_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_CONSENT_DAYS)
    errors.push({
      field: 'days',
      key: 'referrals.consent.days_range',
      params: { min: 1, max: MAX_CONSENT_DAYS },
    });
  if (errors.length) return { ok: false, errors };
  // Kept in the order of SHAREABLE_FIELDS, so two consents to the same fields compare equal.
  const ordered = SHAREABLE_FIELDS.filter((f) => fields.includes(f));
  return {
    ok: true,
    consent: {
      referralId: input.referralId,
      fields: ordered,
      recipient: input.recipient,
      givenAt: now.toISOString(),
      givenVia: input.givenVia as ConsentChannel,
      recordedBy: input.recordedBy,
      expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
      updatesToPerson: input.updatesToPerson,
      withdrawnAt: null,
    },
  };
}

/** Withdrawal is final and keeps its first moment (a second click changes nothing). */
export function withdrawConsent(c: Consent, at: Date): Consent {
  return c.withdrawnAt ? c : { ...c, withdrawnAt: at.toISOString() };
}

export type ConsentState = 'not_yet' | 'active' | 'expired' | 'withdrawn';

export function consentState(c: Consent, at: Date): ConsentState {
  const t = at.getTime();
  if (c.withdrawnAt && Date.parse(c.withdrawnAt) <= t) return 'withdrawn';
  if (t < Date.parse(c.givenAt)) return 'not_yet';
  if (t >= Date.parse(c.expiresAt)) return 'expired';
  return 'active';
}

function sameRecipient(a: Recipient, b: Recipient): boolean {
  if (a.kind === 'organization' && b.kind === 'organization')
    return a.organizationId === b.organizationId;
  if (a.kind === 'network' && b.kind === 'network') return a.pairingId === b.pairingId;
  return false;
}

/** The fields `viewer` may see under this consent at `at`: empty unless it is active and theirs. */
export function visibleFields(c: Consent, viewer: Recipient, at: Date): ShareableField[] {
  if (!sameRecipient(c.recipient, viewer)) return [];
  return consentState(c, at) === 'active' ? [...c.fields] : [];
}

/** The gate's whole question for a receiver: an open referral and an active consent of theirs. */
export function receiverMaySee(
  c: Consent | null,
  referralStatus: ReferralStatus,
  viewer: Recipient,
  at: Date,
): ShareableField[] {
  if (!c || !isOpenReferral(referralStatus)) return [];
  return visibleFields(c, viewer, at);
}

/** The person's details cut down to what the viewer may see (the gate decrypts, this selects). */
export function redactToConsent<T extends Partial<Record<ShareableField, unknown>>>(
  details: T,
  allowed: readonly ShareableField[],
): Partial<T> {
  const out: Partial<T> = {};
  for (const f of allowed) if (f in details) (out as Record<string, unknown>)[f] = details[f];
  return out;
}
