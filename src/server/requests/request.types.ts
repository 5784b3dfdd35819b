import type { LatLng } from '../../domain/geo/geo.ts';
import type { Urgency } from '../../domain/requests/categories.ts';
import type { CloseReason, RequestStatus } from '../../domain/requests/request-status.ts';

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
    | 'owner_set';
  fromStatus: string | null;
  toStatus: string | null;
  channel: string | null;
  outcome: string | null;
  followUp: boolean;
  /** Sealed note text; opened by the privacy gate for coordinators. */
  bodySealed: string | null;
  createdAt: string;
}
