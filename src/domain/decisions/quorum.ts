/**
 * Quorum: the share of eligible members who must take part for a result to stand.
 * Abstaining is taking part. The eligible count is the one taken when the proposal opened
 * (the service keeps it), so removing members during a vote cannot make a quorum.
 * With nobody eligible there is nothing to decide: the quorum is never met.
 */
export interface Quorum {
  readonly eligible: number;
  readonly participants: number;
  /** Participants needed: ceil(percent x eligible / 100), at least 1. */
  readonly required: number;
  readonly met: boolean;
}

export function quorum(participants: number, eligible: number, percent: number): Quorum {
  // Integer arithmetic: percent and eligible are whole, so the ceiling is exact.
  const required = Math.max(1, Math.ceil((percent * eligible) / 100));
  const met = eligible > 0 && participants >= required;
  return { eligible, participants, required, met };
}
