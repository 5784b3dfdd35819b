import { randomUUID } from 'node:crypto';
import { isoNow, isoPlus, MINUTE } from '../../shared/clock.ts';
import type { Deps } from '../deps.ts';
import { SmsError } from '../sms/sms-gateway.ts';
import { claimDue, finishMessage, isOptedOut, type OutboxRow } from './outbox.repository.ts';
import { deliveryToken, openMessage } from './outbox.service.ts';

/** After this many tries a message is marked failed, for a coordinator to see and retry. */
export const MAX_ATTEMPTS = 6;
/** How long a server holds a message it is sending before another may take it over. */
const LEASE_MS = 2 * MINUTE;
const BATCH = 20;

/** 30 s, 1 min, 2 min, 4 min… at most an hour between tries. */
export function backoffMs(attempts: number): number {
  return Math.min(60 * MINUTE, 30_000 * 2 ** Math.max(0, attempts - 1));
}

type WorkerDeps = Pick<Deps, 'db' | 'config' | 'clock' | 'mailer' | 'sms'>;

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  cancelled: number;
}

/**
 * Delivers one batch of due messages. Each is claimed atomically (see claimDue), so with
 * several app servers every message goes out once; the idempotency token sent with it makes
 * the gateway drop a repeat if a server dies between sending and recording it.
 */
export async function deliverDue(
  deps: WorkerDeps,
  holder: string,
  log: (msg: string) => void = () => {},
): Promise<DeliveryReport & { claimed: number }> {
  const now = isoNow(deps.clock);
  const batch = await claimDue(
    deps.db,
    deps.config.dialect,
    holder,
    now,
    isoPlus(deps.clock, LEASE_MS),
    BATCH,
  );
  const report = { claimed: batch.length, sent: 0, retrying: 0, failed: 0, cancelled: 0 };
  for (const row of batch) {
    report[await deliverOne(deps, row, log)]++;
  }
  return report;
}

async function deliverOne(
  deps: WorkerDeps,
  row: OutboxRow,
  log: (msg: string) => void,
): Promise<keyof DeliveryReport> {
  const holder = row.locked_by!;
  const now = () => isoNow(deps.clock);
  if (row.channel === 'sms' && row.to_index && (await isOptedOut(deps.db, row.to_index))) {
    await finishMessage(deps.db, row.id, holder, {
      status: 'cancelled',
      last_error: 'opted out (STOP)',
      updated_at: now(),
    });
    return 'cancelled';
  }
  try {
    const m = openMessage(deps, row);
    const token = deliveryToken(row.idempotency_key);
    let providerId: string;
    if (row.channel === 'email') {
      if (!deps.mailer.enabled)
        throw new SmsError('email is not configured (SMTP_URL is not set)', false);
      await deps.mailer.send({
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<${token}@mutua>`,
      });
      providerId = `<${token}@mutua>`;
    } else {
      providerId = await deps.sms.send({ to: m.to, body: m.text, idempotencyKey: token });
    }
    await finishMessage(deps.db, row.id, holder, {
      status: 'sent',
      provider_id: providerId,
      sent_at: now(),
      last_error: null,
      updated_at: now(),
    });
    return 'sent';
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const retryable = !(e instanceof SmsError) || e.retryable;
    const giveUp = !retryable || row.attempts >= MAX_ATTEMPTS;
    log(
      `message ${row.id} (${row.kind}, ${row.channel}) ${giveUp ? 'failed' : 'will be retried'}: ${reason}`,
    );
    await finishMessage(deps.db, row.id, holder, {
      status: giveUp ? 'failed' : 'pending',
      next_attempt_at: isoPlus(deps.clock, backoffMs(row.attempts)),
      last_error: reason.slice(0, 500),
      updated_at: now(),
    });
    return giveUp ? 'failed' : 'retrying';
  }
}

/** Delivers until nothing is due (tests, the CLI). */
export async function drainOutbox(
  deps: WorkerDeps,
  holder: string = randomUUID(),
): Promise<DeliveryReport> {
  const total = { sent: 0, retrying: 0, failed: 0, cancelled: 0 };
  for (;;) {
    const r = await deliverDue(deps, holder);
    total.sent += r.sent;
    total.retrying += r.retrying;
    total.failed += r.failed;
    total.cancelled += r.cancelled;
    if (r.claimed < BATCH) return total;
  }
}

/** The background worker of one app server: looks for due messages every `everyMs`. */
export function startOutboxWorker(
  deps: WorkerDeps,
  log: (msg: string) => void,
  everyMs = 1000,
): () => void {
  const holder = randomUUID();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const r = await deliverDue(deps, holder, log);
        if (r.claimed < BATCH) break;
      }
    } catch (e) {
      log(`outbox worker: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
