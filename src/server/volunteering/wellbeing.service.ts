import {
  activeMisses,
  FEELINGS,
  type Feeling,
  FORGIVENESS_DAYS,
  type Milestone,
  milestonesReached,
  needsRest,
} from '../../domain/volunteering/wellbeing.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { hmac, safeEqual } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope, requirePerson } from '../core/scope.ts';
import { volunteerProfileOf } from '../offers/volunteer-profile.service.ts';
import { listMisses } from './signup.repository.ts';
import { hoursInWeek, weekAround } from './signup.service.ts';
import {
  findSettings,
  insertCheckin,
  listCheckins,
  saveSettings,
  totalsOfCelebrating,
} from './wellbeing.repository.ts';

export const NOTE_MAX = 500;
/** The coordinators' dashboard looks at the last four weeks of check-ins. */
const CHECKIN_DAYS = 28;

/**
 * The private calendar link: an HMAC of the network, the person and a version number, so
 * nothing secret is stored and a reset (version + 1) retires every old link at once.
 */
export function feedToken(secret: string, networkId: string, personId: string, version: number) {
  return hmac(secret, `calendar:${networkId}:${personId}:${version}`).slice(0, 32);
}

export async function feedPath(
  deps: Pick<Deps, 'db' | 'config'>,
  scope: NetworkScope,
  personId: string,
): Promise<string> {
  const s = await findSettings(deps.db, scope.network.id, personId);
  const token = feedToken(deps.config.secretKey, scope.network.id, personId, s.feedVersion);
  return `/n/${scope.network.slug}/calendar/feed/${personId}/${token}.ics`;
}

export async function checkFeedToken(
  deps: Pick<Deps, 'db' | 'config'>,
  networkId: string,
  personId: string,
  token: string,
): Promise<boolean> {
  const s = await findSettings(deps.db, networkId, personId);
  return safeEqual(token, feedToken(deps.config.secretKey, networkId, personId, s.feedVersion));
}

async function changeSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  scope: NetworkScope,
  change: 'reset' | { celebrate: boolean },
) {
  authorize(scope, 'volunteering.own');
  const personId = requirePerson(actor);
  await deps.db.transaction().execute(async (trx) => {
    const s = await findSettings(trx, scope.network.id, personId);
    const next =
      change === 'reset'
        ? { ...s, feedVersion: s.feedVersion + 1 }
        : { ...s, celebrate: change.celebrate };
    await saveSettings(trx, scope.network.id, personId, next, newId(), isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: change === 'reset' ? 'calendar.link_reset' : 'milestones.choice_changed',
      networkId: scope.network.id,
      subject: { type: 'person', id: personId },
      ...(change === 'reset' ? {} : { details: { celebrate: change.celebrate } }),
    });
  });
}

export const resetFeedLink = (
  deps: Pick<Deps, 'db' | 'clock'>,
  a: { actor: Actor; scope: NetworkScope },
) => changeSettings(deps, a.actor, a.scope, 'reset');

export const setCelebrate = (
  deps: Pick<Deps, 'db' | 'clock'>,
  a: { actor: Actor; scope: NetworkScope; celebrate: boolean },
) => changeSettings(deps, a.actor, a.scope, { celebrate: a.celebrate });

/** "How are you doing?": private; only the network's coordinators see it. */
export async function checkIn(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    input,
  }: { actor: Actor; scope: NetworkScope; input: { feeling: string; note?: string | undefined } },
): Promise<void> {
  authorize(scope, 'volunteering.own');
  const personId = requirePerson(actor);
  if (!(FEELINGS as readonly string[]).includes(input.feeling))
    throw new AppError('VALIDATION_FAILED', {}, { feeling: { key: 'field.choose' } });
  const note = (input.note ?? '').trim();
  if (note.length > NOTE_MAX)
    throw new AppError(
      'VALIDATION_FAILED',
      {},
      { note: { key: 'field.tooLong', params: { max: NOTE_MAX } } },
    );
  await deps.db.transaction().execute(async (trx) => {
    const id = newId();
    await insertCheckin(
      trx,
      { id, networkId: scope.network.id, personId, feeling: input.feeling, note },
      isoNow(deps.clock),
    );
    // The feeling and note stay out of the audit log: it says only that one was made.
    await audit(trx, deps.clock, {
      actor,
      action: 'wellbeing.checked_in',
      networkId: scope.network.id,
      subject: { type: 'checkin', id },
    });
  });
}

/** The volunteer's own picture: settings, a rest nudge after heavy weeks. */
export async function myWellbeing(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope }: { actor: Actor; scope: NetworkScope },
) {
  authorize(scope, 'volunteering.own');
  const personId = requirePerson(actor);
  const tz = scope.network.timeZone;
  const now = deps.clock.now().getTime();
  const weeks: number[] = [];
  for (let w = 3; w >= 0; w--) {
    weeks.push(
      await hoursInWeek(
        deps.db,
        scope.network.id,
        personId,
        weekAround(new Date(now - w * 7 * DAY), tz),
      ),
    );
  }
  const profile = await volunteerProfileOf(deps.db, scope.network.id, personId);
  const settings = await findSettings(deps.db, scope.network.id, personId);
  // The nudge looks at the three weeks before this one, which are over.
  const rest = profile ? needsRest(weeks.slice(0, 3), profile.weeklyHourCap) : false;
  return { settings, rest, feed: await feedPath(deps, scope, personId) };
}

/** Coordinators: check-ins counted by feeling, the recent ones, misses still counted. */
export async function wellbeingDashboard(
  deps: Pick<Deps, 'db' | 'clock'>,
  { scope }: { scope: NetworkScope },
) {
  authorize(scope, 'wellbeing.view');
  const now = deps.clock.now();
  const [checkins, misses] = await Promise.all([
    listCheckins(
      deps.db,
      scope.network.id,
      new Date(now.getTime() - CHECKIN_DAYS * DAY).toISOString(),
    ),
    listMisses(
      deps.db,
      scope.network.id,
      new Date(now.getTime() - FORGIVENESS_DAYS * DAY).toISOString(),
    ),
  ]);
  const counts = Object.fromEntries(FEELINGS.map((f) => [f, 0])) as Record<Feeling, number>;
  const latest = new Map<string, (typeof checkins)[number]>();
  for (const c of checkins) if (!latest.has(c.personId)) latest.set(c.personId, c);
  for (const c of latest.values()) counts[c.feeling as Feeling] += 1;
  const byPerson = new Map<string, { name: string; at: string[] }>();
  for (const m of misses) {
    const p = byPerson.get(m.personId) ?? { name: m.name, at: [] };
    p.at.push(m.at);
    byPerson.set(m.personId, p);
  }
  return {
    counts,
    recent: [...latest.values()],
    misses: [...byPerson.values()]
      .map((p) => ({ name: p.name, count: activeMisses(p.at, now) }))
      .filter((p) => p.count > 0),
  };
}

export interface PublicMilestone {
  name: string;
  milestones: Milestone[];
}

/**
 * Milestones (first task, 10, 50 and 100 hours) of the people who chose to celebrate them,
 * for the community board (/n/:slug/board), under the display name the person chose; nobody
 * who did not opt in appears.
 */
export async function listPublicMilestones(
  deps: Pick<Deps, 'db'>,
  networkId: string,
): Promise<PublicMilestone[]> {
  const totals = await totalsOfCelebrating(deps.db, networkId);
  return totals
    .map((t) => ({ name: t.name, milestones: milestonesReached(t.tasks, t.hours) }))
    .filter((m) => m.milestones.length > 0);
}
