import type { IncomeKind } from './funds.ts';
import type { SpendingKind } from './spending.ts';

/**
 * The transparency page must not read every posting on each view (issue 13, speed). So each
 * posting that the page counts also adds to a small summary, in the same database
 * transaction: one row per (network, metric, month, key) holding a sum and a count,
 * changed by `amount = amount + ?, count = count + ?` (an upsert). A reversal adds the same
 * deltas negated, so the summary always equals what a full scan would find; the property
 * test rebuilds it from the events and compares.
 *
 * Months are the network's local months ("2026-11"), from the date the event counts on.
 */
export const METRICS = [
  /** key: income kind. */
  'income',
  /** key: category; expenses and reimbursements (direct aid is not shown by month). */
  'spending',
  /** key: category; direct aid payments. */
  'aid',
  /** key: fund id; net flow into the fund (for its month-end balances). */
  'fund',
  /** key: fund id; direct aid paid from the fund (for the snapshot rule). */
  'fund-aid',
  /** key: 'exchange' (between members) or 'credit' (from the pool, for recorded help). */
  'hours',
  /** key: a listed donor's name (never an anonymous one). */
  'donor',
] as const;
export type Metric = (typeof METRICS)[number];

export interface SummaryDelta {
  metric: Metric;
  month: string;
  key: string;
  amount: number;
  count: number;
}

export type SummaryRow = SummaryDelta;

export type LedgerEvent =
  | {
      type: 'income';
      kind: IncomeKind;
      on: string;
      amount: number;
      /** Null for in-kind goods, which enter no fund. */
      fundId: string | null;
      /** The donor's name when they chose to be listed; null otherwise. */
      listedDonor: string | null;
    }
  | {
      type: 'payment';
      kind: SpendingKind;
      category: string;
      on: string;
      amount: number;
      fundId: string;
    }
  | { type: 'fund-transfer'; on: string; amount: number; fromFundId: string; toFundId: string }
  | { type: 'time'; source: 'exchange' | 'credit'; on: string; minutes: number };

export function monthOf(isoDate: string): string {
  if (!/^\d{4}-\d{2}/.test(isoDate)) throw new Error(`not a date: ${isoDate}`);
  return isoDate.slice(0, 7);
}

/** The summary changes an event makes; `sign` is -1 for its reversal. */
export function summaryDeltas(e: LedgerEvent, sign: 1 | -1 = 1): SummaryDelta[] {
  const month = monthOf(e.on);
  const d = (metric: Metric, key: string, amount: number, count = 1): SummaryDelta => ({
    metric,
    month,
    key,
    amount: sign * amount,
    count: sign * count,
  });
  switch (e.type) {
    case 'income': {
      const out = [d('income', e.kind, e.amount)];
      if (e.fundId) out.push(d('fund', e.fundId, e.amount));
      if (e.listedDonor) out.push(d('donor', e.listedDonor, e.amount));
      return out;
    }
    case 'payment':
      return e.kind === 'direct-aid'
        ? [
            d('aid', e.category, e.amount),
            d('fund', e.fundId, -e.amount),
            d('fund-aid', e.fundId, e.amount),
          ]
        : [d('spending', e.category, e.amount), d('fund', e.fundId, -e.amount)];
    case 'fund-transfer':
      return [d('fund', e.fromFundId, -e.amount), d('fund', e.toFundId, e.amount)];
    case 'time':
      return [d('hours', e.source, e.minutes)];
  }
}

const keyOf = (r: Pick<SummaryRow, 'metric' | 'month' | 'key'>) =>
  `${r.metric}\u0000${r.month}\u0000${r.key}`;

/** Adds deltas to rows (what the upsert does), dropping rows that return to zero. */
export function applyDeltas(
  rows: Map<string, SummaryRow>,
  deltas: readonly SummaryDelta[],
): Map<string, SummaryRow> {
  for (const delta of deltas) {
    const k = keyOf(delta);
    const row = rows.get(k) ?? { ...delta, amount: 0, count: 0 };
    row.amount += delta.amount;
    row.count += delta.count;
    if (row.amount === 0 && row.count === 0) rows.delete(k);
    else rows.set(k, row);
  }
  return rows;
}

/** The summary of a whole history, from nothing: what the stored table must equal. */
export function summarise(
  events: readonly { event: LedgerEvent; sign: 1 | -1 }[],
): Map<string, SummaryRow> {
  const rows = new Map<string, SummaryRow>();
  for (const { event, sign } of events) applyDeltas(rows, summaryDeltas(event, sign));
  return rows;
}
