import { type CsvValue, csvDecimal } from '../csv.ts';
import { checkBalanced, type Posting } from '../ledger/ledger.ts';
import { toDecimalString } from './currency.ts';

/**
 * The ledger for an accountant (issue 13, M5.8): one row per posting, debit and credit in
 * separate columns as a general journal has them (money into a fund or a spending account is
 * a debit, money from an income account a credit), amounts as exact decimals, every text
 * cell through `csvCell` (formula injection neutralised). A direct-aid payment never carries
 * its payee: the type has no place for one, only the word the caller gives for "a neighbour".
 */
export type Payee =
  | { kind: 'vendor'; name: string }
  | { kind: 'volunteer'; name: string }
  | { kind: 'aid' }
  | null;

export interface JournalTransaction {
  id: string;
  /** The network's date it counts on. */
  on: string;
  kind: 'income' | 'payment' | 'fund-transfer' | 'in-kind' | 'reversal';
  description: string;
  payee: Payee;
  /** For a reversal, the transaction it undoes. */
  reverses: string | null;
  postings: readonly Posting[];
}

export const JOURNAL_COLUMNS = [
  'date',
  'transaction',
  'kind',
  'description',
  'payee',
  'account',
  'debit',
  'credit',
  'currency',
  'reverses',
] as const;
export type JournalColumn = (typeof JOURNAL_COLUMNS)[number];

export interface JournalText {
  labels: Record<JournalColumn, string>;
  kind: (k: JournalTransaction['kind']) => string;
  /** An account's name: a fund's name, "Donations", "Spending: groceries". */
  account: (account: string) => string;
  /** The words for a direct-aid payee ("a neighbour"). */
  aidPayee: string;
}

function payeeText(p: Payee, text: JournalText): string {
  if (p === null) return '';
  return p.kind === 'aid' ? text.aidPayee : p.name;
}

/** Header, then each transaction's postings in order; refuses an unbalanced transaction. */
export function journalCsvRows(
  transactions: readonly JournalTransaction[],
  currency: { code: string; digits: number },
  text: JournalText,
): CsvValue[][] {
  const rows: CsvValue[][] = [JOURNAL_COLUMNS.map((c) => text.labels[c])];
  for (const t of transactions) {
    const check = checkBalanced(t.postings);
    if (!check.ok) throw new Error(`transaction ${t.id} is not balanced: ${check.reason}`);
    for (const p of t.postings) {
      const amount = csvDecimal(toDecimalString(Math.abs(p.amount), currency.digits));
      rows.push([
        t.on,
        t.id,
        text.kind(t.kind),
        t.description,
        payeeText(t.payee, text),
        text.account(p.account),
        p.amount > 0 ? amount : null,
        p.amount < 0 ? amount : null,
        currency.code,
        t.reverses,
      ]);
    }
  }
  return rows;
}
