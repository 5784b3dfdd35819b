import {
  type Balances,
  checkBalanced,
  type LedgerCheck,
  netChanges,
  type Posting,
} from './ledger.ts';

/**
 * Limits on a balance, shared by every unit: a floor (a time account's credit limit, zero for
 * a money fund or a shelf) and a ceiling (the most hours one member may hold). `null` is no
 * limit on that side. The goods rule 'non-negative' is the bounds { floor: 0, ceiling: null }.
 *
 * A transaction breaks a bound only by moving an account past it in that direction: an
 * account already below a floor that was raised yesterday may still receive, and one above a
 * lowered ceiling may still pay out. So an account that starts within its bounds stays
 * within them after any transaction this check accepts, and no account is ever stuck.
 */
export interface Bounds {
  floor: number | null;
  ceiling: number | null;
}

export const UNBOUNDED: Bounds = Object.freeze({ floor: null, ceiling: null });
export const NON_NEGATIVE: Bounds = Object.freeze({ floor: 0, ceiling: null });

export type BoundsOf = (account: string) => Bounds;

export interface BoundBreach {
  account: string;
  limit: 'floor' | 'ceiling';
  /** The bound itself. */
  bound: number;
  /** Balance before the transaction. */
  balance: number;
  /** What the transaction changes the account by (signed). */
  change: number;
  /** Balance the transaction would leave. */
  after: number;
  /** How far past the bound `after` is (always above zero). */
  over: number;
}

export type BoundedCheck =
  | { ok: true }
  | Extract<LedgerCheck, { reason: 'empty' | 'unbalanced' | 'not-integer' }>
  | { ok: false; reason: 'bound'; breaches: BoundBreach[] };

/** Every bound the transaction would break, in the order the accounts first appear. */
export function boundBreaches(
  postings: readonly Posting[],
  balances: Balances,
  boundsOf: BoundsOf,
): BoundBreach[] {
  const out: BoundBreach[] = [];
  for (const [account, change] of netChanges(postings)) {
    if (change === 0) continue;
    const { floor, ceiling } = boundsOf(account);
    const balance = balances.get(account);
    const after = balance + change;
    if (change < 0 && floor !== null && after < floor)
      out.push({
        account,
        limit: 'floor',
        bound: floor,
        balance,
        change,
        after,
        over: floor - after,
      });
    if (change > 0 && ceiling !== null && after > ceiling)
      out.push({
        account,
        limit: 'ceiling',
        bound: ceiling,
        balance,
        change,
        after,
        over: after - ceiling,
      });
  }
  return out;
}

/** Balanced, whole, and within every account's bounds. */
export function checkBounded(
  postings: readonly Posting[],
  balances: Balances,
  boundsOf: BoundsOf,
): BoundedCheck {
  const shape = checkBalanced(postings);
  if (!shape.ok) return shape;
  const breaches = boundBreaches(postings, balances, boundsOf);
  return breaches.length ? { ok: false, reason: 'bound', breaches } : { ok: true };
}

/** Whether a balance sits within its bounds (for showing an account that is past one). */
export function withinBounds(balance: number, b: Bounds): boolean {
  return (b.floor === null || balance >= b.floor) && (b.ceiling === null || balance <= b.ceiling);
}

/** An in-memory ledger with bounds (tests, previews, the benchmark's reference). */
export class BoundedMemoryLedger implements Balances {
  private readonly balances = new Map<string, number>();
  constructor(private readonly boundsOf: BoundsOf) {}
  get(account: string): number {
    return this.balances.get(account) ?? 0;
  }
  apply(postings: readonly Posting[]): BoundedCheck {
    const check = checkBounded(postings, this, this.boundsOf);
    if (check.ok) this.post(postings);
    return check;
  }
  /** Posts without the bound check (a correction); the shape is still enforced. */
  force(postings: readonly Posting[]): BoundedCheck {
    const shape = checkBalanced(postings);
    if (shape.ok) this.post(postings);
    return shape;
  }
  entries(): [string, number][] {
    return [...this.balances];
  }
  private post(postings: readonly Posting[]): void {
    for (const p of postings) this.balances.set(p.account, this.get(p.account) + p.amount);
  }
}
