import type { Db } from '../db/database.ts';

// Per-person settings (the calendar link, celebrating milestones) and check-ins.

export interface PersonSettings {
  feedVersion: number;
  celebrate: boolean;
}

export async function findSettings(
  db: Db,
  networkId: string,
  personId: string,
): Promise<PersonSettings> {
  const r = await db
    .selectFrom('vol_person_settings')
    .select(['feed_version', 'celebrate'])
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return { feedVersion: Number(r?.feed_version ?? 0), celebrate: Number(r?.celebrate ?? 0) === 1 };
}

export async function saveSettings(
  db: Db,
  networkId: string,
  personId: string,
  s: PersonSettings,
  id: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('vol_person_settings')
    .values({
      id,
      network_id: networkId,
      person_id: personId,
      feed_version: s.feedVersion,
      celebrate: s.celebrate ? 1 : 0,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc.columns(['network_id', 'person_id']).doUpdateSet({
        feed_version: s.feedVersion,
        celebrate: s.celebrate ? 1 : 0,
        updated_at: now,
      }),
    )
    .execute();
}

export async function insertCheckin(
  db: Db,
  c: { id: string; networkId: string; personId: string; feeling: string; note: string },
  now: string,
): Promise<void> {
  await db
    .insertInto('vol_checkins')
    .values({
      id: c.id,
      network_id: c.networkId,
      person_id: c.personId,
      feeling: c.feeling,
      note: c.note,
      created_at: now,
    })
    .execute();
}

export async function listCheckins(db: Db, networkId: string, since: string) {
  return db
    .selectFrom('vol_checkins')
    .innerJoin('people', 'people.id', 'vol_checkins.person_id')
    .select([
      'vol_checkins.id',
      'vol_checkins.person_id as personId',
      'people.display_name as name',
      'vol_checkins.feeling',
      'vol_checkins.note',
      'vol_checkins.created_at as createdAt',
    ])
    .where('vol_checkins.network_id', '=', networkId)
    .where('vol_checkins.created_at', '>=', since)
    .orderBy('vol_checkins.created_at', 'desc')
    .limit(200)
    .execute();
}

/** Finished tasks and all hours (tasks and attended shifts) of the people who opted in. */
export async function totalsOfCelebrating(db: Db, networkId: string) {
  const people = await db
    .selectFrom('vol_person_settings')
    .innerJoin('people', 'people.id', 'vol_person_settings.person_id')
    .select(['people.id', 'people.display_name'])
    .where('vol_person_settings.network_id', '=', networkId)
    .where('vol_person_settings.celebrate', '=', 1)
    .execute();
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const [tasks, shifts] = await Promise.all([
    db
      .selectFrom('requests')
      .select([
        'volunteer_id',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.sum<number>('hours').as('h'),
      ])
      .where('network_id', '=', networkId)
      .where('status', '=', 'fulfilled')
      .where('volunteer_id', 'in', ids)
      .groupBy('volunteer_id')
      .execute(),
    db
      .selectFrom('vol_signups')
      .select(['person_id', (eb) => eb.fn.sum<number>('hours').as('h')])
      .where('network_id', '=', networkId)
      .where('checked_in_at', 'is not', null)
      .where('person_id', 'in', ids)
      .groupBy('person_id')
      .execute(),
  ]);
  return people.map((p) => {
    const t = tasks.find((x) => x.volunteer_id === p.id);
    const s = shifts.find((x) => x.person_id === p.id);
    return {
      personId: p.id,
      name: p.display_name,
      tasks: Number(t?.n ?? 0),
      hours: Number(t?.h ?? 0) + Number(s?.h ?? 0),
    };
  });
}
