import { can } from '../../domain/access/roles.ts';
import type { Audience } from '../../domain/announcements/audience.ts';
import type { Translate } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { reachable } from '../core/person.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { type Message, notifyPerson } from '../notifications/notification.service.ts';
import { phoneIndex } from '../outbox/outbox.service.ts';
import { contactForDelivery } from '../privacy/person-contact.ts';
import {
  type Announcement,
  type AudienceMember,
  audienceMembers,
  findAnnouncement,
  insertAnnouncement,
  isRecipient,
  listAnnouncements,
  optedOutIndexes,
} from './announcement.repository.ts';

export interface AnnouncementInput {
  title: string;
  body: string;
  language: string;
  audience: Audience;
  public: boolean;
}

/** How many people it reaches: all in the in-app list, and by each channel they get. */
export interface Reach {
  people: number;
  email: number;
  sms: number;
}

/** Past announcements on one page: enough for a season of weekly news. */
export const ANNOUNCEMENTS_SHOWN = 50;

async function checkedAudience(deps: Pick<Deps, 'db'>, scope: NetworkScope, a: Audience) {
  if (a.areaId) {
    const areas = await listAreas(deps.db, scope.network.id);
    if (!areas.some((x) => x.id === a.areaId))
      throw new AppError('VALIDATION_FAILED', {}, { audienceAreaId: { key: 'field.choose' } });
  }
  return audienceMembers(deps.db, scope.network, a);
}

async function reachOf(
  deps: Pick<Deps, 'db' | 'config' | 'mailer' | 'sms'>,
  members: AudienceMember[],
): Promise<Reach> {
  // The phones are opened only to compare with the STOP list (both as blind indexes).
  const phones = deps.sms.enabled
    ? members
        .filter((m) => m.wantsSms && reachable(m.contact).phone)
        .map((m) => phoneIndex(deps, contactForDelivery(deps.config.keys, m.contact).phone!))
    : [];
  const stopped = await optedOutIndexes(deps.db, phones);
  return {
    people: members.length,
    email: deps.mailer.enabled
      ? members.filter((m) => m.wantsEmail && reachable(m.contact).email).length
      : 0,
    sms: phones.filter((index) => !stopped.has(index)).length,
  };
}

/** How many people an announcement would reach, per channel, before it is sent. */
export async function previewAnnouncement(
  deps: Pick<Deps, 'db' | 'config' | 'mailer' | 'sms'>,
  { scope, audience }: { scope: NetworkScope; audience: Audience },
): Promise<Reach> {
  authorize(scope, 'announcements.send');
  return reachOf(deps, await checkedAudience(deps, scope, audience));
}

/**
 * The words each person reads, in their language around the coordinator's own: a subject
 * prefix naming the network, a greeting, the body as written, and a line saying who sent it
 * and where to read it again.
 */
export function announcementMessage(
  t: Translate,
  o: {
    network: string;
    slug: string;
    a: Pick<Announcement, 'id' | 'title' | 'body'>;
    name: string;
  },
): Message {
  return {
    title: t('announce.mail.subject', { network: o.network, title: o.a.title }),
    text: [
      t('announce.mail.greeting', { name: o.name }),
      o.a.body,
      t('announce.mail.signoff', { network: o.network }),
    ].join('\n\n'),
    link: `/n/${o.slug}/announcements/${o.a.id}`,
    linkLabel: t('announce.mail.link'),
  };
}

/** "Ana" of "Ana María López": a greeting, not a form letter. */
function firstName(displayName: string): string {
  return displayName.trim().split(/\s+/)[0] ?? '';
}

/**
 * Sends an announcement: in one transaction the announcement, its recipients, an audit
 * entry, and one notification per person (in-app, and by email and text as each chose, in
 * their language, after their quiet hours). Either everyone is told or no one is.
 */
export async function sendAnnouncement(
  deps: Pick<Deps, 'db' | 'config' | 'clock' | 'mailer' | 'sms'>,
  { actor, scope, input }: { actor: Actor; scope: NetworkScope; input: AnnouncementInput },
): Promise<{ id: string; reach: Reach }> {
  authorize(scope, 'announcements.send');
  const members = await checkedAudience(deps, scope, input.audience);
  const reach = await reachOf(deps, members);
  const id = newId();
  const now = isoNow(deps.clock);
  const n = scope.network;
  await deps.db.transaction().execute(async (trx) => {
    await insertAnnouncement(
      trx,
      {
        id,
        networkId: n.id,
        authorId: scope.personId,
        title: input.title,
        body: input.body,
        language: input.language,
        audience: {
          role: input.audience.role,
          areaId: input.audience.areaId,
          language: input.audience.language,
        },
        public: input.public,
        recipients: members.length,
        createdAt: now,
      },
      members.map((m) => m.personId),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'announcement.sent',
      networkId: n.id,
      subject: { type: 'announcement', id },
      details: { recipients: members.length, email: reach.email, sms: reach.sms },
    });
    const a = { id, title: input.title, body: input.body };
    for (const m of members) {
      await notifyPerson(trx, deps, {
        personId: m.personId,
        networkId: n.id,
        kind: 'announcement',
        key: `announcement:${id}:${m.personId}`,
        compose: (t) =>
          announcementMessage(t, {
            network: n.name,
            slug: n.slug,
            a,
            name: firstName(m.displayName),
          }),
      });
    }
  });
  return { id, reach };
}

const canSend = (scope: NetworkScope) => can(scope.role, 'announcements.send');

/** Coordinators see every announcement; members see those that were sent to them. */
export async function announcementsFor(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<{ all: boolean; items: Announcement[] }> {
  authorize(scope, 'announcements.view');
  const all = canSend(scope);
  const items = await listAnnouncements(deps.db, scope.network.id, {
    forPerson: all ? undefined : scope.personId!,
    limit: ANNOUNCEMENTS_SHOWN,
  });
  return { all, items };
}

/** One announcement: to coordinators, to the people it was sent to, and to anyone if public. */
export async function viewAnnouncement(
  deps: Pick<Deps, 'db'>,
  { scope, id }: { scope: NetworkScope; id: string },
): Promise<Announcement> {
  const a = await findAnnouncement(deps.db, scope.network.id, id);
  if (!a) throw new AppError('NOT_FOUND');
  if (a.public || canSend(scope)) return a;
  authorize(scope, 'announcements.view');
  if (!(await isRecipient(deps.db, a.id, scope.personId!))) throw new AppError('NOT_FOUND');
  return a;
}

/** What the community board shows: public announcements only, never who they went to. */
export async function publicAnnouncements(
  deps: Pick<Deps, 'db'>,
  networkId: string,
  limit: number,
): Promise<Announcement[]> {
  return listAnnouncements(deps.db, networkId, { publicOnly: true, limit });
}
