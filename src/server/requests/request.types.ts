import type { LatLng } from '../../domain/geo/geo.ts';
import type { Urgency } from '../../domain/requests/categories.ts';
import type { CloseReason, RequestStatus } from '../../domain/requests/request-status.ts';
import type { SealedPrivate } from '../privacy/request-private.ts';

export const CHANNELS = ['web', 'phone', 'api', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * A request as lists, feeds and maps may show it: what, how urgent, roughly where (an area,
 * a 500 m cell), when. No name, no contact, no address, no free text.
 */
export interface RequestSummary {
  id: string;
  networkId: string;
  code: string;
  status: RequestStatus;
  closeReason: CloseReason | null;
  channel: Channel;
  category: string;
  urgency: Urgency;
  householdSize: number;
  areaId: string | null;
  areaName: string | null;
  approx: LatLng | null;
  slots: number;
  language: string;
  languageRequired: boolean;
  needsCar: boolean;
  duplicateOf: string | null;
  duplicateFlag: boolean;
  /** Taken past the network's hourly number for its address: a coordinator should check it. */
  manyFromAddress: boolean;
  volunteerId: string | null;
  hours: number | null;
  createdAt: string;
  closedAt: string | null;
  redacted: boolean;
}

// The private part of a request is declared beside the privacy gate, which needs nothing else
// of requests; these names stay importable from here.
export {
  PRIVATE_FIELDS,
  type PrivateField,
  type RequestPrivate,
  type SealedPrivate,
} from '../privacy/request-private.ts';

export interface RequestEvent {
  id: string;
  actorId: string | null;
  actorName: string | null;
  kind:
    | 'created'
    | 'status'
    | 'communication'
    | 'duplicate'
    | 'assigned'
    | 'feedback'
    | 'redacted'
    | 'urgency_set'
    | 'area_set'
    | 'owner_set'
    | 'fields_edited'
    | 'internal_note';
  fromStatus: string | null;
  toStatus: string | null;
  channel: string | null;
  outcome: string | null;
  followUp: boolean;
  /** Sealed note text; opened by the privacy gate for coordinators. */
  bodySealed: string | null;
  createdAt: string;
}

/**
 * A request as intake files it; the repository stores it as new, unassigned and not (yet)
 * linked to a duplicate.
 */
export interface NewRequest {
  id: string;
  networkId: string;
  code: string;
  channel: Channel;
  category: string;
  urgency: Urgency;
  householdSize: number;
  areaId: string | null;
  /** Already rounded to its 500 m cell. */
  approx: LatLng | null;
  slots: number;
  language: string;
  languageRequired: boolean;
  needsCar: boolean;
  /** The personal part, sealed by the privacy gate. */
  sealed: SealedPrivate;
  /** Blind indexes of the normalised phone and email: duplicates, texts, search. */
  index: { phone: string | null; email: string | null };
  consentAt: string;
  statusTokenHash: string;
  requesterId: string | null;
  enteredBy: string | null;
  manyFromAddress: boolean;
  createdAt: string;
}

/** What a status move writes; a field left out keeps its value. */
export interface StatusChange {
  status?: RequestStatus;
  closeReason?: CloseReason | null;
  closedAt?: string | null;
  volunteerId?: string | null;
  hours?: number | null;
  updatedAt: string;
}

/** One line of a request's log as it is written. */
export interface NewRequestEvent {
  id: string;
  requestId: string;
  actorId: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  channel: string | null;
  outcome: string | null;
  followUp: boolean;
  /** Sealed note text. */
  bodySealed: string | null;
  createdAt: string;
}

/** A requester's feedback on a fulfilled request, as it is written. */
export interface NewFeedback {
  id: string;
  requestId: string;
  outcome: string;
  rating: number | null;
  /** Sealed comment. */
  commentSealed: string | null;
  createdAt: string;
}
