import { atLeast, can } from '../../domain/access/roles.ts';
import { utcToLocal } from '../../domain/time/zoned-time.ts';
import { DAY } from '../../shared/clock.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { days } from '../goods/distribution.service.ts';
import { networkMessages } from '../outbox/outbox-admin.service.ts';
import { type QueueItem, type QueueQuery, queueTable } from '../requests/request-queue.service.ts';
import { calendarEntries } from '../volunteering/event-view.service.ts';

/** How far ahead the overview looks for shifts that still need people. */
export const SHIFT_HORIZON_DAYS = 7;
/** At most this many shifts are listed by name; the count says the rest. */
const SHIFTS_LISTED = 5;

export interface Overview {
  newUnassigned: number;
  urgentUnassigned: number;
  followUps: number;
  longestWaiting: QueueItem | null;
  /** Today's distribution days (in the network's time zone), with their check-ins. */
  today: { id: string; siteName: string; checkIns: number }[] | null;
  shifts: { eventId: string; title: string; startsAt: string; free: number }[] | null;
  shiftsWithPlaces: number;
  /** Failed or still-waiting messages; null when the role may not see them. */
  undelivered: number | null;
}

/**
 * The network's start page: the areas for everyone, and for coordinators what needs doing,
 * each read through the owning feature's service (the queue's filters, the distribution days,
 * the calendar, the outbox), so the overview counts exactly what the linked page lists.
 */
export async function startPage(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, lang }: { actor: Actor; scope: NetworkScope; lang: string },
): Promise<{ areas: Area[]; overview: Overview | null }> {
  const areas = await listAreas(deps.db, scope.network.id);
  if (!atLeast(scope.role, 'coordinator')) return { areas, overview: null };
  return { areas, overview: await overviewOf(deps, actor, scope, lang) };
}

async function overviewOf(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  actor: Actor,
  scope: NetworkScope,
  lang: string,
): Promise<Overview> {
  const base: QueueQuery = { sort: 'priority', descending: false, page: 1 };
  const count = async (q: Partial<QueueQuery>) =>
    (await queueTable(deps, { actor, scope, query: { ...base, ...q }, lang, excerpts: false }))
      .total;
  const now = deps.clock.now();
  const [newUnassigned, critical, high, followUps, waiting] = await Promise.all([
    count({ status: 'new', owner: 'none' }),
    count({ urgency: 'critical', owner: 'none' }),
    count({ urgency: 'high', owner: 'none' }),
    count({ followUp: true }),
    queueTable(deps, {
      actor,
      scope,
      query: { ...base, sort: 'waited', descending: true },
      lang,
      excerpts: false,
    }),
  ]);
  const todayLocal = utcToLocal(now, scope.network.timeZone).date;
  const today = can(scope.role, 'goods.view')
    ? (await days(deps, { scope }))
        .filter((d) => d.day === todayLocal)
        .map((d) => ({ id: d.id, siteName: d.siteName, checkIns: d.checkIns }))
    : null;
  const entries = await calendarEntries(deps, {
    scope,
    from: now.toISOString(),
    to: new Date(now.getTime() + SHIFT_HORIZON_DAYS * DAY).toISOString(),
  });
  const open = entries
    .flatMap((e) =>
      e.shifts.map((s) => ({
        eventId: e.event.id,
        title: e.event.title,
        startsAt: s.startsAt,
        free: Math.max(0, s.slots - s.confirmed),
      })),
    )
    .filter((s) => s.free > 0 && s.startsAt >= now.toISOString())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const undelivered = can(scope.role, 'messages.manage')
    ? (await networkMessages(deps, { scope })).undelivered.length
    : null;
  return {
    newUnassigned,
    urgentUnassigned: critical + high,
    followUps,
    longestWaiting: waiting.items[0] ?? null,
    today,
    shifts: open.slice(0, SHIFTS_LISTED),
    shiftsWithPlaces: open.length,
    undelivered,
  };
}
