import { addDays, isDate, isTime, utcToLocal, zonedToUtc } from '../../domain/time/zoned-time.ts';
import {
  EVENT_KINDS,
  type EventKind,
  SHIFT_ROLES,
  type ShiftRole,
  VISIBILITIES,
  type Visibility,
} from '../../domain/volunteering/events.ts';
import {
  MAX_OCCURRENCES,
  occurrences,
  parseRRule,
  type Recurrence,
  toRRule,
  WEEKDAYS,
  type Weekday,
} from '../../domain/volunteering/recurrence.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import {
  type EventFields,
  endSeries,
  findEvent,
  findSeries,
  insertEvent,
  insertSeries,
  insertShift,
  listEvents,
  moveShifts,
  occurrenceDatesOf,
  type Series,
  type Shift,
  type ShiftTemplate,
  updateEvent,
  type VolEvent,
} from './event.repository.ts';
import { listTrainings } from './training.repository.ts';

export const TITLE_MAX = 120;
export const TEXT_MAX = 2000;
export const PLACE_MAX = 200;
export const SLOTS_MAX = 200;
/** Occurrences are made this far ahead; the reminder job extends series as time passes. */
export const HORIZON_DAYS = 182;

export interface EventInput {
  kind: string;
  title: string;
  description?: string | undefined;
  place?: string | undefined;
  areaId?: string | undefined;
  visibility: string;
  trainingId?: string | undefined;
  date: string;
  startTime: string;
  endTime: string;
  /** 'none', 'weekly' or 'monthly'. */
  repeat?: string | undefined;
  weekdays?: string[] | undefined;
  interval?: number | undefined;
  /** For monthly: 1..4 or -1 (last). */
  nth?: number | undefined;
  until?: string | undefined;
  role?: string | undefined;
  slots?: number | undefined;
}

function fieldsOf(input: EventInput, errors: FieldErrors): EventFields {
  const title = input.title.trim();
  if (!title) errors.title = { key: 'field.required' };
  else if (title.length > TITLE_MAX)
    errors.title = { key: 'field.tooLong', params: { max: TITLE_MAX } };
  if (!(EVENT_KINDS as readonly string[]).includes(input.kind))
    errors.kind = { key: 'field.choose' };
  if (!(VISIBILITIES as readonly string[]).includes(input.visibility))
    errors.visibility = { key: 'field.choose' };
  if ((input.description ?? '').length > TEXT_MAX)
    errors.description = { key: 'field.tooLong', params: { max: TEXT_MAX } };
  if ((input.place ?? '').length > PLACE_MAX)
    errors.place = { key: 'field.tooLong', params: { max: PLACE_MAX } };
  return {
    kind: input.kind as EventKind,
    title,
    description: (input.description ?? '').trim(),
    place: (input.place ?? '').trim(),
    areaId: input.areaId || null,
    visibility: input.visibility as Visibility,
    trainingId: input.trainingId || null,
  };
}

function durationOf(input: { startTime: string; endTime: string }, errors: FieldErrors): number {
  if (!isTime(input.startTime)) errors.startTime = { key: 'vol.timeInvalid' };
  if (!isTime(input.endTime)) errors.endTime = { key: 'vol.timeInvalid' };
  if (errors.startTime || errors.endTime) return 0;
  const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  let d = toMin(input.endTime) - toMin(input.startTime);
  if (d <= 0) d += 1440; // ends after midnight
  return d;
}

function recurrenceOf(input: EventInput, errors: FieldErrors): Recurrence | null {
  if (!input.repeat || input.repeat === 'none') return null;
  if (input.repeat === 'weekly') {
    const days = (input.weekdays ?? []).filter((d): d is Weekday =>
      (WEEKDAYS as readonly string[]).includes(d),
    );
    if (days.length === 0) errors.weekdays = { key: 'vol.weekdaysRequired' };
    const interval = input.interval ?? 1;
    return { freq: 'weekly', interval: interval >= 1 && interval <= 4 ? interval : 1, days };
  }
  if (input.repeat === 'monthly') {
    const nth = input.nth ?? 1;
    if (![1, 2, 3, 4, -1].includes(nth)) errors.nth = { key: 'field.choose' };
    // The weekday is the one of the first date.
    const day = WEEKDAYS[(new Date(`${input.date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
    return { freq: 'monthly', nth: nth as 1 | 2 | 3 | 4 | -1, day };
  }
  errors.repeat = { key: 'field.choose' };
  return null;
}

/** What an event points at must be of its own network, and exist: else a field error. */
async function checkRefs(db: Db, networkId: string, f: EventFields): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  if (f.areaId && !(await listAreas(db, networkId)).some((a) => a.id === f.areaId))
    errors.areaId = { key: 'field.choose' };
  if (f.trainingId && !(await listTrainings(db, networkId)).some((t) => t.id === f.trainingId))
    errors.trainingId = { key: 'field.choose' };
  return errors;
}

function shiftsFor(start: Date, templates: ShiftTemplate[], eventId: string, networkId: string) {
  return templates.map((s) => {
    const from = new Date(start.getTime() + s.offsetMin * 60_000);
    return {
      id: newId(),
      networkId,
      eventId,
      role: s.role,
      slots: s.slots,
      startsAt: from.toISOString(),
      endsAt: new Date(from.getTime() + s.durationMin * 60_000).toISOString(),
    };
  });
}

/** Makes the occurrences of a series in [from, until] that do not exist yet. */
export async function materialise(
  db: Db,
  series: Series,
  from: string,
  until: string,
  now: string,
): Promise<string[]> {
  const rule = parseRRule(series.rrule);
  if (!rule) return [];
  const last = series.untilDate && series.untilDate < until ? series.untilDate : until;
  const start = from > series.startDate ? from : series.startDate;
  // Count weekly intervals from the series' first week, not from `from`; the cap counts only
  // the dates from `start` on.
  const dates = occurrences(rule, series.startDate, last, MAX_OCCURRENCES, start);
  const existing = await occurrenceDatesOf(db, series.id);
  const made: string[] = [];
  for (const date of dates) {
    if (existing.has(date)) continue;
    const startsAt = zonedToUtc(date, series.startTime, series.timeZone);
    const id = newId();
    await insertEvent(
      db,
      {
        id,
        networkId: series.networkId,
        seriesId: series.id,
        occurrenceDate: date,
        originalStart: startsAt.toISOString(),
        kind: series.kind,
        title: series.title,
        description: series.description,
        place: series.place,
        areaId: series.areaId,
        visibility: series.visibility,
        trainingId: null,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + series.durationMin * 60_000).toISOString(),
      },
      now,
    );
    for (const s of shiftsFor(startsAt, series.shifts, id, series.networkId))
      await insertShift(db, s, now);
    made.push(id);
  }
  return made;
}

/**
 * A coordinator creates an event, or a recurring series of them (its occurrences are made
 * half a year ahead), with one shift of `slots` people in `role` covering the event.
 */
export async function createEvent(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, input }: { actor: Actor; scope: NetworkScope; input: EventInput },
): Promise<{ event: VolEvent; count: number }> {
  authorize(scope, 'events.manage');
  const errors: FieldErrors = {};
  const fields = fieldsOf(input, errors);
  if (!isDate(input.date)) errors.date = { key: 'vol.dateInvalid' };
  const durationMin = durationOf(input, errors);
  const rule = recurrenceOf(input, errors);
  if (input.until && !isDate(input.until)) errors.until = { key: 'vol.dateInvalid' };
  else if (input.until && input.until < input.date) errors.until = { key: 'vol.untilBeforeStart' };
  const role = (input.role || 'general') as ShiftRole;
  if (!SHIFT_ROLES.includes(role)) errors.role = { key: 'field.choose' };
  const slots = input.slots ?? 1;
  if (!(Number.isInteger(slots) && slots >= 1 && slots <= SLOTS_MAX))
    errors.slots = { key: 'vol.slotsInvalid', params: { max: SLOTS_MAX } };
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const refErrors = await checkRefs(trx, scope.network.id, fields);
    if (Object.keys(refErrors).length > 0) throw new AppError('VALIDATION_FAILED', {}, refErrors);
    const tz = scope.network.timeZone;
    const template: ShiftTemplate[] = [{ role, slots, offsetMin: 0, durationMin }];
    let ids: string[];
    if (rule) {
      const first = occurrences(rule, input.date, input.until || addDays(input.date, 3660), 1)[0];
      if (!first)
        throw new AppError('VALIDATION_FAILED', {}, { until: { key: 'vol.noOccurrence' } });
      const series: Series = {
        id: newId(),
        networkId: scope.network.id,
        rrule: toRRule(rule),
        startDate: first,
        untilDate: input.until || null,
        startTime: input.startTime,
        durationMin,
        timeZone: tz,
        shifts: template,
        createdAt: now,
        ...fields,
      };
      await insertSeries(trx, series, now);
      const today = utcToLocal(deps.clock.now(), tz).date;
      ids = await materialise(
        trx,
        series,
        first,
        addDays(today > first ? today : first, HORIZON_DAYS),
        now,
      );
    } else {
      const startsAt = zonedToUtc(input.date, input.startTime, tz);
      const id = newId();
      await insertEvent(
        trx,
        {
          id,
          networkId: scope.network.id,
          seriesId: null,
          occurrenceDate: null,
          originalStart: null,
          ...fields,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + durationMin * 60_000).toISOString(),
        },
        now,
      );
      for (const s of shiftsFor(startsAt, template, id, scope.network.id))
        await insertShift(trx, s, now);
      ids = [id];
    }
    await audit(trx, deps.clock, {
      actor,
      action: 'event.created',
      networkId: scope.network.id,
      subject: { type: 'event', id: ids[0]! },
      details: { occurrences: ids.length, kind: fields.kind },
    });
    const event = await findEvent(trx, scope.network.id, ids[0]!);
    if (!event) throw new AppError('INTERNAL');
    return { event, count: ids.length };
  });
}

export interface EditInput extends EventInput {
  /** 'one': this occurrence only; 'following': this and every later one of the series. */
  apply: string;
}

/** Changes one occurrence, or it and all that follow (the series is split there). */
export async function editEvent(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    eventId,
    input,
  }: { actor: Actor; scope: NetworkScope; eventId: string; input: EditInput },
): Promise<VolEvent> {
  authorize(scope, 'events.manage');
  const errors: FieldErrors = {};
  const fields = fieldsOf(input, errors);
  if (!isDate(input.date)) errors.date = { key: 'vol.dateInvalid' };
  const durationMin = durationOf(input, errors);
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, scope.network.id, eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const refErrors = await checkRefs(trx, scope.network.id, fields);
    if (Object.keys(refErrors).length > 0) throw new AppError('VALIDATION_FAILED', {}, refErrors);
    const tz = scope.network.timeZone;
    const series = event.seriesId ? await findSeries(trx, scope.network.id, event.seriesId) : null;
    if (input.apply === 'following' && series && event.occurrenceDate) {
      const next: Series = {
        ...series,
        ...fields,
        id: newId(),
        startDate: event.occurrenceDate,
        startTime: input.startTime,
        durationMin,
        // The time just typed is in the network's zone of today (the form shows that zone),
        // so the new part of the series repeats in it, as a new series would.
        timeZone: tz,
        shifts: series.shifts.map((s) => ({
          ...s,
          durationMin: s.offsetMin === 0 ? durationMin : s.durationMin,
        })),
      };
      await insertSeries(trx, next, now);
      await endSeries(trx, scope.network.id, series.id, addDays(event.occurrenceDate, -1), now);
      const later = (
        await listEvents(trx, scope.network.id, {
          visibilities: [...VISIBILITIES],
          seriesId: series.id,
        })
      ).filter((e) => e.occurrenceDate && e.occurrenceDate >= event.occurrenceDate!);
      for (const e of later) {
        const set = e.detached ? {} : { ...fields };
        const startsAt = e.detached
          ? new Date(e.startsAt)
          : zonedToUtc(e.occurrenceDate!, input.startTime, tz);
        const endsAt = e.detached
          ? e.endsAt
          : new Date(startsAt.getTime() + durationMin * 60_000).toISOString();
        await updateEvent(
          trx,
          scope.network.id,
          e.id,
          {
            ...set,
            seriesId: next.id,
            startsAt: startsAt.toISOString(),
            endsAt,
            originalStart: zonedToUtc(e.occurrenceDate!, input.startTime, tz).toISOString(),
          },
          now,
        );
        await moveShifts(
          trx,
          scope.network.id,
          e.id,
          startsAt.getTime() - Date.parse(e.startsAt),
          now,
        );
      }
    } else {
      const startsAt = zonedToUtc(input.date, input.startTime, tz);
      await updateEvent(
        trx,
        scope.network.id,
        eventId,
        {
          ...fields,
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + durationMin * 60_000).toISOString(),
          detached: event.seriesId !== null,
        },
        now,
      );
      await moveShifts(
        trx,
        scope.network.id,
        eventId,
        startsAt.getTime() - Date.parse(event.startsAt),
        now,
      );
    }
    await audit(trx, deps.clock, {
      actor,
      action: 'event.changed',
      networkId: scope.network.id,
      subject: { type: 'event', id: eventId },
      details: { apply: input.apply === 'following' && series ? 'following' : 'one' },
    });
    return (await findEvent(trx, scope.network.id, eventId))!;
  });
}

/** Cancels one event or occurrence; the feeds then show it as cancelled. */
export async function cancelEvent(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, eventId }: { actor: Actor; scope: NetworkScope; eventId: string },
): Promise<VolEvent> {
  authorize(scope, 'events.manage');
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, scope.network.id, eventId);
    if (!event) throw new AppError('NOT_FOUND');
    if (event.status === 'cancelled') return event;
    await updateEvent(
      trx,
      scope.network.id,
      eventId,
      { status: 'cancelled', detached: event.seriesId !== null },
      now,
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'event.cancelled',
      networkId: scope.network.id,
      subject: { type: 'event', id: eventId },
    });
    return (await findEvent(trx, scope.network.id, eventId))!;
  });
}

/** Adds a shift (a role with a number of slots, at times within the day of the event). */
export async function addShift(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    eventId,
    input,
  }: {
    actor: Actor;
    scope: NetworkScope;
    eventId: string;
    input: { role: string; slots: number; startTime: string; endTime: string };
  },
): Promise<Shift> {
  authorize(scope, 'events.manage');
  const errors: FieldErrors = {};
  if (!(SHIFT_ROLES as readonly string[]).includes(input.role))
    errors.role = { key: 'field.choose' };
  if (!(Number.isInteger(input.slots) && input.slots >= 1 && input.slots <= SLOTS_MAX))
    errors.slots = { key: 'vol.slotsInvalid', params: { max: SLOTS_MAX } };
  const durationMin = durationOf(input, errors);
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    const event = await findEvent(trx, scope.network.id, eventId);
    if (!event) throw new AppError('NOT_FOUND');
    const tz = scope.network.timeZone;
    const day = utcToLocal(new Date(event.startsAt), tz).date;
    // Only a shift of an event that runs past midnight (a night shelter) may end "before" it
    // starts, on the next day; anywhere else an end before the start is a typing mistake.
    const overnight = utcToLocal(new Date(event.endsAt), tz).date !== day;
    if (!overnight && input.endTime <= input.startTime)
      throw new AppError('VALIDATION_FAILED', {}, { endTime: { key: 'vol.shiftEndsBeforeStart' } });
    const startsAt = zonedToUtc(day, input.startTime, tz);
    const shift = {
      id: newId(),
      networkId: scope.network.id,
      eventId,
      role: input.role as ShiftRole,
      slots: input.slots,
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + durationMin * 60_000).toISOString(),
    };
    await insertShift(trx, shift, now);
    await audit(trx, deps.clock, {
      actor,
      action: 'event.changed',
      networkId: scope.network.id,
      subject: { type: 'event', id: eventId },
      details: { shift_added: shift.id, role: shift.role, slots: shift.slots },
    });
    return shift;
  });
}
