/**
 * The lookups other features make of a request, through requests rather than its
 * repository: goods links a household to a request by its code, SMS finds the request a
 * text names, printables read a volunteer's task to print it (opened by the privacy gate).
 * No authorisation here: each caller holds its own scope and decides what it may show.
 */
import type { Db } from '../db/database.ts';
import type { SealedPrivate } from '../privacy/request-private.ts';
import { findRequest, findRequestByCode } from './request.repository.ts';
import type { RequestSummary } from './request.types.ts';

/** A request of the network by its code (already normalised), or null. */
export async function requestByCode(
  db: Db,
  networkId: string,
  code: string,
): Promise<RequestSummary | null> {
  return (await findRequestByCode(db, networkId, code))?.summary ?? null;
}

/** A request of the network with its private part still sealed, or null. */
export async function sealedRequest(
  db: Db,
  networkId: string,
  requestId: string,
): Promise<{ summary: RequestSummary; sealed: SealedPrivate } | null> {
  const found = await findRequest(db, networkId, requestId);
  return found ? { summary: found.summary, sealed: found.sealed } : null;
}
