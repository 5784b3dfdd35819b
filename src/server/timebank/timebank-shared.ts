import type { FieldProblem } from '../../domain/problems.ts';
import { parseDuration } from '../../domain/timebank/minutes.ts';
import { type Leg, planTransfer } from '../../domain/timebank/transfer.ts';
import { AppError, type ErrorCode, type FieldErrors } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findRole } from '../core/membership.repository.ts';
import type { NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { openFields, sealFields } from '../privacy/privacy-gate.ts';
import { ensureAccount, readSettings, type StoredAccount } from './timebank.repository.ts';

/** Helpers shared by the timebank services (sending and requesting hours). */

export type D = Pick<Deps, 'db' | 'clock' | 'config'>;
export type Ctx = { actor: Actor; scope: NetworkScope };
export const POOL = 'pool';
export const STATEMENT_PAGE = 50;

export const isCoordinator = (s: NetworkScope) => s.role === 'coordinator' || s.role === 'admin';
export const seal = (d: D, table: string, id: string, note: string) =>
  sealFields(d.config.keys, table, id, ['note'], { note }).note;
export const open = (d: D, table: string, id: string, sealed: string | null) =>
  sealed ? (openFields(d.config.keys, table, id, ['note'], { note: sealed }).note ?? '') : '';

/** The account of a member (or the pool for 'pool'), opened on first use. */
export async function accountFor(
  db: Db,
  d: D,
  networkId: string,
  who: string,
): Promise<StoredAccount> {
  if (who !== POOL && !(await findRole(db, networkId, who)))
    throw new AppError('VALIDATION_FAILED', {}, { to_0: { key: 'timebank.field.notMember' } });
  return ensureAccount(db, networkId, who === POOL ? null : who, newId(), isoNow(d.clock));
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
export function fieldErrors(problems: readonly FieldProblem[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) {
    const m = /^legs(?:\.(\d+))?(\.minutes)?$/.exec(p.field);
    const field = m ? `${m[2] ? 'minutes' : 'to'}_${m[1] ?? '0'}` : p.field;
    out[field] ??= { key: p.key, ...(p.params ? { params: p.params } : {}) };
  }
  return out;
}

export function refusal(r: { code: string; params: Record<string, string | number> }): never {
  throw new AppError(r.code as ErrorCode, r.params);
}

/** Hands the typed legs to the pure plan; every mistake in one round. */
export async function planned(
  trx: Db,
  deps: D,
  scope: NetworkScope,
  payer: string,
  input: TransferInput,
) {
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
