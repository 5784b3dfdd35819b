import { addDays, utcToLocal } from '../../domain/time/zoned-time.ts';
import { HOUR, isoNow, MINUTE } from '../../shared/clock.ts';
import type { Deps } from '../core/deps.ts';
import { listNetworks } from '../core/network.repository.ts';
import type { ScheduledJob } from '../jobs/scheduler.ts';
import { notifyPerson } from '../notifications/notification.service.ts';
import { listSeries } from './event.repository.ts';
import { HORIZON_DAYS, materialise } from './event.service.ts';
import { listStartingBetween, setSignup } from './signup.repository.ts';

/** At most this many reminders per run; the next run (a quarter of an hour later) sends more. */
const BATCH = 500;
const DAY_BEFORE = 24 * HOUR;
const SOON = 2 * HOUR;

/**
 * Reminds volunteers of their shifts the day before and two hours before, through the
 * outbox, in their channel and language and after their quiet hours (notifyPerson). A shift
 * signed up for less than two hours ahead gets only the second. Each reminder is marked on
 * the sign-up in the same transaction, and keyed by sign-up, so none is sent twice. The job
 * also keeps every recurring series made half a year ahead.
 */
export const reminderJob: ScheduledJob = {
  name: 'shift-reminders',
  everyMs: 15 * MINUTE,
  async run(deps: Deps) {
    const now = deps.clock.now();
    const due = await listStartingBetween(
      deps.db,
      now.toISOString(),
      new Date(now.getTime() + DAY_BEFORE).toISOString(),
      BATCH,
    );
    const networks = new Map((await listNetworks(deps.db)).map((n) => [n.id, n]));
    let sent = 0;
    for (const s of due) {
      const soon = Date.parse(s.startsAt) - now.getTime() <= SOON;
      if (soon ? s.remindedSoon : s.remindedDay) continue;
      const tz = networks.get(s.networkId)?.timeZone ?? 'UTC';
      const local = utcToLocal(new Date(s.startsAt), tz);
      await deps.db.transaction().execute(async (trx) => {
        await notifyPerson(trx, deps, {
          personId: s.personId,
          networkId: s.networkId,
          kind: 'shift.reminder',
          key: `shift.reminder.${soon ? 'soon' : 'day'}:${s.signupId}`,
          // A reminder two hours ahead must not wait for quiet hours to end.
          urgent: soon,
          compose: (t) => ({
            title: t(soon ? 'vol.reminderSoonTitle' : 'vol.reminderDayTitle'),
            text: t('vol.reminderText', {
              title: s.title,
              date: local.date,
              time: local.time,
              place: s.place || '—',
            }),
            link: `/n/${networks.get(s.networkId)?.slug}/events/${s.eventId}`,
          }),
        });
        await setSignup(
          trx,
          s.signupId,
          soon ? { remindedSoon: true, remindedDay: true } : { remindedDay: true },
          isoNow(deps.clock),
        );
      });
      sent += 1;
    }
    let made = 0;
    for (const network of networks.values()) {
      const today = utcToLocal(now, network.timeZone).date;
      for (const series of await listSeries(deps.db, network.id)) {
        if (series.untilDate && series.untilDate < today) continue;
        made += (
          await materialise(
            deps.db,
            series,
            today,
            addDays(today, HORIZON_DAYS),
            isoNow(deps.clock),
          )
        ).length;
      }
    }
    return `reminded ${sent}, occurrences made ${made}`;
  },
};
