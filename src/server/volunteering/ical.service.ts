import { ACTIVE_TASK_STATUSES } from '../../domain/requests/request-status.ts';
import { VISIBILITIES, visibleTo } from '../../domain/volunteering/events.ts';
import { calendar, type IcsEvent, rruleUntil } from '../../domain/volunteering/ical.ts';
import { translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY } from '../../shared/clock.ts';
import type { Deps } from '../core/deps.ts';
import { findNetworkBySlug } from '../core/network.repository.ts';
import type { Network } from '../core/network.ts';
import type { NetworkScope } from '../core/scope.ts';
import { listTaskRefsOf } from '../core/task.repository.ts';
import { listEvents, listSeries, type VolEvent } from './event.repository.ts';
import { listPersonShifts } from './signup.repository.ts';
import { checkFeedToken } from './wellbeing.service.ts';

// The iCalendar feeds (RFC 5545; ADR 0010): per network (public events, series as RRULEs),
// per event, and per person (their shifts and tasks) behind a private, resettable link.

/** Feeds reach back a month, so a calendar keeps what just happened. */
const FEED_PAST_DAYS = 31;

function eventUrl(deps: Pick<Deps, 'config'>, slug: string, id: string) {
  return `${deps.config.baseUrl}/n/${slug}/events/${id}`;
}

function uidOf(id: string, deps: Pick<Deps, 'config'>) {
  return `${id}@${new URL(deps.config.baseUrl).host}`;
}

/**
 * Events as VEVENTs: a series as one master with its RRULE (from its first occurrence);
 * occurrences changed or cancelled on their own as overrides (RECURRENCE-ID), cancelled ones
 * with STATUS:CANCELLED; one-off events as themselves.
 */
async function eventsAsIcs(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  network: Pick<Network, 'id' | 'slug' | 'timeZone'>,
  events: VolEvent[],
): Promise<IcsEvent[]> {
  const { id: networkId, slug, timeZone: tz } = network;
  const stamp = deps.clock.now().toISOString();
  const series = new Map((await listSeries(deps.db, networkId)).map((s) => [s.id, s]));
  const out: IcsEvent[] = [];
  const masters = new Set<string>();
  for (const e of events) {
    const s = e.seriesId ? series.get(e.seriesId) : undefined;
    const base = {
      summary: e.title,
      description: e.description || undefined,
      location: e.place || undefined,
      url: eventUrl(deps, slug, e.id),
      stamp,
      timeZone: tz,
      sequence: e.sequence,
    };
    if (!s) {
      out.push({
        ...base,
        uid: uidOf(e.id, deps),
        start: e.startsAt,
        end: e.endsAt,
        status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      });
      continue;
    }
    if (!masters.has(s.id)) {
      masters.add(s.id);
      // The master describes the rule; its own DTSTART is the series' first occurrence.
      const first = (
        await listEvents(deps.db, networkId, { visibilities: [...VISIBILITIES], seriesId: s.id })
      )[0];
      const start = first?.originalStart ?? e.originalStart ?? e.startsAt;
      const until = s.untilDate ? `;UNTIL=${rruleUntil(s.untilDate, s.timeZone)}` : '';
      out.push({
        ...base,
        // The rule repeats a wall-clock time in the zone the series was made in, which its
        // occurrences were computed in: not the network's zone of today, if that has changed.
        timeZone: s.timeZone,
        summary: s.title,
        description: s.description || undefined,
        location: s.place || undefined,
        url: `${deps.config.baseUrl}/n/${slug}/calendar`,
        uid: uidOf(s.id, deps),
        start,
        end: new Date(Date.parse(start) + s.durationMin * 60_000).toISOString(),
        rrule: `${s.rrule}${until}`,
        sequence: 0,
      });
    }
    if (e.detached || e.status === 'cancelled') {
      out.push({
        ...base,
        timeZone: s.timeZone,
        uid: uidOf(s.id, deps),
        start: e.startsAt,
        end: e.endsAt,
        recurrenceId: e.originalStart ?? e.startsAt,
        status: e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
      });
    }
  }
  return out;
}

/** The network's public events: anyone may subscribe. */
export async function networkFeed(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  slug: string,
): Promise<string> {
  const network = await findNetworkBySlug(deps.db, slug);
  if (!network) throw new AppError('NETWORK_NOT_FOUND', { slug });
  const from = new Date(deps.clock.now().getTime() - FEED_PAST_DAYS * DAY).toISOString();
  const events = await listEvents(deps.db, network.id, { from, visibilities: ['public'] });
  return calendar(network.name, await eventsAsIcs(deps, network, events));
}

/** One event the viewer may see, on its own (an occurrence, without its series). */
export async function eventFeed(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  { scope, eventId }: { scope: NetworkScope; eventId: string },
): Promise<string> {
  const [event] = await listEvents(deps.db, scope.network.id, {
    ids: [eventId],
    visibilities: visibleTo(scope.role),
  });
  if (!event) throw new AppError('NOT_FOUND');
  const ics = await eventsAsIcs(deps, scope.network, [{ ...event, seriesId: null }]);
  return calendar(event.title, ics);
}

/**
 * A person's own calendar: their shifts (waitlisted ones as tentative, those of cancelled
 * events as cancelled) and their open tasks as to-dos. Opened by the private link alone,
 * since calendar apps cannot sign in.
 */
export async function personFeed(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  { slug, personId, token }: { slug: string; personId: string; token: string },
): Promise<string> {
  const network = await findNetworkBySlug(deps.db, slug);
  if (!network || !(await checkFeedToken(deps, network.id, personId, token)))
    throw new AppError('NOT_FOUND');
  const t = translator(network.defaultLanguage === 'es' ? 'es' : 'en');
  const tz = network.timeZone;
  const from = new Date(deps.clock.now().getTime() - FEED_PAST_DAYS * DAY).toISOString();
  const stamp = deps.clock.now().toISOString();
  const [shifts, tasks] = await Promise.all([
    listPersonShifts(deps.db, network.id, personId, { from }),
    listTaskRefsOf(deps.db, network.id, personId, ACTIVE_TASK_STATUSES),
  ]);
  const events: IcsEvent[] = shifts.map((s) => ({
    uid: uidOf(s.signupId, deps),
    start: s.startsAt,
    end: s.endsAt,
    summary: `${s.title} · ${t(`vol.role.${s.role}` as 'vol.role.general')}`,
    location: s.place || undefined,
    url: eventUrl(deps, slug, s.eventId),
    status:
      s.eventStatus === 'cancelled'
        ? 'CANCELLED'
        : s.status === 'waitlisted'
          ? 'TENTATIVE'
          : 'CONFIRMED',
    timeZone: tz,
    stamp,
  }));
  const todos = tasks.map((r) => ({
    uid: uidOf(r.id, deps),
    summary: `${r.code} · ${t(`category.${r.category}` as 'category.other')}`,
    url: `${deps.config.baseUrl}/n/${slug}/tasks/${r.id}`,
    status: r.status === 'in_progress' ? ('IN-PROCESS' as const) : ('NEEDS-ACTION' as const),
    stamp,
  }));
  return calendar(`${network.name} · ${t('vol.myShifts')}`, events, todos);
}
