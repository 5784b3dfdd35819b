/**
 * The network's agreements (code of conduct, safety rules, privacy promise): versions,
 * who agreed to which, and review dates with reminders before them.
 *
 * - An agreement has numbered versions; a new version is either a correction (wording:
 *   earlier acceptances still hold) or a change (people are asked to agree again).
 * - A person has agreed to the current text when they accepted the current version, or an
 *   earlier one with only corrections since.
 * - Each agreement (and each decided proposal) has a review date; reminders go out
 *   REVIEW_REMINDER_DAYS before it, and on the day, each once (the outbox key names the day).
 */
export interface AgreementVersion {
  readonly number: number;
  /** 'change' asks everyone to agree again; 'correction' does not. */
  readonly kind: 'first' | 'change' | 'correction';
  /** YYYY-MM-DD */
  readonly reviewOn: string;
}

/** Days before a review date that reminders are sent (and 0: on the day). */
export const REVIEW_REMINDER_DAYS = [14, 1, 0] as const;

/** The version a person's acceptance must be at least, for the current text to count as agreed. */
export function lastChange(versions: readonly AgreementVersion[]): number {
  let last = 0;
  for (const v of [...versions].sort((a, b) => a.number - b.number)) {
    if (v.kind !== 'correction') last = v.number;
  }
  return last;
}

export function hasAgreed(
  versions: readonly AgreementVersion[],
  acceptedVersion: number | null,
): boolean {
  if (acceptedVersion === null || versions.length === 0) return false;
  return acceptedVersion >= lastChange(versions);
}

export type ReviewState = 'ok' | 'soon' | 'due' | 'overdue';

function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** Where a review date stands on `today` (both YYYY-MM-DD, network time). */
export function reviewState(reviewOn: string, today: string): ReviewState {
  const days = dayNumber(reviewOn) - dayNumber(today);
  if (days < 0) return 'overdue';
  if (days === 0) return 'due';
  return days <= REVIEW_REMINDER_DAYS[0] ? 'soon' : 'ok';
}

/** The days (YYYY-MM-DD) reminders for a review date go out, from `today` on. */
export function reminderDays(reviewOn: string, today: string): string[] {
  const base = dayNumber(reviewOn);
  const now = dayNumber(today);
  return REVIEW_REMINDER_DAYS.map((d) => base - d)
    .filter((n) => n >= now)
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
}

/** The outbox key of one reminder, so a job run twice sends it once. */
export function reminderKey(
  kind: 'agreement' | 'decision',
  id: string,
  day: string,
  personId: string,
): string {
  return `${kind}.review:${id}:${day}:${personId}`;
}
