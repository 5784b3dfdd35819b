import { type Balances, netChanges, type Posting } from '../../domain/ledger/ledger.ts';
import type { Refusal } from '../../domain/problems.ts';
import {
  boundsOfAccount,
  type TimeAccount,
  type TimebankSettings,
} from '../../domain/timebank/accounts.ts';
import { durationParts } from '../../domain/timebank/minutes.ts';
import {
  checkCorrectionLimits,
  checkTransferLimits,
  type LimitAccount,
} from '../../domain/timebank/transfer.ts';
import { AppError, type ErrorCode } from '../../shared/app-error.ts';
import { newId } from '../../shared/ids.ts';
import { namesOf } from '../core/person.repository.ts';
import type { Db } from '../db/database.ts';
import {
  findAccount,
  insertPostings,
  insertTransaction,
  moveBalance,
  type NewPosting,
  type NewTransaction,
  type StoredAccount,
} from './timebank.repository.ts';

/**
 * Posting a transaction of the timebank, shared by sends, accepted requests, credits and
 * reversals (all inside the caller's transaction): read the accounts, check the limits with
 * the pure rules (the reason in words when refused), then move each balance by a conditional
 * UPDATE (the database's own guard against two transfers at once) and write the postings with
 * the balance each one left.
 */

/** "2 h 30 min", "-10 h": the same in English and Spanish. */
export function durationText(minutes: number): string {
  const p = durationParts(minutes);
  const h = `${p.sign}${p.hours} h`;
  return p.minutes ? `${h} ${p.minutes} min` : h;
}

/** The name of an account for messages: the member's name, or the pool's label key. */
export async function accountNames(
  db: Db,
  accounts: readonly Pick<StoredAccount, 'id' | 'personId'>[],
  poolName: string,
): Promise<Map<string, string>> {
  const names = await namesOf(
    db,
    accounts.flatMap((a) => (a.personId ? [a.personId] : [])),
  );
  return new Map(
    accounts.map((a) => [a.id, a.personId ? (names.get(a.personId) ?? '—') : poolName]),
  );
}

export interface PostInput {
  tx: Omit<NewTransaction, 'id' | 'createdAt' | 'networkId'>;
  postings: readonly Posting[];
  correction?: boolean;
  /** Seals the note with the transaction's id (its context binds it to this row). */
  sealNote?: (transactionId: string) => string | null;
}

async function refuse(
  db: Db,
  accounts: Map<string, StoredAccount>,
  r: Refusal<string>,
): Promise<never> {
  const account = accounts.get(String(r.params.account));
  const names = account ? await accountNames(db, [account], 'pool') : new Map();
  const p = r.params;
  const words: Record<string, string | number> = {
    name: names.get(String(p.account)) ?? '',
    ...(typeof p.bound === 'number' ? { bound: durationText(p.bound) } : {}),
    ...(typeof p.balance === 'number' ? { balance: durationText(p.balance) } : {}),
    ...(typeof p.after === 'number' ? { after: durationText(p.after) } : {}),
    ...(typeof p.over === 'number' ? { over: durationText(p.over) } : {}),
    ...(typeof p.change === 'number' ? { change: durationText(Math.abs(p.change)) } : {}),
  };
  throw new AppError(r.code as ErrorCode, words);
}

export async function postTransaction(
  db: Db,
  networkId: string,
  settings: TimebankSettings,
  now: string,
  input: PostInput,
): Promise<string> {
  const ids = [...new Set(input.postings.map((p) => p.account))];
  const accounts = new Map<string, StoredAccount>();
  for (const id of ids) {
    const a = await findAccount(db, networkId, id);
    if (!a) throw new AppError('NOT_FOUND');
    accounts.set(id, a);
  }
  const balances: Balances = { get: (id) => accounts.get(id)?.balance ?? 0 };
  const limitOf = (id: string): LimitAccount => {
    const a = accounts.get(id) as TimeAccount;
    return { bounds: boundsOfAccount(a, settings), noDebt: a.noDebt, closed: a.closed };
  };
  const check = input.correction ? checkCorrectionLimits : checkTransferLimits;
  const refusals = check(input.postings, balances, limitOf);
  if (refusals[0]) await refuse(db, accounts, refusals[0]);

  const id = newId();
  await insertTransaction(db, {
    ...input.tx,
    ...(input.sealNote ? { noteSealed: input.sealNote(id) } : {}),
    id,
    networkId,
    createdAt: now,
  });
  const written: NewPosting[] = [];
  for (const p of input.postings) {
    const a = accounts.get(p.account) as StoredAccount;
    const bounds = input.correction
      ? { floor: a.noDebt ? 0 : null, ceiling: null }
      : boundsOfAccount(a, settings);
    const after = await moveBalance(db, networkId, p.account, p.amount, bounds);
    if (after === null) {
      // Someone moved this account between our read and our write: the reason from its
      // balance now (the caller's transaction is rolled back by the throw).
      const fresh = (await findAccount(db, networkId, p.account)) as StoredAccount;
      accounts.set(p.account, fresh);
      const again = check(
        [...netChanges([p])].map(([account, amount]) => ({ account, amount })),
        balances,
        limitOf,
      );
      await refuse(
        db,
        accounts,
        again[0] ?? { code: 'TIME_LIMIT_FLOOR', params: { account: p.account } },
      );
    }
    written.push({
      id: newId(),
      accountId: p.account,
      minutes: p.amount,
      balanceAfter: after ?? 0,
    });
  }
  await insertPostings(db, networkId, id, written, now);
  return id;
}
