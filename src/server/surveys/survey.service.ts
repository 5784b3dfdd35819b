import { toCsv } from '../../domain/csv.ts';
import type { Answers } from '../../domain/surveys/answers.ts';
import {
  type CountedResponse,
  freeTextAnswers,
  surveyResults,
} from '../../domain/surveys/results.ts';
import { allQuestions, type Survey } from '../../domain/surveys/survey.ts';
import { checkSurvey, type SurveyProblem } from '../../domain/surveys/survey-check.ts';
import { exportXlsForm } from '../../domain/surveys/xlsform/export.ts';
import { importXlsForm } from '../../domain/surveys/xlsform/import.ts';
import type { ImportIssue } from '../../domain/surveys/xlsform/types-map.ts';
import { translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { openSurveyAnswers } from '../privacy/privacy-gate.ts';
import {
  findSurvey,
  insertSurvey,
  listResponses,
  listSurveys,
  type StoredSurvey,
  type SurveyStatus,
  setSurveyStatus,
} from './survey.repository.ts';
import { answerContext } from './survey-context.ts';

export type { StoredSurvey, SurveyStatus };

export type ImportOutcome =
  | { ok: true; id: string; issues: readonly ImportIssue[]; problems: readonly SurveyProblem[] }
  | { ok: false; reason: string };

/**
 * An XLSForm upload becomes a draft survey: what could not be represented is kept with it
 * (by sheet, row and column) and shown on its page; nothing is dropped silently.
 */
export async function importSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, bytes }: { actor: Actor; scope: NetworkScope; bytes: Uint8Array },
): Promise<ImportOutcome> {
  authorize(scope, 'surveys.manage');
  const result = importXlsForm(bytes, { fallbackLanguage: scope.network.defaultLanguage });
  if (!result.ok) return { ok: false, reason: result.reason };
  const id = newId();
  const now = isoNow(deps.clock);
  const title = (result.survey.title || result.survey.formId || 'Survey').slice(0, 200);
  await deps.db.transaction().execute(async (trx) => {
    await insertSurvey(trx, {
      id,
      networkId: scope.network.id,
      title,
      status: 'draft',
      definition: result.survey,
      importIssues: [...result.issues],
      createdAt: now,
      createdBy: scope.personId,
    });
    await audit(trx, deps.clock, {
      actor,
      action: 'survey.imported',
      networkId: scope.network.id,
      subject: { type: 'survey', id },
      details: { issues: result.issues.length, questions: allQuestions(result.survey).length },
    });
  });
  return { ok: true, id, issues: result.issues, problems: result.problems };
}

export async function surveysFor(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<{ manage: boolean; items: (StoredSurvey & { responses: number })[] }> {
  authorize(scope, 'surveys.answer');
  const manage = scope.role === 'coordinator' || scope.role === 'admin';
  return { manage, items: await listSurveys(deps.db, scope.network.id, !manage) };
}

/** One survey for its coordinators' page, with what the builder would still refuse. */
export async function surveyForManager(
  deps: Pick<Deps, 'db'>,
  { scope, id }: { scope: NetworkScope; id: string },
): Promise<{ survey: StoredSurvey; problems: SurveyProblem[] }> {
  authorize(scope, 'surveys.manage');
  const survey = await findSurvey(deps.db, scope.network.id, id);
  if (!survey) throw new AppError('NOT_FOUND');
  return { survey, problems: checkSurvey(survey.definition) };
}

/** Opens (only a survey the checks accept) or closes a survey. */
export async function changeSurveyStatus(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    id,
    status,
  }: { actor: Actor; scope: NetworkScope; id: string; status: SurveyStatus },
): Promise<void> {
  const { survey, problems } = await surveyForManager(deps, { scope, id });
  if (status === 'open' && problems.length > 0) throw new AppError('SURVEY_NOT_READY');
  await deps.db.transaction().execute(async (trx) => {
    await setSurveyStatus(trx, scope.network.id, survey.id, status, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'survey.status_changed',
      networkId: scope.network.id,
      subject: { type: 'survey', id: survey.id },
      details: { from: survey.status, to: status },
    });
  });
}

/** The survey as XLSForm: imported again by Mutua, it is the same survey. */
export async function exportSurvey(
  deps: Pick<Deps, 'db' | 'clock'>,
  { scope, id }: { scope: NetworkScope; id: string },
): Promise<{ title: string; bytes: Uint8Array }> {
  const { survey } = await surveyForManager(deps, { scope, id });
  const ctx = await answerContext(deps, scope.network);
  const yesNoLabels: Record<string, { yes: string; no: string }> = {};
  for (const l of survey.definition.languages) {
    const t = translator(l.code === 'es' ? 'es' : 'en');
    yesNoLabels[l.code] = { yes: t('survey.yes'), no: t('survey.no') };
  }
  return {
    title: survey.title,
    bytes: exportXlsForm(survey.definition, { areas: ctx.areas, yesNoLabels }),
  };
}

async function openResponses(
  deps: Pick<Deps, 'db' | 'config'>,
  survey: StoredSurvey,
): Promise<(CountedResponse & { channel: string; submittedOn: string })[]> {
  const rows = await listResponses(deps.db, survey.id);
  return rows.map((r) => ({
    answers: JSON.parse(
      openSurveyAnswers(deps.config.keys, 'survey_responses', r.id, r.answersSealed),
    ) as Answers,
    area: r.areaKey,
    language: r.language,
    channel: r.channel,
    submittedOn: r.submittedOn,
  }));
}

/**
 * Results for coordinators: counts with every cell under 5 shown as "fewer than 5" (also to
 * them), free text apart, and how many answered on each channel.
 */
export async function resultsOf(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  { scope, id }: { scope: NetworkScope; id: string },
) {
  const { survey } = await surveyForManager(deps, { scope, id });
  const ctx = await answerContext(deps, scope.network);
  const responses = await openResponses(deps, survey);
  const channels = { web: 0, sms: 0, paper: 0 } as Record<string, number>;
  for (const r of responses) channels[r.channel] = (channels[r.channel] ?? 0) + 1;
  return {
    survey,
    ctx,
    total: responses.length,
    channels,
    results: surveyResults(survey.definition, responses, ctx),
    freeText: freeTextAnswers(survey.definition, responses),
  };
}

function cellOf(v: Answers[string] | undefined): string {
  if (v === undefined) return '';
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/**
 * The answers as CSV (one row a response, one column a question; no person column, rows in
 * the order of their values, not of time). Cells that a spreadsheet would run as a formula
 * are neutralised by `toCsv`. Audited: it carries every answer out of Mutua.
 */
export async function exportAnswersCsv(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  { actor, scope, id }: { actor: Actor; scope: NetworkScope; id: string },
): Promise<{ title: string; csv: string }> {
  const { survey } = await surveyForManager(deps, { scope, id });
  const responses = await openResponses(deps, survey);
  const questions = allQuestions(survey.definition).filter((q) => q.type !== 'note');
  const rows = responses
    .map((r) => [r.channel, r.language, ...questions.map((q) => cellOf(r.answers[q.name]))])
    .sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
  await audit(deps.db, deps.clock, {
    actor,
    action: 'survey.exported',
    networkId: scope.network.id,
    subject: { type: 'survey', id: survey.id },
    details: { rows: rows.length },
  });
  return {
    title: survey.title,
    csv: toCsv([['channel', 'language', ...questions.map((q) => q.name)], ...rows]),
  };
}

export type { Survey };
