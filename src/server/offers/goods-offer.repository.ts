import type { AreaRef } from '../core/area.ts';
import type { Db } from '../db/database.ts';
import type { OfferStatus } from './offer.schema.ts';

/**
 * What any member may see of someone else's offer: what, how much, and the area. No name, no
 * collection notes, no person id: the query for these does not even select them.
 */
export interface PublicGoodsOffer {
  id: string;
  what: string;
  quantity: number;
  unit: string;
  collectArea: AreaRef | null;
  status: OfferStatus;
  createdAt: string;
}

/** The whole offer as stored: the collection notes still sealed. */
export interface SealedGoodsOffer extends PublicGoodsOffer {
  networkId: string;
  personId: string;
  offeredBy: string;
  /** Opened only by `revealOfferNotes` (src/server/privacy/privacy-gate.ts); null when empty. */
  collectNotesSealed: string | null;
  updatedAt: string;
}

/** The whole offer: for the person offering and for coordinators. */
export interface GoodsOffer extends Omit<SealedGoodsOffer, 'collectNotesSealed'> {
  collectNotes: string;
}

export interface NewGoodsOffer {
  id: string;
  networkId: string;
  personId: string;
  what: string;
  quantity: number;
  unit: string;
  collectAreaId: string | null;
  /** From `sealOfferNotes`: never plaintext. */
  collectNotesSealed: string | null;
}

export async function insertOffer(db: Db, o: NewGoodsOffer, now: string): Promise<void> {
  await db
    .insertInto('goods_offers')
    .values({
      id: o.id,
      network_id: o.networkId,
      person_id: o.personId,
      what: o.what,
      quantity: o.quantity,
      unit: o.unit,
      collect_area_id: o.collectAreaId,
      collect_notes_enc: o.collectNotesSealed,
      status: 'available',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

function fullOffers(db: Db, networkId: string) {
  return db
    .selectFrom('goods_offers')
    .innerJoin('people', 'people.id', 'goods_offers.person_id')
    .leftJoin('areas', 'areas.id', 'goods_offers.collect_area_id')
    .selectAll('goods_offers')
    .select(['people.display_name', 'areas.name as area_name'])
    .where('goods_offers.network_id', '=', networkId);
}

type FullRow = Awaited<ReturnType<ReturnType<typeof fullOffers>['executeTakeFirstOrThrow']>>;

function offerFromRow(r: FullRow): SealedGoodsOffer {
  return {
    id: r.id,
    networkId: r.network_id,
    personId: r.person_id,
    offeredBy: r.display_name,
    what: r.what,
    quantity: Number(r.quantity),
    unit: r.unit,
    collectArea:
      r.collect_area_id && r.area_name ? { id: r.collect_area_id, name: r.area_name } : null,
    collectNotesSealed: r.collect_notes_enc,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** One offer of this network; another network's offers are not found. */
export async function findOffer(
  db: Db,
  networkId: string,
  id: string,
): Promise<SealedGoodsOffer | null> {
  const row = await fullOffers(db, networkId).where('goods_offers.id', '=', id).executeTakeFirst();
  return row ? offerFromRow(row) : null;
}

/** Enough for a screenful of any neighbourhood's offers; older ones are history. */
export const OFFERS_LIMIT = 200;

/** Every offer of the network, newest first, for coordinators. */
export async function listAllOffers(
  db: Db,
  networkId: string,
  filter: { status?: OfferStatus | undefined },
): Promise<SealedGoodsOffer[]> {
  let q = fullOffers(db, networkId);
  if (filter.status) q = q.where('goods_offers.status', '=', filter.status);
  const rows = await q.orderBy('goods_offers.id', 'desc').limit(OFFERS_LIMIT).execute();
  return rows.map(offerFromRow);
}

/** One person's own offers in the network, newest first. */
export async function listOwnOffers(
  db: Db,
  networkId: string,
  personId: string,
): Promise<SealedGoodsOffer[]> {
  const rows = await fullOffers(db, networkId)
    .where('goods_offers.person_id', '=', personId)
    .orderBy('goods_offers.id', 'desc')
    .limit(OFFERS_LIMIT)
    .execute();
  return rows.map(offerFromRow);
}

/** Others' offers that are still available, as any member sees them: no names, no notes. */
export async function listAvailableOffers(
  db: Db,
  networkId: string,
  exceptPersonId: string,
): Promise<PublicGoodsOffer[]> {
  const rows = await db
    .selectFrom('goods_offers')
    .leftJoin('areas', 'areas.id', 'goods_offers.collect_area_id')
    .select([
      'goods_offers.id',
      'goods_offers.what',
      'goods_offers.quantity',
      'goods_offers.unit',
      'goods_offers.collect_area_id',
      'goods_offers.status',
      'goods_offers.created_at',
      'areas.name as area_name',
    ])
    .where('goods_offers.network_id', '=', networkId)
    .where('goods_offers.status', '=', 'available')
    .where('goods_offers.person_id', '!=', exceptPersonId)
    .orderBy('goods_offers.id', 'desc')
    .limit(OFFERS_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    what: r.what,
    quantity: Number(r.quantity),
    unit: r.unit,
    collectArea:
      r.collect_area_id && r.area_name ? { id: r.collect_area_id, name: r.area_name } : null,
    status: r.status,
    createdAt: r.created_at,
  }));
}

export async function updateOfferStatus(
  db: Db,
  networkId: string,
  id: string,
  status: OfferStatus,
  now: string,
): Promise<void> {
  await db
    .updateTable('goods_offers')
    .set({ status, updated_at: now })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
}
