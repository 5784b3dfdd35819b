import { can } from '../../domain/access/roles.ts';
import { checkBalanced } from '../../domain/ledger/ledger.ts';
import { reversalPostings } from '../../domain/ledger/reversal.ts';
import { parseAmount } from '../../domain/money/amount-input.ts';
import {
  type ApprovalEvent,
  type ApprovalState,
  decide,
  type MoneyActor,
} from '../../domain/money/approval.ts';
import { currencyInfo } from '../../domain/money/currency.ts';
import {
  type FundKind,
  fundAccount,
  incomeAccount,
  validateFund,
} from '../../domain/money/funds.ts';
import { isIsoDate } from '../../domain/money/income.ts';
import { checkPayment } from '../../domain/money/payment-checks.ts';
import { defaultMoneySettings } from '../../domain/money/settings.ts';
import {
  type AidMethod,
  interestedPerson,
  paymentPostings,
  type SpendingKind,
  validateSpending,
} from '../../domain/money/spending.ts';
import { fieldErrors } from '../../domain/problems.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { sealFields } from '../privacy/privacy-gate.ts';
import {
  findItem,
  fundNameTaken,
  insertFund,
  insertItem,
  insertTransaction,
  isReversed,
  listFunds,
  moveFund,
  type StoredFund,
  type StoredItem,
  updateItemState,
} from './money.repository.ts';

/**
 * Money (issue 13, M5; docs/adr/0021-money-ledger.md): funds, donations in, spending out
 * through approval, each payment a double-entry transaction whose postings sum to zero, a
 * fund moved by one conditional UPDATE. Rules are the domain's (`decide`, `checkPayment`).
 */
type Ctx = { actor: Actor; scope: NetworkScope };
type MoneyDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** Spending categories a network pays for (the request category "cash" is direct aid). */
export const MONEY_CATEGORIES = [
  'food',
  'rent',
  'utilities',
  'transport',
  'supplies',
  'cash',
  'other',
] as const;

/** The currency of this first cut: a network's own currency setting comes with its settings page. */
export const DEFAULT_CURRENCY = 'USD';

function settings() {
  const info = currencyInfo(DEFAULT_CURRENCY);
  if (!info) throw new Error('USD is a currency');
  return defaultMoneySettings(info);
}

/** Reads an amount typed in the reader's language, or the field's translated problem. */
export function readAmount(text: string, locale: string): number {
  const r = parseAmount(text, {
    digits: settings().currency.digits,
    locale,
    currency: DEFAULT_CURRENCY,
  });
  if (!r.ok)
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { amount: r.params ? { key: r.key, params: r.params } : { key: r.key } },
    );
  return r.minor;
}

function moneyActor(scope: NetworkScope, personId: string): MoneyActor {
  return {
    personId,
    mayApprove: scope.role !== null && can(scope.role, 'money.approve'),
    mayPay: scope.role !== null && can(scope.role, 'money.pay'),
  };
}

function personOf(actor: Actor): string {
  if (actor.kind !== 'person') throw new AppError('FORBIDDEN');
  return actor.personId;
}

export async function createFund(
  deps: MoneyDeps,
  { actor, scope, input }: Ctx & { input: { name: string; kind: FundKind; categories: string[] } },
): Promise<StoredFund> {
  authorize(scope, 'money.manage');
  const problems = validateFund(input, MONEY_CATEGORIES);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, fieldErrors(problems));
  const id = newId();
  const name = input.name.trim();
  return deps.db.transaction().execute(async (trx) => {
    if (await fundNameTaken(trx, scope.network.id, name))
      throw new AppError('VALIDATION_FAILED', {}, { name: { key: 'error.nameTaken' } });
    const f = {
      id,
      name,
      kind: input.kind,
      categories: input.categories,
      currency: DEFAULT_CURRENCY,
    };
    await insertFund(trx, scope.network.id, f, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'money_fund.created',
      networkId: scope.network.id,
      subject: { type: 'money_fund', id },
    });
    return { ...f, closed: false, balance: 0 };
  });
}

export async function funds(deps: Pick<Deps, 'db'>, { scope }: Ctx): Promise<StoredFund[]> {
  authorize(scope, 'money.view');
  return listFunds(deps.db, scope.network.id);
}

/** A donation into a fund: the donor's name sealed, shown publicly only if they agree. */
export async function recordDonation(
  deps: MoneyDeps,
  {
    actor,
    scope,
    input,
  }: Ctx & {
    input: {
      fundId: string;
      amount: number;
      receivedOn: string;
      donorName: string;
      listed: boolean;
    };
  },
): Promise<string> {
  authorize(scope, 'money.manage');
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0)
    throw new AppError('VALIDATION_FAILED', {}, { amount: { key: 'money.field.amountPositive' } });
  if (!isIsoDate(input.receivedOn))
    throw new AppError('VALIDATION_FAILED', {}, { receivedOn: { key: 'money.field.dateInvalid' } });
  const id = newId();
  const postings = [
    { account: incomeAccount('donation'), amount: -input.amount },
    { account: fundAccount(input.fundId), amount: input.amount },
  ];
  if (!checkBalanced(postings).ok) throw new AppError('VALIDATION_FAILED');
  return deps.db.transaction().execute(async (trx) => {
    const fund = (await listFunds(trx, scope.network.id)).find((f) => f.id === input.fundId);
    if (!fund) throw new AppError('VALIDATION_FAILED', {}, { fundId: { key: 'field.choose' } });
    const donor = input.donorName.trim() || null;
    const donorSealed = sealFields(deps.config.keys, 'money_transactions', id, ['donor'], {
      donor,
    }).donor;
    await insertTransaction(
      trx,
      scope.network.id,
      {
        id,
        kind: 'income',
        currency: fund.currency,
        reverses: null,
        occurredOn: input.receivedOn,
        createdBy: personOf(actor),
        donorSealed,
        donorListed: input.listed && donor !== null,
        postings,
      },
      isoNow(deps.clock),
    );
    await moveFund(trx, scope.network.id, fund.id, input.amount);
    await audit(trx, deps.clock, {
      actor,
      action: 'money.income_recorded',
      networkId: scope.network.id,
      subject: { type: 'money_transaction', id },
    });
    return id;
  });
}

export interface SpendingForm {
  kind: SpendingKind;
  amount: number;
  category: string;
  description: string;
  incurredOn: string;
  vendor: string | null;
  payeePersonId: string | null;
  requestId: string | null;
  householdId: string | null;
  method: AidMethod | null;
  /** Direct aid: who receives it, sealed (personal data). */
  payeeName: string | null;
  lostStatement: string | null;
}

/** A spending item as a draft; the submitter then submits it for approval. */
export async function createSpending(
  deps: MoneyDeps,
  { actor, scope, input }: Ctx & { input: SpendingForm },
): Promise<string> {
  authorize(scope, input.kind === 'direct-aid' ? 'money.manage' : 'money.submit');
  const personId = personOf(actor);
  const today = isoNow(deps.clock).slice(0, 10);
  const problems = validateSpending(
    {
      ...input,
      receipt: input.lostStatement
        ? { kind: 'lost', signedBy: personId, signedAt: today, statement: input.lostStatement }
        : { kind: 'none' },
    },
    MONEY_CATEGORIES,
    today,
  );
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', {}, fieldErrors(problems));
  const id = newId();
  const payeeSealed = sealFields(deps.config.keys, 'money_items', id, ['payee'], {
    payee: input.kind === 'direct-aid' ? input.payeeName : null,
  }).payee;
  return deps.db.transaction().execute(async (trx) => {
    await insertItem(
      trx,
      scope.network.id,
      {
        id,
        kind: input.kind,
        status: 'draft',
        amount: input.amount,
        currency: DEFAULT_CURRENCY,
        category: input.category,
        description: input.description.trim(),
        incurredOn: input.incurredOn,
        vendor: input.vendor?.trim() || null,
        payeePersonId: input.kind === 'reimbursement' ? input.payeePersonId : null,
        requestId: input.kind === 'direct-aid' ? input.requestId : null,
        payeeSealed,
        method: input.method,
        fundId: null,
        submittedBy: personId,
        lostStatement: input.lostStatement?.trim() || null,
      },
      isoNow(deps.clock),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'money_item.created',
      networkId: scope.network.id,
      subject: { type: 'money_item', id },
    });
    return id;
  });
}

function stateOf(i: StoredItem): ApprovalState {
  return {
    status: i.status,
    amount: i.amount,
    submittedBy: i.submittedBy,
    interestedPerson: interestedPerson(i),
    approvals: i.approvals,
    returnReason: i.returnReason,
    rejectReason: i.rejectReason,
  };
}

/**
 * Submit, approve, return or reject an item: `decide` holds the rules (nobody approves what
 * they submitted, two different approvers above the threshold); the change is conditional
 * on the item's version, so two approvers at the same moment cannot both count once.
 */
export async function decideSpending(
  deps: MoneyDeps,
  {
    actor,
    scope,
    itemId,
    event,
  }: Ctx & { itemId: string; event: Exclude<ApprovalEvent, { kind: 'pay' | 'edit' }> },
): Promise<StoredItem> {
  authorize(scope, event.kind === 'submit' ? 'money.submit' : 'money.approve');
  const personId = personOf(actor);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const item = await findItem(trx, scope.network.id, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    const r = decide(
      stateOf(item),
      event,
      moneyActor(scope, personId),
      settings().twoApproversAbove,
      now,
    );
    if (!r.ok) throw new AppError(r.refusal.code, r.refusal.params);
    const ok = await updateItemState(trx, scope.network.id, item, r.state, now);
    if (!ok) throw new AppError('MONEY_STATUS_CONFLICT', { status: item.status });
    await audit(trx, deps.clock, {
      actor,
      action: `money_item.${event.kind}` as 'money_item.submit',
      networkId: scope.network.id,
      subject: { type: 'money_item', id: itemId },
    });
    return { ...item, ...r.state, approvals: [...r.state.approvals], version: item.version + 1 };
  });
}

/**
 * Pays an approved item from a fund: the approval rule (not one's own), the payment checks
 * (fund covers the category, a receipt or lost-receipt statement above the amount), then one
 * conditional UPDATE of the fund's balance (refused if it would go below zero), the two
 * postings and the item's new state, in one transaction.
 */
export async function paySpending(
  deps: MoneyDeps,
  { actor, scope, itemId, fundId }: Ctx & { itemId: string; fundId: string },
): Promise<string> {
  authorize(scope, 'money.pay');
  const personId = personOf(actor);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const item = await findItem(trx, scope.network.id, itemId);
    if (!item) throw new AppError('NOT_FOUND');
    const r = decide(
      stateOf(item),
      { kind: 'pay' },
      moneyActor(scope, personId),
      settings().twoApproversAbove,
      now,
    );
    if (!r.ok) throw new AppError(r.refusal.code, r.refusal.params);
    const fund = (await listFunds(trx, scope.network.id)).find((f) => f.id === fundId) ?? null;
    const check = checkPayment({
      kind: item.kind,
      amount: item.amount,
      currency: item.currency,
      category: item.category,
      receipt: item.lostStatement
        ? { kind: 'lost', signedBy: item.submittedBy, signedAt: now, statement: item.lostStatement }
        : { kind: 'none' },
      fund,
      fundBalance: fund?.balance ?? 0,
      settings: settings(),
      aidHistory: [],
      now: new Date(now),
      warningsAcknowledged: false,
    });
    const refusal = check.refusals[0] ?? check.warnings[0];
    if (refusal) throw new AppError(refusal.code, refusal.params);
    if (!fund) throw new AppError('MONEY_FUND_REQUIRED');
    // The balance read above may be stale: this UPDATE is what stops two payments at once.
    if (!(await moveFund(trx, scope.network.id, fund.id, -item.amount)))
      throw new AppError('MONEY_FUND_INSUFFICIENT', { fund: fund.name, amount: item.amount });
    const txId = newId();
    await insertTransaction(
      trx,
      scope.network.id,
      {
        id: txId,
        kind: 'payment',
        currency: item.currency,
        reverses: null,
        occurredOn: now.slice(0, 10),
        createdBy: personId,
        donorSealed: null,
        donorListed: false,
        postings: paymentPostings(fund.id, item.category, item.amount),
      },
      now,
    );
    const ok = await updateItemState(
      trx,
      scope.network.id,
      item,
      { ...r.state, paidTransactionId: txId, fundId: fund.id },
      now,
    );
    if (!ok) throw new AppError('MONEY_STATUS_CONFLICT', { status: item.status });
    await audit(trx, deps.clock, {
      actor,
      action: 'money_item.pay',
      networkId: scope.network.id,
      subject: { type: 'money_item', id: itemId },
    });
    return txId;
  });
}

/** Corrects a payment by reversal: a new transaction with every posting negated. */
export async function reversePayment(
  deps: MoneyDeps,
  { actor, scope, itemId }: Ctx & { itemId: string },
): Promise<string> {
  authorize(scope, 'money.pay');
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const item = await findItem(trx, scope.network.id, itemId);
    if (!item?.paidTransactionId || !item.fundId) throw new AppError('NOT_FOUND');
    const original = paymentPostings(item.fundId, item.category, item.amount);
    if (await isReversed(trx, item.paidTransactionId))
      throw new AppError('LEDGER_ALREADY_REVERSED', { transactionId: item.paidTransactionId });
    const id = newId();
    await insertTransaction(
      trx,
      scope.network.id,
      {
        id,
        kind: 'reversal',
        currency: item.currency,
        reverses: item.paidTransactionId,
        occurredOn: now.slice(0, 10),
        createdBy: personOf(actor),
        donorSealed: null,
        donorListed: false,
        postings: reversalPostings(original),
      },
      now,
    );
    await moveFund(trx, scope.network.id, item.fundId, item.amount);
    await audit(trx, deps.clock, {
      actor,
      action: 'money_item.reversed',
      networkId: scope.network.id,
      subject: { type: 'money_item', id: itemId },
    });
    return id;
  });
}
