/** Reading events for the calendar and an event's page: each with its shifts and who signed up. */
import { can } from '../../domain/access/roles.ts';
import { type EventKind, type ShiftRole, visibleTo } from '../../domain/volunteering/events.ts';
import { AppError } from '../../shared/app-error.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import {
  eventIdOf,
  findEvent,
  findSeries,
  listEvents,
  listShifts,
  placeClashes,
  type Shift,
  type VolEvent,
} from './event.repository.ts';
import { listSignups, type Signup } from './signup.repository.ts';
import { listTrainings, type Training } from './training.repository.ts';

export interface ShiftView extends Shift {
  confirmed: number;
  waitlisted: number;
  /** The viewer's own sign-up, if any (not cancelled). */
  mine: Signup | null;
  /** Names, for coordinators only. */
  signups: Signup[] | null;
}

export interface CalendarEntry {
  event: VolEvent;
  shifts: ShiftView[];
}

async function withShifts(
  db: Db,
  scope: NetworkScope,
  events: VolEvent[],
): Promise<CalendarEntry[]> {
  const shifts = await listShifts(
    db,
    scope.network.id,
    events.map((e) => e.id),
  );
  const signups = await listSignups(
    db,
    scope.network.id,
    shifts.map((s) => s.id),
  );
  const manager = can(scope.role, 'events.manage');
  return events.map((event) => ({
    event,
    shifts: shifts
      .filter((s) => s.eventId === event.id)
      .map((s) => {
        const of = signups.filter((x) => x.shiftId === s.id && x.status !== 'cancelled');
        return {
          ...s,
          confirmed: of.filter((x) => x.status === 'confirmed').length,
          waitlisted: of.filter((x) => x.status === 'waitlisted').length,
          mine: of.find((x) => x.personId === scope.personId) ?? null,
          signups: manager ? signups.filter((x) => x.shiftId === s.id) : null,
        };
      }),
  }));
}

/** Events the viewer may see between two instants, with filters, and their shifts. */
export async function calendarEntries(
  deps: Pick<Deps, 'db'>,
  {
    scope,
    from,
    to,
    kind,
    areaId,
    role,
  }: {
    scope: NetworkScope;
    from: string;
    to: string;
    kind?: EventKind | undefined;
    areaId?: string | undefined;
    role?: ShiftRole | undefined;
  },
): Promise<CalendarEntry[]> {
  const events = await listEvents(deps.db, scope.network.id, {
    from,
    to,
    kind,
    areaId,
    visibilities: visibleTo(scope.role),
  });
  const entries = await withShifts(deps.db, scope, events);
  return role ? entries.filter((e) => e.shifts.some((s) => s.role === role)) : entries;
}

/** One event as the viewer may see it, with clashes at its place for coordinators. */
export async function eventDetail(
  deps: Pick<Deps, 'db'>,
  { scope, eventId }: { scope: NetworkScope; eventId: string },
) {
  const event = await findEvent(deps.db, scope.network.id, eventId);
  if (!event || !visibleTo(scope.role).includes(event.visibility)) throw new AppError('NOT_FOUND');
  const [entry] = await withShifts(deps.db, scope, [event]);
  const clashes = can(scope.role, 'events.manage')
    ? await placeClashes(deps.db, scope.network.id, event)
    : [];
  const series = event.seriesId
    ? await findSeries(deps.db, scope.network.id, event.seriesId)
    : null;
  return { ...entry!, clashes, series, timeZone: scope.network.timeZone };
}

/** The network's public events in [from, to), cancelled ones too (the community board). */
export async function publicEvents(
  deps: Pick<Deps, 'db'>,
  networkId: string,
  range: { from: string; to: string },
): Promise<VolEvent[]> {
  return listEvents(deps.db, networkId, { ...range, visibilities: ['public'] });
}

/** The event a shift or a sign-up of this network belongs to (null: none of this network's). */
export function eventOf(
  deps: Deps,
  { scope, of }: { scope: NetworkScope; of: { shiftId: string } | { signupId: string } },
): Promise<string | null> {
  return eventIdOf(deps.db, scope.network.id, of);
}

/** What the event form offers to choose from: the network's areas and its trainings. */
export async function eventFormChoices(
  deps: Deps,
  { scope }: { scope: NetworkScope },
): Promise<{ areas: Area[]; trainings: Training[] }> {
  const [areas, trainings] = await Promise.all([
    listAreas(deps.db, scope.network.id),
    listTrainings(deps.db, scope.network.id),
  ]);
  return { areas, trainings };
}

/** The areas the calendar can be filtered by. */
export function calendarAreas(deps: Deps, { scope }: { scope: NetworkScope }): Promise<Area[]> {
  return listAreas(deps.db, scope.network.id);
}
