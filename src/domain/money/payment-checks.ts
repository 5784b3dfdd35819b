import type { Refusal } from '../problems.ts';
import { type AidPaid, checkAidLimits } from './aid-limits.ts';
import { type Fund, fundCovers } from './funds.ts';
import type { MoneySettings } from './settings.ts';
import type { ReceiptEvidence, SpendingKind } from './spending.ts';

/**
 * The money rules of a payment (issue 13, M5.4), as pure checks with codes. The status rules
 * are `decide` in approval.ts; the service runs both, then moves the fund's balance by one
 * conditional UPDATE (`balance >= amount`), so two payments at the same moment cannot
 * overspend a fund even though each passed this check alone.
 */
export type PaymentCode =
  | 'MONEY_RECEIPT_REQUIRED'
  | 'MONEY_FUND_REQUIRED'
  | 'MONEY_FUND_CLOSED'
  | 'MONEY_FUND_RESTRICTED'
  | 'MONEY_FUND_INSUFFICIENT'
  | 'MONEY_CURRENCY_MISMATCH'
  | 'MONEY_AID_LIMIT'
  | 'MONEY_AID_LIMIT_WARNING';

/**
 * Receipts are asked of expenses and reimbursements above the network's amount (strictly
 * above); a signed lost-receipt statement stands in for one. Direct aid to a neighbour is not
 * asked for a receipt: the payment's method and reference are its record, and asking a
 * neighbour in need for a receipt is the kind of proof-of-poverty the product refuses.
 */
export function checkReceipt(
  kind: SpendingKind,
  amount: number,
  receipt: ReceiptEvidence,
  receiptAbove: number | null,
): Refusal<PaymentCode> | null {
  if (kind === 'direct-aid' || receiptAbove === null || amount <= receiptAbove) return null;
  if (receipt.kind === 'file') return null;
  if (receipt.kind === 'lost' && receipt.statement.trim() && receipt.signedBy) return null;
  return { code: 'MONEY_RECEIPT_REQUIRED', params: { above: receiptAbove, amount } };
}

export interface PaymentContext {
  kind: SpendingKind;
  amount: number;
  currency: string;
  category: string;
  receipt: ReceiptEvidence;
  fund: Fund | null;
  fundBalance: number;
  settings: MoneySettings;
  /** Direct aid only: what the household received before, and the payment's moment. */
  aidHistory: readonly AidPaid[];
  now: Date;
  /** A coordinator passed over the warnings (with a reason the service audits). */
  warningsAcknowledged: boolean;
}

export interface PaymentCheck {
  /** Nothing may be paid while any of these stand. */
  refusals: Refusal<PaymentCode>[];
  /** To be acknowledged before paying (soft limits). */
  warnings: Refusal<PaymentCode>[];
  ok: boolean;
}

export function checkPayment(c: PaymentContext): PaymentCheck {
  const refusals: Refusal<PaymentCode>[] = [];
  const warnings: Refusal<PaymentCode>[] = [];
  if (c.currency !== c.settings.currency.code)
    refusals.push({
      code: 'MONEY_CURRENCY_MISMATCH',
      params: { currency: c.currency, expected: c.settings.currency.code },
    });
  const receipt = checkReceipt(c.kind, c.amount, c.receipt, c.settings.receiptAbove);
  if (receipt) refusals.push(receipt);
  const f = c.fund;
  if (!f) refusals.push({ code: 'MONEY_FUND_REQUIRED', params: {} });
  else {
    if (f.closed) refusals.push({ code: 'MONEY_FUND_CLOSED', params: { fund: f.id } });
    if (!fundCovers(f, c.category))
      refusals.push({
        code: 'MONEY_FUND_RESTRICTED',
        params: { fund: f.id, category: c.category, allowed: f.categories.join(', ') },
      });
    if (c.fundBalance < c.amount)
      refusals.push({
        code: 'MONEY_FUND_INSUFFICIENT',
        params: {
          fund: f.id,
          balance: c.fundBalance,
          amount: c.amount,
          short: c.amount - c.fundBalance,
        },
      });
  }
  if (c.kind === 'direct-aid') {
    for (const b of checkAidLimits(
      c.settings.aidLimits,
      c.aidHistory,
      c.category,
      c.amount,
      c.now,
    )) {
      const params = {
        category: b.category,
        limit: b.limit,
        days: b.days,
        already: b.already,
        amount: b.wanted,
        over: b.over,
      };
      if (b.hard) refusals.push({ code: 'MONEY_AID_LIMIT', params });
      else warnings.push({ code: 'MONEY_AID_LIMIT_WARNING', params });
    }
  }
  return {
    refusals,
    warnings,
    ok: refusals.length === 0 && (warnings.length === 0 || c.warningsAcknowledged),
  };
}
