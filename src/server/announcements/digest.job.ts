import type { LatLng } from '../../domain/geo/geo.ts';
import { isoWeek, localParts } from '../../domain/time/iso-week.ts';
import { plural, type Translate } from '../../i18n/i18n.ts';
import { HOUR, isoNow } from '../../shared/clock.ts';
import { numberFormat } from '../../shared/intl.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { listNetworks } from '../core/network.repository.ts';
import type { Network } from '../core/network.ts';
import { resolveScope } from '../core/scope.ts';
import type { ScheduledJob } from '../jobs/scheduler.ts';
import type { Message } from '../notifications/notification.service.ts';
import { notifyPerson } from '../notifications/notification.service.ts';
import { isOnBreak, isoDate } from '../offers/volunteer-profile.rules.ts';
import { volunteerProfileOf } from '../offers/volunteer-profile.service.ts';
import { type FeedItem, taskFeed } from '../requests/task.service.ts';
import { digestSubscribers, markDigestSent } from './digest.repository.ts';

/** Needs per digest: a short email read on a phone; the full list is a link away. */
export const DIGEST_SIZE = 5;
/**
 * Sent from 09:00 to 18:00 in the network's time zone: the first hourly run after 09:00 on
 * Monday sends the week's digests; someone who opts in later in the week gets theirs at the
 * next run in daytime, never at night. Quiet hours still apply on top (notifyPerson).
 */
export const DIGEST_FROM_HOUR = 9;
export const DIGEST_UNTIL_HOUR = 18;

const DAY_MS = 24 * HOUR;

/** One line per need: category, area, distance, how long it has waited. Nothing private. */
export function digestMessage(
  t: Translate,
  lang: Parameters<typeof plural>[0],
  o: { network: string; slug: string; items: FeedItem[]; total: number; now: Date },
): Message {
  const km = numberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const lines = o.items.map((i) => {
    const days = Math.max(
      0,
      Math.floor((o.now.getTime() - Date.parse(i.request.createdAt)) / DAY_MS),
    );
    const parts = [
      t(`category.${i.request.category}` as never),
      i.request.areaName ?? t('tasks.areaUnknown'),
      ...(i.km === null ? [] : [t('digest.km', { km: km.format(i.km) })]),
      days === 0 ? t('digest.today') : t(plural(lang, 'digest.days', days), { days }),
    ];
    return `• ${parts.join(' · ')}`;
  });
  return {
    title: t('digest.mail.subject', { network: o.network }),
    text: [
      t(plural(lang, 'digest.mail.intro', o.total), { count: o.total }),
      lines.join('\n'),
      t('digest.mail.optOut'),
    ].join('\n\n'),
    link: `/n/${o.slug}/tasks`,
    linkLabel: t('digest.mail.link'),
  };
}

/** Where the volunteer said home is: their own point, else their home area's centre. */
async function homeOf(deps: Pick<Deps, 'db'>, network: Network, personId: string, today: string) {
  const profile = await volunteerProfileOf(deps.db, network.id, personId);
  if (profile && isOnBreak(profile.onBreak, profile.breakUntil, today)) return 'on-break' as const;
  let home: LatLng | null = profile?.home ?? null;
  if (!home && profile?.homeArea) {
    const area = (await listAreas(deps.db, network.id)).find((a) => a.id === profile.homeArea!.id);
    home = area?.centre ?? null;
  }
  return { home, radiusKm: profile?.radiusKm };
}

/**
 * Sends this week's digest to every volunteer of every network who asked for it, with the
 * open needs near their home (the same feed as "Tasks near me"). Once per person, network
 * and ISO week; a week with nothing near them sends nothing (and a later run may still send).
 */
export async function sendDigests(deps: Deps): Promise<string> {
  let sent = 0;
  const now = deps.clock.now();
  for (const network of await listNetworks(deps.db)) {
    const { hour } = localParts(now, network.timeZone);
    if (hour < DIGEST_FROM_HOUR || hour >= DIGEST_UNTIL_HOUR) continue;
    const week = isoWeek(now, network.timeZone);
    const people = await digestSubscribers(deps.db, network.id, week, [
      'volunteer',
      'coordinator',
      'admin',
    ]);
    for (const p of people) {
      const home = await homeOf(deps, network, p.personId, isoDate(now));
      if (home === 'on-break') continue;
      const scope = await resolveScope(
        deps.db,
        {
          kind: 'person',
          personId: p.personId,
          displayName: p.displayName,
          isOperator: false,
          preferredLanguage: null,
          sessionId: 'digest-job',
        },
        network.slug,
      );
      const feed = await taskFeed(deps, { scope, home: home.home, radiusKm: home.radiusKm });
      if (feed.items.length === 0) continue;
      const items = feed.items.slice(0, DIGEST_SIZE);
      await deps.db.transaction().execute(async (trx) => {
        const first = await markDigestSent(trx, {
          networkId: network.id,
          personId: p.personId,
          week,
          now: isoNow(deps.clock),
        });
        if (!first) return;
        await notifyPerson(trx, deps, {
          personId: p.personId,
          networkId: network.id,
          kind: 'digest',
          // One per person and week; the network too, for someone who volunteers in two.
          key: `digest:${p.personId}:${week}:${network.id}`,
          channels: ['email'],
          compose: (t, lang) =>
            digestMessage(t, lang, {
              network: network.name,
              slug: network.slug,
              items,
              total: feed.total,
              now,
            }),
        });
        sent++;
      });
    }
  }
  return `sent ${sent}`;
}

export const digestJob: ScheduledJob = {
  name: 'weekly-digest',
  everyMs: HOUR,
  run: sendDigests,
};
