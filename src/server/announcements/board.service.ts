import { type PublicCount, publicCount } from '../../domain/announcements/small-counts.ts';
import { DAY } from '../../shared/clock.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import type { Network } from '../core/network.ts';
import { publicEvents } from '../volunteering/event-view.service.ts';
import { listPublicMilestones, type PublicMilestone } from '../volunteering/wellbeing.service.ts';
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

/** How far ahead the board lists public events, and how many. */
const EVENTS_AHEAD_DAYS = 60;
const BOARD_EVENTS = 10;

/** Upcoming events the network made public (not cancelled), soonest first. */
export async function upcomingPublicEvents(
  deps: Pick<Deps, 'db' | 'clock'>,
  networkId: string,
): Promise<PublicEvent[]> {
  const now = deps.clock.now();
  const events = await publicEvents(deps, networkId, {
    from: now.toISOString(),
    to: new Date(now.getTime() + EVENTS_AHEAD_DAYS * DAY).toISOString(),
  });
  return events
    .filter((e) => e.status === 'scheduled')
    .slice(0, BOARD_EVENTS)
    .map((e) => ({ id: e.id, title: e.title, startsAt: e.startsAt, place: e.place || null }));
}

export interface Board {
  announcements: Announcement[];
  events: PublicEvent[];
  /** Milestones of the volunteers who chose to celebrate them, under their chosen name. */
  milestones: PublicMilestone[];
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
  const [announcements, events, milestones, byCategory, byArea, areas] = await Promise.all([
    publicAnnouncements(deps, network.id, BOARD_ANNOUNCEMENTS),
    upcomingPublicEvents(deps, network.id),
    listPublicMilestones(deps, network.id),
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
    milestones,
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
