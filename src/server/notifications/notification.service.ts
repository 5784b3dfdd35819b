import { parseClock, quietUntil } from '../../domain/time/quiet-hours.ts';
import { isLanguage, type Language, type Translate, translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findNetworkById } from '../core/network.repository.ts';
import { findPerson } from '../core/person.repository.ts';
import { requirePerson as requirePersonId } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import { type EnqueueResult, enqueue } from '../outbox/outbox.service.ts';
import { contactForDelivery, ownContact } from '../privacy/person-contact.ts';
import { renderEmail } from './email-template.tsx';
import {
  countUnread,
  findPrefs,
  insertNotification,
  listNotifications,
  markAllRead,
  savePrefs,
} from './notification.repository.ts';

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
): Promise<{ email: EnqueueResult | null; sms: EnqueueResult | null }> {
  const [person, prefs, network] = await Promise.all([
    findPerson(db, o.personId),
    findPrefs(db, o.personId),
    o.networkId ? findNetworkById(db, o.networkId) : null,
  ]);
  if (!person || person.disabled) return { email: null, sms: null };
  const preferred = person.preferredLanguage ?? network?.defaultLanguage;
  const lang: Language = isLanguage(preferred) ? preferred : deps.config.defaultLanguage;
  const message = o.compose(translator(lang), lang);
  const first = await insertNotification(db, {
    id: newId(),
    person_id: person.id,
    network_id: o.networkId,
    kind: o.kind,
    dedupe_key: o.key,
    title: message.title,
    body: message.text,
    link: message.link ?? null,
    read_at: null,
    created_at: deps.clock.now().toISOString(),
  });
  if (!first) return { email: 'duplicate', sms: 'duplicate' };
  const allowed = (c: 'email' | 'sms') => !o.channels || o.channels.includes(c);
  const contact = contactForDelivery(deps.config.keys, person.contact);
  const wait = o.urgent
    ? null
    : quietUntil(deps.clock.now(), network?.timeZone ?? 'UTC', prefs.quiet);
  return send(db, deps, {
    networkId: o.networkId,
    personId: person.id,
    kind: o.kind,
    key: o.key,
    lang,
    message,
    email: prefs.email && allowed('email') ? contact.email : null,
    phone: prefs.sms && allowed('sms') ? contact.phone : null,
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

export const NOTIFICATIONS_PAGE = 20;

/** The signed-in person's in-app notifications, newest first. */
export async function myNotifications(deps: Pick<Deps, 'db'>, actor: Actor, page: number) {
  const personId = requirePersonId(actor);
  const list = await listNotifications(
    deps.db,
    personId,
    NOTIFICATIONS_PAGE,
    (page - 1) * NOTIFICATIONS_PAGE,
  );
  return { ...list, unread: await countUnread(deps.db, personId) };
}

export async function readAllNotifications(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor) {
  await markAllRead(deps.db, requirePersonId(actor), isoNow(deps.clock));
}

export async function myPreferences(deps: Pick<Deps, 'db' | 'config'>, actor: Actor) {
  const personId = requirePersonId(actor);
  const [prefs, person] = await Promise.all([
    findPrefs(deps.db, personId),
    findPerson(deps.db, personId),
  ]);
  return {
    prefs,
    contact: person
      ? ownContact(deps.config.keys, actor, person.contact)
      : { email: null, phone: null },
  };
}

/**
 * Saves how and when the person is reached. Quiet hours are both times or neither
 * (24-hour "22:00"); the weekly digest choice is kept as it was.
 */
export async function saveMyPreferences(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { email: boolean; sms: boolean; quietFrom: string; quietTo: string },
): Promise<void> {
  const personId = requirePersonId(actor);
  const from = input.quietFrom.trim() ? parseClock(input.quietFrom) : null;
  const to = input.quietTo.trim() ? parseClock(input.quietTo) : null;
  const fields: Record<string, { key: string }> = {};
  if (input.quietFrom.trim() && from === null)
    fields.quietFrom = { key: 'notifications.clockInvalid' };
  if (input.quietTo.trim() && to === null) fields.quietTo = { key: 'notifications.clockInvalid' };
  if (!fields.quietFrom && !fields.quietTo && (from === null) !== (to === null)) {
    fields[from === null ? 'quietFrom' : 'quietTo'] = { key: 'notifications.quietBoth' };
  }
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  const before = await findPrefs(deps.db, personId);
  await savePrefs(
    deps.db,
    personId,
    {
      email: input.email,
      sms: input.sms,
      quiet: from !== null && to !== null && from !== to ? { from, to } : null,
      digest: before.digest,
    },
    isoNow(deps.clock),
  );
}

/** Whether the person has the weekly digest (their other ways of being reached untouched). */
export async function myDigestChoice(deps: Pick<Deps, 'db'>, actor: Actor): Promise<boolean> {
  return (await findPrefs(deps.db, requirePersonId(actor))).digest;
}

/** Turns the person's weekly digest on or off, keeping the rest of their preferences. */
export async function saveMyDigestChoice(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  digest: boolean,
): Promise<void> {
  const personId = requirePersonId(actor);
  const prefs = await findPrefs(deps.db, personId);
  await savePrefs(deps.db, personId, { ...prefs, digest }, isoNow(deps.clock));
}
