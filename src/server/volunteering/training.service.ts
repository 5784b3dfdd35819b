import { addDays, isDate, utcToLocal } from '../../domain/time/zoned-time.ts';
import { SHIFT_ROLES } from '../../domain/volunteering/events.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findRole } from '../core/membership.repository.ts';
import { findNetworkById } from '../core/network.repository.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import {
  insertTraining,
  insertTrainingRecord,
  listTrainingRecords,
  listTrainings,
  type Training,
  validTrainings,
} from './training.repository.ts';

export const TRAINING_NAME_MAX = 80;

/** Today's date in the network's zone: trainings expire at the end of their last day there. */
export async function networkToday(db: Db, networkId: string, now: Date): Promise<string> {
  return utcToLocal(now, (await findNetworkById(db, networkId))?.timeZone ?? 'UTC').date;
}

/**
 * Which trainings a piece of work needs and who holds them, for matching, the feed and
 * claiming: `missing(personId, { category })` names the first training they lack, or null.
 */
export async function trainingRules(db: Db, networkId: string, now: Date) {
  const [trainings, held] = await Promise.all([
    listTrainings(db, networkId),
    networkToday(db, networkId, now).then((today) => validTrainings(db, networkId, today)),
  ]);
  const needed = (w: { category?: string; role?: string }) =>
    trainings.filter(
      (t) =>
        (w.category !== undefined && t.categories.includes(w.category)) ||
        (w.role !== undefined && t.roles.includes(w.role)),
    );
  return {
    /** Training ids a request category needs (matching's `requiredTrainings`). */
    forCategory: (category: string) => needed({ category }).map((t) => t.id),
    /** Unexpired training ids a person holds (matching's `trainings`). */
    heldBy: (personId: string) => [...(held.get(personId) ?? [])],
    missing: (personId: string, w: { category?: string; role?: string }): Training | null =>
      needed(w).find((t) => !held.get(personId)?.has(t.id)) ?? null,
  };
}

/** Refuses work that needs a training the person lacks, naming the training. */
export async function assertTrained(
  deps: Pick<Deps, 'db' | 'clock'>,
  networkId: string,
  personId: string,
  work: { category?: string; role?: string },
): Promise<void> {
  const rules = await trainingRules(deps.db, networkId, deps.clock.now());
  const lacking = rules.missing(personId, work);
  if (lacking) throw new AppError('TRAINING_REQUIRED', { training: lacking.name });
}

export async function trainingsOf(deps: Pick<Deps, 'db'>, { scope }: { scope: NetworkScope }) {
  authorize(scope, 'trainings.manage');
  const [trainings, records] = await Promise.all([
    listTrainings(deps.db, scope.network.id),
    listTrainingRecords(deps.db, scope.network.id),
  ]);
  return { trainings, records };
}

export async function createTraining(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    input,
  }: {
    actor: Actor;
    scope: NetworkScope;
    input: { name: string; validDays?: number | undefined; categories: string[]; roles: string[] };
  },
): Promise<Training> {
  authorize(scope, 'trainings.manage');
  const errors: FieldErrors = {};
  const name = input.name.trim();
  if (!name) errors.name = { key: 'field.required' };
  else if (name.length > TRAINING_NAME_MAX)
    errors.name = { key: 'field.tooLong', params: { max: TRAINING_NAME_MAX } };
  if (input.validDays !== undefined && !(Number.isInteger(input.validDays) && input.validDays > 0))
    errors.validDays = { key: 'vol.validDaysInvalid' };
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const training: Training = {
    id: newId(),
    name,
    validDays: input.validDays ?? null,
    categories: input.categories.filter((c) => scope.network.categories.includes(c)),
    roles: input.roles.filter((r) => (SHIFT_ROLES as readonly string[]).includes(r)),
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertTraining(trx, scope.network.id, training, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'training.created',
      networkId: scope.network.id,
      subject: { type: 'training', id: training.id },
    });
  });
  return training;
}

/** Records that a person completed a training on a day; it expires `validDays` later. */
export async function recordTraining(
  db: Db,
  deps: Pick<Deps, 'clock'>,
  r: { actor: Actor; networkId: string; trainingId: string; personId: string; completedOn: string },
): Promise<void> {
  const training = (await listTrainings(db, r.networkId)).find((t) => t.id === r.trainingId);
  if (!training)
    throw new AppError('VALIDATION_FAILED', {}, { trainingId: { key: 'field.choose' } });
  const id = newId();
  await insertTrainingRecord(
    db,
    {
      id,
      networkId: r.networkId,
      trainingId: r.trainingId,
      personId: r.personId,
      completedOn: r.completedOn,
      expiresOn: training.validDays ? addDays(r.completedOn, training.validDays) : null,
      recordedBy: r.actor.kind === 'person' ? r.actor.personId : null,
    },
    isoNow(deps.clock),
  );
  await audit(db, deps.clock, {
    actor: r.actor,
    action: 'training.recorded',
    networkId: r.networkId,
    subject: { type: 'person', id: r.personId },
    details: { training: r.trainingId },
  });
}

/** A coordinator records a member's training (taken elsewhere, or at a session). */
export async function recordMemberTraining(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    input,
  }: {
    actor: Actor;
    scope: NetworkScope;
    input: { personId: string; trainingId: string; completedOn: string };
  },
): Promise<void> {
  authorize(scope, 'trainings.manage');
  if (!isDate(input.completedOn))
    throw new AppError('VALIDATION_FAILED', {}, { completedOn: { key: 'vol.dateInvalid' } });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await findRole(trx, scope.network.id, input.personId)))
      throw new AppError('VALIDATION_FAILED', {}, { personId: { key: 'field.choose' } });
    await recordTraining(trx, deps, { actor, networkId: scope.network.id, ...input });
  });
}
