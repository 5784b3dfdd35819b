/**
 * The dry run: every row checked as the import would, and the summary the coordinator reads
 * before anything is written: how many rows would be imported, with warnings, or left out;
 * each kind of problem with how often and the first rows it is on; duplicates within the
 * file (by phone, email or name), shown as groups of rows, never merged. The summary holds
 * no cell values, only counts, field names and row numbers, so it may be kept with the job.
 * Pure.
 */
import type { CellContext } from './cells.ts';
import type { ImportKind } from './fields.ts';
import type { Mapping } from './mapping.ts';
import { checkRow, duplicateKeys, type RowCheck } from './rows.ts';
import type { Sheet } from './sheet.ts';

/** Rows shown in the preview table, each problem at its cell. */
export const PREVIEW_ROWS = 20;
/** Row numbers kept per kind of problem: enough to find them, not a second copy of the file. */
const LINES_PER_PROBLEM = 10;

export interface ProblemCount {
  key: string;
  field: string | null;
  severity: 'error' | 'warning';
  count: number;
  lines: number[];
}

export interface DuplicateGroup {
  by: 'phone' | 'email' | 'name';
  lines: number[];
}

export interface DryRunSummary {
  kind: ImportKind;
  rows: number;
  blankRows: number;
  ok: number;
  warnings: number;
  errors: number;
  /** Rows that would be created: without errors. */
  importable: number;
  problems: ProblemCount[];
  duplicates: DuplicateGroup[];
  /** Field → rows where it is filled, to spot a column mapped to the wrong field. */
  filled: Record<string, number>;
  /** Category → rows, for requests, volunteers and partners. */
  categories: Record<string, number>;
}

export interface DryRun {
  summary: DryRunSummary;
  preview: RowCheck[];
}

export function dryRun(
  kind: ImportKind,
  sheet: Sheet,
  mapping: Mapping,
  ctx: CellContext,
  now?: string,
): DryRun {
  const summary: DryRunSummary = {
    kind,
    rows: sheet.rows.length,
    blankRows: sheet.blankRows,
    ok: 0,
    warnings: 0,
    errors: 0,
    importable: 0,
    problems: [],
    duplicates: [],
    filled: {},
    categories: {},
  };
  const counts = new Map<string, ProblemCount>();
  const seen = new Map<string, number[]>();
  const preview: RowCheck[] = [];
  for (const row of sheet.rows) {
    const check = checkRow(kind, mapping, row, ctx, now);
    if (preview.length < PREVIEW_ROWS) preview.push(check);
    if (check.status === 'ok') summary.ok++;
    else if (check.status === 'warning') summary.warnings++;
    else summary.errors++;
    for (const p of check.problems) {
      const id = `${p.severity}|${p.key}|${p.field ?? ''}`;
      const c = counts.get(id) ?? {
        key: p.key,
        field: p.field,
        severity: p.severity,
        count: 0,
        lines: [],
      };
      c.count++;
      if (c.lines.length < LINES_PER_PROBLEM) c.lines.push(check.line);
      counts.set(id, c);
    }
    for (const [field, value] of Object.entries(check.values)) {
      if (value === null || (Array.isArray(value) && value.length === 0)) continue;
      summary.filled[field] = (summary.filled[field] ?? 0) + 1;
    }
    const cats = check.values.category ?? check.values.categories;
    for (const c of typeof cats === 'string' ? [cats] : Array.isArray(cats) ? cats : [])
      summary.categories[c] = (summary.categories[c] ?? 0) + 1;
    if (check.status !== 'error')
      for (const key of duplicateKeys(kind, check.values)) {
        const lines = seen.get(key);
        if (lines) lines.push(check.line);
        else seen.set(key, [check.line]);
      }
  }
  summary.importable = summary.ok + summary.warnings;
  summary.problems = [...counts.values()].sort((a, b) =>
    a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1,
  );
  // One group per set of rows: two rows sharing a phone and an email are one group, not two.
  const groups = new Map<string, DuplicateGroup>();
  for (const [key, lines] of seen) {
    if (lines.length < 2) continue;
    const id = lines.join(',');
    if (!groups.has(id)) groups.set(id, { by: key.split(':')[0] as DuplicateGroup['by'], lines });
  }
  summary.duplicates = [...groups.values()].sort((a, b) => a.lines[0]! - b.lines[0]!);
  return { summary, preview };
}
