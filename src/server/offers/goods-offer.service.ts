import { can } from '../../domain/access/roles.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import type { KeyRing } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope, requirePerson } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { revealOfferNotes, sealOfferNotes } from '../privacy/privacy-gate.ts';
import {
  findOffer,
  type GoodsOffer,
  insertOffer,
  listAllOffers,
  listAvailableOffers,
  listOwnOffers,
  type PublicGoodsOffer,
  type SealedGoodsOffer,
  updateOfferStatus,
} from './goods-offer.repository.ts';
import {
  COLLECT_NOTES_MAX,
  OFFER_STATUSES,
  type OfferStatus,
  QUANTITY_MAX,
  UNIT_MAX,
  WHAT_MAX,
} from './offer.schema.ts';

export interface GoodsOfferInput {
  what: string;
  quantity: number;
  unit: string;
  collectAreaId?: string | undefined;
  collectNotes?: string | undefined;
}

/**
 * Offers as the actor may see them. Coordinators: every offer, with who offers it and the
 * collection notes. Everyone else: their own offers in full, and others' available offers as
 * what, how much and where only.
 */
export type OffersView =
  | { kind: 'all'; offers: GoodsOffer[] }
  | { kind: 'member'; mine: GoodsOffer[]; available: PublicGoodsOffer[] };

/** The offer with its notes opened, for someone the privacy gate lets see them. */
function opened(keys: KeyRing, scope: NetworkScope, o: SealedGoodsOffer): GoodsOffer {
  const { collectNotesSealed: _, ...rest } = o;
  return { ...rest, collectNotes: revealOfferNotes(keys, scope, o) };
}

function inputErrors(input: GoodsOfferInput) {
  const errors: Record<string, { key: string; params?: Record<string, number> }> = {};
  const what = input.what.trim();
  const unit = input.unit.trim();
  if (!what) errors.what = { key: 'field.required' };
  else if (what.length > WHAT_MAX)
    errors.what = { key: 'field.tooLong', params: { max: WHAT_MAX } };
  if (!(Number.isFinite(input.quantity) && input.quantity > 0 && input.quantity <= QUANTITY_MAX))
    errors.quantity = { key: 'offers.quantityInvalid' };
  if (!unit) errors.unit = { key: 'field.required' };
  else if (unit.length > UNIT_MAX)
    errors.unit = { key: 'field.tooLong', params: { max: UNIT_MAX } };
  if ((input.collectNotes ?? '').length > COLLECT_NOTES_MAX)
    errors.collectNotes = { key: 'field.tooLong', params: { max: COLLECT_NOTES_MAX } };
  return errors;
}

/** A member offers goods: they start as available. */
export async function createGoodsOffer(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, input }: { actor: Actor; scope: NetworkScope; input: GoodsOfferInput },
): Promise<GoodsOffer> {
  authorize(scope, 'offers.own');
  const personId = requirePerson(actor);
  const errors = inputErrors(input);
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const id = newId();
  return deps.db.transaction().execute(async (trx) => {
    const areaId = input.collectAreaId || null;
    if (areaId && !(await listAreas(trx, scope.network.id)).some((a) => a.id === areaId)) {
      throw new AppError('VALIDATION_FAILED', {}, { collectAreaId: { key: 'field.choose' } });
    }
    await insertOffer(
      trx,
      {
        id,
        networkId: scope.network.id,
        personId,
        what: input.what.trim(),
        quantity: input.quantity,
        unit: input.unit.trim(),
        collectAreaId: areaId,
        collectNotesSealed: sealOfferNotes(deps.config.keys, id, input.collectNotes?.trim() ?? ''),
      },
      isoNow(deps.clock),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'goods_offer.created',
      networkId: scope.network.id,
      subject: { type: 'goods_offer', id },
      details: { status: 'available' },
    });
    const offer = await findOffer(trx, scope.network.id, id);
    if (!offer) throw new AppError('INTERNAL');
    return opened(deps.config.keys, scope, offer);
  });
}

export async function listGoodsOffers(
  deps: Pick<Deps, 'db' | 'config'>,
  {
    actor,
    scope,
    filter = {},
  }: { actor: Actor; scope: NetworkScope; filter?: { status?: OfferStatus | undefined } },
): Promise<OffersView> {
  authorize(scope, 'offers.own');
  const keys = deps.config.keys;
  if (can(scope.role, 'offers.manage')) {
    const all = await listAllOffers(deps.db, scope.network.id, filter);
    return { kind: 'all', offers: all.map((o) => opened(keys, scope, o)) };
  }
  const personId = requirePerson(actor);
  const [mine, available] = await Promise.all([
    listOwnOffers(deps.db, scope.network.id, personId),
    listAvailableOffers(deps.db, scope.network.id, personId),
  ]);
  return {
    kind: 'member',
    mine: (filter.status ? mine.filter((o) => o.status === filter.status) : mine).map((o) =>
      opened(keys, scope, o),
    ),
    available: filter.status && filter.status !== 'available' ? [] : available,
  };
}

/**
 * Changes an offer's status: the person offering on their own offers (to withdraw it, or mark
 * it taken), coordinators on any offer of the network.
 */
export async function changeGoodsOfferStatus(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    offerId,
    status,
  }: { actor: Actor; scope: NetworkScope; offerId: string; status: OfferStatus },
): Promise<GoodsOffer> {
  authorize(scope, 'offers.own');
  const personId = requirePerson(actor);
  if (!OFFER_STATUSES.includes(status)) {
    throw new AppError('VALIDATION_FAILED', {}, { status: { key: 'field.choose' } });
  }
  return deps.db.transaction().execute(async (trx) => {
    const offer = await findOffer(trx, scope.network.id, offerId);
    if (!offer) throw new AppError('NOT_FOUND');
    if (offer.personId !== personId) authorize(scope, 'offers.manage');
    if (offer.status === status) return opened(deps.config.keys, scope, offer);
    const now = isoNow(deps.clock);
    await updateOfferStatus(trx, scope.network.id, offerId, status, now);
    await audit(trx, deps.clock, {
      actor,
      action: 'goods_offer.status_changed',
      networkId: scope.network.id,
      subject: { type: 'goods_offer', id: offerId },
      details: { from: offer.status, to: status },
    });
    return { ...opened(deps.config.keys, scope, offer), status, updatedAt: now };
  });
}

/**
 * Receiving an offer into stock (goods/stock.service.ts#receiveOffer), in the caller's
 * transaction and under its authorisation: the offer as stored, or null.
 */
export function offerToReceive(
  trx: Db,
  networkId: string,
  offerId: string,
): Promise<SealedGoodsOffer | null> {
  return findOffer(trx, networkId, offerId);
}

/** Marks a received offer taken (once), with the stock movement that took it in. */
export async function markOfferTaken(
  trx: Db,
  clock: Deps['clock'],
  {
    actor,
    networkId,
    offer,
    movementId,
  }: { actor: Actor; networkId: string; offer: SealedGoodsOffer; movementId: string },
): Promise<void> {
  if (offer.status === 'taken') return;
  await updateOfferStatus(trx, networkId, offer.id, 'taken', isoNow(clock));
  await audit(trx, clock, {
    actor,
    action: 'goods_offer.status_changed',
    networkId,
    subject: { type: 'goods_offer', id: offer.id },
    details: { from: offer.status, to: 'taken', movement: movementId },
  });
}
