import type { Posting } from '../ledger/ledger.ts';
import type { FieldProblem } from '../problems.ts';
import { MAX_AMOUNT_MINOR } from './amount-input.ts';
import { type Fund, fundAccount, IN_KIND_GOODS, incomeAccount } from './funds.ts';

/**
 * Income (issue 13, M5.2): donations, grants, and goods given in kind. A donor is named on
 * the public page only if they agreed to be listed; otherwise the page says "anonymous"
 * (the name may still be kept, sealed, for a thank-you or a tax receipt).
 */
export interface Donor {
  listed: boolean;
  /** Sealed in the database; null for a donor who gave no name at all. */
  name: string | null;
}

export interface InKindLine {
  /** The goods item, when it came through the stock ledger. */
  itemId: string | null;
  description: string;
  quantity: number;
  /** The value of one unit in minor units. */
  unitValue: number;
}

export type IncomeInput =
  | { kind: 'donation'; amount: number; fundId: string; receivedOn: string; donor: Donor }
  | {
      kind: 'grant';
      amount: number;
      fundId: string;
      receivedOn: string;
      funder: string;
      periodStart: string;
      periodEnd: string;
      /** The categories the grant may pay for; null: unrestricted. */
      restriction: readonly string[] | null;
    }
  | { kind: 'in-kind'; receivedOn: string; donor: Donor; lines: readonly InKindLine[] };

export const MAX_NAME = 120;
export const MAX_IN_KIND_LINES = 100;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function checkAmount(field: string, amount: number, out: FieldProblem[]): void {
  if (!Number.isSafeInteger(amount) || amount <= 0)
    out.push({ field, key: 'money.field.amountPositive' });
  else if (amount > MAX_AMOUNT_MINOR) out.push({ field, key: 'money.field.amountTooLarge' });
}

function checkName(field: string, name: string | null, required: boolean, out: FieldProblem[]) {
  const n = name?.trim() ?? '';
  if (!n && required) out.push({ field, key: 'money.field.nameRequired' });
  else if ([...n].length > MAX_NAME)
    out.push({ field, key: 'money.field.nameTooLong', params: { max: MAX_NAME } });
}

/** The value of goods given in kind: exact, and refused if it could overflow. */
export function inKindValue(lines: readonly InKindLine[]): number {
  let sum = 0;
  for (const l of lines) sum += l.quantity * l.unitValue;
  if (!Number.isSafeInteger(sum)) throw new Error('in-kind value past the exact range');
  return sum;
}

/**
 * In-kind lines from goods movements (donations into the stock ledger), valued at each
 * item's unit value; items without a value are listed so the treasurer can set one.
 */
export function inKindFromMovements(
  movements: readonly { itemId: string; name: string; quantity: number }[],
  unitValues: ReadonlyMap<string, number>,
): { lines: InKindLine[]; unvalued: string[] } {
  const byItem = new Map<string, { name: string; quantity: number }>();
  for (const m of movements) {
    const e = byItem.get(m.itemId) ?? { name: m.name, quantity: 0 };
    e.quantity += m.quantity;
    byItem.set(m.itemId, e);
  }
  const lines: InKindLine[] = [];
  const unvalued: string[] = [];
  for (const [itemId, { name, quantity }] of byItem) {
    const v = unitValues.get(itemId);
    if (v === undefined || v <= 0) unvalued.push(itemId);
    else lines.push({ itemId, description: name, quantity, unitValue: v });
  }
  return { lines, unvalued };
}

/** Every problem of an income form, at its field; `today` is the network's date. */
export function validateIncome(
  input: IncomeInput,
  funds: ReadonlyMap<string, Fund>,
  today: string,
): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!isIsoDate(input.receivedOn))
    out.push({ field: 'receivedOn', key: 'money.field.dateInvalid' });
  else if (input.receivedOn > today)
    out.push({ field: 'receivedOn', key: 'money.field.dateInFuture' });
  if (input.kind === 'in-kind') {
    checkName('donor', input.donor.name, input.donor.listed, out);
    if (input.lines.length === 0)
      out.push({ field: 'lines', key: 'money.field.inKindLinesRequired' });
    if (input.lines.length > MAX_IN_KIND_LINES)
      out.push({
        field: 'lines',
        key: 'money.field.tooManyLines',
        params: { max: MAX_IN_KIND_LINES },
      });
    input.lines.forEach((l, i) => {
      if (!l.description.trim())
        out.push({ field: `lines.${i}.description`, key: 'money.field.descriptionRequired' });
      if (!Number.isSafeInteger(l.quantity) || l.quantity <= 0)
        out.push({ field: `lines.${i}.quantity`, key: 'money.field.quantityPositive' });
      checkAmount(`lines.${i}.unitValue`, l.unitValue, out);
    });
    if (!out.some((p) => p.field.startsWith('lines.'))) {
      const v = input.lines.reduce((a, l) => a + l.quantity * l.unitValue, 0);
      if (!Number.isSafeInteger(v) || v > MAX_AMOUNT_MINOR)
        out.push({ field: 'lines', key: 'money.field.amountTooLarge' });
    }
    return out;
  }
  checkAmount('amount', input.amount, out);
  const fund = funds.get(input.fundId);
  if (!fund) out.push({ field: 'fundId', key: 'money.field.fundUnknown' });
  else if (fund.closed) out.push({ field: 'fundId', key: 'money.field.fundClosed' });
  if (input.kind === 'donation') {
    checkName('donor', input.donor.name, input.donor.listed, out);
    return out;
  }
  checkName('funder', input.funder, true, out);
  const ps = isIsoDate(input.periodStart);
  const pe = isIsoDate(input.periodEnd);
  if (!ps) out.push({ field: 'periodStart', key: 'money.field.dateInvalid' });
  if (!pe) out.push({ field: 'periodEnd', key: 'money.field.dateInvalid' });
  if (ps && pe && input.periodEnd < input.periodStart)
    out.push({ field: 'periodEnd', key: 'money.field.periodEndsBeforeStart' });
  const r = input.restriction;
  if (r !== null && r.length === 0)
    out.push({ field: 'restriction', key: 'money.field.restrictedNeedsCategories' });
  // A restricted grant goes into a fund that pays only for what the grant allows, so the
  // restriction is enforced at every payment by the fund's own rule.
  if (
    r?.length &&
    fund &&
    (fund.kind !== 'restricted' || fund.categories.some((c) => !r.includes(c)))
  )
    out.push({ field: 'fundId', key: 'money.field.fundWiderThanGrant' });
  return out;
}

/** The postings of valid income: from its source account into a fund (or, in kind, to goods). */
export function incomePostings(input: IncomeInput): Posting[] {
  if (input.kind === 'in-kind') {
    const v = inKindValue(input.lines);
    return [
      { account: incomeAccount('in-kind'), amount: -v },
      { account: IN_KIND_GOODS, amount: v },
    ];
  }
  return [
    { account: incomeAccount(input.kind), amount: -input.amount },
    { account: fundAccount(input.fundId), amount: input.amount },
  ];
}

/** What the public page may say of a donor: their name if they chose to be listed, else null. */
export function publicDonorName(d: Donor): string | null {
  const name = d.name?.trim();
  return d.listed && name ? name : null;
}
