import { quietUntil } from '../../domain/time/quiet-hours.ts';
import { isLanguage, type Language, type Translate, translator } from '../../i18n/i18n.ts';
import { newId } from '../../shared/ids.ts';
import type { Db } from '../db/database.ts';
import type { Deps } from '../deps.ts';
import { type EnqueueResult, enqueue } from '../outbox/outbox.service.ts';
import { findPerson } from '../people/person.repository.ts';
import { renderEmail } from './email-template.tsx';
import { findPrefs, insertNotification } from './notification.repository.ts';

export interface Message {
  title: string;
  text: string;
  /** A path inside Mutua (`/n/…`) or an absolute URL. */
  link?: string | null | undefined;
  linkLabel?: string | undefined;
}

export type Compose = (t: Translate, lang: Language) => Message;

type NotifyDeps = Pick<Deps, 'config' | 'clock' | 'mailer' | 'sms'>;

/** A text stays within three SMS segments. */
const SMS_MAX = 459;

export function absolute(deps: Pick<Deps, 'config'>, link: string): string {
  return /^https?:\/\//.test(link) ? link : `${deps.config.baseUrl}${link}`;
}

export function smsText(deps: Pick<Deps, 'config'>, m: Message): string {
  const link = m.link ? ` ${absolute(deps, m.link)}` : '';
  const body = `${m.title}: ${m.text.replace(/\s+/g, ' ')}`.trim();
  const room = SMS_MAX - link.length;
  return (body.length > room ? `${body.slice(0, room - 1)}…` : body) + link;
}

async function networkInfo(db: Db, networkId: string | null) {
  if (!networkId) return null;
  return (
    (await db
      .selectFrom('networks')
      .select(['slug', 'default_language', 'time_zone'])
      .where('id', '=', networkId)
      .executeTakeFirst()) ?? null
  );
}

async function send(
  db: Db,
  deps: NotifyDeps,
  o: {
    networkId: string | null;
    personId: string | null;
    kind: string;
    key: string;
    lang: Language;
    message: Message;
    email: string | null;
    phone: string | null;
    notBefore?: string | undefined;
  },
): Promise<{ email: EnqueueResult | null; sms: EnqueueResult | null }> {
  const t = translator(o.lang);
  const out: { email: EnqueueResult | null; sms: EnqueueResult | null } = {
    email: null,
    sms: null,
  };
  if (o.email && deps.mailer.enabled) {
    const mail = renderEmail(
      t,
      o.lang,
      { ...o.message, link: o.message.link ? absolute(deps, o.message.link) : null },
      absolute(deps, '/account/notifications'),
    );
    out.email = await enqueue(db, deps, {
      networkId: o.networkId,
      personId: o.personId,
      channel: 'email',
      kind: o.kind,
      language: o.lang,
      to: o.email,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      key: `${o.key}:email`,
      notBefore: o.notBefore,
    });
  }
  if (o.phone && deps.sms.enabled) {
    out.sms = await enqueue(db, deps, {
      networkId: o.networkId,
      personId: o.personId,
      channel: 'sms',
      kind: o.kind,
      language: o.lang,
      to: o.phone,
      text: smsText(deps, o.message),
      key: `${o.key}:sms`,
      notBefore: o.notBefore,
    });
  }
  return out;
}

/**
 * Tells a person something: in the in-app list always, and by email and text as they chose,
 * in their language, after their quiet hours unless it is urgent. Call it inside the
 * transaction of the event, so the message exists exactly when the event does; `key` names
 * the moment ('task.started:<request>') so the same event never notifies twice.
 */
export async function notifyPerson(
  db: Db,
  deps: NotifyDeps,
  o: {
    personId: string;
    networkId: string | null;
    kind: string;
    key: string;
    compose: Compose;
    urgent?: boolean;
    /** Only these channels (for example only SMS for a task offered by text). */
    channels?: readonly ('email' | 'sms')[];
  },
) {
  const [person, prefs, network] = await Promise.all([
    findPerson(db, o.personId),
    findPrefs(db, o.personId),
    networkInfo(db, o.networkId),
  ]);
  if (!person || person.disabled) return { email: null, sms: null };
  const preferred = person.preferredLanguage ?? network?.default_language;
  const lang: Language = isLanguage(preferred) ? preferred : deps.config.defaultLanguage;
  const message = o.compose(translator(lang), lang);
  await insertNotification(db, {
    id: newId(),
    person_id: person.id,
    network_id: o.networkId,
    kind: o.kind,
    title: message.title,
    body: message.text,
    link: message.link ?? null,
    read_at: null,
    created_at: deps.clock.now().toISOString(),
  });
  const allowed = (c: 'email' | 'sms') => !o.channels || o.channels.includes(c);
  const wait = o.urgent
    ? null
    : quietUntil(deps.clock.now(), network?.time_zone ?? 'UTC', prefs.quiet);
  return send(db, deps, {
    networkId: o.networkId,
    personId: person.id,
    kind: o.kind,
    key: o.key,
    lang,
    message,
    email: prefs.email && allowed('email') ? person.email : null,
    phone: prefs.sms && allowed('sms') ? person.phone : null,
    notBefore: wait?.toISOString(),
  });
}

/**
 * Tells someone who may have no account (a requester) through the contact they gave, in the
 * language they asked in. They asked us to reach them this way; there is no in-app list.
 */
export async function notifyContact(
  db: Db,
  deps: NotifyDeps,
  o: {
    networkId: string;
    kind: string;
    key: string;
    language: string;
    email: string | null;
    phone: string | null;
    compose: Compose;
  },
) {
  const lang: Language = isLanguage(o.language) ? o.language : deps.config.defaultLanguage;
  return send(db, deps, {
    networkId: o.networkId,
    personId: null,
    kind: o.kind,
    key: o.key,
    lang,
    message: o.compose(translator(lang), lang),
    email: o.email,
    phone: o.phone,
  });
}
