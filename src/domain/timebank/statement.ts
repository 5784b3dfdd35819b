import { type CsvValue, csvDecimal } from '../csv.ts';
import {
  type Entry,
  runningBackward,
  runningForward,
  type WithBalance,
} from '../ledger/statement.ts';
import { decimalHours } from './minutes.ts';

/**
 * A member's statement: one line per transaction touching their account, newest first on the
 * page, oldest first in the CSV, each with the balance after it. Seen by the member and the
 * network's coordinators only (the service's rule); counterparts are named by the caller.
 */
export type TimeLineKind = 'transfer' | 'credit' | 'reversal';

export interface TimeLine extends Entry {
  transactionId: string;
  /** ISO timestamp of the posting. */
  at: string;
  kind: TimeLineKind;
  category: string;
  note: string;
  /** The accounts on the other side of this account's legs. */
  counterparts: string[];
  /** For a reversal, the transaction it undoes. */
  reverses: string | null;
}

export type TimeStatementLine = WithBalance<TimeLine>;

/** The newest page, from today's balance, without reading older postings. */
export function statementPage(
  balance: number,
  newestFirst: readonly TimeLine[],
): TimeStatementLine[] {
  return runningBackward(balance, newestFirst);
}

/** A whole period, from the balance before it. */
export function statementPeriod(
  opening: number,
  oldestFirst: readonly TimeLine[],
): TimeStatementLine[] {
  return runningForward(opening, oldestFirst);
}

export const STATEMENT_COLUMNS = [
  'date',
  'kind',
  'category',
  'counterparts',
  'note',
  'minutes',
  'hours',
  'balanceMinutes',
  'balanceHours',
  'transaction',
  'reverses',
] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];

export interface StatementCsvText {
  /** The header of each column, translated by the caller. */
  labels: Record<StatementColumn, string>;
  /** The kind of a line in words. */
  kind: (k: TimeLineKind) => string;
  /** A category's label. */
  category: (c: string) => string;
  /** An account's name as this reader may see it. */
  account: (id: string) => string;
  /** A timestamp as a date in the network's time zone. */
  date: (iso: string) => string;
}

/**
 * The statement as CSV rows (header first), for lines oldest first as `statementPeriod` gives
 * them, for `toCsv` of src/domain/csv.ts:
 * minutes as whole numbers (exact, to sum) and hours with two decimals beside them. Notes and
 * names go through `csvCell`, which defuses formulas.
 */
export function statementCsvRows(
  oldestFirst: readonly TimeStatementLine[],
  text: StatementCsvText,
): CsvValue[][] {
  const header = STATEMENT_COLUMNS.map((c) => text.labels[c]);
  const rows = oldestFirst.map((l): CsvValue[] => [
    text.date(l.at),
    text.kind(l.kind),
    text.category(l.category),
    l.counterparts.map(text.account).join('; '),
    l.note,
    l.amount,
    csvDecimal(decimalHours(l.amount)),
    l.balance,
    csvDecimal(decimalHours(l.balance)),
    l.transactionId,
    l.reverses ?? '',
  ]);
  return [header, ...rows];
}
