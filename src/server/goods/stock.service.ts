import {
  countDifference,
  type MovementKind,
  postingsFor,
  stockRule,
} from '../../domain/goods/stock.ts';
import { checkTransaction } from '../../domain/ledger/ledger.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { markOfferTaken, offerToReceive } from '../offers/goods-offer.service.ts';
import { sealFields } from '../privacy/privacy-gate.ts';
import {
  GOODS_CATEGORIES,
  isIsoDate,
  LIMIT_DAYS_MAX,
  NAME_MAX,
  QUANTITY_MAX,
  REASON_MAX,
  UNIT_MAX,
} from './goods.rules.ts';
import {
  findItem,
  type Item,
  insertItem,
  insertSite,
  listItems,
  listMovements,
  listSites,
  listStock,
  nameTaken,
  type Site,
  stockAt,
  writeMovement,
} from './stock.repository.ts';

type Ctx = { actor: Actor; scope: NetworkScope };

export interface ItemInput {
  name: string;
  category: string;
  unit: string;
  tracksExpiry: boolean;
  lowStock: number;
  limitQuantity?: number | undefined;
  limitDays?: number | undefined;
  limitHard: boolean;
}

const whole = (n: number, min: number, max = QUANTITY_MAX) =>
  Number.isSafeInteger(n) && n >= min && n <= max;

export async function createItem(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, input }: Ctx & { input: ItemInput },
): Promise<Item> {
  authorize(scope, 'goods.manage');
  const errors: FieldErrors = {};
  const name = input.name.trim();
  const unit = input.unit.trim();
  if (!name) errors.name = { key: 'field.required' };
  else if (name.length > NAME_MAX)
    errors.name = { key: 'field.tooLong', params: { max: NAME_MAX } };
  if (!(GOODS_CATEGORIES as readonly string[]).includes(input.category))
    errors.category = { key: 'field.choose' };
  if (!unit) errors.unit = { key: 'field.required' };
  else if (unit.length > UNIT_MAX)
    errors.unit = { key: 'field.tooLong', params: { max: UNIT_MAX } };
  if (!whole(input.lowStock, 0)) errors.lowStock = { key: 'goods.wholeNumber' };
  const hasLimit = input.limitQuantity !== undefined || input.limitDays !== undefined;
  if (hasLimit) {
    if (input.limitQuantity === undefined || !whole(input.limitQuantity, 1))
      errors.limitQuantity = { key: 'goods.wholeNumber' };
    if (input.limitDays === undefined || !whole(input.limitDays, 1, LIMIT_DAYS_MAX))
      errors.limitDays = { key: 'goods.limitDaysInvalid' };
  }
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const id = newId();
  return deps.db.transaction().execute(async (trx) => {
    if (await nameTaken(trx, 'goods_items', scope.network.id, name))
      throw new AppError('VALIDATION_FAILED', {}, { name: { key: 'error.nameTaken' } });
    const item: Item = {
      id,
      name,
      category: input.category,
      unit,
      tracksExpiry: input.tracksExpiry,
      lowStock: input.lowStock,
      limit: hasLimit
        ? { quantity: input.limitQuantity!, days: input.limitDays!, hard: input.limitHard }
        : null,
    };
    await insertItem(trx, scope.network.id, item, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'goods_item.created',
      networkId: scope.network.id,
      subject: { type: 'goods_item', id },
    });
    return item;
  });
}

export async function createSite(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, input }: Ctx & { input: { name: string; areaId?: string | undefined } },
): Promise<Site> {
  authorize(scope, 'goods.manage');
  const name = input.name.trim();
  if (!name) throw new AppError('VALIDATION_FAILED', {}, { name: { key: 'field.required' } });
  if (name.length > NAME_MAX)
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { name: { key: 'field.tooLong', params: { max: NAME_MAX } } },
    );
  const id = newId();
  return deps.db.transaction().execute(async (trx) => {
    const areas = await listAreas(trx, scope.network.id);
    const area = input.areaId ? areas.find((a) => a.id === input.areaId) : undefined;
    if (input.areaId && !area)
      throw new AppError('VALIDATION_FAILED', {}, { areaId: { key: 'field.choose' } });
    if (await nameTaken(trx, 'goods_sites', scope.network.id, name))
      throw new AppError('VALIDATION_FAILED', {}, { name: { key: 'error.nameTaken' } });
    await insertSite(
      trx,
      scope.network.id,
      { id, name, areaId: area?.id ?? null },
      isoNow(deps.clock),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'goods_site.created',
      networkId: scope.network.id,
      subject: { type: 'goods_site', id },
    });
    return { id, name, areaId: area?.id ?? null, areaName: area?.name ?? null };
  });
}

export async function goodsSetup(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<{ items: Item[]; sites: Site[] }> {
  authorize(scope, 'goods.view');
  const [items, sites] = await Promise.all([
    listItems(deps.db, scope.network.id),
    listSites(deps.db, scope.network.id),
  ]);
  return { items, sites };
}

/** The last movements of stock in the network, newest first. */
export async function recentMovements(
  deps: Pick<Deps, 'db'>,
  { scope, limit }: { scope: NetworkScope; limit: number },
) {
  authorize(scope, 'goods.view');
  return listMovements(deps.db, scope.network.id, limit);
}

export async function stockOverview(deps: Pick<Deps, 'db'>, { scope }: { scope: NetworkScope }) {
  authorize(scope, 'goods.view');
  return listStock(deps.db, scope.network.id);
}

export interface MovementInput {
  kind: MovementKind;
  itemId: string;
  /** Whole units; for an adjustment, negative when the count found less. */
  quantity: number;
  fromSiteId?: string | null | undefined;
  toSiteId?: string | null | undefined;
  reason?: string | undefined;
  /** A donation: who gave it, as typed (sealed), or a member, or nobody (anonymous). */
  donorName?: string | undefined;
  donorPersonId?: string | null | undefined;
  offerId?: string | null | undefined;
  expiresOn?: string | undefined;
  householdId?: string | null | undefined;
  dayId?: string | null | undefined;
  roundId?: string | null | undefined;
}

/**
 * One movement inside the caller's transaction: checked against the ledger's rules, written
 * with its postings, the levels moved atomically (stock.repository.ts#writeMovement). Throws
 * INSUFFICIENT_STOCK, naming the item and what is left, when a site would go below zero.
 */
export async function moveStock(
  trx: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  { actor, scope, input: given }: Ctx & { input: MovementInput },
): Promise<string> {
  // An empty choice ("", or null sent to the API) is no site at all, not a site named "".
  const input = {
    ...given,
    fromSiteId: given.fromSiteId || null,
    toSiteId: given.toSiteId || null,
  };
  const errors: FieldErrors = {};
  const item = await findItem(trx, scope.network.id, input.itemId);
  if (!item) errors.itemId = { key: 'field.choose' };
  const sites = await listSites(trx, scope.network.id);
  const siteOk = (id: string | null | undefined) => !id || sites.some((s) => s.id === id);
  if (!siteOk(input.fromSiteId)) errors.fromSiteId = { key: 'field.choose' };
  if (!siteOk(input.toSiteId)) errors.toSiteId = { key: 'field.choose' };
  const signed = input.kind === 'adjustment';
  if (
    !Number.isSafeInteger(input.quantity) ||
    Math.abs(input.quantity) > QUANTITY_MAX ||
    (signed ? input.quantity === 0 : input.quantity <= 0)
  )
    errors.quantity = { key: signed ? 'goods.adjustmentInvalid' : 'goods.quantityInvalid' };
  const needsTo =
    input.kind === 'donation' || input.kind === 'purchase' || input.kind === 'transfer';
  const needsFrom = input.kind === 'distribution' || input.kind === 'transfer';
  if (needsTo && !input.toSiteId) errors.toSiteId = { key: 'field.choose' };
  if (needsFrom && !input.fromSiteId) errors.fromSiteId = { key: 'field.choose' };
  if (input.kind === 'adjustment' && !input.toSiteId && !input.fromSiteId)
    errors.toSiteId = { key: 'field.choose' };
  if (input.kind === 'transfer' && input.fromSiteId && input.fromSiteId === input.toSiteId)
    errors.toSiteId = { key: 'goods.sameSite' };
  const reason = (input.reason ?? '').trim();
  if (reason.length > REASON_MAX)
    errors.reason = { key: 'field.tooLong', params: { max: REASON_MAX } };
  if (input.kind === 'adjustment' && !reason) errors.reason = { key: 'goods.reasonRequired' };
  if (input.expiresOn && !isIsoDate(input.expiresOn))
    errors.expiresOn = { key: 'goods.dateInvalid' };
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);

  const siteId = input.kind === 'adjustment' ? (input.toSiteId ?? input.fromSiteId)! : null;
  const postings = postingsFor({
    kind: input.kind,
    quantity: input.quantity,
    fromSiteId: input.fromSiteId,
    toSiteId: siteId ?? input.toSiteId,
  });
  // The pure rules first (balanced, whole units); the levels are then moved atomically.
  const check = checkTransaction(postings, { get: () => Number.POSITIVE_INFINITY }, stockRule);
  if (!check.ok) throw new AppError('INTERNAL');
  const id = newId();
  const now = isoNow(deps.clock);
  const donor = input.donorName?.trim()
    ? sealFields(deps.config.keys, 'stock_movements', id, ['donor'], {
        donor: input.donorName.trim(),
      }).donor
    : null;
  const written = await writeMovement(
    trx,
    {
      id,
      networkId: scope.network.id,
      kind: input.kind,
      itemId: input.itemId,
      quantity: input.quantity,
      fromSiteId: input.kind === 'adjustment' ? null : (input.fromSiteId ?? null),
      toSiteId: input.kind === 'adjustment' ? siteId : (input.toSiteId ?? null),
      reason,
      donorPersonId: input.donorPersonId ?? null,
      donorSealed: donor,
      offerId: input.offerId ?? null,
      expiresOn: item!.tracksExpiry ? (input.expiresOn ?? null) : null,
      dayId: input.dayId ?? null,
      householdId: input.householdId ?? null,
      roundId: input.roundId ?? null,
      enteredBy: scope.personId,
      createdAt: now,
    },
    postings,
    newId,
  );
  if (!written) {
    const from = postings.find((p) => p.amount < 0 && p.account.startsWith('site:'))!;
    const left = await stockAt(trx, scope.network.id, from.account.slice(5), input.itemId);
    throw new AppError('INSUFFICIENT_STOCK', { item: item!.name, left, unit: item!.unit });
  }
  await audit(trx, deps.clock, {
    actor,
    action: 'stock.moved',
    networkId: scope.network.id,
    subject: { type: 'stock_movement', id },
    details: { kind: input.kind, item: input.itemId, quantity: input.quantity },
  });
  return id;
}

/** Records a donation, purchase, transfer, hand-out or adjustment, in its own transaction. */
export async function recordMovement(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, input }: Ctx & { input: MovementInput },
): Promise<string> {
  authorize(scope, input.kind === 'adjustment' ? 'goods.manage' : 'goods.record');
  return deps.db.transaction().execute((trx) => moveStock(trx, deps, { actor, scope, input }));
}

/**
 * A physical count at a site: for each item counted, the difference from the ledger becomes
 * an adjustment with the reason given, all in one transaction (so the count is one event).
 */
export async function recordCount(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    input,
  }: Ctx & {
    input: { siteId: string; counts: { itemId: string; counted: number }[]; reason: string };
  },
): Promise<{ adjusted: number }> {
  authorize(scope, 'goods.manage');
  if (!input.reason.trim())
    throw new AppError('VALIDATION_FAILED', {}, { reason: { key: 'goods.reasonRequired' } });
  return deps.db.transaction().execute(async (trx) => {
    let adjusted = 0;
    for (const c of input.counts) {
      if (!Number.isSafeInteger(c.counted) || c.counted < 0 || c.counted > QUANTITY_MAX)
        throw new AppError(
          'VALIDATION_FAILED',
          {},
          { [`count_${c.itemId}`]: { key: 'goods.wholeNumber' } },
        );
      const recorded = await stockAt(trx, scope.network.id, input.siteId, c.itemId);
      const diff = countDifference(recorded, c.counted);
      if (diff === 0) continue;
      await moveStock(trx, deps, {
        actor,
        scope,
        input: {
          kind: 'adjustment',
          itemId: c.itemId,
          quantity: diff,
          toSiteId: input.siteId,
          reason: input.reason,
        },
      });
      adjusted += 1;
    }
    await audit(trx, deps.clock, {
      actor,
      action: 'stock.counted',
      networkId: scope.network.id,
      subject: { type: 'goods_site', id: input.siteId },
      details: { items: input.counts.length, adjusted },
    });
    return { adjusted };
  });
}

/**
 * A goods offer (needs and offers) arrives at a site: a donation in from the person who
 * offered it, and the offer is marked taken, in one transaction.
 */
export async function receiveOffer(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    offerId,
    input,
  }: Ctx & {
    offerId: string;
    input: { itemId: string; toSiteId: string; quantity: number; expiresOn?: string | undefined };
  },
): Promise<string> {
  authorize(scope, 'goods.record');
  authorize(scope, 'offers.manage');
  return deps.db.transaction().execute(async (trx) => {
    const offer = await offerToReceive(trx, scope.network.id, offerId);
    if (!offer) throw new AppError('NOT_FOUND');
    const id = await moveStock(trx, deps, {
      actor,
      scope,
      input: {
        kind: 'donation',
        itemId: input.itemId,
        quantity: input.quantity,
        toSiteId: input.toSiteId,
        expiresOn: input.expiresOn,
        donorPersonId: offer.personId,
        offerId: offer.id,
      },
    });
    await markOfferTaken(trx, deps.clock, {
      actor,
      networkId: scope.network.id,
      offer,
      movementId: id,
    });
    return id;
  });
}
