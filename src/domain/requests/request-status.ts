/**
 * The life of a request, as a table of allowed moves. Pure: services ask `canMove` and
 * `assertMove`; tests walk every pair.
 *
 *   new → triaged → assigned → in_progress → fulfilled
 *   any open status → closed (with a reason)
 *   assigned / in_progress → triaged (the volunteer stepped back, or was unassigned)
 *   fulfilled / closed → triaged (reopen)
 */
export const STATUSES = [
  'new',
  'triaged',
  'assigned',
  'in_progress',
  'fulfilled',
  'closed',
] as const;
export type RequestStatus = (typeof STATUSES)[number];

export const CLOSE_REASONS = ['duplicate', 'withdrawn', 'could_not_help', 'referred'] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

const MOVES: Record<RequestStatus, readonly RequestStatus[]> = {
  new: ['triaged', 'assigned', 'closed'],
  triaged: ['assigned', 'closed'],
  assigned: ['in_progress', 'fulfilled', 'triaged', 'closed'],
  in_progress: ['fulfilled', 'triaged', 'closed'],
  fulfilled: ['triaged'],
  closed: ['triaged'],
};

export function canMove(from: RequestStatus, to: RequestStatus): boolean {
  return MOVES[from].includes(to);
}

/** Open: still needs someone, or someone is on it. Only open requests can be claimed or matched. */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  'new',
  'triaged',
  'assigned',
  'in_progress',
];
/** Waiting for a volunteer: what matching and the volunteer feed offer. */
export const UNASSIGNED_STATUSES: readonly RequestStatus[] = ['new', 'triaged'];
/** While the assigned volunteer may see the exact address and phone. */
export const ACTIVE_TASK_STATUSES: readonly RequestStatus[] = ['assigned', 'in_progress'];
