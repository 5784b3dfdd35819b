import type { Role } from '../../domain/access/roles.ts';
import type { AnswerContext } from '../../domain/surveys/answers.ts';
import type { ResponseState } from '../../domain/surveys/flow.ts';
import {
  formatSmsQuestion,
  type SmsStep,
  smsReply,
  smsStart,
} from '../../domain/surveys/sms-flow.ts';
import { allQuestions, type Survey } from '../../domain/surveys/survey.ts';
import { problems } from '../../domain/surveys/validate.ts';
import {
  backPage,
  currentPage,
  type Inputs,
  type Page,
  startWeb,
  submitPage,
} from '../../domain/surveys/web-flow.ts';
import { isLanguage, type MessageKey, translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { memberIdsWithRole } from '../core/membership.repository.ts';
import { findNetworkById } from '../core/network.repository.ts';
import type { Network } from '../core/network.ts';
import { findPerson } from '../core/person.repository.ts';
import { reachable } from '../core/person.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { enqueue, phoneIndex } from '../outbox/outbox.service.ts';
import { contactForDelivery } from '../privacy/person-contact.ts';
import { sealSurveyAnswers } from '../privacy/privacy-gate.ts';
import {
  deleteSession,
  deleteSessionsOfPhone,
  findSessionOfPerson,
  findSessionOfPhone,
  findSurvey,
  findSurveyById,
  hasResponded,
  insertResponse,
  type StoredSurvey,
  type SurveyChannel,
  saveSession,
} from './survey.repository.ts';
import { answerContext, answerLanguage, openState, sealState } from './survey-context.ts';

export type WebView =
  | { kind: 'page'; survey: StoredSurvey; page: Page; language: string; errors: boolean }
  | { kind: 'done'; survey: StoredSurvey };

async function openSurvey(db: Db, scope: NetworkScope, id: string): Promise<StoredSurvey> {
  authorize(scope, 'surveys.answer');
  const survey = await findSurvey(db, scope.network.id, id);
  if (survey?.status !== 'open') throw new AppError('NOT_FOUND');
  return survey;
}

/** The area a response counts under: the answer to the survey's first area question. */
function areaOf(survey: Survey, state: ResponseState): string | null {
  const q = allQuestions(survey).find((x) => x.type === 'area');
  const v = q ? state.answers[q.name] : undefined;
  return typeof v === 'string' ? v : null;
}

/** Writes the response and ends the session, in the caller's transaction. */
async function finish(
  trx: Db,
  deps: Pick<Deps, 'config' | 'clock'>,
  o: {
    actor: Actor;
    network: Network;
    survey: StoredSurvey;
    state: ResponseState;
    ctx: AnswerContext;
    channel: SurveyChannel;
    personId: string | null;
    phoneIndex: string | null;
    sessionId: string;
  },
): Promise<void> {
  if (
    Object.keys(problems(o.survey.definition, o.state.answers, o.state.language, o.ctx)).length > 0
  )
    throw new AppError('VALIDATION_FAILED');
  const id = newId();
  await insertResponse(trx, {
    id,
    surveyId: o.survey.id,
    personId: o.personId,
    phoneIndex: o.phoneIndex,
    channel: o.channel,
    language: o.state.language,
    areaKey: areaOf(o.survey.definition, o.state),
    answersSealed: sealSurveyAnswers(
      deps.config.keys,
      'survey_responses',
      id,
      JSON.stringify(o.state.answers),
    ),
    submittedOn: isoNow(deps.clock).slice(0, 10),
  });
  await deleteSession(trx, o.sessionId);
  await audit(trx, deps.clock, {
    actor: o.actor,
    action: 'survey.answered',
    networkId: o.network.id,
    subject: { type: 'survey', id: o.survey.id },
    details: { channel: o.channel },
  });
}

/** Where a member stands in a survey on the web: the page to answer, or done. */
export async function webSurveyPage(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  { scope, id, language }: { scope: NetworkScope; id: string; language: string },
): Promise<WebView> {
  const survey = await openSurvey(deps.db, scope, id);
  const personId = scope.personId!;
  if (await hasResponded(deps.db, survey.id, { personId, phoneIndex: null }))
    return { kind: 'done', survey };
  const ctx = await answerContext(deps, scope.network);
  const session = await findSessionOfPerson(deps.db, survey.id, personId);
  const state =
    (session && openState(deps.config.keys, survey.definition, session.id, session.stateSealed)) ||
    startWeb(survey.definition, answerLanguage(survey.definition, language), ctx);
  const page = currentPage(survey.definition, state, ctx);
  // Every question passed but not sent yet: the last page is shown again to send.
  if (!page) return webPageOf(survey, { ...state, at: state.back.at(-1) ?? null }, ctx);
  return { kind: 'page', survey, page, language: state.language, errors: false };
}

function webPageOf(survey: StoredSurvey, state: ResponseState, ctx: AnswerContext): WebView {
  const page = currentPage(survey.definition, state, ctx);
  if (!page) return { kind: 'done', survey };
  return { kind: 'page', survey, page, language: state.language, errors: false };
}

/**
 * One page sent: its answers are checked (skip logic and constraints decided here, so the
 * page works with JavaScript off) and kept, valid or not, in the sealed session; a page with
 * mistakes comes back with what was typed. The last page writes the response.
 */
export async function submitWebSurveyPage(
  deps: Pick<Deps, 'db' | 'config' | 'clock'>,
  {
    actor,
    scope,
    id,
    language,
    inputs,
    back,
  }: {
    actor: Actor;
    scope: NetworkScope;
    id: string;
    language: string;
    inputs: Inputs;
    back: boolean;
  },
): Promise<WebView> {
  const survey = await openSurvey(deps.db, scope, id);
  const personId = scope.personId!;
  if (await hasResponded(deps.db, survey.id, { personId, phoneIndex: null }))
    return { kind: 'done', survey };
  const ctx = await answerContext(deps, scope.network);
  const session = await findSessionOfPerson(deps.db, survey.id, personId);
  const sessionId = session?.id ?? newId();
  const before =
    (session && openState(deps.config.keys, survey.definition, session.id, session.stateSealed)) ||
    startWeb(survey.definition, answerLanguage(survey.definition, language), ctx);
  const save = (db: Db, state: ResponseState) =>
    saveSession(db, {
      id: sessionId,
      surveyId: survey.id,
      personId,
      phoneIndex: null,
      channel: 'web',
      stateSealed: sealState(deps.config.keys, sessionId, state),
      updatedAt: isoNow(deps.clock),
    });
  if (back) {
    const state = backPage(before);
    await save(deps.db, state);
    return webPageOf(survey, state, ctx);
  }
  const sent = submitPage(survey.definition, before, inputs, ctx);
  if (!sent.ok) {
    await save(deps.db, sent.state);
    const page = currentPage(survey.definition, sent.state, ctx, {
      inputs: sent.inputs,
      errors: sent.errors,
    });
    if (!page) return { kind: 'done', survey };
    return { kind: 'page', survey, page, language: sent.state.language, errors: true };
  }
  if (sent.state.at !== null) {
    await save(deps.db, sent.state);
    return webPageOf(survey, sent.state, ctx);
  }
  await deps.db.transaction().execute(async (trx) => {
    await save(trx, sent.state);
    await finish(trx, deps, {
      actor,
      network: scope.network,
      survey,
      state: sent.state,
      ctx,
      channel: 'web',
      personId,
      phoneIndex: null,
      sessionId,
    });
  });
  return { kind: 'done', survey };
}

type SmsDeps = Pick<Deps, 'db' | 'config' | 'clock'>;

function smsTranslator(language: string, network: Network) {
  const lang = isLanguage(language)
    ? language
    : isLanguage(network.defaultLanguage)
      ? network.defaultLanguage
      : 'en';
  const t = translator(lang);
  return {
    lang,
    t: (key: string, params?: Record<string, string | number>) => t(key as MessageKey, params),
  };
}

function smsText(step: SmsStep, network: Network, info?: string): string {
  const { t } = smsTranslator(step.state.language, network);
  if (step.kind === 'done') return [...step.notes, t('survey.sms.done')].join('\n');
  const text = formatSmsQuestion(step.question, t, step.error);
  return info ? `${t(info)}\n${text}` : text;
}

/**
 * Sends an open survey by text to the members of a role and up (optionally of one
 * language): one session per phone and the first question through the outbox, in one
 * transaction. A number that sent STOP gets nothing and no session.
 */
export async function sendSurveyBySms(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'sms'>,
  {
    actor,
    scope,
    id,
    role,
    language,
  }: { actor: Actor; scope: NetworkScope; id: string; role: Role; language: string | null },
): Promise<{ sent: number }> {
  authorize(scope, 'surveys.manage');
  const survey = await findSurvey(deps.db, scope.network.id, id);
  if (survey?.status !== 'open') throw new AppError('NOT_FOUND');
  if (!deps.sms.enabled) return { sent: 0 };
  const ctx = await answerContext(deps, scope.network);
  const ladder: Role[] = ['neighbour', 'volunteer', 'coordinator', 'admin'];
  const roles = ladder.slice(ladder.indexOf(role));
  const ids = await memberIdsWithRole(deps.db, scope.network.id, roles);
  let sent = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const personId of ids) {
      const person = await findPerson(trx, personId);
      if (!person || person.disabled || !reachable(person.contact).phone) continue;
      const lang = answerLanguage(survey.definition, person.preferredLanguage);
      if (language && lang !== language) continue;
      const phone = contactForDelivery(deps.config.keys, person.contact).phone!;
      const index = phoneIndex(deps, phone);
      if (await hasResponded(trx, survey.id, { personId: null, phoneIndex: index })) continue;
      const step = smsStart(survey.definition, lang, ctx);
      const sessionId = newId();
      const result = await enqueue(trx, deps, {
        networkId: scope.network.id,
        personId,
        channel: 'sms',
        kind: 'survey.sms',
        language: lang,
        to: phone,
        text: smsText(step, scope.network),
        key: `survey.sms:${survey.id}:${index}:start`,
      });
      if (result !== 'queued') continue;
      await deleteSessionsOfPhone(trx, index);
      await saveSession(trx, {
        id: sessionId,
        surveyId: survey.id,
        personId: null,
        phoneIndex: index,
        channel: 'sms',
        stateSealed: sealState(deps.config.keys, sessionId, step.state),
        updatedAt: isoNow(deps.clock),
      });
      sent++;
    }
    await audit(trx, deps.clock, {
      actor,
      action: 'survey.sent',
      networkId: scope.network.id,
      subject: { type: 'survey', id: survey.id },
      details: { role, language, sent },
    });
  });
  return { sent };
}

/**
 * A text from a phone with a survey in progress: the reply to the question last sent (a
 * number for a choice, SKIP, BACK), answered with the next question, or the constraint's
 * message and the same question again. False when the phone has no survey in progress.
 */
export async function answerSurveyBySms(
  deps: SmsDeps,
  sms: { sid: string; phone: string; phoneIndex: string; body: string },
): Promise<boolean> {
  const session = await findSessionOfPhone(deps.db, sms.phoneIndex);
  if (!session) return false;
  const survey = await findSurveyById(deps.db, session.surveyId);
  const network = survey ? await findNetworkById(deps.db, survey.networkId) : null;
  if (!survey || !network || survey.status !== 'open') {
    await deleteSession(deps.db, session.id);
    return false;
  }
  const state = openState(deps.config.keys, survey.definition, session.id, session.stateSealed);
  if (!state) {
    await deleteSession(deps.db, session.id);
    return false;
  }
  const ctx = await answerContext(deps, network);
  const step = smsReply(survey.definition, state, sms.body, ctx);
  const info = step.kind === 'ask' ? step.info : undefined;
  const { lang } = smsTranslator(step.state.language, network);
  await deps.db.transaction().execute(async (trx) => {
    await saveSession(trx, {
      ...session,
      stateSealed: sealState(deps.config.keys, session.id, step.state),
      updatedAt: isoNow(deps.clock),
    });
    if (step.kind === 'done')
      await finish(trx, deps, {
        actor: { kind: 'system', label: 'sms' },
        network,
        survey,
        state: step.state,
        ctx,
        channel: 'sms',
        personId: null,
        phoneIndex: sms.phoneIndex,
        sessionId: session.id,
      });
    await enqueue(trx, deps, {
      networkId: network.id,
      personId: null,
      channel: 'sms',
      kind: 'survey.sms',
      language: lang,
      to: sms.phone,
      text: smsText(step, network, info),
      key: `survey.sms:${sms.sid}`,
    });
  });
  return true;
}

/** STOP ends every survey in progress by text for that phone. */
export async function stopSurveysByText(trx: Db, index: string): Promise<void> {
  await deleteSessionsOfPhone(trx, index);
}
