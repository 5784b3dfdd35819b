import { DAY, HOUR } from '../../shared/clock.ts';
import type { Deps } from '../core/deps.ts';
import { listNetworks } from '../core/network.repository.ts';
import type { ScheduledJob } from '../jobs/scheduler.ts';
import { messages } from '../notifications/messages.ts';
import { notifyPerson } from '../notifications/notification.service.ts';
import { findWaitingTasks } from './request.repository.ts';

const BATCH = 500;

/**
 * A volunteer who took a task a day ago and has not started it is reminded once (per time
 * they took it): start it, or give it back so someone else can help. Runs every hour; the
 * reminder's key makes a second run, or a second server, send nothing more.
 */
export const taskReminderJob: ScheduledJob = {
  name: 'task-reminders',
  everyMs: HOUR,
  async run(deps: Deps) {
    let sent = 0;
    const before = new Date(deps.clock.now().getTime() - DAY).toISOString();
    for (const network of await listNetworks(deps.db)) {
      for (const task of await findWaitingTasks(deps.db, network.id, before, BATCH)) {
        await deps.db.transaction().execute(async (trx) => {
          const r = await notifyPerson(trx, deps, {
            personId: task.volunteerId,
            networkId: network.id,
            kind: 'task.reminder',
            key: `task.reminder:${task.id}:${task.updatedAt}`,
            compose: (t) =>
              messages.taskReminder(t, {
                code: task.code,
                category: task.category,
                link: `/n/${network.slug}/tasks/${task.id}`,
              }),
          });
          if (r.email === 'queued' || r.sms === 'queued') sent++;
        });
      }
    }
    return `${sent} reminders`;
  },
};
