import { netChanges, type Posting } from './ledger.ts';

/**
 * Corrections by reversal only (time and money, like goods' count adjustments): a posted
 * transaction is never edited or deleted; a reversal is a new transaction with every posting
 * negated, so every balance returns to what it would be without the original, and both stay
 * in the statement for anyone who checks. To correct an amount, reverse and post again.
 */
export interface PostedRef {
  id: string;
  /** The transaction this one reverses, when it is a reversal. */
  reverses: string | null;
  /** The reversal of this one, once it has been reversed. */
  reversedBy: string | null;
}

export type ReversalCode = 'LEDGER_ALREADY_REVERSED' | 'LEDGER_REVERSAL_OF_REVERSAL';

export type ReversalCheck =
  | { ok: true }
  | { ok: false; code: ReversalCode; params: Record<string, string> };

/**
 * A transaction may be reversed once, and a reversal is not itself reversed (post the
 * original again instead): so the chain for one transaction is never longer than two, and
 * "is this reversed?" has one answer. The database backs this with a unique index on
 * `reverses`.
 */
export function checkReversal(tx: PostedRef): ReversalCheck {
  if (tx.reverses !== null)
    return { ok: false, code: 'LEDGER_REVERSAL_OF_REVERSAL', params: { transactionId: tx.id } };
  if (tx.reversedBy !== null)
    return {
      ok: false,
      code: 'LEDGER_ALREADY_REVERSED',
      params: { transactionId: tx.id, reversedBy: tx.reversedBy },
    };
  return { ok: true };
}

/** The postings that undo `postings`: same accounts, amounts negated, in the same order. */
export function reversalPostings(postings: readonly Posting[]): Posting[] {
  // `0 - x` rather than `-x`: a reversal never posts a negative zero.
  return postings.map((p) => ({ account: p.account, amount: 0 - p.amount }));
}

/** True when `b` undoes `a` exactly (every account's net change is opposite). */
export function isReversalOf(a: readonly Posting[], b: readonly Posting[]): boolean {
  const na = netChanges(a);
  const nb = netChanges(b);
  const accounts = new Set([...na.keys(), ...nb.keys()]);
  for (const acc of accounts) if ((na.get(acc) ?? 0) + (nb.get(acc) ?? 0) !== 0) return false;
  return true;
}
