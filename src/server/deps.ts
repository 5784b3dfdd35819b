import type { Config } from '../config.ts';
import type { Clock } from '../shared/clock.ts';
import type { Db } from './db/database.ts';
import type { Mailer } from './delivery/mailer.ts';
import type { SmsSender } from './delivery/sms-gateway.ts';
import type { OpenTaskIndex } from './requests/open-task-index.ts';

/** What services need from the outside world, passed in explicitly (never a request). */
export interface Deps {
  readonly config: Config;
  readonly db: Db;
  readonly clock: Clock;
  readonly mailer: Mailer;
  /** Texts through the SMS gateway (SMS_GATEWAY_URL), or a sender that refuses when unset. */
  readonly sms: SmsSender;
  /** Open tasks of each network in memory, for the volunteers' feed (a cache; the database is the truth). */
  readonly openTasks: OpenTaskIndex;
}
