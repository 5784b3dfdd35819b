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
  | { ok: false; reason: 'unbalanced'; sum: number }
  | { ok: false; reason: 'not-integer'; account: string }
  | { ok: false; reason: 'negative'; account: string; balance: number; change: number };

/** A transaction is valid when its postings are whole, sum to zero, and break no balance rule. */
export function checkTransaction(
  postings: readonly Posting[],
  balances: Balances,
  rule: BalanceRule,
): LedgerCheck {
  let sum = 0;
  const change = new Map<string, number>();
  for (const p of postings) {
    if (!Number.isSafeInteger(p.amount))
      return { ok: false, reason: 'not-integer', account: p.account };
    sum += p.amount;
    change.set(p.account, (change.get(p.account) ?? 0) + p.amount);
  }
  if (sum !== 0) return { ok: false, reason: 'unbalanced', sum };
  for (const [account, delta] of change) {
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
