import { type PublicCount, publicCount } from '../../domain/announcements/small-counts.ts';
import type { Deps } from '../deps.ts';
import { listAreas, type Network } from '../networks/network.repository.ts';
import type { Announcement } from './announcement.repository.ts';
import { publicAnnouncements } from './announcement.service.ts';
import { countOpenNeeds } from './board.repository.ts';

/** Public announcements on the board: the latest ten; older news has had its day. */
export const BOARD_ANNOUNCEMENTS = 10;

/** An event as the board shows it (filled in by the events feature). */
export interface PublicEvent {
  id: string;
  title: string;
  startsAt: string;
  place: string | null;
}

/**
 * Upcoming events that the network made public. The events feature is built on another
 * branch: it returns none until that is merged and wired here.
 */
export async function upcomingPublicEvents(
  _deps: Pick<Deps, 'db' | 'clock'>,
  _networkId: string,
): Promise<PublicEvent[]> {
  return [];
}

export interface Board {
  announcements: Announcement[];
  events: PublicEvent[];
  /** Every category the network offers, each with its count (small counts hidden). */
  byCategory: { category: string; count: PublicCount }[];
  /** Every area, then "no area given", each with its count (small counts hidden). */
  byArea: { area: string | null; count: PublicCount }[];
}

/**
 * The public community board of a network: what it chose to publish, and how many needs are
 * open by category and by area, with nothing that points at a person (see small-counts.ts).
 * Every category and area is listed, even with none, so "fewer than 3" does not tell
 * "none" from "one".
 */
export async function communityBoard(
  deps: Pick<Deps, 'db' | 'clock'>,
  network: Network,
): Promise<Board> {
  const [announcements, events, byCategory, byArea, areas] = await Promise.all([
    publicAnnouncements(deps, network.id, BOARD_ANNOUNCEMENTS),
    upcomingPublicEvents(deps, network.id),
    countOpenNeeds(deps.db, network.id, 'category'),
    countOpenNeeds(deps.db, network.id, 'area_id'),
    listAreas(deps.db, network.id),
  ]);
  const known = new Set(areas.map((a) => a.id));
  // Requests whose area was deleted since count with those that gave none.
  let noArea = 0;
  for (const [id, n] of byArea) if (id === null || !known.has(id)) noArea += n;
  return {
    announcements,
    events,
    byCategory: network.categories.map((c) => ({
      category: c,
      count: publicCount(byCategory.get(c) ?? 0),
    })),
    byArea: [
      ...areas.map((a) => ({ area: a.name, count: publicCount(byArea.get(a.id) ?? 0) })),
      { area: null, count: publicCount(noArea) },
    ],
  };
}
