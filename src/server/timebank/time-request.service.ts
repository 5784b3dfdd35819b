import { checkRecorder, type Leg } from '../../domain/timebank/transfer.ts';
import {
  autoAcceptAt,
  type RequestActor,
  type TransferRequest,
  transition,
} from '../../domain/timebank/transfer-request.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import { type Actor, personIdOf } from '../core/actor.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { postTransaction } from './posting.service.ts';
import {
  decideRequestRow,
  findRequest,
  insertRequest,
  listDueRequests,
  listRequests,
  markAutoAcceptBlocked,
  type StoredRequest,
} from './time-request.repository.ts';
import { ensureAccount, readSettings } from './timebank.repository.ts';
import {
  accountFor,
  type Ctx,
  type D,
  isCoordinator,
  open,
  POOL,
  planned,
  refusal,
  seal,
} from './timebank-shared.ts';

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
