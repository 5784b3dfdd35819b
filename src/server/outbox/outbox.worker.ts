import { randomUUID } from 'node:crypto';
import { isoNow, isoPlus, MINUTE } from '../../shared/clock.ts';
import type { Deps } from '../core/deps.ts';
import { SmsError } from '../delivery/sms-gateway.ts';
import { claimNext, finishMessage, isOptedOut, type OutboxMessage } from './outbox.repository.ts';
import { deliveryToken, openMessage } from './outbox.service.ts';

const SECOND = 1000;

/** After this many tries a message is marked failed, for a coordinator to see and retry. */
export const MAX_ATTEMPTS = 6;
/**
 * The longest one send may last: the SMS request or the SMTP conversation is aborted then
 * (10 s, the SMS gateway client's own timeout; a healthy gateway answers in well under 1 s).
 */
export const SEND_DEADLINE_MS = 10 * SECOND;
/**
 * How far apart the clocks of two app servers may be: a lease written by one server's clock
 * is judged run out by another's. NTP keeps servers within milliseconds; 30 s is generous.
 */
const CLOCK_MARGIN_MS = 30 * SECOND;
/**
 * What may pass between the claim and the start of the send (the STOP check, decrypting):
 * a few milliseconds, unless the process stalls. If more has passed, the send is not begun.
 */
const START_WITHIN_MS = 20 * SECOND;
/**
 * How long a claim holds one message: it starts within START_WITHIN_MS and ends within
 * SEND_DEADLINE_MS, so it is over CLOCK_MARGIN_MS before any other server may take it (60 s).
 */
export const LEASE_MS = START_WITHIN_MS + SEND_DEADLINE_MS + CLOCK_MARGIN_MS;
/** How many messages one pass of the worker sends (each claimed on its own) before it yields. */
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
 * Delivers up to BATCH due messages, one at a time: each is claimed just before it is sent,
 * under its own lease and fencing token (see deliverClaimed), so a slow provider can never let
 * a lease run out behind a queue of waiting sends. With several app servers a message is sent
 * by one server at a time; the idempotency token sent with it lets the provider drop a repeat
 * if a server dies between sending and recording it.
 */
export async function deliverDue(
  deps: WorkerDeps,
  holder: string,
  log: (msg: string) => void = () => {},
): Promise<DeliveryReport & { claimed: number }> {
  const report = { claimed: 0, sent: 0, retrying: 0, failed: 0, cancelled: 0 };
  while (report.claimed < BATCH) {
    const row = await claimNext(
      deps.db,
      deps.config.dialect,
      holder,
      isoNow(deps.clock),
      isoPlus(deps.clock, LEASE_MS),
    );
    if (!row) break;
    report.claimed++;
    const outcome = await deliverClaimed(deps, row, log);
    if (outcome !== 'lost') report[outcome]++;
  }
  return report;
}

/**
 * Sends one claimed message and records the outcome under its fencing token. The send is begun
 * only while the claim has enough of its lease left to finish before the deadline, and is
 * aborted at the deadline, so it is over before any other server may claim the message.
 * 'lost': the claim ran out before the send began (the message goes back to the queue, or was
 * already taken by another server), or it ran out and was taken over meanwhile.
 */
export async function deliverClaimed(
  deps: WorkerDeps,
  row: OutboxMessage,
  log: (msg: string) => void = () => {},
): Promise<keyof DeliveryReport | 'lost'> {
  const now = () => isoNow(deps.clock);
  const record = async (
    outcome: keyof DeliveryReport,
    set: Parameters<typeof finishMessage>[3],
  ) => {
    if (await finishMessage(deps.db, row.id, row.fence, set)) return outcome;
    log(`message ${row.id}: its claim ran out and another server took it over`);
    return 'lost' as const;
  };
  if (row.channel === 'sms' && row.toIndex && (await isOptedOut(deps.db, row.toIndex))) {
    return record('cancelled', {
      status: 'cancelled',
      lastError: 'opted out (STOP)',
      updatedAt: now(),
    });
  }
  const m = openMessage(deps, row);
  const token = deliveryToken(row.key);
  // Checked just before sending: the send must end (at its deadline) a clock margin before
  // the lease does. A claim that stalled past that is handed back untried.
  const left = Date.parse(row.lockedUntil!) - deps.clock.now().getTime();
  if (left < SEND_DEADLINE_MS + CLOCK_MARGIN_MS) {
    await finishMessage(deps.db, row.id, row.fence, {
      status: 'pending',
      attempts: row.attempts - 1,
      updatedAt: now(),
    });
    return 'lost';
  }
  const signal = AbortSignal.timeout(SEND_DEADLINE_MS);
  try {
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
        signal,
      });
      providerId = `<${token}@mutua>`;
    } else {
      providerId = await deps.sms.send({ to: m.to, body: m.text, idempotencyKey: token, signal });
    }
    return record('sent', {
      status: 'sent',
      providerId,
      sentAt: now(),
      lastError: null,
      updatedAt: now(),
    });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const retryable = !(e instanceof SmsError) || e.retryable;
    const giveUp = !retryable || row.attempts >= MAX_ATTEMPTS;
    log(
      `message ${row.id} (${row.kind}, ${row.channel}) ${giveUp ? 'failed' : 'will be retried'}: ${reason}`,
    );
    return record(giveUp ? 'failed' : 'retrying', {
      status: giveUp ? 'failed' : 'pending',
      nextAttemptAt: isoPlus(deps.clock, backoffMs(row.attempts)),
      lastError: reason.slice(0, 500),
      updatedAt: now(),
    });
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
