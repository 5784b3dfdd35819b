import { type Bounds, NON_NEGATIVE, UNBOUNDED } from '../ledger/bounds.ts';
import { balancesOf, type Posting } from '../ledger/ledger.ts';
import type { FieldProblem, Refusal } from '../problems.ts';

/**
 * Money on the double-entry core: a network's funds are accounts that may never go below zero
 * (money not there cannot be paid), and the outside world is a set of accounts that may: an
 * income account per kind of source (money comes from it, so it runs negative) and a
 * spending account per category (money goes to it). Every transaction sums to zero, so the
 * funds together hold exactly income minus spending.
 *
 * In-kind goods are valued for the report but never enter a fund: a donated sack of rice
 * cannot pay the electricity bill, so its value goes from `income:in-kind` to
 * `in-kind:goods`, and no fund's balance moves.
 */
export type FundKind = 'unrestricted' | 'restricted';

export interface Fund {
  id: string;
  name: string;
  kind: FundKind;
  /** The spending categories a restricted fund may pay for (a food grant: ['groceries', 'meals']). */
  categories: readonly string[];
  closed: boolean;
}

export const INCOME_KINDS = ['donation', 'grant', 'in-kind'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const fundAccount = (fundId: string) => `fund:${fundId}`;
export const incomeAccount = (kind: IncomeKind) => `income:${kind}`;
export const spendingAccount = (category: string) => `spend:${category}`;
export const IN_KIND_GOODS = 'in-kind:goods';

export const fundOfAccount = (account: string): string | null =>
  account.startsWith('fund:') ? account.slice(5) : null;

/** Funds never go below zero; every other account may. */
export function moneyBounds(account: string): Bounds {
  return account.startsWith('fund:') ? NON_NEGATIVE : UNBOUNDED;
}

export const MAX_FUND_NAME = 80;
export const MAX_RESTRICTED_CATEGORIES = 20;

export function validateFund(
  f: Pick<Fund, 'name' | 'kind' | 'categories'>,
  known: readonly string[],
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const name = f.name.trim();
  if (!name) out.push({ field: 'name', key: 'money.field.fundNameRequired' });
  else if ([...name].length > MAX_FUND_NAME)
    out.push({ field: 'name', key: 'money.field.fundNameTooLong', params: { max: MAX_FUND_NAME } });
  if (f.kind === 'restricted') {
    if (f.categories.length === 0)
      out.push({ field: 'categories', key: 'money.field.restrictedNeedsCategories' });
    else if (f.categories.length > MAX_RESTRICTED_CATEGORIES)
      out.push({
        field: 'categories',
        key: 'money.field.tooManyCategories',
        params: { max: MAX_RESTRICTED_CATEGORIES },
      });
    else if (f.categories.some((c) => !known.includes(c)))
      out.push({ field: 'categories', key: 'money.field.categoryUnknown' });
  } else if (f.categories.length > 0)
    out.push({ field: 'categories', key: 'money.field.unrestrictedNoCategories' });
  return out;
}

/** Whether a fund may pay for a category: any, for an unrestricted fund. */
export function fundCovers(fund: Pick<Fund, 'kind' | 'categories'>, category: string): boolean {
  return fund.kind === 'unrestricted' || fund.categories.includes(category);
}

export type FundCode =
  | 'MONEY_FUND_RESTRICTED'
  | 'MONEY_FUND_INSUFFICIENT'
  | 'MONEY_FUND_CLOSED'
  | 'MONEY_FUND_TRANSFER_RESTRICTED'
  | 'MONEY_FUND_SAME';

/**
 * Moving money between funds (a board decision, audited). Unrestricted money may go anywhere.
 * Restricted money may only go to a fund restricted to the same purposes or fewer, since the
 * funder's condition must follow the money; anything else is a release the funder grants,
 * recorded by an admin as its own transaction, not a transfer.
 */
export function checkFundTransfer(
  from: Fund,
  to: Fund,
  amount: number,
  balance: number,
): Refusal<FundCode> | null {
  if (from.id === to.id) return { code: 'MONEY_FUND_SAME', params: { fund: from.id } };
  if (from.closed || to.closed)
    return { code: 'MONEY_FUND_CLOSED', params: { fund: from.closed ? from.id : to.id } };
  if (
    from.kind === 'restricted' &&
    (to.kind !== 'restricted' || to.categories.some((c) => !from.categories.includes(c)))
  )
    return { code: 'MONEY_FUND_TRANSFER_RESTRICTED', params: { from: from.id, to: to.id } };
  if (balance < amount)
    return {
      code: 'MONEY_FUND_INSUFFICIENT',
      params: { fund: from.id, balance, amount, short: amount - balance },
    };
  return null;
}

export function fundTransferPostings(fromId: string, toId: string, amount: number): Posting[] {
  return [
    { account: fundAccount(fromId), amount: -amount },
    { account: fundAccount(toId), amount },
  ];
}

/** Each fund's balance from postings (what the stored `fund_balances` must agree with). */
export function fundBalances(postings: Iterable<Posting>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [account, balance] of balancesOf(postings)) {
    const fund = fundOfAccount(account);
    if (fund) out.set(fund, balance);
  }
  return out;
}
