/**
 * The four steps a neighbour sees on their status page (issue 12): received, being looked at,
 * someone is on the way, done, each with the date it was reached; and, for a request closed
 * early, the date and whether the neighbour cancelled it themselves. Pure: from the current
 * status and the log's status moves.
 */
import type { CloseReason, RequestStatus } from './request-status.ts';

export const STEPS = ['received', 'looking', 'onTheWay', 'done'] as const;
export type Step = (typeof STEPS)[number];

/** How far along each status is, as an index into STEPS; closed has no step of its own. */
const LEVEL: Record<Exclude<RequestStatus, 'closed'>, number> = {
  new: 0,
  triaged: 1,
  assigned: 2,
  in_progress: 2,
  fulfilled: 3,
};

export interface StepView {
  step: Step;
  /** 'done': passed; 'current': where it is now; 'todo': not yet. */
  state: 'done' | 'current' | 'todo';
  /** When it was reached (ISO), for done and current steps. */
  at: string | null;
}

export interface StatusMove {
  toStatus: string | null;
  createdAt: string;
}

export function requestSteps(input: {
  status: RequestStatus;
  createdAt: string;
  /** The log's moves, oldest first (status changes, claims); others are ignored. */
  moves: readonly StatusMove[];
}): { steps: StepView[]; closed: { at: string | null } | null } {
  const moves = input.moves.filter(
    (m) => (m.toStatus && m.toStatus in LEVEL) || m.toStatus === 'closed',
  );
  const levelOf = (s: string | null) => (s && s in LEVEL ? LEVEL[s as keyof typeof LEVEL] : -1);
  // Closed early: the steps stand where the request last was before closing.
  let current = input.status === 'closed' ? 0 : LEVEL[input.status];
  if (input.status === 'closed') {
    for (const m of moves) if (m.toStatus !== 'closed') current = Math.max(0, levelOf(m.toStatus));
  }
  const steps = STEPS.map((step, k): StepView => {
    if (k > current) return { step, state: 'todo', at: null };
    if (k === 0) {
      const now = current === 0 && input.status === 'new';
      return { step, state: now ? 'current' : 'done', at: input.createdAt };
    }
    // After a reopen a step is reached again: its date is the first move to it or beyond
    // since the last move back below it.
    let at: string | null = null;
    for (const m of moves) {
      const level = levelOf(m.toStatus);
      if (m.toStatus === 'closed') continue;
      if (level < k) at = null;
      else if (at === null) at = m.createdAt;
    }
    return {
      step,
      state:
        k === current && input.status !== 'fulfilled' && input.status !== 'closed'
          ? 'current'
          : 'done',
      at,
    };
  });
  if (input.status !== 'closed') return { steps, closed: null };
  const last = [...moves].reverse().find((m) => m.toStatus === 'closed');
  return { steps, closed: { at: last?.createdAt ?? null } };
}

/** The close reason a neighbour's own cancelling records. */
export const CANCELLED_BY_REQUESTER: CloseReason = 'withdrawn';
