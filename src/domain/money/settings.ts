import type { FieldProblem } from '../problems.ts';
import type { AidLimit } from './aid-limits.ts';
import { MAX_AMOUNT_MINOR } from './amount-input.ts';
import { type CurrencyInfo, minorPerMajor } from './currency.ts';

/** A network's money settings; amounts in the network currency's minor units. */
export interface MoneySettings {
  currency: CurrencyInfo;
  /** Two different approvers above this amount; null: one always. */
  twoApproversAbove: number | null;
  /** A receipt (or a signed lost-receipt statement) above this amount; null: never. */
  receiptAbove: number | null;
  /** A budget line warns from this share spent, in percent. */
  budgetWarnPercent: number;
  aidLimits: readonly AidLimit[];
}

/**
 * Defaults, in whole units of the currency: two approvers above 500, a receipt above 25 (a
 * grocery run's change needs none; a week's shopping does). A network sets its own when it
 * chooses its currency: 500 is a lot of dollars and very few yen.
 */
export function defaultMoneySettings(currency: CurrencyInfo): MoneySettings {
  const major = minorPerMajor(currency.digits);
  return {
    currency,
    twoApproversAbove: 500 * major,
    receiptAbove: 25 * major,
    budgetWarnPercent: 80,
    aidLimits: [],
  };
}

export const MAX_AID_LIMITS = 20;
export const MAX_LIMIT_DAYS = 366;

export function validateMoneySettings(s: MoneySettings): FieldProblem[] {
  const out: FieldProblem[] = [];
  const amount = (field: string, v: number | null) => {
    if (v !== null && (!Number.isSafeInteger(v) || v < 0 || v > MAX_AMOUNT_MINOR))
      out.push({ field, key: 'money.field.amountInvalid' });
  };
  amount('twoApproversAbove', s.twoApproversAbove);
  amount('receiptAbove', s.receiptAbove);
  if (
    !Number.isInteger(s.budgetWarnPercent) ||
    s.budgetWarnPercent < 1 ||
    s.budgetWarnPercent > 100
  )
    out.push({
      field: 'budgetWarnPercent',
      key: 'money.field.percentRange',
      params: { min: 1, max: 100 },
    });
  if (s.aidLimits.length > MAX_AID_LIMITS)
    out.push({
      field: 'aidLimits',
      key: 'money.field.tooManyLimits',
      params: { max: MAX_AID_LIMITS },
    });
  const seen = new Set<string>();
  s.aidLimits.forEach((l, i) => {
    if (!Number.isSafeInteger(l.amount) || l.amount <= 0 || l.amount > MAX_AMOUNT_MINOR)
      out.push({ field: `aidLimits.${i}.amount`, key: 'money.field.amountPositive' });
    if (!Number.isInteger(l.days) || l.days < 1 || l.days > MAX_LIMIT_DAYS)
      out.push({
        field: `aidLimits.${i}.days`,
        key: 'money.field.daysRange',
        params: { min: 1, max: MAX_LIMIT_DAYS },
      });
    const key = `${l.category}|${l.days}|${l.hard}`;
    if (seen.has(key)) out.push({ field: `aidLimits.${i}`, key: 'money.field.limitDuplicate' });
    seen.add(key);
  });
  return out;
}
