import type { Survey } from '../../domain/surveys/survey.ts';
import type { ImportIssue } from '../../domain/surveys/xlsform/types-map.ts';
import type { Db } from '../db/database.ts';

export type SurveyStatus = 'draft' | 'open' | 'closed';
export type SurveyChannel = 'web' | 'sms' | 'paper';

export interface StoredSurvey {
  id: string;
  networkId: string;
  title: string;
  status: SurveyStatus;
  definition: Survey;
  importIssues: ImportIssue[];
  createdAt: string;
}

export interface SurveySession {
  id: string;
  surveyId: string;
  personId: string | null;
  phoneIndex: string | null;
  channel: SurveyChannel;
  stateSealed: string;
  updatedAt: string;
}

export interface StoredResponse {
  id: string;
  channel: SurveyChannel;
  language: string;
  areaKey: string | null;
  answersSealed: string;
  submittedOn: string;
}

function surveyFromRow(r: {
  id: string;
  network_id: string;
  title: string;
  status: string;
  definition: string;
  import_issues: string;
  created_at: string;
}): StoredSurvey {
  return {
    id: r.id,
    networkId: r.network_id,
    title: r.title,
    status: r.status as SurveyStatus,
    definition: JSON.parse(r.definition) as Survey,
    importIssues: JSON.parse(r.import_issues) as ImportIssue[],
    createdAt: r.created_at,
  };
}

export async function insertSurvey(
  db: Db,
  s: StoredSurvey & { createdBy: string | null },
): Promise<void> {
  await db
    .insertInto('surveys')
    .values({
      id: s.id,
      network_id: s.networkId,
      title: s.title,
      status: s.status,
      definition: JSON.stringify(s.definition),
      import_issues: JSON.stringify(s.importIssues),
      created_by: s.createdBy,
      created_at: s.createdAt,
      updated_at: s.createdAt,
    })
    .execute();
}

export async function setSurveyStatus(
  db: Db,
  networkId: string,
  id: string,
  status: SurveyStatus,
  now: string,
): Promise<void> {
  await db
    .updateTable('surveys')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .execute();
}

export async function findSurvey(
  db: Db,
  networkId: string,
  id: string,
): Promise<StoredSurvey | null> {
  const r = await db
    .selectFrom('surveys')
    .selectAll()
    .where('id', '=', id)
    .where('network_id', '=', networkId)
    .executeTakeFirst();
  return r ? surveyFromRow(r) : null;
}

export async function findSurveyById(db: Db, id: string): Promise<StoredSurvey | null> {
  const r = await db.selectFrom('surveys').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? surveyFromRow(r) : null;
}

export async function listSurveys(
  db: Db,
  networkId: string,
  onlyOpen: boolean,
): Promise<(StoredSurvey & { responses: number })[]> {
  let q = db
    .selectFrom('surveys')
    .selectAll('surveys')
    .select((eb) =>
      eb
        .selectFrom('survey_responses')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('survey_responses.survey_id', '=', 'surveys.id')
        .as('responses'),
    )
    .where('network_id', '=', networkId);
  if (onlyOpen) q = q.where('status', '=', 'open');
  const rows = await q.orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({ ...surveyFromRow(r), responses: Number(r.responses ?? 0) }));
}

function sessionFromRow(r: {
  id: string;
  survey_id: string;
  person_id: string | null;
  phone_index: string | null;
  channel: string;
  state_enc: string;
  updated_at: string;
}): SurveySession {
  return {
    id: r.id,
    surveyId: r.survey_id,
    personId: r.person_id,
    phoneIndex: r.phone_index,
    channel: r.channel as SurveyChannel,
    stateSealed: r.state_enc,
    updatedAt: r.updated_at,
  };
}

export async function findSessionOfPerson(
  db: Db,
  surveyId: string,
  personId: string,
): Promise<SurveySession | null> {
  const r = await db
    .selectFrom('survey_sessions')
    .selectAll()
    .where('survey_id', '=', surveyId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return r ? sessionFromRow(r) : null;
}

/** The text conversation most recently touched for a phone, if any. */
export async function findSessionOfPhone(
  db: Db,
  phoneIndex: string,
): Promise<SurveySession | null> {
  const r = await db
    .selectFrom('survey_sessions')
    .selectAll()
    .where('phone_index', '=', phoneIndex)
    .where('channel', '=', 'sms')
    .orderBy('updated_at', 'desc')
    .executeTakeFirst();
  return r ? sessionFromRow(r) : null;
}

export async function saveSession(db: Db, s: SurveySession): Promise<void> {
  const updated = await db
    .updateTable('survey_sessions')
    .set({ state_enc: s.stateSealed, updated_at: s.updatedAt })
    .where('id', '=', s.id)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('survey_sessions')
    .values({
      id: s.id,
      survey_id: s.surveyId,
      person_id: s.personId,
      phone_index: s.phoneIndex,
      channel: s.channel,
      state_enc: s.stateSealed,
      updated_at: s.updatedAt,
    })
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('survey_sessions').where('id', '=', id).execute();
}

export async function deleteSessionsOfPhone(db: Db, phoneIndex: string): Promise<void> {
  await db.deleteFrom('survey_sessions').where('phone_index', '=', phoneIndex).execute();
}

export async function hasResponded(
  db: Db,
  surveyId: string,
  who: { personId: string | null; phoneIndex: string | null },
): Promise<boolean> {
  let q = db.selectFrom('survey_responses').select('id').where('survey_id', '=', surveyId);
  if (who.personId) q = q.where('person_id', '=', who.personId);
  else if (who.phoneIndex) q = q.where('phone_index', '=', who.phoneIndex);
  else return false;
  return !!(await q.executeTakeFirst());
}

export async function insertResponse(
  db: Db,
  r: StoredResponse & { surveyId: string; personId: string | null; phoneIndex: string | null },
): Promise<void> {
  await db
    .insertInto('survey_responses')
    .values({
      id: r.id,
      survey_id: r.surveyId,
      person_id: r.personId,
      phone_index: r.phoneIndex,
      channel: r.channel,
      language: r.language,
      area_key: r.areaKey,
      answers_enc: r.answersSealed,
      submitted_on: r.submittedOn,
    })
    .execute();
}

/** Every response of a survey, in id order (the results sort anything shown by value). */
export async function listResponses(db: Db, surveyId: string): Promise<StoredResponse[]> {
  const rows = await db
    .selectFrom('survey_responses')
    .select(['id', 'channel', 'language', 'area_key', 'answers_enc', 'submitted_on'])
    .where('survey_id', '=', surveyId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as SurveyChannel,
    language: r.language,
    areaKey: r.area_key,
    answersSealed: r.answers_enc,
    submittedOn: r.submitted_on,
  }));
}
