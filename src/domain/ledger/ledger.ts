/**
 * The one double-entry ledger core (docs/adr/0009-goods-ledger-and-allocation.md): a
 * transaction is a set of postings to accounts that sums to zero in its unit, and some
 * accounts may never go below zero. Stock of goods uses it today (one unit per item); time
 * credits and money are the same shape with other units and other balance rules.
 *
 * Amounts are integers in the smallest unit counted (a bag, a pack, a kilogram), so sums are
 * exact: floating-point money or stock drifts.
 */
export interface Posting {
  account: string;
  amount: number;
}

export interface Balances {
  get(account: string): number;
}

/** Which accounts must stay at zero or above (a shelf cannot hold minus three bags). */
export type BalanceRule = (account: string) => 'non-negative' | 'any';

export type LedgerCheck =
  | { ok: true }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'unbalanced'; sum: number }
  | { ok: false; reason: 'not-integer'; account: string }
  | { ok: false; reason: 'negative'; account: string; balance: number; change: number };

/** What each account gains or loses in a transaction (an account may appear more than once). */
export function netChanges(postings: readonly Posting[]): Map<string, number> {
  const change = new Map<string, number>();
  for (const p of postings) change.set(p.account, (change.get(p.account) ?? 0) + p.amount);
  return change;
}

/**
 * The shape every transaction of every unit must have: at least one posting, each a safe
 * integer (so sums are exact), summing to zero. Balance rules come on top of this.
 */
export function checkBalanced(
  postings: readonly Posting[],
): Extract<LedgerCheck, { reason: 'empty' | 'unbalanced' | 'not-integer' }> | { ok: true } {
  if (postings.length === 0) return { ok: false, reason: 'empty' };
  let sum = 0;
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amount))
      return { ok: false, reason: 'not-integer', account: p.account };
    sum += p.amount;
  }
  if (!Number.isSafeInteger(sum) || sum !== 0) return { ok: false, reason: 'unbalanced', sum };
  return { ok: true };
}

/** A transaction is valid when its postings are whole, sum to zero, and break no balance rule. */
export function checkTransaction(
  postings: readonly Posting[],
  balances: Balances,
  rule: BalanceRule,
): LedgerCheck {
  const shape = checkBalanced(postings);
  if (!shape.ok) return shape;
  for (const [account, delta] of netChanges(postings)) {
    if (delta >= 0 || rule(account) === 'any') continue;
    const balance = balances.get(account);
    if (balance + delta < 0)
      return { ok: false, reason: 'negative', account, balance, change: delta };
  }
  return { ok: true };
}

/** Balances after a sequence of postings, from zero: what a stored ledger must agree with. */
export function balancesOf(postings: Iterable<Posting>): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of postings) out.set(p.account, (out.get(p.account) ?? 0) + p.amount);
  return out;
}

/** An in-memory ledger (for tests, benchmarks and previews): applies valid transactions only. */
export class MemoryLedger implements Balances {
  private readonly balances = new Map<string, number>();
  constructor(private readonly rule: BalanceRule) {}
  get(account: string): number {
    return this.balances.get(account) ?? 0;
  }
  apply(postings: readonly Posting[]): LedgerCheck {
    const check = checkTransaction(postings, this, this.rule);
    if (check.ok)
      for (const p of postings) this.balances.set(p.account, this.get(p.account) + p.amount);
    return check;
  }
  entries(): [string, number][] {
    return [...this.balances];
  }
}
