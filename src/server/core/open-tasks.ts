import type { LatLng } from '../../domain/geo/geo.ts';
import type { Urgency } from '../../domain/requests/categories.ts';
import type { RequestStatus } from '../../domain/requests/request-status.ts';
import type { Db } from '../db/database.ts';

/**
 * An open request as the volunteers' feed and matching read it: only what lists may show
 * (the 500 m cell, never the address), nothing sealed.
 */
export interface OpenTask {
  id: string;
  status: RequestStatus;
  category: string;
  urgency: Urgency;
  lat: number | null;
  lng: number | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * What services need of the open tasks kept in memory for the feed (a cache; the database is
 * the truth). `requests/open-task-index.ts#OpenTaskIndex` is the implementation.
 */
export interface OpenTasks {
  /** This process changed a request (created, moved, claimed…): re-read it on the next view. */
  touch(networkId: string, requestId: string): void;
  /** Every open task within `radiusKm` of `home`, or every open task when there is no home. */
  near(
    db: Db,
    networkId: string,
    home: LatLng | null,
    radiusKm: number,
  ): Promise<Array<{ c: OpenTask; km: number | null }>>;
}
