import { atLeast } from '../../domain/access/roles.ts';
import { normalisePhone } from '../../domain/people/contact.ts';
import { echoableCode, formatCode } from '../../domain/requests/request-code.ts';
import {
  DONE_KEYWORDS,
  helpKeyword,
  type Inbound,
  parseInbound,
  pickOption,
  type SmsLanguage,
} from '../../domain/sms/keywords.ts';
import { type Language, type Translate, translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { numberFormat } from '../../shared/intl.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { findRole } from '../core/membership.repository.ts';
import {
  findNetworkById,
  findNetworkBySmsNumber,
  listNetworks,
} from '../core/network.repository.ts';
import type { Network } from '../core/network.ts';
import { resolveScope } from '../core/scope.ts';
import { allowTextsTo, enqueue, phoneIndex, stopTextsTo } from '../outbox/outbox.service.ts';
import { findPeopleByPhone } from '../people/person.service.ts';
import { limitedLookup } from '../rate-limit/rate-limit.service.ts';
import { createRequest } from '../requests/request-intake.service.ts';
import { requestByCode } from '../requests/request-lookup.service.ts';
import { claimTask, finishTask } from '../requests/task.service.ts';
import { answerSurveyBySms, stopSurveysByText } from '../surveys/survey-answer.service.ts';
import {
  clearConversation,
  findConversation,
  saveConversation,
} from './sms-conversation.repository.ts';

export interface InboundSms {
  /** The gateway's id of the text: a webhook delivered twice is answered once. */
  sid: string;
  from: string;
  to: string;
  body: string;
}

/** A conversation left unanswered this long starts again from HELP. */
const CONVERSATION_TTL_MS = 24 * 60 * 60 * 1000;

type SmsDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'mailer' | 'sms' | 'openTasks'>;

/**
 * Everything a text to our number can do: STOP and START (at once, for every kind of
 * message), HELP or AYUDA (a short conversation that files a request through the same intake
 * as the web form), STATUS <code> (where a request stands, nothing private), and YES <code>
 * from a volunteer (claims the task under the same one-winner rule as the web).
 * Replies go through the outbox like every other message.
 */
export async function handleInboundSms(deps: SmsDeps, sms: InboundSms): Promise<void> {
  const phone = normalisePhone(sms.from);
  if (!phone) return; // a short code or an alphanumeric sender: nobody to answer
  const index = phoneIndex(deps, phone);
  const msg = parseInbound(sms.body);
  const now = isoNow(deps.clock);

  if (msg.kind === 'stop') {
    await deps.db.transaction().execute(async (trx) => {
      await stopTextsTo(trx, index, now);
      await clearConversation(trx, index);
      await stopSurveysByText(trx, index);
      await audit(trx, deps.clock, {
        actor: { kind: 'system', label: 'sms' },
        action: 'sms.opted_out',
        details: {},
      });
    });
    return; // the gateway confirms STOP itself; we send nothing more
  }

  // A survey in progress by text takes every other reply (SKIP, BACK, a number, YES).
  if (
    msg.kind !== 'start' &&
    (await answerSurveyBySms(deps, { sid: sms.sid, phone, phoneIndex: index, body: sms.body }))
  )
    return;

  const conversation = await findConversation(deps.db, index);
  const live =
    conversation &&
    deps.clock.now().getTime() - Date.parse(conversation.updatedAt) < CONVERSATION_TTL_MS
      ? conversation
      : null;
  const candidates = await networksFor(deps, sms.to);
  const reply = async (network: Network | null, lang: Language, text: string) => {
    await enqueue(deps.db, deps, {
      networkId: network?.id ?? null,
      personId: null,
      channel: 'sms',
      kind: 'sms.reply',
      language: lang,
      to: phone,
      text,
      key: `sms.reply:${sms.sid}`,
    });
  };

  if (msg.kind === 'start') {
    await allowTextsTo(deps.db, index);
    const network = candidates[0] ?? null;
    const lang = langOf(network, deps);
    await reply(
      network,
      lang,
      translator(lang)('sms.start', { network: network?.name ?? 'Mutua' }),
    );
    return;
  }

  if (msg.kind === 'help') {
    const hint = sms.body.trim().split(/\s+/).slice(1).join(' ').toLowerCase();
    const network =
      candidates.length === 1
        ? candidates[0]!
        : (candidates.find((n) => n.slug === hint || n.name.toLowerCase() === hint) ?? null);
    const t = translator(msg.language);
    if (!network) {
      await reply(
        null,
        msg.language,
        candidates.length === 0
          ? t('sms.noNetwork')
          : t('sms.pickNetwork', {
              // The keyword itself, never the text's first word as typed (it may be long).
              keyword: helpKeyword(msg.language),
              names: candidates.map((n) => n.slug).join(', '),
            }),
      );
      return;
    }
    await saveConversation(deps.db, {
      phoneIndex: index,
      networkId: network.id,
      step: 'need',
      language: msg.language,
      category: null,
      updatedAt: now,
    });
    await reply(network, msg.language, needQuestion(t, network));
    return;
  }

  if (msg.kind === 'status' || msg.kind === 'yes' || msg.kind === 'done') {
    const networks = live ? candidates.filter((n) => n.id === live.networkId) : candidates;
    const t = translator(msg.language);
    let found: Awaited<ReturnType<typeof findByCode>>;
    try {
      // Limited per phone like the status page per address: codes cannot be tried in a row.
      found = await limitedLookup(deps.db, deps.clock, `sms:${phone}`, () =>
        findByCode(deps, networks.length ? networks : candidates, msg.code),
      );
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'RATE_LIMITED') throw e;
      await reply(networks[0] ?? null, msg.language, t('sms.tooManyLookups', e.params));
      return;
    }
    if (!found) {
      // Only a short, code-like part of what was typed is repeated (see echoableCode).
      const echo = echoableCode(msg.code);
      await reply(
        networks[0] ?? null,
        msg.language,
        echo ? t('sms.unknownCode', { code: echo }) : t('sms.unknownCodeAny'),
      );
      return;
    }
    if (msg.kind === 'status') {
      const { network, summary } = found;
      await reply(
        network,
        msg.language,
        t('sms.status', {
          code: formatCode(summary.code),
          status: t(`sms.status.${summary.status}`),
        }),
      );
      return;
    }
    if (msg.kind === 'done') {
      await finishByText(deps, {
        ...found,
        phone,
        language: msg.language,
        hours: msg.hours,
        reply,
      });
      return;
    }
    await claimByText(deps, { ...found, phone, language: msg.language, reply });
    return;
  }

  // Free text: the answer to the conversation's question, or a reminder of what works.
  if (!live) {
    const network = candidates[0] ?? null;
    const lang = langOf(network, deps);
    await reply(network, lang, translator(lang)('sms.unknown'));
    return;
  }
  const network =
    candidates.find((n) => n.id === live.networkId) ??
    (await findNetworkById(deps.db, live.networkId));
  const lang = live.language as SmsLanguage;
  const t = translator(lang);
  if (!network) {
    await clearConversation(deps.db, index);
    return;
  }
  if (live.step === 'need') {
    const category = pickOption(
      msg.text,
      network.categories.map((c) => ({ key: c, label: t(`category.${c}` as never) })),
    );
    if (!category) {
      await reply(network, lang, `${t('sms.notUnderstood')} ${needQuestion(t, network)}`);
      return;
    }
    await saveConversation(deps.db, { ...live, step: 'where', category, updatedAt: now });
    const areas = await listAreas(deps.db, network.id);
    await reply(
      network,
      lang,
      areas.length
        ? t('sms.where', { areas: areas.map((a) => a.name).join(', ') })
        : t('sms.whereStreets'),
    );
    return;
  }
  // step 'where': an area by name, or the cross-streets as the (private) address.
  const areas = await listAreas(deps.db, network.id);
  const areaKey = pickOption(
    msg.text,
    areas.map((a) => ({ key: a.id, label: a.name })),
  );
  const scope = await resolveScope(deps.db, { kind: 'anonymous' }, network.slug);
  try {
    const { summary } = await createRequest(deps, {
      actor: { kind: 'anonymous' },
      scope,
      channel: 'sms',
      // Texts come through the gateway: repeats are caught per phone (possible duplicates).
      source: null,
      input: {
        category: live.category ?? network.categories[0]!,
        urgency: 'normal',
        householdSize: 1,
        areaId: areaKey ?? undefined,
        address: areaKey ? undefined : msg.text.slice(0, 200),
        when: 'any',
        name: '',
        phone,
        language: lang,
      },
    });
    await clearConversation(deps.db, index);
    await reply(network, lang, t('sms.created', { code: formatCode(summary.code) }));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await reply(network, lang, t('sms.failed'));
  }
}

function langOf(network: Network | null, deps: Pick<Deps, 'config'>): Language {
  const l = network?.defaultLanguage;
  return l === 'en' || l === 'es' ? l : deps.config.defaultLanguage;
}

function needQuestion(t: Translate, network: Network): string {
  const options = network.categories
    .map((c, i) => `${i + 1} ${t(`category.${c}` as never)}`)
    .join(', ');
  return t('sms.need', { network: network.name, options });
}

/** The networks a text to `to` may be for: the one with that number, or those sharing SMS_FROM. */
async function networksFor(deps: SmsDeps, to: string): Promise<Network[]> {
  const number = normalisePhone(to);
  if (number) {
    const own = await findNetworkBySmsNumber(deps.db, number);
    if (own) return [own];
  }
  if (!deps.config.sms || number !== deps.config.sms.from) return [];
  return (await listNetworks(deps.db)).filter((n) => n.smsNumber === null);
}

async function findByCode(deps: SmsDeps, networks: Network[], raw: string) {
  const code = raw.toUpperCase();
  for (const network of networks) {
    const summary = await requestByCode(deps.db, network.id, code);
    if (summary) return { network, summary };
  }
  return null;
}

async function claimByText(deps: SmsDeps, o: TextCtx): Promise<void> {
  const t = translator(o.language);
  const code = formatCode(o.summary.code);
  const as = await volunteerByPhone(deps, o);
  if (!as) return;
  const { actor, scope } = as;
  try {
    await claimTask(deps, { actor, scope, requestId: o.summary.id });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const key =
      e.code === 'REQUEST_ALREADY_CLAIMED' || e.code === 'NOT_FOUND' ? 'sms.taken' : 'sms.failed';
    await o.reply(o.network, o.language, t(key, { code }));
    return;
  }
  await o.reply(
    o.network,
    o.language,
    t('sms.claimed', {
      code,
      category: t(`category.${o.summary.category}` as never),
      area: o.summary.areaName ?? '',
      link: `${deps.config.baseUrl}/n/${o.network.slug}/tasks/${o.summary.id}`,
    }),
  );
}

type TextCtx = {
  network: Network;
  summary: { id: string; code: string; category: string; areaName: string | null };
  phone: string;
  language: Language;
  reply: (network: Network | null, lang: Language, text: string) => Promise<void>;
};

/**
 * The volunteer of this network whose account has the phone the text came from, as an actor
 * and scope; when there is none, the text is answered so and null returned.
 */
async function volunteerByPhone(deps: SmsDeps, o: TextCtx) {
  let volunteer: { id: string; displayName: string; preferredLanguage: string | null } | null =
    null;
  for (const p of await findPeopleByPhone(deps.db, deps.config.keys, o.phone)) {
    if (atLeast(await findRole(deps.db, o.network.id, p.id), 'volunteer')) volunteer = p;
  }
  if (!volunteer) {
    const t = translator(o.language);
    await o.reply(o.network, o.language, t('sms.notVolunteer', { network: o.network.name }));
    return null;
  }
  const actor: Actor = {
    kind: 'person',
    personId: volunteer.id,
    displayName: volunteer.displayName,
    isOperator: false,
    preferredLanguage: volunteer.preferredLanguage,
    sessionId: 'sms',
  };
  return { actor, scope: await resolveScope(deps.db, actor, o.network.slug) };
}

/** The same bounds as the web's "done" form: a quarter of an hour to a day. */
const MIN_HOURS = 0.25;
const MAX_HOURS = 24;

/**
 * DONE <code> <hours> from the volunteer who holds the task (issue 18: a phone with SMS but no
 * data): the task is finished through the same service as the web's "done" form, which checks
 * again that it is theirs. Without hours, or with hours out of bounds, the reply asks again
 * with the code filled in; a second DONE for a task already finished says it was recorded.
 */
async function finishByText(deps: SmsDeps, o: TextCtx & { hours: number | null }): Promise<void> {
  const t = translator(o.language);
  const code = formatCode(o.summary.code);
  const keyword = DONE_KEYWORDS[o.language as SmsLanguage] ?? DONE_KEYWORDS.en;
  const as = await volunteerByPhone(deps, o);
  if (!as) return;
  if (o.hours === null || !(o.hours >= MIN_HOURS && o.hours <= MAX_HOURS)) {
    await o.reply(o.network, o.language, t('sms.doneHours', { keyword, code }));
    return;
  }
  const hours = Math.round(o.hours * 4) / 4 || MIN_HOURS;
  try {
    await finishTask(deps, { ...as, requestId: o.summary.id, hours });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const key =
      e.code === 'REQUEST_STATUS_CONFLICT'
        ? 'sms.doneAlready'
        : e.code === 'REQUEST_NOT_YOURS' || e.code === 'NOT_FOUND'
          ? 'sms.doneNotYours'
          : 'sms.failed';
    await o.reply(o.network, o.language, t(key, { code }));
    return;
  }
  await o.reply(
    o.network,
    o.language,
    t('sms.doneThanks', {
      code,
      hours: numberFormat(o.language, { maximumFractionDigits: 2 }).format(hours),
    }),
  );
}

export type { Inbound };
