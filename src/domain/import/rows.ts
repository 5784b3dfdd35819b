/**
 * One data row checked against its mapping: every mapped cell read as its field, the rules
 * that concern several cells (someone must be reachable, children no more than the
 * household), and the problems, each at its column, as an error (the row is not imported)
 * or a warning (imported, with what was assumed said). Pure: the preview, the dry run and
 * the import itself call this same function, so what the preview promised is what happens.
 */
import { type CellContext, type CellValue, type Problem, readCell } from './cells.ts';
import { fieldsOf, type ImportKind } from './fields.ts';
import type { Mapping } from './mapping.ts';
import type { SheetRow } from './sheet.ts';

export interface CellProblem extends Problem {
  severity: 'error' | 'warning';
  /** 0-based column, or null for a problem of the whole row. */
  column: number | null;
  field: string | null;
}

export type RowStatus = 'ok' | 'warning' | 'error';

export interface RowCheck {
  line: number;
  status: RowStatus;
  /** Field → value, for the fields mapped and filled (null: mapped, left empty). */
  values: Record<string, CellValue>;
  problems: CellProblem[];
}

function rowProblem(key: string, params: Record<string, string | number> = {}): CellProblem {
  return { key: `import.problem.${key}`, params, severity: 'error', column: null, field: null };
}

function filled(values: Record<string, CellValue>, field: string): boolean {
  const v = values[field];
  return v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);
}

/** Rules of a whole row, once each cell has been read. */
function rowRules(
  kind: ImportKind,
  values: Record<string, CellValue>,
  mapped: ReadonlySet<string>,
  now: string | undefined,
): CellProblem[] {
  const out: CellProblem[] = [];
  if (kind === 'volunteers' && !filled(values, 'email') && !filled(values, 'phone'))
    out.push(rowProblem('noContact'));
  if (kind === 'requests') {
    if (!filled(values, 'phone') && !filled(values, 'email') && !filled(values, 'address'))
      out.push(rowProblem('noContact'));
    if (mapped.has('consent') && values.consent === false) out.push(rowProblem('noConsent'));
    const at = values.createdAt;
    if (typeof at === 'string' && now && at > now)
      out.push({ ...rowProblem('futureDate', { value: at.slice(0, 10) }), severity: 'warning' });
  }
  if (kind === 'households') {
    const size = values.size;
    const kids = values.under14;
    if (typeof size === 'number' && typeof kids === 'number' && kids > size)
      out.push(rowProblem('childrenOverSize', { children: kids, size }));
  }
  if (kind === 'items') {
    const q = filled(values, 'limitQuantity');
    const d = filled(values, 'limitDays');
    if (q !== d) out.push(rowProblem(q ? 'limitDaysMissing' : 'limitQuantityMissing'));
  }
  return out;
}

/** Checks one row. `now` (ISO) flags request dates in the future. */
export function checkRow(
  kind: ImportKind,
  mapping: Mapping,
  row: SheetRow,
  ctx: CellContext,
  now?: string,
): RowCheck {
  const fields = fieldsOf(kind);
  const values: Record<string, CellValue> = {};
  const problems: CellProblem[] = [];
  const mapped = new Set<string>();
  mapping.forEach((key, column) => {
    if (key === null) return;
    const field = fields.find((f) => f.key === key);
    if (!field) return;
    mapped.add(key);
    const r = readCell(field, row.cells[column] ?? '', ctx);
    if (!r.ok) {
      problems.push({ ...r.problem, severity: 'error', column, field: key });
      return;
    }
    values[key] = r.value;
    if (r.warning) problems.push({ ...r.warning, severity: 'warning', column, field: key });
  });
  for (const f of fields) {
    if (!f.required || !mapped.has(f.key)) continue;
    const column = mapping.indexOf(f.key);
    const hasError = problems.some((p) => p.column === column && p.severity === 'error');
    if (!hasError && !filled(values, f.key))
      problems.push({
        key: 'import.problem.required',
        params: { field: f.key },
        severity: 'error',
        column,
        field: f.key,
      });
  }
  if (row.cells.length > mapping.length && row.cells.slice(mapping.length).some((c) => c !== ''))
    problems.push({
      ...rowProblem('extraCells', { count: row.cells.length - mapping.length }),
      severity: 'warning',
    });
  problems.push(...rowRules(kind, values, mapped, now));
  const status: RowStatus = problems.some((p) => p.severity === 'error')
    ? 'error'
    : problems.length
      ? 'warning'
      : 'ok';
  return { line: row.line, status, values, problems };
}

/**
 * Keys that make two rows the same person or thing, for duplicates within the file (the
 * service looks for the same keys through the blind indexes of the database).
 */
export function duplicateKeys(kind: ImportKind, values: Record<string, CellValue>): string[] {
  const keys: string[] = [];
  if (kind === 'items' || kind === 'partners') {
    if (typeof values.name === 'string') keys.push(`name:${values.name.trim().toLowerCase()}`);
    return keys;
  }
  if (typeof values.phone === 'string') keys.push(`phone:${values.phone}`);
  if (typeof values.email === 'string') keys.push(`email:${values.email}`);
  return keys;
}
