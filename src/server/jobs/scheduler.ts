import { randomUUID } from 'node:crypto';
import { isoNow, isoPlus, MINUTE } from '../../shared/clock.ts';
import type { Deps } from '../core/deps.ts';
import { finishLease, takeLease } from './job.repository.ts';

export interface ScheduledJob {
  name: string;
  /** How often it runs; also how long its lease lasts, so a crashed run is retried then. */
  everyMs: number;
  run(deps: Deps): Promise<string>;
}

/**
 * Runs periodic jobs (retention, task and shift reminders, the digest: see src/main.ts) on
 * whichever app server takes the job's lease first. Each server checks once a minute; the
 * lease, held in the database until the next due time, makes sure a job runs once per period
 * across all servers.
 */
export function startScheduler(
  deps: Deps,
  jobs: ScheduledJob[],
  log: (msg: string) => void,
  tickMs = MINUTE,
): () => void {
  const holder = randomUUID();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) await runIfDue(deps, job, holder, log);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

/** Runs `job` now if its lease is free; exported so tests and the CLI can run one tick. */
export async function runIfDue(
  deps: Deps,
  job: ScheduledJob,
  holder: string,
  log: (msg: string) => void,
): Promise<string | null> {
  const now = isoNow(deps.clock);
  if (!(await takeLease(deps.db, job.name, holder, now, isoPlus(deps.clock, job.everyMs))))
    return null;
  let result: string;
  try {
    result = await job.run(deps);
  } catch (e) {
    result = `failed: ${e instanceof Error ? e.message : String(e)}`;
    log(`job ${job.name} ${result}`);
  }
  await finishLease(deps.db, job.name, holder, now, isoPlus(deps.clock, job.everyMs), result);
  return result;
}
