import { ConfigError, loadConfig } from './config.ts';
import { digestJob } from './server/announcements/digest.job.ts';
import { buildApp } from './server/app.ts';
import { seedDemo } from './server/demo/seed-demo.ts';
import { startScheduler } from './server/jobs/scheduler.ts';
import { startOutboxWorker } from './server/outbox/outbox.worker.ts';
import { retentionJob } from './server/requests/retention.job.ts';
import { taskReminderJob } from './server/requests/task-reminder.job.ts';
import { createDeps } from './server/runtime.ts';
import { prepareSetupLink } from './server/setup/setup.service.ts';
import { timeAutoAcceptJob } from './server/timebank/auto-accept.job.ts';
import { reminderJob } from './server/volunteering/reminder.job.ts';

/**
 * Starts Mutua: config, database (migrated to the latest schema), the demo network in demo
 * mode, the one-time setup link on a fresh production install, then HTTP.
 */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  const deps = await createDeps(config);
  const app = await buildApp(deps);

  if (config.demo) {
    const seeded = await seedDemo(deps);
    app.log.info(seeded ? 'demo network seeded' : 'demo network already present');
  } else {
    const link = await prepareSetupLink(deps);
    if (link) {
      // Printed on purpose: the console of the server is the one place only its operator reads.
      console.log(`\nNo operator yet. Open this one-time link to set up Mutua:\n  ${link}\n`);
    }
  }

  const stopJobs = startScheduler(
    deps,
    [retentionJob, taskReminderJob, reminderJob, digestJob, timeAutoAcceptJob],
    (msg) => app.log.warn(msg),
  );
  const stopOutbox = startOutboxWorker(deps, (msg) => app.log.warn(msg));
  const close = async () => {
    stopJobs();
    stopOutbox();
    await app.close();
    await deps.db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);

  await app.listen({ port: config.port, host: config.host });
  console.log(
    `Mutua is running at ${config.baseUrl}${config.demo ? ' (demo mode: see README for the demo accounts)' : ''}`,
  );
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
