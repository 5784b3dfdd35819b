import type { RequestStatus } from '../../domain/requests/request-status.ts';

/**
 * What of a request is private, as the privacy gate seals and opens it. Declared here, below
 * requests (which re-exports these from request.types.ts), so the gate needs nothing of the
 * requests folder.
 */

/** The personal part, only ever in the clear inside the privacy gate and its callers. */
export interface RequestPrivate {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  details: string | null;
  accessibility: string | null;
}

export const PRIVATE_FIELDS = [
  'name',
  'phone',
  'email',
  'address',
  'details',
  'accessibility',
] as const;
export type PrivateField = (typeof PRIVATE_FIELDS)[number];
/** The same, sealed: ciphertext as stored. */
export type SealedPrivate = Record<PrivateField, string | null>;

/** What the gate reads of a request to decide who may see its private part (a RequestSummary is one). */
export interface GuardedRequest {
  id: string;
  networkId: string;
  code: string;
  status: RequestStatus;
  volunteerId: string | null;
  redacted: boolean;
}
