import type { FieldProblem } from '../problems.ts';
import { MAX_AMOUNT_MINOR } from './amount-input.ts';
import { isIsoDate } from './income.ts';

/**
 * Budgets per spending category and period (issue 13, M5.6), set against what was actually
 * paid, with a warning as a category nears its budget. Periods are inclusive date ranges in
 * the network's dates ("2026-01-01".."2026-03-31"), so a month, a quarter, a grant's period
 * or a year are all the same thing.
 */
export interface Budget {
  id: string;
  category: string;
  start: string;
  end: string;
  /** Minor units. */
  amount: number;
}

/** One payment (or its reversal, negative) in a category on a day. */
export interface Actual {
  category: string;
  on: string;
  amount: number;
}

export type BudgetState = 'ok' | 'near' | 'over';

export interface BudgetLine {
  budget: Budget;
  actual: number;
  remaining: number;
  /** Whole percent spent, rounded down (120 when over by a fifth). */
  percent: number;
  state: BudgetState;
}

/** Near from `warnPercent` spent, over past the budget; exact in integers. */
export function budgetState(amount: number, actual: number, warnPercent: number): BudgetState {
  if (actual > amount) return 'over';
  if (actual * 100 >= amount * warnPercent) return 'near';
  return 'ok';
}

export function budgetLines(
  budgets: readonly Budget[],
  actuals: readonly Actual[],
  warnPercent: number,
): BudgetLine[] {
  return budgets.map((b) => {
    let actual = 0;
    for (const a of actuals)
      if (a.category === b.category && a.on >= b.start && a.on <= b.end) actual += a.amount;
    return {
      budget: b,
      actual,
      remaining: b.amount - actual,
      percent: b.amount > 0 ? Math.floor((actual * 100) / b.amount) : actual > 0 ? 100 : 0,
      state: budgetState(b.amount, actual, warnPercent),
    };
  });
}

/**
 * The warnings a new payment would raise (shown beside the approve and pay buttons): each
 * budget of its category and day that it would leave 'near' or 'over'.
 */
export function budgetWarnings(
  lines: readonly BudgetLine[],
  category: string,
  on: string,
  amount: number,
  warnPercent: number,
): { budgetId: string; state: BudgetState; after: number; budget: number }[] {
  const out: { budgetId: string; state: BudgetState; after: number; budget: number }[] = [];
  for (const l of lines) {
    const b = l.budget;
    if (b.category !== category || on < b.start || on > b.end) continue;
    const after = l.actual + amount;
    const state = budgetState(b.amount, after, warnPercent);
    if (state !== 'ok') out.push({ budgetId: b.id, state, after, budget: b.amount });
  }
  return out;
}

/** Budgets of one category may not overlap: an actual would count against two of them. */
export function validateBudget(
  b: Budget,
  others: readonly Budget[],
  categories: readonly string[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!categories.includes(b.category))
    out.push({ field: 'category', key: 'money.field.categoryUnknown' });
  if (!isIsoDate(b.start)) out.push({ field: 'start', key: 'money.field.dateInvalid' });
  if (!isIsoDate(b.end)) out.push({ field: 'end', key: 'money.field.dateInvalid' });
  else if (isIsoDate(b.start) && b.end < b.start)
    out.push({ field: 'end', key: 'money.field.periodEndsBeforeStart' });
  if (!Number.isSafeInteger(b.amount) || b.amount <= 0 || b.amount > MAX_AMOUNT_MINOR)
    out.push({ field: 'amount', key: 'money.field.amountPositive' });
  const clash = others.find(
    (o) => o.id !== b.id && o.category === b.category && o.start <= b.end && b.start <= o.end,
  );
  if (clash)
    out.push({
      field: 'start',
      key: 'money.field.budgetOverlaps',
      params: { start: clash.start, end: clash.end },
    });
  return out;
}

/** The inclusive dates of a month "YYYY-MM", for the common monthly budget. */
export function monthPeriod(month: string): { start: string; end: string } {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new Error(`not a month: ${month}`);
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}
