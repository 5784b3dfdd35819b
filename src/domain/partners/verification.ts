/**
 * Is a partner service still as the directory says? Each service has the day someone last
 * checked it (`assured_date`, HSDS's own field) and who checked it; after a network setting
 * (6 months unless the network says otherwise, the usual re-verification cycle of 211
 * directories) it is stale and enters the review queue. A service can be taken off the
 * lists ("do not list") with a reason, without deleting what is known about it.
 * Pure; dates are local calendar days (YYYY-MM-DD) in the network's time zone.
 */
import { isCalendarDate } from './hsds-values.ts';

export const DEFAULT_STALE_AFTER_MONTHS = 6;
export const MIN_STALE_AFTER_MONTHS = 1;
export const MAX_STALE_AFTER_MONTHS = 24;
/** A service due within this many days shows as "due soon" in the queue. */
export const DUE_SOON_DAYS = 30;

export const CHECK_METHODS = ['phone', 'visit', 'email', 'website', 'partner', 'import'] as const;
export type CheckMethod = (typeof CHECK_METHODS)[number];

export const DO_NOT_LIST_REASONS = [
  'closed',
  'asked_not_to_be_listed',
  'unsafe',
  'wrong_information',
  'duplicate',
  'other',
] as const;
export type DoNotListReason = (typeof DO_NOT_LIST_REASONS)[number];
export const DO_NOT_LIST_NOTE_MAX = 500;

export interface Verification {
  serviceId: string;
  assuredDate: string | null;
  /** The member who checked (a person id), or null for an import. */
  checkedBy: string | null;
  method: CheckMethod | null;
  doNotList: { reason: DoNotListReason; note: string | null; by: string; on: string } | null;
}

export type VerificationState = 'do_not_list' | 'unchecked' | 'stale' | 'due_soon' | 'fresh';

export interface VerificationStatus {
  state: VerificationState;
  /** The day it becomes (or became) stale; null when never checked. */
  dueOn: string | null;
  /** Why it is unchecked, when it is: never checked, or a check dated in the future. */
  reason?: 'never_checked' | 'future_date';
}

/** `date` plus `months` calendar months; the 31st becomes the month's last day (Aug 31 + 6 = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const d = Number(date.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The network setting, read from a form or a config value: a whole number of months, 1 to 24. */
export function parseStaleAfterMonths(
  raw: string | number | null | undefined,
): { ok: true; months: number } | { ok: false; key: string; params: Record<string, number> } {
  if (raw === null || raw === undefined || raw === '')
    return { ok: true, months: DEFAULT_STALE_AFTER_MONTHS };
  const n = typeof raw === 'number' ? raw : /^\s*\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
  if (Number.isInteger(n) && n >= MIN_STALE_AFTER_MONTHS && n <= MAX_STALE_AFTER_MONTHS)
    return { ok: true, months: n };
  return {
    ok: false,
    key: 'partners.verification.stale_after_range',
    params: { min: MIN_STALE_AFTER_MONTHS, max: MAX_STALE_AFTER_MONTHS },
  };
}

export function verificationStatus(
  v: Pick<Verification, 'assuredDate' | 'doNotList'>,
  today: string,
  staleAfterMonths = DEFAULT_STALE_AFTER_MONTHS,
): VerificationStatus {
  const dueOn = v.assuredDate ? addMonths(v.assuredDate, staleAfterMonths) : null;
  if (v.doNotList) return { state: 'do_not_list', dueOn };
  if (!v.assuredDate) return { state: 'unchecked', dueOn: null, reason: 'never_checked' };
  // A check dated after today is a typing or import mistake; it must not keep a service fresh.
  if (v.assuredDate > today) return { state: 'unchecked', dueOn, reason: 'future_date' };
  if (dueOn! <= today) return { state: 'stale', dueOn };
  if (daysBetween(today, dueOn!) <= DUE_SOON_DAYS) return { state: 'due_soon', dueOn };
  return { state: 'fresh', dueOn };
}

export function isListed(v: Pick<Verification, 'doNotList'>): boolean {
  return v.doNotList === null;
}

/**
 * The review queue: every listed service that is not fresh. Never-checked and wrongly dated
 * first (nobody has vouched for them), then stale by how long overdue, then due soon.
 */
export function reviewQueue(
  items: readonly Verification[],
  today: string,
  staleAfterMonths = DEFAULT_STALE_AFTER_MONTHS,
): { serviceId: string; status: VerificationStatus }[] {
  const rank: Record<VerificationState, number> = {
    unchecked: 0,
    stale: 1,
    due_soon: 2,
    fresh: 3,
    do_not_list: 4,
  };
  return items
    .map((v) => ({
      serviceId: v.serviceId,
      status: verificationStatus(v, today, staleAfterMonths),
    }))
    .filter((x) => x.status.state !== 'fresh' && x.status.state !== 'do_not_list')
    .sort(
      (a, b) =>
        rank[a.status.state] - rank[b.status.state] ||
        (a.status.dueOn ?? '').localeCompare(b.status.dueOn ?? '') ||
        a.serviceId.localeCompare(b.serviceId),
    );
}

export type VerificationResult =
  | { ok: true; verification: Verification }
  | {
      ok: false;
      code: 'CHECK_DATE_INVALID' | 'DO_NOT_LIST_NOTE_REQUIRED' | 'DO_NOT_LIST_NOTE_TOO_LONG';
    };

/** A member checked the service today (or on a past day they name). */
export function recordCheck(
  v: Verification,
  check: { by: string; method: CheckMethod; on: string; today: string },
): VerificationResult {
  if (!isCalendarDate(check.on) || check.on > check.today)
    return { ok: false, code: 'CHECK_DATE_INVALID' };
  if (v.assuredDate && check.on < v.assuredDate) return { ok: true, verification: v };
  return {
    ok: true,
    verification: { ...v, assuredDate: check.on, checkedBy: check.by, method: check.method },
  };
}

export function markDoNotList(
  v: Verification,
  mark: { reason: DoNotListReason; note: string | null; by: string; on: string },
): VerificationResult {
  const note = mark.note?.trim() || null;
  if (mark.reason === 'other' && !note) return { ok: false, code: 'DO_NOT_LIST_NOTE_REQUIRED' };
  if (note && note.length > DO_NOT_LIST_NOTE_MAX)
    return { ok: false, code: 'DO_NOT_LIST_NOTE_TOO_LONG' };
  return {
    ok: true,
    verification: { ...v, doNotList: { reason: mark.reason, note, by: mark.by, on: mark.on } },
  };
}

export function clearDoNotList(v: Verification): Verification {
  return { ...v, doNotList: null };
}
