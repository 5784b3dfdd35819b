import type { Config } from '../config.ts';
import { systemClock } from '../shared/clock.ts';
import type { Deps } from './core/deps.ts';
import { createDb, migrateToLatest, optimizeSqlite } from './db/database.ts';
import { consoleMailer, disabledMailer, smtpMailer } from './delivery/mailer.ts';
import { disabledSms, twilioSender } from './delivery/sms-gateway.ts';
import { reindexContacts } from './privacy/contact-index.ts';
import { OpenTaskIndex } from './requests/open-task-index.ts';

/** Wires the real dependencies from a config; the CLI, the server and the tests share it. */
export async function createDeps(
  config: Config,
  log: (msg: string) => void = console.log,
): Promise<Deps> {
  const db = createDb(config);
  await migrateToLatest(db, config.keys);
  // After a change of SECRET_KEY, people's blind indexes are computed again (sign-in needs them).
  await reindexContacts({ db, config });
  await optimizeSqlite(db, config.dialect);
  const mailer = config.smtpUrl
    ? smtpMailer(config.smtpUrl, config.mailFrom)
    : config.demo
      ? consoleMailer((text) => process.stdout.write(text))
      : disabledMailer(log);
  const sms = config.sms ? twilioSender(config.sms) : disabledSms;
  return { config, db, clock: systemClock, mailer, sms, openTasks: new OpenTaskIndex() };
}
