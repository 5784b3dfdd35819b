import type { EventKind, ShiftRole, Visibility } from '../../domain/volunteering/events.ts';
import type { AreaRef } from '../core/area.ts';
import type { Db } from '../db/database.ts';

export interface ShiftTemplate {
  role: ShiftRole;
  slots: number;
  /** Minutes after the event's start, and length. */
  offsetMin: number;
  durationMin: number;
}

export interface EventFields {
  kind: EventKind;
  title: string;
  description: string;
  place: string;
  areaId: string | null;
  visibility: Visibility;
  trainingId: string | null;
}

export interface Series extends Omit<EventFields, 'trainingId'> {
  id: string;
  networkId: string;
  rrule: string;
  startDate: string;
  untilDate: string | null;
  startTime: string;
  durationMin: number;
  timeZone: string;
  shifts: ShiftTemplate[];
  createdAt: string;
}

export interface VolEvent extends EventFields {
  id: string;
  networkId: string;
  seriesId: string | null;
  occurrenceDate: string | null;
  originalStart: string | null;
  detached: boolean;
  area: AreaRef | null;
  startsAt: string;
  endsAt: string;
  status: 'scheduled' | 'cancelled';
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

export interface Shift {
  id: string;
  eventId: string;
  role: ShiftRole;
  slots: number;
  startsAt: string;
  endsAt: string;
}

export async function insertSeries(db: Db, s: Series, now: string): Promise<void> {
  await db
    .insertInto('vol_series')
    .values({
      id: s.id,
      network_id: s.networkId,
      rrule: s.rrule,
      start_date: s.startDate,
      until_date: s.untilDate,
      start_time: s.startTime,
      duration_min: s.durationMin,
      time_zone: s.timeZone,
      kind: s.kind,
      title: s.title,
      description: s.description,
      place: s.place,
      area_id: s.areaId,
      visibility: s.visibility,
      shift_template: JSON.stringify(s.shifts),
      created_at: now,
      updated_at: now,
    })
    .execute();
}

export async function findSeries(db: Db, networkId: string, id: string): Promise<Series | null> {
  const r = await db
    .selectFrom('vol_series')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    networkId: r.network_id,
    rrule: r.rrule,
    startDate: r.start_date,
    untilDate: r.until_date,
    startTime: r.start_time,
    durationMin: Number(r.duration_min),
    timeZone: r.time_zone,
    kind: r.kind as EventKind,
    title: r.title,
    description: r.description,
    place: r.place,
    areaId: r.area_id,
    visibility: r.visibility as Visibility,
    shifts: JSON.parse(r.shift_template) as ShiftTemplate[],
    createdAt: r.created_at,
  };
}

export async function listSeries(db: Db, networkId: string): Promise<Series[]> {
  const ids = await db
    .selectFrom('vol_series')
    .select('id')
    .where('network_id', '=', networkId)
    .execute();
  const out: Series[] = [];
  for (const { id } of ids) {
    const s = await findSeries(db, networkId, id);
    if (s) out.push(s);
  }
  return out;
}

export async function endSeries(
  db: Db,
  networkId: string,
  id: string,
  untilDate: string,
  now: string,
): Promise<void> {
  await db
    .updateTable('vol_series')
    .set({ until_date: untilDate, updated_at: now })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
}

export interface NewEvent extends EventFields {
  id: string;
  networkId: string;
  seriesId: string | null;
  occurrenceDate: string | null;
  originalStart: string | null;
  startsAt: string;
  endsAt: string;
}

export async function insertEvent(db: Db, e: NewEvent, now: string): Promise<void> {
  await db
    .insertInto('vol_events')
    .values({
      id: e.id,
      network_id: e.networkId,
      series_id: e.seriesId,
      occurrence_date: e.occurrenceDate,
      original_start: e.originalStart,
      detached: 0,
      kind: e.kind,
      title: e.title,
      description: e.description,
      place: e.place,
      area_id: e.areaId,
      visibility: e.visibility,
      training_id: e.trainingId,
      starts_at: e.startsAt,
      ends_at: e.endsAt,
      status: 'scheduled',
      sequence: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

/** The dates a series already has an occurrence on (made, moved or cancelled). */
export async function occurrenceDatesOf(db: Db, seriesId: string): Promise<Set<string | null>> {
  const rows = await db
    .selectFrom('vol_events')
    .select('occurrence_date')
    .where('series_id', '=', seriesId)
    .execute();
  return new Set(rows.map((r) => r.occurrence_date));
}

function events(db: Db, networkId: string) {
  return db
    .selectFrom('vol_events')
    .leftJoin('areas', 'areas.id', 'vol_events.area_id')
    .selectAll('vol_events')
    .select('areas.name as area_name')
    .where('vol_events.network_id', '=', networkId);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof events>['executeTakeFirstOrThrow']>>;

function eventFromRow(r: EventRow): VolEvent {
  return {
    id: r.id,
    networkId: r.network_id,
    seriesId: r.series_id,
    occurrenceDate: r.occurrence_date,
    originalStart: r.original_start,
    detached: Number(r.detached) === 1,
    kind: r.kind as EventKind,
    title: r.title,
    description: r.description,
    place: r.place,
    areaId: r.area_id,
    area: r.area_id && r.area_name ? { id: r.area_id, name: r.area_name } : null,
    visibility: r.visibility as Visibility,
    trainingId: r.training_id,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    sequence: Number(r.sequence),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findEvent(db: Db, networkId: string, id: string): Promise<VolEvent | null> {
  const r = await events(db, networkId).where('vol_events.id', '=', id).executeTakeFirst();
  return r ? eventFromRow(r) : null;
}

/** A calendar page holds at most this many events (a month of a busy network). */
export const CALENDAR_LIMIT = 500;

export async function listEvents(
  db: Db,
  networkId: string,
  f: {
    from?: string | undefined;
    to?: string | undefined;
    visibilities: readonly Visibility[];
    kind?: EventKind | undefined;
    areaId?: string | undefined;
    seriesId?: string | undefined;
    ids?: readonly string[] | undefined;
  },
): Promise<VolEvent[]> {
  if (f.visibilities.length === 0 || (f.ids && f.ids.length === 0)) return [];
  let q = events(db, networkId).where('vol_events.visibility', 'in', [...f.visibilities]);
  if (f.from) q = q.where('vol_events.ends_at', '>', f.from);
  if (f.to) q = q.where('vol_events.starts_at', '<', f.to);
  if (f.kind) q = q.where('vol_events.kind', '=', f.kind);
  if (f.areaId) q = q.where('vol_events.area_id', '=', f.areaId);
  if (f.seriesId) q = q.where('vol_events.series_id', '=', f.seriesId);
  if (f.ids) q = q.where('vol_events.id', 'in', [...f.ids]);
  const rows = await q.orderBy('vol_events.starts_at').limit(CALENDAR_LIMIT).execute();
  return rows.map(eventFromRow);
}

export async function updateEvent(
  db: Db,
  networkId: string,
  id: string,
  set: Partial<EventFields> & {
    startsAt?: string;
    endsAt?: string;
    status?: 'scheduled' | 'cancelled';
    seriesId?: string | null;
    detached?: boolean;
    /** The start the occurrence had in its series' rule (an override's RECURRENCE-ID). */
    originalStart?: string;
  },
  now: string,
): Promise<void> {
  await db
    .updateTable('vol_events')
    .set((eb) => ({
      ...(set.kind !== undefined ? { kind: set.kind } : {}),
      ...(set.title !== undefined ? { title: set.title } : {}),
      ...(set.description !== undefined ? { description: set.description } : {}),
      ...(set.place !== undefined ? { place: set.place } : {}),
      ...(set.areaId !== undefined ? { area_id: set.areaId } : {}),
      ...(set.visibility !== undefined ? { visibility: set.visibility } : {}),
      ...(set.trainingId !== undefined ? { training_id: set.trainingId } : {}),
      ...(set.startsAt !== undefined ? { starts_at: set.startsAt } : {}),
      ...(set.endsAt !== undefined ? { ends_at: set.endsAt } : {}),
      ...(set.status !== undefined ? { status: set.status } : {}),
      ...(set.seriesId !== undefined ? { series_id: set.seriesId } : {}),
      ...(set.detached !== undefined ? { detached: set.detached ? 1 : 0 } : {}),
      ...(set.originalStart !== undefined ? { original_start: set.originalStart } : {}),
      sequence: eb('sequence', '+', 1),
      updated_at: now,
    }))
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .execute();
}

export async function insertShift(
  db: Db,
  s: Shift & { networkId: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('vol_shifts')
    .values({
      id: s.id,
      network_id: s.networkId,
      event_id: s.eventId,
      role: s.role,
      slots: s.slots,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      created_at: now,
      updated_at: now,
    })
    .execute();
}

function shiftFromRow(r: {
  id: string;
  event_id: string;
  role: string;
  slots: number;
  starts_at: string;
  ends_at: string;
}): Shift {
  return {
    id: r.id,
    eventId: r.event_id,
    role: r.role as ShiftRole,
    slots: Number(r.slots),
    startsAt: r.starts_at,
    endsAt: r.ends_at,
  };
}

export async function listShifts(
  db: Db,
  networkId: string,
  eventIds: readonly string[],
): Promise<Shift[]> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .selectFrom('vol_shifts')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('event_id', 'in', [...eventIds])
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map(shiftFromRow);
}

export async function findShift(db: Db, networkId: string, id: string): Promise<Shift | null> {
  const r = await db
    .selectFrom('vol_shifts')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? shiftFromRow(r) : null;
}

/** Moves every shift of an event by `deltaMs` (the event's time changed). */
export async function moveShifts(
  db: Db,
  networkId: string,
  eventId: string,
  deltaMs: number,
  now: string,
): Promise<void> {
  if (deltaMs === 0) return;
  for (const s of await listShifts(db, networkId, [eventId])) {
    await db
      .updateTable('vol_shifts')
      .set({
        starts_at: new Date(Date.parse(s.startsAt) + deltaMs).toISOString(),
        ends_at: new Date(Date.parse(s.endsAt) + deltaMs).toISOString(),
        updated_at: now,
      })
      .where('id', '=', s.id)
      .execute();
  }
}

/**
 * Takes the shift's row lock (PostgreSQL: a write lock held to the end of the transaction;
 * SQLite: the write lock on the database), so two sign-ups for the same shift run one after
 * the other and the second counts the first. Returns false when there is no such shift.
 */
export async function lockShift(db: Db, networkId: string, id: string, now: string) {
  const res = await db
    .updateTable('vol_shifts')
    .set({ updated_at: now })
    .where('network_id', '=', networkId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Other scheduled events at the same place that overlap in time: a double booking. */
export async function placeClashes(
  db: Db,
  networkId: string,
  e: { id: string; place: string; startsAt: string; endsAt: string },
): Promise<{ id: string; title: string; startsAt: string }[]> {
  const place = e.place.trim().toLowerCase();
  if (!place) return [];
  const rows = await db
    .selectFrom('vol_events')
    .select(['id', 'title', 'starts_at', 'place'])
    .where('network_id', '=', networkId)
    .where('status', '=', 'scheduled')
    .where('id', '!=', e.id)
    .where('starts_at', '<', e.endsAt)
    .where('ends_at', '>', e.startsAt)
    .limit(50)
    .execute();
  return rows
    .filter((r) => r.place.trim().toLowerCase() === place)
    .map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at }));
}

/** The event a shift, or a sign-up, belongs to (for pages that come back to it). */
export async function eventIdOf(
  db: Db,
  networkId: string,
  of: { shiftId: string } | { signupId: string },
): Promise<string | null> {
  let q = db
    .selectFrom('vol_shifts')
    .select('vol_shifts.event_id')
    .where('vol_shifts.network_id', '=', networkId);
  q =
    'shiftId' in of
      ? q.where('vol_shifts.id', '=', of.shiftId)
      : q.where(
          'vol_shifts.id',
          'in',
          db.selectFrom('vol_signups').select('shift_id').where('id', '=', of.signupId),
        );
  return (await q.executeTakeFirst())?.event_id ?? null;
}
