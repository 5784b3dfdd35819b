import { addDays, mondayOf, utcToLocal, zonedToUtc } from '../../domain/time/zoned-time.ts';
import { overlapsInTime, shiftHours, signupStatusFor } from '../../domain/volunteering/events.ts';
import { LATE_DROP_HOURS, overCap } from '../../domain/volunteering/wellbeing.ts';
import { AppError } from '../../shared/app-error.ts';
import { HOUR, isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope, requirePerson } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { notifyPerson } from '../notifications/notification.service.ts';
import { volunteerProfileOf } from '../offers/volunteer-profile.service.ts';
import { findEvent, findShift, lockShift } from './event.repository.ts';
import {
  countConfirmed,
  findSignup,
  findSignupById,
  listPersonShifts,
  listSignups,
  setSignup,
  shiftHoursByPerson,
  taskHoursOf,
  upsertSignup,
} from './signup.repository.ts';
import { assertTrained, recordTraining } from './training.service.ts';

/** The local week (Monday 00:00 to Monday 00:00 in the network's zone) holding `at`. */
export function weekAround(at: Date, tz: string): { from: string; to: string } {
  const monday = mondayOf(utcToLocal(at, tz).date);
  return {
    from: zonedToUtc(monday, '00:00', tz).toISOString(),
    to: zonedToUtc(addDays(monday, 7), '00:00', tz).toISOString(),
  };
}

/** Hours a person has given or promised in a week: tasks done and confirmed shifts. */
export async function hoursInWeek(
  db: Db,
  networkId: string,
  personId: string,
  week: { from: string; to: string },
): Promise<number> {
  const [tasks, shifts] = await Promise.all([
    taskHoursOf(db, networkId, personId, week.from, week.to),
    shiftHoursByPerson(db, networkId, week.from, week.to, personId),
  ]);
  return tasks + (shifts.get(personId) ?? 0);
}

/** The cap from the volunteer profile; without a profile there is none to keep. */
async function capOf(db: Db, networkId: string, personId: string): Promise<number | null> {
  return (await volunteerProfileOf(db, networkId, personId))?.weeklyHourCap ?? null;
}

async function shiftAndEvent(db: Db, networkId: string, shiftId: string) {
  const shift = await findShift(db, networkId, shiftId);
  const event = shift ? await findEvent(db, networkId, shift.eventId) : null;
  if (!shift || !event) throw new AppError('NOT_FOUND');
  return { shift, event };
}

/**
 * Signs the actor up for a shift: confirmed while a slot is free, else on the waitlist. The
 * shift's row lock makes two people asking for the last slot at once go one after the other,
 * so exactly one gets it. Refused (kindly) when it clashes with another of their shifts, when
 * it would take them past their weekly hour cap, or when the role needs a training they lack.
 */
export async function signUp(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, shiftId }: { actor: Actor; scope: NetworkScope; shiftId: string },
): Promise<'confirmed' | 'waitlisted'> {
  authorize(scope, 'shifts.signup');
  const personId = requirePerson(actor);
  const { shift, event } = await shiftAndEvent(deps.db, scope.network.id, shiftId);
  if (event.status === 'cancelled' || shift.startsAt <= isoNow(deps.clock))
    throw new AppError('SHIFT_CLOSED');
  await assertTrained(deps, scope.network.id, personId, { role: shift.role });
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    if (!(await lockShift(trx, scope.network.id, shiftId, now))) throw new AppError('NOT_FOUND');
    const existing = await findSignup(trx, scope.network.id, shiftId, personId);
    if (existing && existing.status !== 'cancelled')
      return existing.status as 'confirmed' | 'waitlisted';
    const mine = await listPersonShifts(trx, scope.network.id, personId, {
      from: shift.startsAt,
      to: shift.endsAt,
    });
    const clash = mine.find(
      (m) =>
        m.shiftId !== shiftId &&
        overlapsInTime(
          { start: m.startsAt, end: m.endsAt },
          { start: shift.startsAt, end: shift.endsAt },
        ),
    );
    if (clash) throw new AppError('SHIFT_OVERLAP', { title: clash.title });
    const cap = await capOf(trx, scope.network.id, personId);
    if (cap !== null) {
      const tz = scope.network.timeZone;
      const used = await hoursInWeek(
        trx,
        scope.network.id,
        personId,
        weekAround(new Date(shift.startsAt), tz),
      );
      const hours = shiftHours(shift.startsAt, shift.endsAt);
      if (overCap(used, hours, cap))
        throw new AppError('SHIFT_OVER_CAP', { used: Math.round(used * 10) / 10, cap, hours });
    }
    const status = signupStatusFor(await countConfirmed(trx, shiftId), shift.slots);
    const id = await upsertSignup(
      trx,
      { id: newId(), networkId: scope.network.id, shiftId, personId, status },
      existing?.id ?? null,
      now,
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'shift.signed_up',
      networkId: scope.network.id,
      subject: { type: 'shift_signup', id },
      details: { shift: shiftId, status },
    });
    return status;
  });
}

/**
 * Drops a sign-up (the person's own, or anyone's for a coordinator). A confirmed drop within
 * 24 hours of the start is recorded as late, without blame; it fades like a no-show. The
 * first person on the waitlist who still fits their week takes the freed slot and is told.
 */
export async function cancelSignup(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'mailer' | 'sms'>,
  {
    actor,
    scope,
    shiftId,
    personId: whose,
  }: { actor: Actor; scope: NetworkScope; shiftId: string; personId?: string | undefined },
): Promise<{ promoted: string | null; late: boolean }> {
  const personId = whose ?? requirePerson(actor);
  authorize(scope, personId === scope.personId ? 'shifts.signup' : 'events.manage');
  const { shift, event } = await shiftAndEvent(deps.db, scope.network.id, shiftId);
  const now = isoNow(deps.clock);
  return deps.db.transaction().execute(async (trx) => {
    await lockShift(trx, scope.network.id, shiftId, now);
    const signup = await findSignup(trx, scope.network.id, shiftId, personId);
    if (!signup || signup.status === 'cancelled') throw new AppError('NOT_FOUND');
    const late =
      signup.status === 'confirmed' &&
      Date.parse(shift.startsAt) - deps.clock.now().getTime() < LATE_DROP_HOURS * HOUR &&
      shift.startsAt > now;
    await setSignup(trx, signup.id, { status: 'cancelled', lateDrop: late }, now);
    let promoted: string | null = null;
    if (signup.status === 'confirmed' && shift.startsAt > now) {
      const waiting = (await listSignups(trx, scope.network.id, [shiftId])).filter(
        (s) => s.status === 'waitlisted',
      );
      const tz = scope.network.timeZone;
      const week = weekAround(new Date(shift.startsAt), tz);
      for (const w of waiting) {
        const cap = await capOf(trx, scope.network.id, w.personId);
        const used = await hoursInWeek(trx, scope.network.id, w.personId, week);
        if (cap !== null && overCap(used, shiftHours(shift.startsAt, shift.endsAt), cap)) continue;
        await setSignup(trx, w.id, { status: 'confirmed' }, now);
        promoted = w.personId;
        await notifyPerson(trx, deps, {
          personId: w.personId,
          networkId: scope.network.id,
          kind: 'shift.promoted',
          key: `shift.promoted:${w.id}:${now}`,
          compose: (t) => ({
            title: t('vol.promotedTitle'),
            text: t('vol.promotedText', { title: event.title }),
            link: `/n/${scope.network.slug}/events/${event.id}`,
          }),
        });
        break;
      }
    }
    await audit(trx, deps.clock, {
      actor,
      action: 'shift.dropped',
      networkId: scope.network.id,
      subject: { type: 'shift_signup', id: signup.id },
      details: { shift: shiftId, late, promoted: promoted !== null },
    });
    return { promoted, late };
  });
}

/**
 * Attendance on the day: a coordinator checks someone in (crediting the shift's hours, or
 * the hours they give) or records a no-show. Checking in at a training session records the
 * training.
 */
export async function recordAttendance(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    signupId,
    outcome,
  }: { actor: Actor; scope: NetworkScope; signupId: string; outcome: 'attended' | 'noShow' },
): Promise<void> {
  authorize(scope, 'events.manage');
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    const signup = await findSignupById(trx, scope.network.id, signupId);
    if (signup?.status !== 'confirmed') throw new AppError('NOT_FOUND');
    const { shift, event } = await shiftAndEvent(trx, scope.network.id, signup.shiftId);
    if (outcome === 'attended') {
      await setSignup(
        trx,
        signup.id,
        { checkedInAt: now, hours: shiftHours(shift.startsAt, shift.endsAt), noShow: false },
        now,
      );
      if (event.trainingId && !signup.checkedInAt) {
        const tz = scope.network.timeZone;
        await recordTraining(trx, deps, {
          actor,
          networkId: scope.network.id,
          trainingId: event.trainingId,
          personId: signup.personId,
          completedOn: utcToLocal(new Date(shift.startsAt), tz).date,
        });
      }
    } else {
      await setSignup(trx, signup.id, { noShow: true, checkedInAt: null, hours: null }, now);
    }
    await audit(trx, deps.clock, {
      actor,
      action: outcome === 'attended' ? 'shift.checked_in' : 'shift.no_show',
      networkId: scope.network.id,
      subject: { type: 'shift_signup', id: signup.id },
    });
  });
}

/** The actor's own shifts from now on, with the hours of this week against their cap. */
export async function myShifts(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope }: { actor: Actor; scope: NetworkScope },
) {
  authorize(scope, 'volunteering.own');
  const personId = requirePerson(actor);
  const now = deps.clock.now();
  const tz = scope.network.timeZone;
  const [shifts, used, cap] = await Promise.all([
    listPersonShifts(deps.db, scope.network.id, personId, { from: now.toISOString() }),
    hoursInWeek(deps.db, scope.network.id, personId, weekAround(now, tz)),
    capOf(deps.db, scope.network.id, personId),
  ]);
  return { shifts, hoursThisWeek: used, cap, timeZone: tz };
}
