/**
 * The life of an import, as a table of allowed moves (like a request's status):
 *
 *   uploaded → mapped → checked (dry run done) → importing → done → undone
 *   importing → failed (a batch could not be written; resumable: → importing)
 *   any state before done → cancelled
 *
 * The uploaded file is kept sealed only while the job may still read it: it is deleted on
 * done, failed-and-abandoned (cancelled), and undone. Pure.
 */

export const IMPORT_STATUSES = [
  'uploaded',
  'mapped',
  'checked',
  'importing',
  'failed',
  'done',
  'undone',
  'cancelled',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

const MOVES: Record<ImportStatus, readonly ImportStatus[]> = {
  uploaded: ['mapped', 'cancelled'],
  // A changed mapping or setting makes the last dry run stale: back to mapped.
  mapped: ['mapped', 'checked', 'cancelled'],
  checked: ['mapped', 'importing', 'cancelled'],
  importing: ['importing', 'done', 'failed'],
  failed: ['importing', 'cancelled'],
  done: ['undone'],
  undone: [],
  cancelled: [],
};

export function canMoveImport(from: ImportStatus, to: ImportStatus): boolean {
  return MOVES[from].includes(to);
}

/** Whether the uploaded file must still be kept (sealed) in this state. */
export function keepsFile(status: ImportStatus): boolean {
  return ['uploaded', 'mapped', 'checked', 'importing', 'failed'].includes(status);
}

/**
 * 500 rows a batch: one transaction of that many inserts takes well under a second on
 * either database, so a restart loses at most one batch of work, and a lock is never held
 * long enough to slow the pages.
 */
export const IMPORT_BATCH_ROWS = 500;

export interface ImportCursor {
  /** Index in the sheet's data rows of the next row to import. */
  next: number;
  total: number;
  created: number;
  skipped: number;
}

/** The rows of the next batch from a cursor; empty when the import is complete. */
export function nextBatch(
  cursor: ImportCursor,
  size = IMPORT_BATCH_ROWS,
): { from: number; to: number } {
  const from = Math.min(cursor.next, cursor.total);
  return { from, to: Math.min(from + size, cursor.total) };
}

/** Whole percent done, for the progress bar; 100 only when every row has been handled. */
export function percentDone(cursor: ImportCursor): number {
  if (cursor.total === 0) return 100;
  const p = Math.floor((Math.min(cursor.next, cursor.total) / cursor.total) * 100);
  return cursor.next >= cursor.total ? 100 : Math.min(p, 99);
}

/**
 * Seconds until the progress page reloads itself (a meta refresh: no JavaScript needed).
 * Quick at first, when a small import is about to finish, then every 5 s; none once done.
 */
export function refreshSeconds(status: ImportStatus, secondsRunning: number): number | null {
  if (status !== 'importing') return null;
  return secondsRunning < 10 ? 2 : 5;
}
