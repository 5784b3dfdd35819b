import { HOUR } from '../../shared/clock.ts';
import type { ScheduledJob } from '../jobs/scheduler.ts';
import { autoAcceptDue } from './time-request.service.ts';

/** Hourly: requests for hours nobody refused by their deadline (14 days by default) are accepted. */
export const timeAutoAcceptJob: ScheduledJob = {
  name: 'timebank.auto_accept',
  everyMs: HOUR,
  run: (deps) => autoAcceptDue(deps),
};
