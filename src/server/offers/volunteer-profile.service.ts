import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope, requirePerson } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import {
  findProfile,
  listMatchableVolunteers,
  listVolunteerProfiles,
  type MatchableVolunteer,
  profileLanguages,
  updateBreak,
  upsertProfile,
  type VolunteerListItem,
  type VolunteerProfile,
} from './volunteer-profile.repository.ts';
import {
  isoDate,
  isRealDate,
  profileErrors,
  type VolunteerProfileInput,
} from './volunteer-profile.rules.ts';

/** The actor's own volunteer profile in this network, or null before they first save one. */
export async function myVolunteerProfile(
  deps: Pick<Deps, 'db'>,
  { actor, scope }: { actor: Actor; scope: NetworkScope },
): Promise<VolunteerProfile | null> {
  authorize(scope, 'volunteering.own');
  return findProfile(deps.db, scope.network.id, requirePerson(actor));
}

/**
 * A person's volunteer profile in a network, for the features that weigh it (the digest,
 * shift sign-up caps, wellbeing check-ins, matching). No permission check: each caller has
 * already checked its own.
 */
export async function volunteerProfileOf(
  db: Db,
  networkId: string,
  personId: string,
): Promise<VolunteerProfile | null> {
  return findProfile(db, networkId, personId);
}

/**
 * The volunteers of a network that matching may suggest at `now` (requests/request-matching);
 * no permission check: the caller has checked its own.
 */
export async function matchableVolunteers(
  db: Db,
  networkId: string,
  now: Date,
): Promise<MatchableVolunteer[]> {
  return listMatchableVolunteers(db, networkId, now);
}

/** An area of this network, or a field error: another network's area is not a choice here. */
async function checkArea(db: Db, networkId: string, areaId: string | null, field: string) {
  if (areaId === null) return;
  const areas = await listAreas(db, networkId);
  if (!areas.some((a) => a.id === areaId)) {
    throw new AppError('VALIDATION_FAILED', {}, { [field]: { key: 'field.choose' } });
  }
}

/** Creates or replaces the actor's own volunteer profile (any member: anyone can offer). */
export async function saveVolunteerProfile(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, input }: { actor: Actor; scope: NetworkScope; input: VolunteerProfileInput },
): Promise<VolunteerProfile> {
  authorize(scope, 'volunteering.own');
  const personId = requirePerson(actor);
  const errors = profileErrors(input, DEFAULT_CATEGORIES);
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  return deps.db.transaction().execute(async (trx) => {
    await checkArea(trx, scope.network.id, input.homeAreaId, 'homeAreaId');
    const before = await findProfile(trx, scope.network.id, personId);
    await upsertProfile(
      trx,
      { id: before?.id ?? newId(), networkId: scope.network.id, personId, input },
      isoNow(deps.clock),
    );
    const saved = await findProfile(trx, scope.network.id, personId);
    if (!saved) throw new AppError('INTERNAL');
    await audit(trx, deps.clock, {
      actor,
      action: 'volunteer_profile.saved',
      networkId: scope.network.id,
      subject: { type: 'person', id: personId },
      // Codes and counts only: no skills text, no coordinates in the log.
      details: {
        created: before === null,
        categories: input.categories.join(','),
        weekly_hour_cap: input.weeklyHourCap,
      },
    });
    return saved;
  });
}

/**
 * The "taking a break" switch: on (optionally until a date, that day included) or off. While
 * on, matching suggests no tasks to the person (listMatchableVolunteers leaves them out).
 */
export async function setBreak(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    input,
  }: { actor: Actor; scope: NetworkScope; input: { onBreak: boolean; until?: string | undefined } },
): Promise<VolunteerProfile> {
  authorize(scope, 'volunteering.own');
  const personId = requirePerson(actor);
  const until = input.onBreak ? (input.until ?? null) : null;
  if (until !== null) {
    if (!isRealDate(until)) {
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        { breakUntil: { key: 'volunteering.breakUntilInvalid' } },
      );
    }
    if (until < isoDate(deps.clock.now())) {
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        { breakUntil: { key: 'volunteering.breakUntilPast' } },
      );
    }
  }
  return deps.db.transaction().execute(async (trx) => {
    const now = isoNow(deps.clock);
    if (!(await updateBreak(trx, scope.network.id, personId, input.onBreak, until, now))) {
      // A break is part of a profile: there is nothing to pause before one exists.
      throw new AppError('NOT_FOUND');
    }
    await audit(trx, deps.clock, {
      actor,
      action: input.onBreak ? 'volunteer_profile.break_started' : 'volunteer_profile.break_ended',
      networkId: scope.network.id,
      subject: { type: 'person', id: personId },
      details: input.onBreak ? { until } : {},
    });
    const saved = await findProfile(trx, scope.network.id, personId);
    if (!saved) throw new AppError('INTERNAL');
    return saved;
  });
}

export const VOLUNTEERS_PAGE_SIZE = 50;

/** Every volunteer profile of the network, for coordinators; never the exact home point. */
export async function listVolunteers(
  deps: Pick<Deps, 'db'>,
  {
    scope,
    filter,
  }: {
    scope: NetworkScope;
    filter: { category?: string | undefined; language?: string | undefined; page: number };
  },
): Promise<{ volunteers: VolunteerListItem[]; total: number }> {
  authorize(scope, 'volunteers.list');
  // The repository matches these inside JSON text, so only known shapes may reach it.
  const bad =
    (filter.category !== undefined &&
      !(DEFAULT_CATEGORIES as readonly string[]).includes(filter.category)) ||
    (filter.language !== undefined && !/^[a-z]{2,3}$/.test(filter.language));
  if (bad) throw new AppError('VALIDATION_FAILED');
  return listVolunteerProfiles(deps.db, scope.network.id, {
    category: filter.category,
    language: filter.language,
    limit: VOLUNTEERS_PAGE_SIZE,
    offset: (Math.max(1, filter.page) - 1) * VOLUNTEERS_PAGE_SIZE,
  });
}

/** The languages volunteers of the network speak, for the coordinators' filter. */
export async function volunteerLanguages(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<string[]> {
  authorize(scope, 'volunteers.list');
  return profileLanguages(deps.db, scope.network.id);
}
