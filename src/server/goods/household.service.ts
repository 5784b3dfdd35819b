import { normalisePhone } from '../../domain/people/contact.ts';
import { newRequestCode, parseCode } from '../../domain/requests/request-code.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { blindIndex } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import {
  HOUSEHOLD_PRIVATE,
  type HouseholdPrivate,
  revealHousehold,
  sealFields,
} from '../privacy/privacy-gate.ts';
import { requestByCode } from '../requests/request-lookup.service.ts';
import {
  AGE_BANDS,
  type AgeBand,
  DIETARY,
  HOUSEHOLD_SIZE_MAX,
  NAME_MAX,
  nameTokens,
  QUANTITY_MAX,
} from './goods.rules.ts';
import {
  findHousehold,
  findHouseholdIdByCode,
  type HouseholdSummary,
  insertHousehold,
  insertWant,
  linkedRequestCodes,
  linkRequest,
  listHouseholds,
  listWants,
  searchHouseholds,
  summaryOf,
  type Want,
} from './household.repository.ts';
import { findItem, listReceived } from './stock.repository.ts';

type Ctx = { actor: Actor; scope: NetworkScope };

export interface HouseholdInput {
  name: string;
  phone?: string | undefined;
  size: number;
  ageBands?: Partial<Record<AgeBand, number>> | undefined;
  dietary?: string[] | undefined;
  language: string;
  areaId?: string | undefined;
  notes?: string | undefined;
  /** The code of a help request this household made, to link them. */
  requestCode?: string | undefined;
}

/** A household as the door and the coordinators see it: the summary and the opened fields. */
export interface OpenedHousehold extends HouseholdSummary {
  private: HouseholdPrivate;
}

const NOTES_MAX = 500;

/**
 * A new household, in one short form at the door or from the coordinators' list. Name and
 * phone are sealed; the words of the name and the phone are kept as blind indexes for search.
 */
export async function createHousehold(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, input }: Ctx & { input: HouseholdInput },
): Promise<HouseholdSummary> {
  authorize(scope, 'goods.checkin');
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = { key: 'field.required' };
  else if (name.length > NAME_MAX)
    errors.name = { key: 'field.tooLong', params: { max: NAME_MAX } };
  const phone = input.phone?.trim() ? normalisePhone(input.phone) : null;
  if (input.phone?.trim() && !phone) errors.phone = { key: 'field.phoneInvalid' };
  if (!Number.isSafeInteger(input.size) || input.size < 1 || input.size > HOUSEHOLD_SIZE_MAX)
    errors.size = { key: 'goods.sizeInvalid', params: { max: HOUSEHOLD_SIZE_MAX } };
  const ageBands = {} as Record<AgeBand, number>;
  let banded = 0;
  for (const b of AGE_BANDS) {
    const n = input.ageBands?.[b] ?? 0;
    if (!Number.isSafeInteger(n) || n < 0 || n > HOUSEHOLD_SIZE_MAX)
      errors[`age_${b}`] = { key: 'goods.wholeNumber' };
    ageBands[b] = n;
    banded += n;
  }
  if (banded > input.size) errors.size = { key: 'goods.bandsExceedSize' };
  const dietary = (input.dietary ?? []).filter((d) => (DIETARY as readonly string[]).includes(d));
  if ((input.notes ?? '').length > NOTES_MAX)
    errors.notes = { key: 'field.tooLong', params: { max: NOTES_MAX } };
  if (!/^[a-z]{2,3}$/.test(input.language)) errors.language = { key: 'field.choose' };
  const areas = await listAreas(deps.db, scope.network.id);
  if (input.areaId && !areas.some((a) => a.id === input.areaId))
    errors.areaId = { key: 'field.choose' };
  const code = input.requestCode?.trim() ? parseCode(input.requestCode) : null;
  const request = code ? await requestByCode(deps.db, scope.network.id, code) : null;
  if (input.requestCode?.trim() && !request)
    errors.requestCode = { key: 'goods.requestCodeUnknown' };
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);

  const id = newId();
  const ring = deps.config.keys;
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    let hcode = newRequestCode();
    while (await findHouseholdIdByCode(trx, scope.network.id, hcode)) hcode = newRequestCode();
    const summary: HouseholdSummary = {
      id,
      networkId: scope.network.id,
      code: hcode,
      size: input.size,
      ageBands,
      under14: ageBands['0-4'] + ageBands['5-13'],
      language: input.language,
      areaId: input.areaId || null,
      areaName: areas.find((a) => a.id === input.areaId)?.name ?? null,
      createdAt: now,
    };
    await insertHousehold(
      trx,
      {
        ...summary,
        sealed: sealFields(ring, 'households', id, HOUSEHOLD_PRIVATE, {
          name,
          phone,
          dietary: dietary.length > 0 ? dietary.join(',') : null,
          notes: input.notes?.trim() || null,
        }),
        phoneIndex: phone ? phoneKey(deps, phone) : null,
        nameTokens: nameTokens(name).map((t) => blindIndex(ring, 'household-name', t)),
        createdBy: scope.personId,
      },
      now,
    );
    if (request) await linkRequest(trx, scope.network.id, id, request.id, now);
    await audit(trx, deps.clock, {
      actor,
      action: 'household.created',
      networkId: scope.network.id,
      subject: { type: 'household', id },
      details: { code: hcode, request: request?.code ?? null },
    });
    return summary;
  });
}

/**
 * A phone is found by its last nine digits, so "555 010 9999" typed at the door finds
 * "+1 555 010 9999": people rarely say their country code to a neighbour.
 */
function phoneKey(deps: Pick<Deps, 'config'>, phone: string): string {
  return blindIndex(deps.config.keys, 'household-phone', phone.replace(/\D/g, '').slice(-9));
}

/** What was typed at the door, as a search: a code, a phone number, or words of a name. */
export function searchTerms(deps: Pick<Deps, 'config'>, query: string) {
  const ring = deps.config.keys;
  const code = parseCode(query);
  const phone = /\d{6,}/.test(query.replace(/\D/g, '')) ? normalisePhone(query) : null;
  const tokens = code || phone ? [] : nameTokens(query);
  return {
    code,
    phoneIndex: phone ? phoneKey(deps, phone) : null,
    nameTokens: tokens.map((t) => blindIndex(ring, 'household-name', t)),
  };
}

/** At most this many households per search: the door asks for one person, not a list. */
export const SEARCH_LIMIT = 8;

/**
 * The door's search. Each household found is opened through the privacy gate (an audit entry
 * per household shown), so the volunteer can greet the right person by name.
 */
export async function searchForCheckIn(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, query }: Ctx & { query: string },
): Promise<OpenedHousehold[]> {
  authorize(scope, 'goods.checkin');
  const q = query.trim();
  if (q.length < 2) return [];
  const found = await searchHouseholds(
    deps.db,
    scope.network.id,
    searchTerms(deps, q),
    SEARCH_LIMIT,
  );
  const out: OpenedHousehold[] = [];
  for (const h of found) {
    const opened = await revealHousehold(deps, { actor, scope, household: h, purpose: 'check-in' });
    out.push({ ...summaryOf(h), private: opened });
  }
  return out;
}

export async function browseHouseholds(
  deps: Pick<Deps, 'db'>,
  { scope, page }: { scope: NetworkScope; page: number },
) {
  authorize(scope, 'households.manage');
  return listHouseholds(deps.db, scope.network.id, page);
}

/** One household in full, for coordinators: opened through the gate, with its history. */
export async function householdDetail(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, householdId }: Ctx & { householdId: string },
): Promise<{
  household: OpenedHousehold;
  requestCodes: string[];
  wants: Want[];
  received: { itemId: string; quantity: number; at: string }[];
}> {
  authorize(scope, 'households.manage');
  const h = await findHousehold(deps.db, scope.network.id, householdId);
  if (!h) throw new AppError('NOT_FOUND');
  const opened = await revealHousehold(deps, { actor, scope, household: h, purpose: 'household' });
  const [requestCodes, wants, received] = await Promise.all([
    linkedRequestCodes(deps.db, scope.network.id, h.id),
    listWants(deps.db, scope.network.id, { householdId: h.id }),
    listReceived(deps.db, scope.network.id, [h.id], '0000'),
  ]);
  return { household: { ...summaryOf(h), private: opened }, requestCodes, wants, received };
}

export async function linkHouseholdRequest(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, householdId, requestCode }: Ctx & { householdId: string; requestCode: string },
): Promise<void> {
  authorize(scope, 'households.manage');
  const code = parseCode(requestCode);
  await deps.db.transaction().execute(async (trx) => {
    const h = await findHousehold(trx, scope.network.id, householdId);
    if (!h) throw new AppError('NOT_FOUND');
    const request = code ? await requestByCode(trx, scope.network.id, code) : null;
    if (!request)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        { requestCode: { key: 'goods.requestCodeUnknown' } },
      );
    await linkRequest(trx, scope.network.id, h.id, request.id, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'household.request_linked',
      networkId: scope.network.id,
      subject: { type: 'household', id: h.id },
      details: { request: request.code },
    });
  });
}

/** A household asks for an item (what an allocation round shares out when stock is short). */
export async function addWant(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    householdId,
    input,
  }: Ctx & { householdId: string; input: { itemId: string; quantity: number } },
): Promise<string> {
  authorize(scope, 'households.manage');
  const errors: FieldErrors = {};
  if (!Number.isSafeInteger(input.quantity) || input.quantity < 1 || input.quantity > QUANTITY_MAX)
    errors.quantity = { key: 'goods.quantityInvalid' };
  const item = await findItem(deps.db, scope.network.id, input.itemId);
  if (!item) errors.itemId = { key: 'field.choose' };
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    const h = await findHousehold(trx, scope.network.id, householdId);
    if (!h) throw new AppError('NOT_FOUND');
    await insertWant(
      trx,
      {
        id,
        networkId: scope.network.id,
        householdId,
        itemId: input.itemId,
        quantity: input.quantity,
      },
      isoNow(deps.clock),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'household.want_added',
      networkId: scope.network.id,
      subject: { type: 'household', id: householdId },
      details: { item: input.itemId, quantity: input.quantity },
    });
  });
  return id;
}
