import type { Role } from '../../domain/access/roles.ts';
import { type Audience, rolesOf } from '../../domain/announcements/audience.ts';
import { type SealedContact, sealedContactOf } from '../core/person.ts';
import type { Db } from '../db/database.ts';
import type { AnnouncementTable } from '../db/schema.ts';

export interface Announcement {
  id: string;
  networkId: string;
  authorId: string | null;
  title: string;
  body: string;
  language: string;
  audience: Audience;
  /** The area's name when the audience is an area (and the area still exists). */
  areaName: string | null;
  public: boolean;
  recipients: number;
  createdAt: string;
}

type Row = AnnouncementTable & { area_name: string | null };

function announcementFromRow(r: Row): Announcement {
  return {
    id: r.id,
    networkId: r.network_id,
    authorId: r.author_id,
    title: r.title,
    body: r.body,
    language: r.language,
    audience: {
      role: (r.audience_role ?? 'everyone') as Audience['role'],
      areaId: r.audience_area_id,
      language: r.audience_language,
    },
    areaName: r.area_name,
    public: Number(r.public) === 1,
    recipients: Number(r.recipients),
    createdAt: r.created_at,
  };
}

/** One member the announcement reaches, with what the preview needs to count channels. */
export interface AudienceMember {
  personId: string;
  displayName: string;
  /** Sealed: counted with `reachable`, opened only to deliver (privacy/person-contact.ts). */
  contact: SealedContact;
  /** From notification_prefs; a person who never chose gets email and texts. */
  wantsEmail: boolean;
  wantsSms: boolean;
}

/** The members an audience reaches (see domain/announcements/audience.ts for the rules). */
export async function audienceMembers(
  db: Db,
  network: { id: string; defaultLanguage: string },
  a: Audience,
): Promise<AudienceMember[]> {
  let q = db
    .selectFrom('memberships')
    .innerJoin('people', 'people.id', 'memberships.person_id')
    .leftJoin('notification_prefs', 'notification_prefs.person_id', 'people.id')
    .where('memberships.network_id', '=', network.id)
    .where('people.disabled_at', 'is', null);
  const roles = rolesOf(a.role);
  if (roles) q = q.where('memberships.role', 'in', [...roles] as Role[]);
  if (a.areaId) {
    const areaId = a.areaId;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('volunteer_profiles')
          .select('volunteer_profiles.id')
          .whereRef('volunteer_profiles.person_id', '=', 'people.id')
          .where('volunteer_profiles.network_id', '=', network.id)
          .where('volunteer_profiles.home_area_id', '=', areaId),
      ),
    );
  }
  if (a.language) {
    const lang = a.language;
    q =
      lang === network.defaultLanguage
        ? q.where((eb) =>
            eb.or([
              eb('people.preferred_language', '=', lang),
              eb('people.preferred_language', 'is', null),
            ]),
          )
        : q.where('people.preferred_language', '=', lang);
  }
  const rows = await q
    .select([
      'people.id',
      'people.display_name',
      'people.email_enc',
      'people.phone_enc',
      'notification_prefs.email as pref_email',
      'notification_prefs.sms as pref_sms',
    ])
    .orderBy('people.id')
    .execute();
  return rows.map((r) => ({
    personId: r.id,
    displayName: r.display_name,
    contact: sealedContactOf(r),
    wantsEmail: r.pref_email === null ? true : Number(r.pref_email) === 1,
    wantsSms: r.pref_sms === null ? true : Number(r.pref_sms) === 1,
  }));
}

/** Which of these phone indexes have sent STOP. */
export async function optedOutIndexes(db: Db, indexes: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  // 500 per query: well under SQLite's limit of bound parameters.
  for (let i = 0; i < indexes.length; i += 500) {
    const rows = await db
      .selectFrom('sms_opt_outs')
      .select('phone_index')
      .where('phone_index', 'in', indexes.slice(i, i + 500))
      .execute();
    for (const r of rows) out.add(r.phone_index);
  }
  return out;
}

export async function insertAnnouncement(
  db: Db,
  a: Omit<Announcement, 'areaName'>,
  personIds: readonly string[],
): Promise<void> {
  await db
    .insertInto('announcements')
    .values({
      id: a.id,
      network_id: a.networkId,
      author_id: a.authorId,
      title: a.title,
      body: a.body,
      language: a.language,
      audience_role: a.audience.role,
      audience_area_id: a.audience.areaId,
      audience_language: a.audience.language,
      public: a.public ? 1 : 0,
      recipients: a.recipients,
      created_at: a.createdAt,
    })
    .execute();
  for (let i = 0; i < personIds.length; i += 500) {
    await db
      .insertInto('announcement_recipients')
      .values(personIds.slice(i, i + 500).map((p) => ({ announcement_id: a.id, person_id: p })))
      .execute();
  }
}

function announcements(db: Db) {
  return db
    .selectFrom('announcements')
    .leftJoin('areas', 'areas.id', 'announcements.audience_area_id')
    .selectAll('announcements')
    .select('areas.name as area_name');
}

export async function findAnnouncement(
  db: Db,
  networkId: string,
  id: string,
): Promise<Announcement | null> {
  const row = await announcements(db)
    .where('announcements.network_id', '=', networkId)
    .where('announcements.id', '=', id)
    .executeTakeFirst();
  return row ? announcementFromRow(row) : null;
}

export async function isRecipient(db: Db, announcementId: string, personId: string) {
  const row = await db
    .selectFrom('announcement_recipients')
    .select('person_id')
    .where('announcement_id', '=', announcementId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The network's announcements, newest first: all of them (`forPerson` null), only those
 * sent to one person, or only the public ones.
 */
export async function listAnnouncements(
  db: Db,
  networkId: string,
  f: { forPerson?: string | undefined; publicOnly?: boolean | undefined; limit: number },
): Promise<Announcement[]> {
  let q = announcements(db).where('announcements.network_id', '=', networkId);
  if (f.publicOnly) q = q.where('announcements.public', '=', 1);
  if (f.forPerson) {
    const personId = f.forPerson;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('announcement_recipients')
          .select('announcement_recipients.person_id')
          .whereRef('announcement_recipients.announcement_id', '=', 'announcements.id')
          .where('announcement_recipients.person_id', '=', personId),
      ),
    );
  }
  const rows = await q
    .orderBy('announcements.created_at', 'desc')
    .orderBy('announcements.id', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map(announcementFromRow);
}
