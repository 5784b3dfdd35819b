import { HOUR, isoNow } from '../../shared/clock.ts';
import { audit } from '../audit/audit.service.ts';
import type { Deps } from '../core/deps.ts';
import { listNetworks } from '../core/network.repository.ts';
import type { ScheduledJob } from '../jobs/scheduler.ts';
import { findExpiredForRedaction, redactRequests } from './request.repository.ts';
import { dropSearchIndex } from './request-search.repository.ts';

/** At most this many requests per network per run, so one run never holds the database long. */
const BATCH = 500;

/**
 * Personal data of requests closed (or fulfilled) longer ago than the network's retention
 * period (90 days unless it says otherwise) is deleted: name, contact, address, details,
 * notes, feedback comments and the duplicate indexes. The rows stay, so every count, report
 * and timeline keeps its numbers. Runs every hour.
 */
export const retentionJob: ScheduledJob = {
  name: 'request-retention',
  everyMs: HOUR,
  async run(deps: Deps) {
    let total = 0;
    for (const network of await listNetworks(deps.db)) {
      const before = new Date(
        deps.clock.now().getTime() - network.retentionDays * 24 * HOUR,
      ).toISOString();
      for (;;) {
        const ids = await findExpiredForRedaction(deps.db, network.id, before, BATCH);
        if (ids.length === 0) break;
        await deps.db.transaction().execute(async (trx) => {
          await redactRequests(trx, ids, isoNow(deps.clock));
          await dropSearchIndex(trx, ids);
          await audit(trx, deps.clock, {
            actor: { kind: 'system', label: 'retention' },
            action: 'request.redacted',
            networkId: network.id,
            details: { requests: ids.length, retention_days: network.retentionDays },
          });
        });
        total += ids.length;
        if (ids.length < BATCH) break;
      }
    }
    return `redacted ${total}`;
  },
};
