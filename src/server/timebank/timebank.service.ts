import { checkReversal, reversalPostings } from '../../domain/ledger/reversal.ts';
import type { FieldProblem } from '../../domain/problems.ts';
import { type BalanceView, balanceView } from '../../domain/timebank/accounts.ts';
import {
  type CreditSource,
  desiredCredit,
  planCredit,
  sourceKey,
} from '../../domain/timebank/credits.ts';
import { parseDuration } from '../../domain/timebank/minutes.ts';
import { checkRecorder, type Leg, planTransfer } from '../../domain/timebank/transfer.ts';
import {
  autoAcceptAt,
  type RequestActor,
  type TransferRequest,
  transition,
} from '../../domain/timebank/transfer-request.ts';
import { AppError, type ErrorCode, type FieldErrors } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import { type Actor, personIdOf } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findRole } from '../core/membership.repository.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { openFields, sealFields } from '../privacy/privacy-gate.ts';
import { postTransaction } from './posting.service.ts';
import {
  decideRequestRow,
  ensureAccount,
  findAccount,
  findCredit,
  findRequest,
  findTransaction,
  insertRequest,
  listDueRequests,
  listRequests,
  listStatement,
  lockCredit,
  markAutoAcceptBlocked,
  readSettings,
  type StoredAccount,
  type StoredRequest,
  writeCredit,
} from './timebank.repository.ts';

type D = Pick<Deps, 'db' | 'clock' | 'config'>;
type Ctx = { actor: Actor; scope: NetworkScope };
export const POOL = 'pool';
const STATEMENT_PAGE = 50;

const isCoordinator = (s: NetworkScope) => s.role === 'coordinator' || s.role === 'admin';
const seal = (d: D, table: string, id: string, note: string) =>
  sealFields(d.config.keys, table, id, ['note'], { note }).note;
const open = (d: D, table: string, id: string, sealed: string | null) =>
  sealed ? (openFields(d.config.keys, table, id, ['note'], { note: sealed }).note ?? '') : '';

/** The account of a member (or the pool for 'pool'), opened on first use. */
async function accountFor(db: Db, d: D, networkId: string, who: string): Promise<StoredAccount> {
  if (who !== POOL && !(await findRole(db, networkId, who)))
    throw new AppError('VALIDATION_FAILED', {}, { to_0: { key: 'timebank.field.notMember' } });
  return ensureAccount(db, networkId, who === POOL ? null : who, newId(), isoNow(d.clock));
}

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

export interface TransferInput {
  /** The payer's person id, or 'pool'; omitted: the actor. Others' only for coordinators. */
  from?: string | undefined;
  legs: { to: string; minutes: string }[];
  category: string;
  note: string;
  /** Recorded by a coordinator for a member without phone or internet. */
  paper?: boolean | undefined;
}

/** Field names of the forms: leg i is `to_i` and `minutes_i`. */
function fieldErrors(problems: readonly FieldProblem[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const m = /^legs(?:\.(\d+))?(\.minutes)?$/.exec(p.field);
    const field = m ? `${m[2] ? 'minutes' : 'to'}_${m[1] ?? '0'}` : p.field;
    out[field] ??= { key: p.key, ...(p.params ? { params: p.params } : {}) };
  }
  return out;
}

function refusal(r: { code: string; params: Record<string, string | number> }): never {
  throw new AppError(r.code as ErrorCode, r.params);
}

/** Hands the typed legs to the pure plan; every mistake in one round. */
async function planned(trx: Db, deps: D, scope: NetworkScope, payer: string, input: TransferInput) {
  const settings = await readSettings(trx, scope.network.id);
  const problems: FieldProblem[] = [];
  const from = await accountFor(trx, deps, scope.network.id, payer);
  const legs: Leg[] = [];
  for (const [i, l] of input.legs.entries()) {
    const parsed = parseDuration(l.minutes);
    if (!parsed.ok)
      problems.push({
        field: `legs.${i}.minutes`,
        key: parsed.key,
        ...(parsed.params ? { params: parsed.params } : {}),
      });
    if (!l.to) {
      problems.push({ field: `legs.${i}`, key: 'timebank.field.payeeRequired' });
      continue;
    }
    const to = await accountFor(trx, deps, scope.network.id, l.to);
    legs.push({ from: from.id, to: to.id, minutes: parsed.ok ? parsed.minutes : 1 });
  }
  const plan = planTransfer(
    { legs, category: input.category, note: input.note },
    settings.categories,
  );
  if (!plan.ok) problems.push(...plan.problems);
  if (problems.length || !plan.ok)
    throw new AppError('VALIDATION_FAILED', {}, fieldErrors(problems));
  return { settings, plan: plan.plan, from };
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

/** "Request": the actor (the payee) asks one payer for hours; the payer decides. */
export async function requestHours(
  deps: D,
  {
    actor,
    scope,
    input,
  }: Ctx & { input: { payer: string; minutes: string; category: string; note: string } },
): Promise<{ requestId: string }> {
  authorize(scope, 'timebank.own');
  const me = personIdOf(actor);
  if (!me) throw new AppError('FORBIDDEN');
  return deps.db.transaction().execute(async (trx) => {
    // Planned the other way round: the payee's typed payer is leg 0's "to" field on the form.
    const { settings, plan } = await planned(trx, deps, scope, input.payer || POOL, {
      legs: [{ to: me, minutes: input.minutes }],
      category: input.category,
      note: input.note,
    });
    const pool = await accountFor(trx, deps, scope.network.id, POOL);
    const mine = await accountFor(trx, deps, scope.network.id, me);
    const who = checkRecorder(plan, 'request', {
      accountId: mine.id,
      coordinator: false,
      poolAccountId: pool.id,
    });
    if (who) refusal(who);
    const leg = plan.legs[0] as Leg;
    const id = newId();
    const now = isoNow(deps.clock);
    await insertRequest(
      trx,
      scope.network.id,
      {
        id,
        payerAccount: leg.from,
        payeeAccount: leg.to,
        minutes: leg.minutes,
        category: plan.category,
        noteSealed: seal(deps, 'time_requests', id, plan.note),
        status: 'requested',
        requestedAt: now,
        autoAcceptAt: autoAcceptAt(now, settings.autoAcceptDays),
        autoAcceptBlockedAt: null,
        transactionId: null,
      },
      me,
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'time.requested',
      networkId: scope.network.id,
      subject: { type: 'time_request', id },
      details: { minutes: leg.minutes },
    });
    return { requestId: id };
  });
}

export interface RequestView extends StoredRequest {
  note: string;
  /** What the viewer may do now: accept, refuse, cancel. */
  allowed: ('accept' | 'refuse' | 'cancel')[];
  side: 'payer' | 'payee' | 'other';
}

function roleIn(r: StoredRequest, mine: string | null, scope: NetworkScope): RequestActor | null {
  if (mine === r.payerAccount) return 'payer';
  if (mine === r.payeeAccount) return 'payee';
  return isCoordinator(scope) ? 'coordinator' : null;
}

const asTransition = (r: StoredRequest): TransferRequest => ({
  mode: 'request',
  status: r.status,
  requestedAt: r.requestedAt,
  autoAcceptAt: r.autoAcceptAt,
  autoAcceptBlockedAt: r.autoAcceptBlockedAt,
  payerAccount: r.payerAccount,
  payeeAccount: r.payeeAccount,
});

/** The requests the actor pays or receives (all of the network's for coordinators). */
export async function myRequests(deps: D, { actor, scope }: Ctx): Promise<RequestView[]> {
  authorize(scope, 'timebank.own');
  const me = personIdOf(actor);
  const mine = me
    ? await ensureAccount(deps.db, scope.network.id, me, newId(), isoNow(deps.clock))
    : null;
  const rows = await listRequests(deps.db, scope.network.id, mine?.id ?? null, 50);
  const now = new Date(deps.clock.now());
  return rows.map((r) => {
    const by = roleIn(r, mine?.id ?? null, scope);
    const allowed = (['accept', 'refuse', 'cancel'] as const).filter(
      (k) =>
        by !== null &&
        transition(
          asTransition(r),
          k === 'refuse' ? { kind: k, by, reason: '' } : { kind: k, by },
          now,
        ).ok,
    );
    return {
      ...r,
      note: open(deps, 'time_requests', r.id, r.noteSealed),
      allowed,
      side: by === 'payer' ? 'payer' : by === 'payee' ? 'payee' : 'other',
    };
  });
}

async function postRequest(
  trx: Db,
  deps: D,
  networkId: string,
  r: StoredRequest,
  by: string | null,
) {
  const settings = await readSettings(trx, networkId);
  return postTransaction(trx, networkId, settings, isoNow(deps.clock), {
    tx: {
      kind: 'transfer',
      shape: 'one-to-one',
      category: r.category,
      noteSealed: null,
      reverses: null,
      sourceKey: null,
      recordedBy: by,
      paper: false,
    },
    postings: [
      { account: r.payerAccount, amount: -r.minutes },
      { account: r.payeeAccount, amount: r.minutes },
    ],
    sealNote: (id) =>
      seal(deps, 'time_transactions', id, open(deps, 'time_requests', r.id, r.noteSealed)),
  });
}

/** The payer accepts or refuses; the payee cancels; a coordinator may do either. */
export async function decideRequest(
  deps: D,
  {
    actor,
    scope,
    requestId,
    decision,
    reason = '',
  }: Ctx & { requestId: string; decision: 'accept' | 'refuse' | 'cancel'; reason?: string },
): Promise<void> {
  authorize(scope, 'timebank.own');
  const me = personIdOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const r = await findRequest(trx, scope.network.id, requestId);
    const mine = me ? await findAccountOfPerson(trx, scope.network.id, me) : null;
    const by = r ? roleIn(r, mine, scope) : null;
    if (!r || !by) throw new AppError('NOT_FOUND');
    const event = decision === 'refuse' ? { kind: decision, by, reason } : { kind: decision, by };
    const t = transition(asTransition(r), event, new Date(deps.clock.now()));
    if (!t.ok) refusal(t.refusal);
    const transactionId = t.post ? await postRequest(trx, deps, scope.network.id, r, me) : null;
    const now = isoNow(deps.clock);
    if (
      !(await decideRequestRow(trx, scope.network.id, r.id, {
        status: t.status,
        decidedAt: now,
        decidedBy: me,
        transactionId,
      }))
    )
      throw new AppError('TIME_REQUEST_FINAL', { status: 'decided' });
    await audit(trx, deps.clock, {
      actor,
      action: 'time.request_decided',
      networkId: scope.network.id,
      subject: { type: 'time_request', id: r.id },
      details: { status: t.status, by },
    });
  });
}

async function findAccountOfPerson(db: Db, networkId: string, personId: string) {
  return (await ensureAccount(db, networkId, personId, newId(), new Date(0).toISOString())).id;
}

/**
 * The scheduled job: requests nobody refused by their deadline are accepted. A request a
 * limit blocks is marked (it may then still be refused, cancelled, or accepted later).
 */
export async function autoAcceptDue(deps: D, limit = 100): Promise<string> {
  const now = isoNow(deps.clock);
  const due = await listDueRequests(deps.db, now, limit);
  let accepted = 0;
  let blocked = 0;
  const system: Actor = { kind: 'system', label: 'timebank.auto_accept' };
  for (const d of due) {
    try {
      await deps.db.transaction().execute(async (trx) => {
        const r = await findRequest(trx, d.networkId, d.id);
        if (!r) return;
        const t = transition(
          asTransition(r),
          { kind: 'auto-accept', by: 'system' },
          new Date(deps.clock.now()),
        );
        if (!t.ok) return;
        const transactionId = await postRequest(trx, deps, d.networkId, r, null);
        if (
          !(await decideRequestRow(trx, d.networkId, r.id, {
            status: t.status,
            decidedAt: now,
            decidedBy: null,
            transactionId,
          }))
        )
          return;
        await audit(trx, deps.clock, {
          actor: system,
          action: 'time.auto_accepted',
          networkId: d.networkId,
          subject: { type: 'time_request', id: r.id },
        });
        accepted += 1;
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      await markAutoAcceptBlocked(deps.db, d.networkId, d.id, now);
      blocked += 1;
    }
  }
  return `${accepted} accepted, ${blocked} blocked by a limit`;
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
