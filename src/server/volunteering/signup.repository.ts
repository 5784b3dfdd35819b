import type { SignupStatus } from '../../domain/volunteering/events.ts';
import type { Db } from '../db/database.ts';

export interface Signup {
  id: string;
  shiftId: string;
  personId: string;
  name: string;
  status: SignupStatus;
  lateDrop: boolean;
  noShow: boolean;
  checkedInAt: string | null;
  hours: number | null;
  queuedAt: string;
  updatedAt: string;
}

function signups(db: Db, networkId: string) {
  return db
    .selectFrom('vol_signups')
    .innerJoin('people', 'people.id', 'vol_signups.person_id')
    .selectAll('vol_signups')
    .select('people.display_name')
    .where('vol_signups.network_id', '=', networkId);
}

type Row = Awaited<ReturnType<ReturnType<typeof signups>['executeTakeFirstOrThrow']>>;

function signupFromRow(r: Row): Signup {
  return {
    id: r.id,
    shiftId: r.shift_id,
    personId: r.person_id,
    name: r.display_name,
    status: r.status,
    lateDrop: Number(r.late_drop) === 1,
    noShow: Number(r.no_show) === 1,
    checkedInAt: r.checked_in_at,
    hours: r.hours === null ? null : Number(r.hours),
    queuedAt: r.queued_at,
    updatedAt: r.updated_at,
  };
}

/** Sign-ups of these shifts, confirmed first, then the waitlist in order. */
export async function listSignups(
  db: Db,
  networkId: string,
  shiftIds: readonly string[],
): Promise<Signup[]> {
  if (shiftIds.length === 0) return [];
  const rows = await signups(db, networkId)
    .where('vol_signups.shift_id', 'in', [...shiftIds])
    .orderBy('vol_signups.queued_at')
    .orderBy('vol_signups.id')
    .execute();
  return rows.map(signupFromRow);
}

export async function findSignup(
  db: Db,
  networkId: string,
  shiftId: string,
  personId: string,
): Promise<Signup | null> {
  const r = await signups(db, networkId)
    .where('vol_signups.shift_id', '=', shiftId)
    .where('vol_signups.person_id', '=', personId)
    .executeTakeFirst();
  return r ? signupFromRow(r) : null;
}

export async function findSignupById(db: Db, networkId: string, id: string) {
  const r = await signups(db, networkId).where('vol_signups.id', '=', id).executeTakeFirst();
  return r ? signupFromRow(r) : null;
}

export async function countConfirmed(db: Db, shiftId: string): Promise<number> {
  const r = await db
    .selectFrom('vol_signups')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('shift_id', '=', shiftId)
    .where('status', '=', 'confirmed')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function upsertSignup(
  db: Db,
  s: { id: string; networkId: string; shiftId: string; personId: string; status: SignupStatus },
  existingId: string | null,
  now: string,
): Promise<string> {
  if (existingId) {
    await db
      .updateTable('vol_signups')
      .set({
        status: s.status,
        late_drop: 0,
        no_show: 0,
        reminded_day: 0,
        reminded_soon: 0,
        queued_at: now,
        updated_at: now,
      })
      .where('id', '=', existingId)
      .execute();
    return existingId;
  }
  await db
    .insertInto('vol_signups')
    .values({
      id: s.id,
      network_id: s.networkId,
      shift_id: s.shiftId,
      person_id: s.personId,
      status: s.status,
      late_drop: 0,
      no_show: 0,
      checked_in_at: null,
      hours: null,
      reminded_day: 0,
      reminded_soon: 0,
      queued_at: now,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return s.id;
}

export async function setSignup(
  db: Db,
  id: string,
  set: {
    status?: SignupStatus;
    lateDrop?: boolean;
    noShow?: boolean;
    checkedInAt?: string | null;
    hours?: number | null;
    remindedDay?: boolean;
    remindedSoon?: boolean;
  },
  now: string,
): Promise<void> {
  await db
    .updateTable('vol_signups')
    .set({
      ...(set.status !== undefined ? { status: set.status } : {}),
      ...(set.lateDrop !== undefined ? { late_drop: set.lateDrop ? 1 : 0 } : {}),
      ...(set.noShow !== undefined ? { no_show: set.noShow ? 1 : 0 } : {}),
      ...(set.checkedInAt !== undefined ? { checked_in_at: set.checkedInAt } : {}),
      ...(set.hours !== undefined ? { hours: set.hours } : {}),
      ...(set.remindedDay !== undefined ? { reminded_day: set.remindedDay ? 1 : 0 } : {}),
      ...(set.remindedSoon !== undefined ? { reminded_soon: set.remindedSoon ? 1 : 0 } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export interface PersonShift {
  signupId: string;
  status: SignupStatus;
  shiftId: string;
  eventId: string;
  role: string;
  startsAt: string;
  endsAt: string;
  title: string;
  place: string;
  eventStatus: 'scheduled' | 'cancelled';
  checkedInAt: string | null;
  hours: number | null;
  networkId: string;
  personId: string;
  remindedDay: boolean;
  remindedSoon: boolean;
}

function personShifts(db: Db) {
  return db
    .selectFrom('vol_signups')
    .innerJoin('vol_shifts', 'vol_shifts.id', 'vol_signups.shift_id')
    .innerJoin('vol_events', 'vol_events.id', 'vol_shifts.event_id')
    .select([
      'vol_signups.id as signup_id',
      'vol_signups.status',
      'vol_signups.checked_in_at',
      'vol_signups.hours',
      'vol_signups.network_id',
      'vol_signups.person_id',
      'vol_signups.reminded_day',
      'vol_signups.reminded_soon',
      'vol_shifts.id as shift_id',
      'vol_shifts.event_id',
      'vol_shifts.role',
      'vol_shifts.starts_at',
      'vol_shifts.ends_at',
      'vol_events.title',
      'vol_events.place',
      'vol_events.status as event_status',
    ]);
}

type PsRow = Awaited<ReturnType<ReturnType<typeof personShifts>['executeTakeFirstOrThrow']>>;

const personShiftFromRow = (r: PsRow): PersonShift => ({
  signupId: r.signup_id,
  status: r.status,
  shiftId: r.shift_id,
  eventId: r.event_id,
  role: r.role,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  title: r.title,
  place: r.place,
  eventStatus: r.event_status,
  checkedInAt: r.checked_in_at,
  hours: r.hours === null ? null : Number(r.hours),
  networkId: r.network_id,
  personId: r.person_id,
  remindedDay: Number(r.reminded_day) === 1,
  remindedSoon: Number(r.reminded_soon) === 1,
});

/** One person's sign-ups (not cancelled) whose shifts end after `from`, soonest first. */
export async function listPersonShifts(
  db: Db,
  networkId: string,
  personId: string,
  f: { from?: string; to?: string; statuses?: readonly SignupStatus[] } = {},
): Promise<PersonShift[]> {
  let q = personShifts(db)
    .where('vol_signups.network_id', '=', networkId)
    .where('vol_signups.person_id', '=', personId)
    .where('vol_signups.status', 'in', [...(f.statuses ?? ['confirmed', 'waitlisted'])]);
  if (f.from) q = q.where('vol_shifts.ends_at', '>', f.from);
  if (f.to) q = q.where('vol_shifts.starts_at', '<', f.to);
  const rows = await q.orderBy('vol_shifts.starts_at').limit(500).execute();
  return rows.map(personShiftFromRow);
}

/** Confirmed sign-ups of scheduled events starting in [from, to): for reminders. */
export async function listStartingBetween(
  db: Db,
  from: string,
  to: string,
  limit: number,
): Promise<PersonShift[]> {
  const rows = await personShifts(db)
    .where('vol_signups.status', '=', 'confirmed')
    .where('vol_events.status', '=', 'scheduled')
    .where('vol_shifts.starts_at', '>=', from)
    .where('vol_shifts.starts_at', '<', to)
    .where((eb) =>
      eb.or([eb('vol_signups.reminded_day', '=', 0), eb('vol_signups.reminded_soon', '=', 0)]),
    )
    .orderBy('vol_shifts.starts_at')
    .limit(limit)
    .execute();
  return rows.map(personShiftFromRow);
}

/**
 * Hours each person has promised or given in shifts between two instants: confirmed
 * sign-ups of scheduled events (the hours credited at check-in when there are some).
 */
export async function shiftHoursByPerson(
  db: Db,
  networkId: string,
  from: string,
  to: string,
  personId?: string,
): Promise<Map<string, number>> {
  let q = personShifts(db)
    .where('vol_signups.network_id', '=', networkId)
    .where('vol_signups.status', '=', 'confirmed')
    .where('vol_events.status', '=', 'scheduled')
    .where('vol_shifts.starts_at', '>=', from)
    .where('vol_shifts.starts_at', '<', to);
  if (personId) q = q.where('vol_signups.person_id', '=', personId);
  const out = new Map<string, number>();
  for (const r of await q.execute()) {
    const h =
      r.hours !== null
        ? Number(r.hours)
        : (Date.parse(r.ends_at) - Date.parse(r.starts_at)) / 3_600_000;
    out.set(r.person_id, (out.get(r.person_id) ?? 0) + h);
  }
  return out;
}

/** Task hours recorded on fulfilled requests between two instants, by volunteer. */
export async function taskHoursOf(
  db: Db,
  networkId: string,
  personId: string,
  from: string,
  to: string,
): Promise<number> {
  const r = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.sum<number>('hours').as('h'))
    .where('network_id', '=', networkId)
    .where('volunteer_id', '=', personId)
    .where('status', '=', 'fulfilled')
    .where('closed_at', '>=', from)
    .where('closed_at', '<', to)
    .executeTakeFirst();
  return Number(r?.h ?? 0);
}

/** Misses (no-shows and late drops) of people in a network since `since`. */
export async function listMisses(
  db: Db,
  networkId: string,
  since: string,
): Promise<{ personId: string; name: string; at: string; kind: 'noShow' | 'lateDrop' }[]> {
  const rows = await signups(db, networkId)
    .where('vol_signups.updated_at', '>=', since)
    .where((eb) => eb.or([eb('vol_signups.no_show', '=', 1), eb('vol_signups.late_drop', '=', 1)]))
    .limit(500)
    .execute();
  return rows.map((r) => ({
    personId: r.person_id,
    name: r.display_name,
    at: r.updated_at,
    kind: Number(r.no_show) === 1 ? 'noShow' : 'lateDrop',
  }));
}
