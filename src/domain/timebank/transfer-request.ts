import type { Refusal } from '../problems.ts';

/**
 * "Send" and "request" (issue 13, M4.2). A send is the payer giving: it is accepted when it is
 * made. A request is the payee asking: the payer accepts or refuses; the payee (or a
 * coordinator) may cancel it while it waits; and when the network's auto-accept days pass
 * with no answer it is accepted by itself, so help given is not left unpaid because someone
 * forgot to click.
 *
 * The outcome does not depend on when the job runs: from the deadline on, the request is
 * due for auto-acceptance, and neither a late refusal nor a late cancellation can overtake
 * it. Only when the auto-acceptance cannot be posted (a limit would be crossed, recorded as
 * `autoAcceptBlockedAt`) may it still be refused or cancelled, or accepted once the hours
 * are there.
 */
export const TRANSFER_STATUSES = [
  'requested',
  'accepted',
  'refused',
  'auto-accepted',
  'cancelled',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export const FINAL_STATUSES: readonly TransferStatus[] = [
  'accepted',
  'refused',
  'auto-accepted',
  'cancelled',
];

export type TransferMode = 'send' | 'request';

export interface TransferRequest {
  mode: TransferMode;
  status: TransferStatus;
  /** ISO timestamps. */
  requestedAt: string;
  /** Fixed when the request is made, so a later change of the setting moves no deadline. */
  autoAcceptAt: string | null;
  autoAcceptBlockedAt: string | null;
  payerAccount: string;
  payeeAccount: string;
}

/** Who acts: the payer or payee themselves, a coordinator for either, or the clock. */
export type RequestActor = 'payer' | 'payee' | 'coordinator' | 'system';

export type RequestEvent =
  | { kind: 'accept'; by: RequestActor }
  | { kind: 'refuse'; by: RequestActor; reason: string }
  | { kind: 'cancel'; by: RequestActor }
  | { kind: 'auto-accept'; by: 'system' };

export type RequestCode =
  | 'TIME_REQUEST_FINAL'
  | 'TIME_REQUEST_NOT_YOURS'
  | 'TIME_REQUEST_NOT_DUE'
  | 'TIME_REQUEST_DEADLINE_PASSED'
  | 'TIME_REQUEST_NO_AUTO_ACCEPT'
  | 'TIME_REFUSAL_TOO_LONG';

export type Transition =
  | {
      ok: true;
      status: TransferStatus;
      /** The postings are made with this transition (after the limits check passes). */
      post: boolean;
    }
  | { ok: false; refusal: Refusal<RequestCode> };

export const MAX_REFUSAL_LENGTH = 500;
const DAY_MS = 86_400_000;

/** The deadline of a request made at `requestedAt`, or null when the network never auto-accepts. */
export function autoAcceptAt(requestedAt: string, days: number | null): string | null {
  if (days === null) return null;
  return new Date(Date.parse(requestedAt) + days * DAY_MS).toISOString();
}

/** A send starts accepted; a request starts requested, with its deadline fixed now. */
export function initialStatus(mode: TransferMode): TransferStatus {
  return mode === 'send' ? 'accepted' : 'requested';
}

export function isDue(r: TransferRequest, now: Date): boolean {
  return (
    r.status === 'requested' &&
    r.autoAcceptAt !== null &&
    now.getTime() >= Date.parse(r.autoAcceptAt)
  );
}

const no = (code: RequestCode, params: Record<string, string | number> = {}): Transition => ({
  ok: false,
  refusal: { code, params },
});

export function transition(r: TransferRequest, e: RequestEvent, now: Date): Transition {
  if (r.status !== 'requested') return no('TIME_REQUEST_FINAL', { status: r.status });
  const due = isDue(r, now);
  const blocked = r.autoAcceptBlockedAt !== null;
  switch (e.kind) {
    case 'accept':
      if (e.by !== 'payer' && e.by !== 'coordinator') return no('TIME_REQUEST_NOT_YOURS');
      // Accepting at or after the deadline is what the deadline would do anyway.
      return { ok: true, status: due ? 'auto-accepted' : 'accepted', post: true };
    case 'refuse':
      if (e.by !== 'payer' && e.by !== 'coordinator') return no('TIME_REQUEST_NOT_YOURS');
      if ([...e.reason.trim()].length > MAX_REFUSAL_LENGTH)
        return no('TIME_REFUSAL_TOO_LONG', { max: MAX_REFUSAL_LENGTH });
      if (due && !blocked) return no('TIME_REQUEST_DEADLINE_PASSED', { at: r.autoAcceptAt ?? '' });
      return { ok: true, status: 'refused', post: false };
    case 'cancel':
      if (e.by !== 'payee' && e.by !== 'coordinator') return no('TIME_REQUEST_NOT_YOURS');
      if (due && !blocked) return no('TIME_REQUEST_DEADLINE_PASSED', { at: r.autoAcceptAt ?? '' });
      return { ok: true, status: 'cancelled', post: false };
    case 'auto-accept':
      if (r.autoAcceptAt === null) return no('TIME_REQUEST_NO_AUTO_ACCEPT');
      if (!due) return no('TIME_REQUEST_NOT_DUE', { at: r.autoAcceptAt });
      return { ok: true, status: 'auto-accepted', post: true };
  }
}

/** Which event each actor may try now, for the buttons a page shows. */
export function allowedEvents(
  r: TransferRequest,
  by: RequestActor,
  now: Date,
): RequestEvent['kind'][] {
  const probe: Record<RequestEvent['kind'], RequestEvent> = {
    accept: { kind: 'accept', by },
    refuse: { kind: 'refuse', by, reason: '' },
    cancel: { kind: 'cancel', by },
    'auto-accept': { kind: 'auto-accept', by: 'system' },
  };
  return (Object.keys(probe) as RequestEvent['kind'][]).filter(
    (k) => (k !== 'auto-accept' || by === 'system') && transition(r, probe[k], now).ok,
  );
}
