import { type AllocationRequest, allocate } from '../../domain/goods/allocation.ts';
import { remainingUnderLimit } from '../../domain/goods/limits.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import { DAY, isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import {
  decideRound,
  findRound,
  insertRound,
  listRounds,
  listShares,
  type Round,
  type RoundShare,
  shortInLastRound,
} from './allocation.repository.ts';
import { findHouseholdsByIds, listWants, setWantsStatus } from './household.repository.ts';
import { findItem, limitOf, listReceived, listSites, stockAt } from './stock.repository.ts';
import { moveStock } from './stock.service.ts';

type Ctx = { actor: Actor; scope: NetworkScope };

/**
 * Proposes an allocation round for one item at one site: the open asks for the item, the
 * stock there, each household's size, its limit and whether it got less last time, shared
 * by the documented rule (src/domain/goods/allocation.ts). Nothing moves until approved.
 */
export async function proposeRound(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, input }: Ctx & { input: { itemId: string; siteId: string } },
): Promise<string> {
  authorize(scope, 'goods.allocate');
  const networkId = scope.network.id;
  const errors: FieldErrors = {};
  const item = await findItem(deps.db, networkId, input.itemId);
  if (!item) errors.itemId = { key: 'field.choose' };
  const sites = await listSites(deps.db, networkId);
  if (!sites.some((s) => s.id === input.siteId)) errors.siteId = { key: 'field.choose' };
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const wants = await listWants(deps.db, networkId, { itemId: input.itemId, status: 'open' });
  if (wants.length === 0)
    throw new AppError('VALIDATION_FAILED', {}, { itemId: { key: 'allocation.noWants' } });
  const id = newId();
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const stock = await stockAt(trx, networkId, input.siteId, input.itemId);
    const households = new Map(
      (
        await findHouseholdsByIds(trx, networkId, [...new Set(wants.map((w) => w.householdId))])
      ).map((h) => [h.id, h]),
    );
    const limit = limitOf(item!);
    const history = limit
      ? await listReceived(
          trx,
          networkId,
          [...households.keys()],
          new Date(now.getTime() - limit.days * DAY).toISOString(),
        )
      : [];
    const short = await shortInLastRound(trx, networkId, input.itemId);
    const requests: (AllocationRequest & { wantId: string })[] = wants.map((w) => {
      const h = households.get(w.householdId)!;
      return {
        wantId: w.id,
        householdId: w.householdId,
        requested: w.quantity,
        limitLeft: remainingUnderLimit(
          limit,
          history.filter((r) => r.householdId === w.householdId),
          now,
        ),
        size: h.size,
        under14: h.under14,
        shortLastTime: short.has(w.householdId),
      };
    });
    const result = allocate({ stock, requests, seed: id });
    await insertRound(
      trx,
      {
        id,
        networkId,
        itemId: input.itemId,
        siteId: input.siteId,
        stock,
        level: result.level,
        createdBy: scope.personId,
      },
      result.shares.map((s, i) => ({
        id: newId(),
        householdId: s.householdId,
        wantId: requests[i]!.wantId,
        requested: s.requested,
        cap: s.cap,
        weight: s.weight,
        fairShare: s.fairShare,
        allocated: s.allocated,
        reasons: s.reasons,
      })),
      isoNow(deps.clock),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'allocation.proposed',
      networkId,
      subject: { type: 'allocation_round', id },
      details: {
        item: input.itemId,
        stock,
        households: requests.length,
        allocated: result.allocated,
      },
    });
    return id;
  });
}

export async function rounds(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<Round[]> {
  authorize(scope, 'goods.allocate');
  return listRounds(deps.db, scope.network.id);
}

export async function roundDetail(
  deps: Pick<Deps, 'db'>,
  { scope, roundId }: { scope: NetworkScope; roundId: string },
): Promise<{ round: Round; shares: RoundShare[] }> {
  authorize(scope, 'goods.allocate');
  const round = await findRound(deps.db, scope.network.id, roundId);
  if (!round) throw new AppError('NOT_FOUND');
  return { round, shares: await listShares(deps.db, scope.network.id, roundId) };
}

/**
 * A coordinator approves: each share becomes a hand-out from the site, in one transaction.
 * If the stock there fell below what the round shares out (someone moved goods since), the
 * round is refused as stale and should be proposed again.
 */
export async function approveRound(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, roundId }: Ctx & { roundId: string },
): Promise<void> {
  authorize(scope, 'goods.allocate');
  const networkId = scope.network.id;
  await deps.db.transaction().execute(async (trx) => {
    const round = await findRound(trx, networkId, roundId);
    if (!round) throw new AppError('NOT_FOUND');
    if (
      !(await decideRound(trx, networkId, roundId, 'approved', scope.personId, isoNow(deps.clock)))
    )
      throw new AppError('ALLOCATION_STALE');
    const shares = await listShares(trx, networkId, roundId);
    const total = shares.reduce((n, s) => n + s.allocated, 0);
    if ((await stockAt(trx, networkId, round.siteId, round.itemId)) < total)
      throw new AppError('ALLOCATION_STALE');
    for (const s of shares) {
      if (s.allocated <= 0) continue;
      await moveStock(trx, deps, {
        actor,
        scope,
        input: {
          kind: 'distribution',
          itemId: round.itemId,
          quantity: s.allocated,
          fromSiteId: round.siteId,
          householdId: s.householdId,
          roundId,
        },
      });
    }
    await setWantsStatus(
      trx,
      networkId,
      shares.map((s) => s.wantId),
      'allocated',
      isoNow(deps.clock),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'allocation.approved',
      networkId,
      subject: { type: 'allocation_round', id: roundId },
      details: { allocated: total, households: shares.length },
    });
  });
}

export async function discardRound(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, roundId }: Ctx & { roundId: string },
): Promise<void> {
  authorize(scope, 'goods.allocate');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await findRound(trx, scope.network.id, roundId))) throw new AppError('NOT_FOUND');
    if (
      !(await decideRound(
        trx,
        scope.network.id,
        roundId,
        'discarded',
        scope.personId,
        isoNow(deps.clock),
      ))
    )
      throw new AppError('ALLOCATION_STALE');
    await audit(trx, deps.clock, {
      actor,
      action: 'allocation.discarded',
      networkId: scope.network.id,
      subject: { type: 'allocation_round', id: roundId },
    });
  });
}
