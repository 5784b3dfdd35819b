import type { Config } from '../../config.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Db } from '../db/database.ts';
import type { Mailer } from '../delivery/mailer.ts';
import type { SmsSender } from '../delivery/sms-gateway.ts';
import type { OpenTasks } from './open-tasks.ts';

/**
 * What services need from the outside world, passed in explicitly (never a request): each
 * field names a capability, never a feature module. `runtime.ts#createDeps` wires the real ones.
 */
export interface Deps {
  /** The configuration read at start (`src/config.ts`). */
  readonly config: Config;
  /** The database: Kysely over SQLite or PostgreSQL. */
  readonly db: Db;
  /** The time: the system's clock, or a test's. */
  readonly clock: Clock;
  /** Email through SMTP (SMTP_URL), or a mailer that only logs when unset. */
  readonly mailer: Mailer;
  /** Texts through the SMS gateway (SMS_GATEWAY_URL), or a sender that refuses when unset. */
  readonly sms: SmsSender;
  /** Open tasks of each network in memory, for the volunteers' feed (a cache; the database is the truth). */
  readonly openTasks: OpenTasks;
}
