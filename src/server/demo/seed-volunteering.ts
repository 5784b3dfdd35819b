import { utcToLocal } from '../../domain/time/zoned-time.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { findAccount } from '../people/person.service.ts';
import { listEvents, listShifts } from '../volunteering/event.repository.ts';
import { createEvent } from '../volunteering/event.service.ts';
import { signUp } from '../volunteering/signup.service.ts';
import { createTraining, recordMemberTraining } from '../volunteering/training.service.ts';

/**
 * Volunteering in the demo: a weekly Saturday distribution with packers, a monthly garden
 * day, a food-safety training needed for cooked meals, and the demo volunteer on next
 * Saturday's shift (so "My shifts" and the calendar feed have something to show).
 */
export async function seedVolunteering(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<void> {
  const idOf = async (email: string) =>
    (await findAccount(deps.db, deps.config.keys, { kind: 'email', value: email }))!.person.id;
  const coordinatorId = await idOf('coordinator@demo.mutua.test');
  const volunteerId = await idOf('volunteer@demo.mutua.test');
  const person = (id: string): Actor => ({
    kind: 'person',
    personId: id,
    displayName: 'demo',
    isOperator: false,
    preferredLanguage: null,
    sessionId: 'demo',
  });
  const coordinator = person(coordinatorId);
  const scope = await resolveScope(deps.db, coordinator, 'riverside');
  const today = utcToLocal(deps.clock.now(), 'UTC').date;
  const training = await createTraining(deps, {
    actor: coordinator,
    scope,
    input: { name: 'Food safety', validDays: 730, categories: ['meals'], roles: ['cook'] },
  });
  await recordMemberTraining(deps, {
    actor: coordinator,
    scope,
    input: { personId: volunteerId, trainingId: training.id, completedOn: today },
  });
  const { event } = await createEvent(deps, {
    actor: coordinator,
    scope,
    input: {
      kind: 'distribution',
      title: 'Saturday food distribution',
      description: 'Fresh produce and dry goods for anyone who needs them.',
      place: 'Riverside community hall',
      visibility: 'public',
      date: today,
      startTime: '09:00',
      endTime: '12:00',
      repeat: 'weekly',
      weekdays: ['SA'],
      role: 'packer',
      slots: 4,
    },
  });
  await createEvent(deps, {
    actor: coordinator,
    scope,
    input: {
      kind: 'garden',
      title: 'Community garden day',
      place: 'Elm Street garden',
      visibility: 'members',
      date: today,
      startTime: '10:00',
      endTime: '13:00',
      repeat: 'monthly',
      nth: 1,
      role: 'general',
      slots: 6,
    },
  });
  const [first] = await listEvents(deps.db, scope.network.id, {
    visibilities: ['public'],
    seriesId: event.seriesId!,
  });
  const [shift] = await listShifts(deps.db, scope.network.id, [first!.id]);
  if (shift) {
    const vScope = await resolveScope(deps.db, person(volunteerId), 'riverside');
    await signUp(deps, { actor: person(volunteerId), scope: vScope, shiftId: shift.id });
  }
}
