import type { MatchRequest } from '../../domain/matching/types.ts';
import { findNetworkById } from '../core/network.repository.ts';
import type { Db } from '../db/database.ts';
import { shiftHoursByPerson } from './signup.repository.ts';
import { weekAround } from './signup.service.ts';
import { listTrainings } from './training.repository.ts';
import { trainingRules } from './training.service.ts';

// What volunteering adds to matching, kept here so request matching changes by a few lines:
// hours promised in shifts count against the weekly cap, and work that needs a training
// goes only to people who hold it.

/** Shift hours this week and current trainings of the network's people. */
export async function volunteeringLoad(db: Db, networkId: string, now: Date) {
  const week = weekAround(now, (await findNetworkById(db, networkId))?.timeZone ?? 'UTC');
  const [hours, rules] = await Promise.all([
    shiftHoursByPerson(db, networkId, week.from, week.to),
    trainingRules(db, networkId, now),
  ]);
  return {
    shiftHours: (personId: string) => hours.get(personId) ?? 0,
    trainings: (personId: string) => rules.heldBy(personId),
  };
}

/** A function that adds the trainings a request's category needs to its match request. */
export async function requiredTrainings(db: Db, networkId: string, now: Date) {
  const rules = await trainingRules(db, networkId, now);
  return (m: MatchRequest | null): MatchRequest | null =>
    m && { ...m, requiredTrainings: rules.forCategory(m.category) };
}

export async function withTrainings(
  db: Db,
  networkId: string,
  now: Date,
  m: MatchRequest | null,
): Promise<MatchRequest | null> {
  return (await requiredTrainings(db, networkId, now))(m);
}

/** The categories a volunteer may not be offered for lack of a training. */
export async function untrainedCategories(
  db: Db,
  networkId: string,
  personId: string,
  now: Date,
  categories: readonly string[],
): Promise<Set<string>> {
  // Most networks ask no training for most work: then nobody's records need reading (the
  // volunteers' feed calls this on every view).
  const trainings = await listTrainings(db, networkId);
  if (!trainings.some((t) => categories.some((c) => t.categories.includes(c)))) return new Set();
  const rules = await trainingRules(db, networkId, now);
  return new Set(categories.filter((c) => rules.missing(personId, { category: c }) !== null));
}
