import type { Posting } from '../ledger/ledger.ts';
import type { FieldProblem } from '../problems.ts';
import { MAX_AMOUNT_MINOR } from './amount-input.ts';
import { fundAccount, spendingAccount } from './funds.ts';
import { isIsoDate } from './income.ts';

/**
 * Spending (issue 13, M5.3): an expense paid to a shop or a service, a reimbursement to a
 * volunteer who paid from their own pocket, and direct cash aid to a neighbour, started from
 * their help request. The payee of direct aid is personal data: sealed in the database and
 * opened only through the privacy gate; nothing here ever needs their name.
 */
export const SPENDING_KINDS = ['expense', 'reimbursement', 'direct-aid'] as const;
export type SpendingKind = (typeof SPENDING_KINDS)[number];

export const AID_METHODS = [
  'cash',
  'cheque',
  'bank-transfer',
  'mobile-money',
  'gift-card',
] as const;
export type AidMethod = (typeof AID_METHODS)[number];

/** The request category direct aid starts from ("cash help"), and its spending category. */
export const DIRECT_AID_CATEGORY = 'cash';

export type ReceiptEvidence =
  | { kind: 'none' }
  | { kind: 'file'; receiptId: string }
  /**
   * A signed statement that the receipt was lost: who signs (the person who paid), when, and
   * what they declare (what was bought, where). Accepted in place of a receipt.
   */
  | { kind: 'lost'; signedBy: string; signedAt: string; statement: string };

export interface SpendingInput {
  kind: SpendingKind;
  amount: number;
  category: string;
  description: string;
  /** The day the money was spent (or is to be paid, for aid). */
  incurredOn: string;
  /** A shop or service for an expense (not personal data: a business). */
  vendor: string | null;
  /** The person reimbursed (a reimbursement). */
  payeePersonId: string | null;
  /** The help request direct aid answers, and the household it is for. */
  requestId: string | null;
  householdId: string | null;
  method: AidMethod | null;
  receipt: ReceiptEvidence;
}

export const MAX_DESCRIPTION = 500;
export const MAX_VENDOR = 120;
export const MAX_LOST_STATEMENT = 1000;

/** Every problem of a spending form, at its field; `today` is the network's date. */
export function validateSpending(
  s: SpendingInput,
  categories: readonly string[],
  today: string,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!Number.isSafeInteger(s.amount) || s.amount <= 0)
    out.push({ field: 'amount', key: 'money.field.amountPositive' });
  else if (s.amount > MAX_AMOUNT_MINOR)
    out.push({ field: 'amount', key: 'money.field.amountTooLarge' });
  if (!s.category) out.push({ field: 'category', key: 'money.field.categoryRequired' });
  else if (!categories.includes(s.category))
    out.push({ field: 'category', key: 'money.field.categoryUnknown' });
  const d = s.description.trim();
  if (!d) out.push({ field: 'description', key: 'money.field.descriptionRequired' });
  else if ([...d].length > MAX_DESCRIPTION)
    out.push({
      field: 'description',
      key: 'money.field.descriptionTooLong',
      params: { max: MAX_DESCRIPTION },
    });
  if (!isIsoDate(s.incurredOn)) out.push({ field: 'incurredOn', key: 'money.field.dateInvalid' });
  else if (s.kind !== 'direct-aid' && s.incurredOn > today)
    out.push({ field: 'incurredOn', key: 'money.field.dateInFuture' });
  switch (s.kind) {
    case 'expense':
      if (!s.vendor?.trim()) out.push({ field: 'vendor', key: 'money.field.vendorRequired' });
      else if ([...s.vendor.trim()].length > MAX_VENDOR)
        out.push({
          field: 'vendor',
          key: 'money.field.vendorTooLong',
          params: { max: MAX_VENDOR },
        });
      break;
    case 'reimbursement':
      if (!s.payeePersonId) out.push({ field: 'payeePersonId', key: 'money.field.payeeRequired' });
      break;
    case 'direct-aid':
      if (!s.requestId) out.push({ field: 'requestId', key: 'money.field.requestRequired' });
      if (!s.householdId) out.push({ field: 'householdId', key: 'money.field.householdRequired' });
      if (!s.method || !AID_METHODS.includes(s.method))
        out.push({ field: 'method', key: 'money.field.methodRequired' });
      break;
  }
  if (s.kind !== 'direct-aid' && s.method !== null)
    out.push({ field: 'method', key: 'money.field.methodOnlyForAid' });
  if (s.receipt.kind === 'lost') {
    const st = s.receipt.statement.trim();
    if (!st) out.push({ field: 'receipt', key: 'money.field.lostStatementRequired' });
    else if ([...st].length > MAX_LOST_STATEMENT)
      out.push({
        field: 'receipt',
        key: 'money.field.lostStatementTooLong',
        params: { max: MAX_LOST_STATEMENT },
      });
  }
  return out;
}

/** The postings of a payment: out of the fund, into the category's spending account. */
export function paymentPostings(fundId: string, category: string, amount: number): Posting[] {
  return [
    { account: fundAccount(fundId), amount: -amount },
    { account: spendingAccount(category), amount },
  ];
}

/**
 * Who is paid, for the conflict-of-interest rules: the volunteer reimbursed. A vendor or a
 * neighbour receiving aid is not a person who could approve their own payment.
 */
export function interestedPerson(s: Pick<SpendingInput, 'kind' | 'payeePersonId'>): string | null {
  return s.kind === 'reimbursement' ? s.payeePersonId : null;
}
