import type { Refusal } from '../problems.ts';

/**
 * The life of a spending item (issue 13, M5.4):
 *
 *   draft ──submit──▶ submitted ──approve (enough)──▶ approved ──pay──▶ paid
 *     ▲                │   ▲  │                          │
 *     │ edit           │   └──┘ approve (first of two)   │
 *   returned ◀─return──┴──────────────────return─────────┘
 *     │ submit again              submitted ──reject──▶ rejected
 *
 * Returned items are editable again, and returning clears the approvals: what is approved
 * is what was seen. Rejected and paid are final (a paid item is corrected by a reversal of
 * its payment, like every ledger). The rules, each with its code:
 * - nobody approves, returns, rejects or pays what they submitted, nor a reimbursement to
 *   themselves (MONEY_OWN_ITEM);
 * - above the network's threshold two different people approve (MONEY_ALREADY_APPROVED for
 *   the same one twice);
 * - only people the service says may approve or pay do so (MONEY_NOT_APPROVER, MONEY_NOT_PAYER).
 */
export const SPENDING_STATUSES = [
  'draft',
  'submitted',
  'approved',
  'paid',
  'returned',
  'rejected',
] as const;
export type SpendingStatus = (typeof SPENDING_STATUSES)[number];

export interface Approval {
  by: string;
  at: string;
}

export interface ApprovalState {
  status: SpendingStatus;
  amount: number;
  /** Who submitted it (the person who recorded it, for a coordinator's paper entry). */
  submittedBy: string;
  /** The person paid, when a person is (a reimbursement): they may not approve it either. */
  interestedPerson: string | null;
  approvals: readonly Approval[];
  /** Why it came back, shown to the submitter until it is submitted again. */
  returnReason: string | null;
  rejectReason: string | null;
}

export interface MoneyActor {
  personId: string;
  mayApprove: boolean;
  mayPay: boolean;
}

export type ApprovalEvent =
  | { kind: 'edit' }
  | { kind: 'submit' }
  | { kind: 'approve' }
  | { kind: 'return'; reason: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'pay' };

export type ApprovalCode =
  | 'MONEY_STATUS_CONFLICT'
  | 'MONEY_NOT_SUBMITTER'
  | 'MONEY_OWN_ITEM'
  | 'MONEY_NOT_APPROVER'
  | 'MONEY_NOT_PAYER'
  | 'MONEY_ALREADY_APPROVED'
  | 'MONEY_REASON_REQUIRED'
  | 'MONEY_REASON_TOO_LONG';

export const MAX_REASON = 500;

/**
 * Two approvers above the threshold (strictly above: a threshold of 500.00 lets 500.00
 * through with one); null means one approver always.
 */
export function approvalsNeeded(amount: number, twoApproversAbove: number | null): 1 | 2 {
  return twoApproversAbove !== null && amount > twoApproversAbove ? 2 : 1;
}

export type ApprovalResult =
  | { ok: true; state: ApprovalState }
  | { ok: false; refusal: Refusal<ApprovalCode> };

const no = (code: ApprovalCode, params: Record<string, string | number> = {}): ApprovalResult => ({
  ok: false,
  refusal: { code, params },
});

function isOwn(s: ApprovalState, actor: MoneyActor): boolean {
  return s.submittedBy === actor.personId || s.interestedPerson === actor.personId;
}

function checkReason(reason: string): ApprovalResult | null {
  const r = reason.trim();
  if (!r) return no('MONEY_REASON_REQUIRED');
  if ([...r].length > MAX_REASON) return no('MONEY_REASON_TOO_LONG', { max: MAX_REASON });
  return null;
}

/**
 * The next state, or why not. Pure rules only: the payment's money checks (fund, receipt,
 * limits) are `checkPayment`, run by the service with this in one transaction.
 */
export function decide(
  s: ApprovalState,
  e: ApprovalEvent,
  actor: MoneyActor,
  twoApproversAbove: number | null,
  now: string,
): ApprovalResult {
  const from = (...allowed: SpendingStatus[]) =>
    allowed.includes(s.status) ? null : no('MONEY_STATUS_CONFLICT', { status: s.status });
  switch (e.kind) {
    case 'edit':
    case 'submit': {
      const bad = from('draft', 'returned');
      if (bad) return bad;
      if (s.submittedBy !== actor.personId) return no('MONEY_NOT_SUBMITTER');
      if (e.kind === 'edit') return { ok: true, state: s };
      return { ok: true, state: { ...s, status: 'submitted', approvals: [], returnReason: null } };
    }
    case 'approve': {
      const bad = from('submitted');
      if (bad) return bad;
      if (!actor.mayApprove) return no('MONEY_NOT_APPROVER');
      if (isOwn(s, actor)) return no('MONEY_OWN_ITEM');
      if (s.approvals.some((a) => a.by === actor.personId))
        return no('MONEY_ALREADY_APPROVED', {
          needed: approvalsNeeded(s.amount, twoApproversAbove),
        });
      const approvals = [...s.approvals, { by: actor.personId, at: now }];
      const enough = approvals.length >= approvalsNeeded(s.amount, twoApproversAbove);
      return { ok: true, state: { ...s, approvals, status: enough ? 'approved' : 'submitted' } };
    }
    case 'return': {
      const bad = from('submitted', 'approved');
      if (bad) return bad;
      if (!actor.mayApprove) return no('MONEY_NOT_APPROVER');
      if (isOwn(s, actor)) return no('MONEY_OWN_ITEM');
      const reason = checkReason(e.reason);
      if (reason) return reason;
      return {
        ok: true,
        state: { ...s, status: 'returned', approvals: [], returnReason: e.reason.trim() },
      };
    }
    case 'reject': {
      const bad = from('submitted', 'approved');
      if (bad) return bad;
      if (!actor.mayApprove) return no('MONEY_NOT_APPROVER');
      if (isOwn(s, actor)) return no('MONEY_OWN_ITEM');
      const reason = checkReason(e.reason);
      if (reason) return reason;
      return { ok: true, state: { ...s, status: 'rejected', rejectReason: e.reason.trim() } };
    }
    case 'pay': {
      const bad = from('approved');
      if (bad) return bad;
      if (!actor.mayPay) return no('MONEY_NOT_PAYER');
      if (isOwn(s, actor)) return no('MONEY_OWN_ITEM');
      return { ok: true, state: { ...s, status: 'paid' } };
    }
  }
}

/** Which events this actor may take now, for the buttons a page shows. */
export function allowedApprovalEvents(
  s: ApprovalState,
  actor: MoneyActor,
  twoApproversAbove: number | null,
): ApprovalEvent['kind'][] {
  const probes: ApprovalEvent[] = [
    { kind: 'edit' },
    { kind: 'submit' },
    { kind: 'approve' },
    { kind: 'return', reason: 'x' },
    { kind: 'reject', reason: 'x' },
    { kind: 'pay' },
  ];
  return probes
    .filter((e) => decide(s, e, actor, twoApproversAbove, '1970-01-01T00:00:00Z').ok)
    .map((e) => e.kind);
}

/** Items waiting on approvers more than this are reminded (issue 13, M5.9: 2 days). */
export const REMIND_AFTER_MS = 2 * 86_400_000;

/** Whether an item is waiting on this person: submitted, not theirs, not yet approved by them. */
export function waitsOn(s: ApprovalState, actor: MoneyActor): boolean {
  if (s.status === 'submitted')
    return (
      actor.mayApprove && !isOwn(s, actor) && !s.approvals.some((a) => a.by === actor.personId)
    );
  if (s.status === 'approved') return actor.mayPay && !isOwn(s, actor);
  return false;
}
