import type { Posting } from './ledger.ts';

/**
 * Statement lines with a running balance, for any unit (a member's minutes, a fund's cents).
 * Two ways to the same numbers: forward from an opening balance (a whole period), or
 * backward from today's balance (the newest page, without reading older postings: the
 * benchmark's 1,000,000 postings need not be summed to show the last 50 lines).
 */
export interface Entry {
  /** What this line changes the account by (signed, whole units). */
  amount: number;
}

export type WithBalance<T extends Entry> = T & { balance: number };

/** Oldest first: each line's balance is the opening plus every amount up to it. */
export function runningForward<T extends Entry>(
  opening: number,
  oldestFirst: readonly T[],
): WithBalance<T>[] {
  let balance = opening;
  return oldestFirst.map((e) => {
    balance += e.amount;
    return { ...e, balance };
  });
}

/** Newest first: the first line's balance is today's; each older one is before the newer. */
export function runningBackward<T extends Entry>(
  closing: number,
  newestFirst: readonly T[],
): WithBalance<T>[] {
  let balance = closing;
  return newestFirst.map((e) => {
    const line = { ...e, balance };
    balance -= e.amount;
    return line;
  });
}

/** The balance before the oldest of these lines (a page's "brought forward"). */
export function broughtForward(closing: number, newestFirst: readonly Entry[]): number {
  return newestFirst.reduce((b, e) => b - e.amount, closing);
}

/** What one account gains or loses in one transaction's postings. */
export function netFor(account: string, postings: readonly Posting[]): number {
  let n = 0;
  for (const p of postings) if (p.account === account) n += p.amount;
  return n;
}

/**
 * Stored running balances (a posting's `balance_after`) agree with the amounts: the first
 * line that does not, or null. A check for the repair tool and the property tests.
 */
export function firstRunningMismatch(
  opening: number,
  oldestFirst: readonly WithBalance<Entry>[],
): number | null {
  let balance = opening;
  for (let i = 0; i < oldestFirst.length; i++) {
    const line = oldestFirst[i]!;
    balance += line.amount;
    if (line.balance !== balance) return i;
  }
  return null;
}
