import { checkReversal, reversalPostings } from '../../domain/ledger/reversal.ts';
import { type BalanceView, balanceView } from '../../domain/timebank/accounts.ts';
import {
  type CreditSource,
  desiredCredit,
  planCredit,
  sourceKey,
} from '../../domain/timebank/credits.ts';
import { checkRecorder } from '../../domain/timebank/transfer.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { audit } from '../audit/audit.service.ts';
import { personIdOf } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { postTransaction } from './posting.service.ts';
import {
  findAccount,
  findCredit,
  findTransaction,
  listStatement,
  lockCredit,
  readSettings,
  type StoredAccount,
  writeCredit,
} from './timebank.repository.ts';
import {
  accountFor,
  type Ctx,
  type D,
  isCoordinator,
  open,
  POOL,
  planned,
  refusal,
  STATEMENT_PAGE,
  seal,
  type TransferInput,
} from './timebank-shared.ts';

export { POOL, type TransferInput } from './timebank-shared.ts';

export interface StatementLineView {
  transactionId: string;
  at: string;
  kind: 'transfer' | 'credit' | 'reversal';
  category: string;
  note: string;
  minutes: number;
  balanceAfter: number;
  counterparts: string[];
  reverses: string | null;
}

export interface AccountView {
  account: StoredAccount;
  balance: BalanceView;
  lines: StatementLineView[];
}

/**
 * An account's balance and newest statement lines: the member's own, or any account for the
 * network's coordinators. Another member's account is "not found", never a hint it exists.
 */
export async function accountStatement(
  deps: D,
  { actor, scope, personId }: Ctx & { personId?: string | null },
): Promise<AccountView> {
  authorize(scope, 'timebank.own');
  const me = personIdOf(actor);
  const whose = personId === undefined ? me : personId;
  if (whose !== me) authorize(scope, 'timebank.manage');
  if (whose === undefined) throw new AppError('NOT_FOUND');
  const account = await deps.db
    .transaction()
    .execute((trx) => accountFor(trx, deps, scope.network.id, whose ?? POOL));
  const rows = await listStatement(deps.db, scope.network.id, account.id, STATEMENT_PAGE);
  return {
    account,
    balance: balanceView(account, account.balance),
    lines: rows.map((r) => ({
      transactionId: r.transactionId,
      at: r.at,
      kind: r.kind,
      category: r.category,
      note: open(deps, 'time_transactions', r.transactionId, r.noteSealed),
      minutes: r.minutes,
      balanceAfter: r.balanceAfter,
      counterparts: r.counterparts,
      reverses: r.reverses,
    })),
  };
}

/** "Send": the payer gives hours to one or several members (or a coordinator records it). */
export async function sendHours(
  deps: D,
  { actor, scope, input }: Ctx & { input: TransferInput },
): Promise<{ transactionId: string }> {
  authorize(scope, 'timebank.own');
  const me = personIdOf(actor);
  const payer = input.from ?? me;
  if (!payer) throw new AppError('FORBIDDEN');
  if (input.paper) authorize(scope, 'timebank.manage');
  return deps.db.transaction().execute(async (trx) => {
    const { settings, plan } = await planned(trx, deps, scope, payer, input);
    const pool = await accountFor(trx, deps, scope.network.id, POOL);
    const mine = me ? await accountFor(trx, deps, scope.network.id, me) : null;
    const who = checkRecorder(plan, 'send', {
      accountId: mine?.id ?? null,
      coordinator: isCoordinator(scope),
      poolAccountId: pool.id,
    });
    if (who) refusal(who);
    const transactionId = await postTransaction(
      trx,
      scope.network.id,
      settings,
      isoNow(deps.clock),
      {
        tx: {
          kind: 'transfer',
          shape: plan.shape,
          category: plan.category,
          noteSealed: null,
          reverses: null,
          sourceKey: null,
          recordedBy: me,
          paper: input.paper === true,
        },
        postings: plan.postings,
        sealNote: (id) => seal(deps, 'time_transactions', id, plan.note),
      },
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'time.sent',
      networkId: scope.network.id,
      subject: { type: 'time_transaction', id: transactionId },
      details: { shape: plan.shape, minutes: plan.total, paper: input.paper === true },
    });
    return { transactionId };
  });
}

/** A coordinator corrects a transaction by reversing it (never an edit). */
export async function reverseTransaction(
  deps: D,
  { actor, scope, transactionId }: Ctx & { transactionId: string },
): Promise<{ transactionId: string }> {
  authorize(scope, 'timebank.manage');
  return deps.db.transaction().execute(async (trx) => {
    const id = await reverseIn(trx, deps, scope.network.id, transactionId, personIdOf(actor));
    await audit(trx, deps.clock, {
      actor,
      action: 'time.reversed',
      networkId: scope.network.id,
      subject: { type: 'time_transaction', id: transactionId },
      details: { reversal: id },
    });
    return { transactionId: id };
  });
}

async function reverseIn(trx: Db, deps: D, networkId: string, txId: string, by: string | null) {
  const tx = await findTransaction(trx, networkId, txId);
  if (!tx) throw new AppError('NOT_FOUND');
  const check = checkReversal(tx);
  if (!check.ok) throw new AppError(check.code, check.params);
  const settings = await readSettings(trx, networkId);
  return postTransaction(trx, networkId, settings, isoNow(deps.clock), {
    tx: {
      kind: 'reversal',
      shape: 'reversal',
      category: tx.category,
      noteSealed: null,
      reverses: tx.id,
      sourceKey: null,
      recordedBy: by,
      paper: false,
    },
    postings: reversalPostings(tx.postings),
    correction: true,
  });
}

/**
 * Hours of recorded help credited from the pool (network setting, off by default), called by
 * the task and shift services in their own transaction after fulfilment, attendance or a
 * correction of the hours. Keyed by the source: repeating the event posts nothing again; new
 * hours reverse the old credit and post the new one; null hours reverse it.
 */
export async function creditFromHelp(
  deps: Pick<Deps, 'clock' | 'config'>,
  trx: Db,
  input: { networkId: string; source: CreditSource; personId: string | null; hours: number | null },
): Promise<'none' | 'post' | 'reverse' | 'reverse-and-post'> {
  const d = { ...deps, db: trx };
  const settings = await readSettings(trx, input.networkId);
  const key = sourceKey(input.source);
  const now = isoNow(deps.clock);
  await lockCredit(trx, input.networkId, key, now);
  const stored = await findCredit(trx, input.networkId, key);
  const current =
    stored?.transactionId && stored.accountId
      ? { transactionId: stored.transactionId, account: stored.accountId, minutes: stored.minutes }
      : null;
  const account = input.personId ? await accountFor(trx, d, input.networkId, input.personId) : null;
  const pool = await accountFor(trx, d, input.networkId, POOL);
  const action = planCredit(
    current,
    desiredCredit(settings.creditFromHelp, account?.id ?? null, input.hours),
    pool.id,
  );
  if (action.kind === 'none') return 'none';
  if (action.kind === 'reverse' || action.kind === 'reverse-and-post')
    await reverseIn(trx, d, input.networkId, action.transactionId, null);
  let credited: { transactionId: string; accountId: string; minutes: number } | null = null;
  if (action.kind === 'post' || action.kind === 'reverse-and-post') {
    const transactionId = await postTransaction(trx, input.networkId, settings, now, {
      tx: {
        kind: 'credit',
        shape: 'one-to-one',
        category: 'other',
        noteSealed: null,
        reverses: null,
        sourceKey: key,
        recordedBy: null,
        paper: false,
      },
      postings: action.postings,
    });
    credited = {
      transactionId,
      accountId: account?.id ?? '',
      minutes: action.postings[1]?.amount ?? 0,
    };
  }
  await writeCredit(
    trx,
    input.networkId,
    key,
    credited ?? { accountId: null, transactionId: null, minutes: 0 },
    now,
  );
  await audit(trx, deps.clock, {
    actor: { kind: 'system', label: 'timebank.credit' },
    action: 'time.credited',
    networkId: input.networkId,
    subject: { type: 'time_credit', id: key },
    details: { action: action.kind, minutes: credited?.minutes ?? 0 },
  });
  return action.kind;
}

export async function findAccountById(deps: D, { scope, id }: { scope: NetworkScope; id: string }) {
  authorize(scope, 'timebank.manage');
  return findAccount(deps.db, scope.network.id, id);
}
