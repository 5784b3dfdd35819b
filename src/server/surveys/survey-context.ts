import type { AnswerContext } from '../../domain/surveys/answers.ts';
import type { ResponseState } from '../../domain/surveys/flow.ts';
import { restoreState } from '../../domain/surveys/flow.ts';
import type { Survey } from '../../domain/surveys/survey.ts';
import type { KeyRing } from '../../shared/crypto.ts';
import { dateFormat } from '../../shared/intl.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import type { Network } from '../core/network.ts';
import { openSurveyAnswers, sealSurveyAnswers } from '../privacy/privacy-gate.ts';

/** What answering needs from outside the survey: today in the network's zone, its areas. */
export async function answerContext(
  deps: Pick<Deps, 'db' | 'clock'>,
  network: Network,
): Promise<AnswerContext> {
  const today = dateFormat('en-CA', {
    timeZone: network.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(deps.clock.now());
  const areas = (await listAreas(deps.db, network.id)).map((a) => ({
    key: a.id,
    label: { [network.defaultLanguage]: a.name },
  }));
  return { today, areas };
}

/** The language to answer in: the reader's if the survey has it, else the survey's default. */
export function answerLanguage(survey: Survey, wanted: string | null | undefined): string {
  return wanted && survey.languages.some((l) => l.code === wanted)
    ? wanted
    : survey.defaultLanguage;
}

export function sealState(keys: KeyRing, sessionId: string, state: ResponseState): string {
  return sealSurveyAnswers(keys, 'survey_sessions', sessionId, JSON.stringify(state));
}

export function openState(
  keys: KeyRing,
  survey: Survey,
  sessionId: string,
  sealed: string,
): ResponseState | null {
  return restoreState(
    survey,
    JSON.parse(openSurveyAnswers(keys, 'survey_sessions', sessionId, sealed)),
  );
}
