import type { Posting } from '../ledger/ledger.ts';
import { reversalPostings } from '../ledger/reversal.ts';
import { MAX_LEG_MINUTES, minutesFromHours } from './minutes.ts';

/**
 * Hours of recorded help credited to the volunteer from the pool (issue 13, M4.5; a network
 * setting, off by default): once per fulfilled task or attended shift. The source's key
 * ("task:<id>", "shift:<signup id>") makes it idempotent: the event may arrive twice (a retry,
 * two app servers, a coordinator saving the same hours again) and changes nothing the
 * second time. When a coordinator corrects the hours, or the task is reopened, the credit is
 * reversed and, for new hours, posted again: corrections by reversal only.
 */
export type CreditSourceKind = 'task' | 'shift';

export interface CreditSource {
  kind: CreditSourceKind;
  id: string;
}

export function sourceKey(s: CreditSource): string {
  if (!s.id) throw new Error('a credit source needs an id');
  return `${s.kind}:${s.id}`;
}

/** One transaction of a source's history, as stored. */
export interface CreditHistoryEntry {
  transactionId: string;
  /** The account credited (the reversal names the same one). */
  account: string;
  minutes: number;
  reverses: string | null;
  reversedBy: string | null;
}

/** What the source's credit is now: the one credit not reversed, or nothing. */
export interface CurrentCredit {
  transactionId: string;
  account: string;
  minutes: number;
}

/** The credit that should stand, from the source's state; null: none should. */
export interface DesiredCredit {
  account: string;
  minutes: number;
}

export function currentCredit(history: readonly CreditHistoryEntry[]): CurrentCredit | null {
  const live = history.filter((h) => h.reverses === null && h.reversedBy === null);
  if (live.length > 1)
    throw new Error(
      `a credit source has ${live.length} live credits; the unique index should prevent it`,
    );
  const h = live[0];
  return h ? { transactionId: h.transactionId, account: h.account, minutes: h.minutes } : null;
}

/**
 * The credit a source calls for: 'off' when the network does not credit help (then nothing
 * is posted and nothing already credited is reversed: turning the setting off does not
 * rewrite history); null when none should stand (no volunteer, no hours, the task reopened or
 * the shift not attended: the caller passes null hours then). Hours are capped at one leg's
 * maximum: a shift of 300 hours is a typo the coordinator corrects.
 */
export function desiredCredit(
  enabled: boolean,
  account: string | null,
  hours: number | null | undefined,
): DesiredCredit | null | 'off' {
  if (!enabled) return 'off';
  if (!account) return null;
  const minutes = minutesFromHours(hours);
  if (minutes === null) return null;
  return { account, minutes: Math.min(minutes, MAX_LEG_MINUTES) };
}

export type CreditAction =
  | { kind: 'none' }
  | { kind: 'post'; postings: Posting[] }
  | { kind: 'reverse'; transactionId: string; postings: Posting[] }
  | {
      kind: 'reverse-and-post';
      transactionId: string;
      reversal: Posting[];
      postings: Posting[];
    };

function creditPostings(pool: string, d: DesiredCredit): Posting[] {
  return [
    { account: pool, amount: -d.minutes },
    { account: d.account, amount: d.minutes },
  ];
}

/**
 * What to do so the ledger holds exactly the desired credit. The same (current, desired)
 * always gives the same answer, and once it is applied the answer is `none`.
 */
export function planCredit(
  current: CurrentCredit | null,
  desired: DesiredCredit | null | 'off',
  pool: string,
): CreditAction {
  if (desired === 'off') return { kind: 'none' };
  if (current === null)
    return desired ? { kind: 'post', postings: creditPostings(pool, desired) } : { kind: 'none' };
  const currentPostings = creditPostings(pool, current);
  if (desired === null)
    return {
      kind: 'reverse',
      transactionId: current.transactionId,
      postings: reversalPostings(currentPostings),
    };
  if (desired.account === current.account && desired.minutes === current.minutes)
    return { kind: 'none' };
  return {
    kind: 'reverse-and-post',
    transactionId: current.transactionId,
    reversal: reversalPostings(currentPostings),
    postings: creditPostings(pool, desired),
  };
}
