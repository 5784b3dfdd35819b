import type { Db } from '../db/database.ts';

// Trainings a network offers and who holds them (until when).

export interface Training {
  id: string;
  name: string;
  validDays: number | null;
  categories: string[];
  roles: string[];
}

export async function insertTraining(
  db: Db,
  networkId: string,
  t: Training,
  now: string,
): Promise<void> {
  await db
    .insertInto('vol_trainings')
    .values({
      id: t.id,
      network_id: networkId,
      name: t.name,
      valid_days: t.validDays,
      categories: JSON.stringify(t.categories),
      roles: JSON.stringify(t.roles),
      created_at: now,
    })
    .execute();
}

export async function listTrainings(db: Db, networkId: string): Promise<Training[]> {
  const rows = await db
    .selectFrom('vol_trainings')
    .selectAll()
    .where('network_id', '=', networkId)
    .orderBy('name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    validDays: r.valid_days === null ? null : Number(r.valid_days),
    categories: JSON.parse(r.categories) as string[],
    roles: JSON.parse(r.roles) as string[],
  }));
}

export async function insertTrainingRecord(
  db: Db,
  r: {
    id: string;
    networkId: string;
    trainingId: string;
    personId: string;
    completedOn: string;
    expiresOn: string | null;
    recordedBy: string | null;
  },
  now: string,
): Promise<void> {
  await db
    .insertInto('vol_training_records')
    .values({
      id: r.id,
      network_id: r.networkId,
      training_id: r.trainingId,
      person_id: r.personId,
      completed_on: r.completedOn,
      expires_on: r.expiresOn,
      recorded_by: r.recordedBy,
      created_at: now,
    })
    .execute();
}

/** The training ids each person holds, unexpired on `today` (YYYY-MM-DD). */
export async function validTrainings(
  db: Db,
  networkId: string,
  today: string,
  personId?: string,
): Promise<Map<string, Set<string>>> {
  let q = db
    .selectFrom('vol_training_records')
    .select(['person_id', 'training_id'])
    .where('network_id', '=', networkId)
    .where((eb) => eb.or([eb('expires_on', 'is', null), eb('expires_on', '>=', today)]));
  if (personId) q = q.where('person_id', '=', personId);
  const out = new Map<string, Set<string>>();
  for (const r of await q.execute()) {
    const s = out.get(r.person_id) ?? new Set<string>();
    s.add(r.training_id);
    out.set(r.person_id, s);
  }
  return out;
}

export async function listTrainingRecords(db: Db, networkId: string) {
  return db
    .selectFrom('vol_training_records')
    .innerJoin('people', 'people.id', 'vol_training_records.person_id')
    .innerJoin('vol_trainings', 'vol_trainings.id', 'vol_training_records.training_id')
    .select([
      'vol_training_records.id',
      'people.display_name as name',
      'vol_trainings.name as training',
      'vol_training_records.completed_on as completedOn',
      'vol_training_records.expires_on as expiresOn',
    ])
    .where('vol_training_records.network_id', '=', networkId)
    .orderBy('vol_training_records.completed_on', 'desc')
    .limit(200)
    .execute();
}
