import { type Bounds, boundBreaches } from '../ledger/bounds.ts';
import { type Balances, checkBalanced, type Posting } from '../ledger/ledger.ts';
import type { FieldProblem, Refusal } from '../problems.ts';
import { checkMinutes } from './minutes.ts';

/**
 * A transfer of hours: one payer to one payee, one payer to several (a neighbour pays the two
 * who tutored their child), or several payers to one payee (three neighbours pay the one who
 * fixed their shared gate), as in TimeOverflow. Each leg is one
 * payer, one payee and its minutes; all legs share the payer or share the payee.
 */
export interface Leg {
  from: string;
  to: string;
  minutes: number;
}

export type TransferShape = 'one-to-one' | 'one-to-many' | 'many-to-one';

export interface TransferInput {
  legs: readonly Leg[];
  category: string;
  note: string;
}

export interface TransferPlan {
  shape: TransferShape;
  legs: Leg[];
  /** Two postings per leg (payer −, payee +), in the order of the legs. */
  postings: Posting[];
  total: number;
  category: string;
  note: string;
}

/** At most 50 people on the many side: a class, a street party; a form lists them all. */
export const MAX_PARTIES = 50;
/** A note is a line or two ("tutoring, maths, 2 sessions"), not a letter. */
export const MAX_NOTE_LENGTH = 500;

export type PlanResult = { ok: true; plan: TransferPlan } | { ok: false; problems: FieldProblem[] };

/** Checks a transfer's form and turns it into balanced postings; nothing about balances yet. */
export function planTransfer(input: TransferInput, categories: readonly string[]): PlanResult {
  const problems: FieldProblem[] = [];
  const category = input.category.trim();
  const note = input.note.trim();
  if (!category) problems.push({ field: 'category', key: 'timebank.field.categoryRequired' });
  else if (!categories.includes(category))
    problems.push({ field: 'category', key: 'timebank.field.categoryUnknown' });
  if (!note) problems.push({ field: 'note', key: 'timebank.field.noteRequired' });
  else if ([...note].length > MAX_NOTE_LENGTH)
    problems.push({
      field: 'note',
      key: 'timebank.field.noteTooLong',
      params: { max: MAX_NOTE_LENGTH },
    });

  const legs = input.legs;
  const payers = new Set(legs.map((l) => l.from));
  const payees = new Set(legs.map((l) => l.to));
  let shape: TransferShape | null = null;
  if (legs.length === 0) problems.push({ field: 'legs', key: 'timebank.field.partiesRequired' });
  else if (payers.size === 1 && payees.size === 1 && legs.length === 1) shape = 'one-to-one';
  else if (payers.size === 1 && payees.size === legs.length) shape = 'one-to-many';
  else if (payees.size === 1 && payers.size === legs.length) shape = 'many-to-one';
  else if (payers.size === 1 || payees.size === 1)
    problems.push({ field: 'legs', key: 'timebank.field.duplicateParty' });
  else problems.push({ field: 'legs', key: 'timebank.field.oneSideSingle' });
  if (legs.length > MAX_PARTIES)
    problems.push({
      field: 'legs',
      key: 'timebank.field.partiesTooMany',
      params: { max: MAX_PARTIES },
    });
  legs.forEach((l, i) => {
    if (l.from === l.to) problems.push({ field: `legs.${i}`, key: 'timebank.field.samePerson' });
    else if (payees.has(l.from) || payers.has(l.to))
      problems.push({ field: `legs.${i}`, key: 'timebank.field.bothSides' });
    const m = checkMinutes(l.minutes);
    if (!m.ok)
      problems.push({
        field: `legs.${i}.minutes`,
        key: m.key,
        ...(m.params ? { params: m.params } : {}),
      });
  });
  if (problems.length || !shape) return { ok: false, problems };

  const postings = legs.flatMap((l) => [
    { account: l.from, amount: -l.minutes },
    { account: l.to, amount: l.minutes },
  ]);
  const total = legs.reduce((a, l) => a + l.minutes, 0);
  const shapeCheck = checkBalanced(postings);
  if (!shapeCheck.ok) throw new Error(`a planned transfer must balance: ${shapeCheck.reason}`);
  return {
    ok: true,
    plan: { shape, legs: legs.map((l) => ({ ...l })), postings, total, category, note },
  };
}

export type LimitCode =
  | 'TIME_LIMIT_FLOOR'
  | 'TIME_LIMIT_CEILING'
  | 'TIME_NO_DEBT'
  | 'TIME_ACCOUNT_CLOSED';

export interface LimitAccount {
  bounds: Bounds;
  noDebt: boolean;
  closed: boolean;
}

/**
 * The check before any transfer is posted (sent, accepted, auto-accepted, credited): every
 * account open, and nobody moved past a limit. Each refusal names the account, the limit,
 * the balance it starts from, where it would end and by how much it would pass the limit;
 * the first one is the reason given, all are returned (a group transfer may break several).
 */
export function checkTransferLimits(
  postings: readonly Posting[],
  balances: Balances,
  accountOf: (id: string) => LimitAccount,
): Refusal<LimitCode>[] {
  const out: Refusal<LimitCode>[] = [];
  const seen = new Set<string>();
  for (const p of postings) {
    if (seen.has(p.account)) continue;
    seen.add(p.account);
    if (accountOf(p.account).closed)
      out.push({ code: 'TIME_ACCOUNT_CLOSED', params: { account: p.account } });
  }
  for (const b of boundBreaches(postings, balances, (id) => accountOf(id).bounds)) {
    const code: LimitCode =
      b.limit === 'ceiling'
        ? 'TIME_LIMIT_CEILING'
        : accountOf(b.account).noDebt && b.bound === 0
          ? 'TIME_NO_DEBT'
          : 'TIME_LIMIT_FLOOR';
    out.push({
      code,
      params: {
        account: b.account,
        limit: b.limit,
        bound: b.bound,
        balance: b.balance,
        change: b.change,
        after: b.after,
        over: b.over,
      },
    });
  }
  return out;
}

export type RecordMode = 'send' | 'request';

export interface Recorder {
  /** The actor's own account in this network (null: they have none yet). */
  accountId: string | null;
  /** A coordinator records for others (paper mode, audited), from the pool too. */
  coordinator: boolean;
  poolAccountId: string;
}

export type RecordCode =
  | 'TIME_NOT_YOUR_ACCOUNT'
  | 'TIME_POOL_COORDINATOR_ONLY'
  | 'TIME_REQUEST_ONE_PAYER';

/**
 * Who may record what. A member sends only from their own account (to one or several), and
 * asks only into their own account, of one payer at a time, since each payer must say yes
 * for themselves (asking three is three requests). Debiting several members at once, or the
 * pool, is a coordinator's, who records it for people without a phone (paper mode).
 */
export function checkRecorder(
  plan: TransferPlan,
  mode: RecordMode,
  who: Recorder,
): Refusal<RecordCode> | null {
  const payers = [...new Set(plan.legs.map((l) => l.from))];
  const payees = [...new Set(plan.legs.map((l) => l.to))];
  if (mode === 'request' && plan.shape !== 'one-to-one')
    return { code: 'TIME_REQUEST_ONE_PAYER', params: { payers: payers.length } };
  if (payers.includes(who.poolAccountId) && !who.coordinator)
    return { code: 'TIME_POOL_COORDINATOR_ONLY', params: { account: who.poolAccountId } };
  if (who.coordinator) return null;
  const own = who.accountId;
  if (mode === 'send' && (payers.length !== 1 || payers[0] !== own))
    return { code: 'TIME_NOT_YOUR_ACCOUNT', params: { account: payers[0] ?? '' } };
  if (mode === 'request' && payees[0] !== own)
    return { code: 'TIME_NOT_YOUR_ACCOUNT', params: { account: payees[0] ?? '' } };
  return null;
}

/**
 * The check before a correction (a reversal) is posted: floors and ceilings do not hold it
 * back (a correction must always be possible, and it restores a state that existed), but a
 * no-debt account still never goes below zero and a closed account is not reopened. A
 * refusal names the shortfall, which the service offers to cover from the pool first.
 */
export function checkCorrectionLimits(
  postings: readonly Posting[],
  balances: Balances,
  accountOf: (id: string) => LimitAccount,
): Refusal<LimitCode>[] {
  return checkTransferLimits(postings, balances, (id) => {
    const a = accountOf(id);
    return { ...a, bounds: { floor: a.noDebt ? 0 : null, ceiling: null } };
  });
}
