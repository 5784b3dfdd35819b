import type { LatLng } from '../../domain/geo/geo.ts';
import { GridIndex } from '../../domain/geo/grid-index.ts';
import { UNASSIGNED_STATUSES } from '../../domain/requests/request-status.ts';
import type { OpenTask, OpenTasks } from '../core/open-tasks.ts';
import type { Db } from '../db/database.ts';
import {
  listCandidateChanges,
  listCandidates,
  listCandidatesById,
} from './request-candidate.repository.ts';

/** How often a read looks for changes made by other app servers: at most this stale. */
export const CROSS_SERVER_REFRESH_MS = 1000;
/**
 * Changes are read from `updated_at` a little before the newest one already seen, because
 * two app servers' clocks and transactions do not commit in timestamp order.
 */
const OVERLAP_MS = 10_000;
/** A full reload now and then mends anything the overlap missed (clocks skewed further). */
const FULL_RELOAD_MS = 5 * 60_000;

interface NetworkTasks {
  byId: Map<string, OpenTask>;
  /** Located candidates in a grid, built again lazily after a change. */
  grid: GridIndex<OpenTask> | null;
  /** The newest `updated_at` seen: changes by other servers are read from shortly before it. */
  newest: string;
  /** Requests this process changed since the last read. */
  touched: Set<string>;
  /** When other servers' changes were last read, and when everything was last read. */
  checkedAt: number;
  loadedAt: number;
  refreshing: Promise<void> | null;
}

/**
 * The unassigned requests of each network, kept in memory in a grid for the volunteers' feed
 * ("open tasks near me"), so a feed view costs a lookup among a few hundred nearby tasks
 * instead of reading thousands of rows. Only what lists may show is held: id, urgency, the
 * 500 m cell and the time asked. The page then reads the few it shows from the database,
 * which stays the truth (a task claimed a moment ago is dropped there).
 *
 * Freshness: writes made by this process mark their request (`touch`), and the next read
 * reloads those rows, so this server's own changes show at once. Changes made by other app
 * servers on the same PostgreSQL are picked up by `updated_at` at most
 * `CROSS_SERVER_REFRESH_MS` later.
 */
export class OpenTaskIndex implements OpenTasks {
  private readonly networks = new Map<string, NetworkTasks>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** This process changed a request (created, moved, claimed…): re-read it on the next view. */
  touch(networkId: string, requestId: string): void {
    this.networks.get(networkId)?.touched.add(requestId);
  }

  /** Every open task within `radiusKm` of `home`, or every open task when there is no home. */
  async near(
    db: Db,
    networkId: string,
    home: LatLng | null,
    radiusKm: number,
  ): Promise<Array<{ c: OpenTask; km: number | null }>> {
    const tasks = await this.current(db, networkId);
    if (!home) return [...tasks.byId.values()].map((c) => ({ c, km: null }));
    if (!tasks.grid) {
      const located = [...tasks.byId.values()].filter((c) => c.lat !== null && c.lng !== null);
      tasks.grid = new GridIndex(located, (c) => ({ lat: c.lat!, lng: c.lng! }));
    }
    const out: Array<{ c: OpenTask; km: number | null }> = [];
    tasks.grid.forEachNear(home, radiusKm, (c, km) => out.push({ c, km }));
    return out;
  }

  private async current(db: Db, networkId: string): Promise<NetworkTasks> {
    let tasks = this.networks.get(networkId);
    const now = this.now();
    if (!tasks) {
      tasks = {
        byId: new Map(),
        grid: null,
        newest: '',
        touched: new Set(),
        checkedAt: now,
        loadedAt: now,
        refreshing: null,
      };
      this.networks.set(networkId, tasks);
      tasks.refreshing = this.reload(db, networkId, tasks);
    } else if (
      !tasks.refreshing &&
      (tasks.touched.size > 0 || now - tasks.checkedAt >= CROSS_SERVER_REFRESH_MS)
    ) {
      tasks.refreshing =
        now - tasks.loadedAt >= FULL_RELOAD_MS
          ? this.reload(db, networkId, tasks)
          : this.refresh(db, networkId, tasks);
    }
    const pending = tasks.refreshing;
    if (pending) {
      try {
        await pending;
      } catch (e) {
        // A failed read must not stick: the next view tries again from scratch.
        this.networks.delete(networkId);
        throw e;
      } finally {
        if (tasks.refreshing === pending) tasks.refreshing = null;
      }
    }
    return tasks;
  }

  private async reload(db: Db, networkId: string, tasks: NetworkTasks): Promise<void> {
    const started = this.now();
    tasks.touched.clear();
    const rows = await listCandidates(db, networkId, UNASSIGNED_STATUSES, null, null);
    tasks.byId = new Map(rows.map((c) => [c.id, c]));
    tasks.newest = rows.reduce((m, c) => (c.updatedAt > m ? c.updatedAt : m), '');
    tasks.grid = null;
    tasks.checkedAt = started;
    tasks.loadedAt = started;
  }

  private async refresh(db: Db, networkId: string, tasks: NetworkTasks): Promise<void> {
    const started = this.now();
    const ids = [...tasks.touched];
    tasks.touched.clear();
    const crossServer = started - tasks.checkedAt >= CROSS_SERVER_REFRESH_MS;
    const since = crossServer ? earlier(tasks.newest, OVERLAP_MS) : null;
    const [byId, changed] = await Promise.all([
      ids.length > 0 ? listCandidatesById(db, networkId, ids) : [],
      since === null ? [] : listCandidateChanges(db, networkId, since),
    ]);
    const found = new Set(byId.map((c) => c.id));
    let changes = 0;
    for (const id of ids) {
      if (!found.has(id) && tasks.byId.delete(id)) changes++;
    }
    // Rows this process touched are taken as read; others only when newer than what is held
    // (the overlap reads the same changes again for a while).
    const mine = new Set(ids);
    for (const c of [...changed, ...byId]) {
      const before = tasks.byId.get(c.id);
      if (UNASSIGNED_STATUSES.includes(c.status)) {
        if (mine.has(c.id) || before?.updatedAt !== c.updatedAt) {
          tasks.byId.set(c.id, c);
          changes++;
        }
      } else if (tasks.byId.delete(c.id)) {
        changes++;
      }
      if (c.updatedAt > tasks.newest) tasks.newest = c.updatedAt;
    }
    if (changes > 0) tasks.grid = null;
    if (crossServer) tasks.checkedAt = started;
  }
}

function earlier(iso: string, ms: number): string {
  if (!iso) return '';
  return new Date(Date.parse(iso) - ms).toISOString();
}
