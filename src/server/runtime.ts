import type { Config } from '../config.ts';
import { systemClock } from '../shared/clock.ts';
import { createDb, migrateToLatest } from './db/database.ts';
import type { Deps } from './deps.ts';
import { disabledMailer, smtpMailer } from './mail/mailer.ts';

/** Wires the real dependencies from a config; the CLI, the server and the tests share it. */
export async function createDeps(
  config: Config,
  log: (msg: string) => void = console.log,
): Promise<Deps> {
  const db = createDb(config);
  await migrateToLatest(db);
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : disabledMailer(log);
  return { config, db, clock: systemClock, mailer };
}
