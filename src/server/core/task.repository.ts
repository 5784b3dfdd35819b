/**
 * A volunteer's tasks as another feature sees them: the calendar feed (volunteering) lists a
 * person's open tasks as to-dos. Requests own the table and write it; this only reads the
 * few fields a to-do shows, so volunteering needs nothing of requests.
 */
import type { RequestStatus } from '../../domain/requests/request-status.ts';
import type { Db } from '../db/database.ts';

/** A task as a to-do: its code and category to name it, its status to mark it. */
export interface TaskRef {
  id: string;
  code: string;
  category: string;
  status: RequestStatus;
}

/** A volunteer's own tasks in one network with one of `statuses`, oldest first, at most 100. */
export async function listTaskRefsOf(
  db: Db,
  networkId: string,
  volunteerId: string,
  statuses: readonly RequestStatus[],
): Promise<TaskRef[]> {
  // By volunteer only, so the planner takes the volunteer's index whatever its statistics say
  // (as requests' listTasksOf does); their tasks in other networks are dropped here.
  const rows = await db
    .selectFrom('requests')
    .select(['id', 'code', 'category', 'status', 'network_id'])
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', [...statuses])
    .orderBy('created_at')
    .limit(500)
    .execute();
  return rows
    .filter((r) => r.network_id === networkId)
    .slice(0, 100)
    .map((r) => ({
      id: r.id,
      code: r.code,
      category: r.category,
      status: r.status as RequestStatus,
    }));
}
