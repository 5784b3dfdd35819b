import type { Localised } from '../survey.ts';
import { type Column, type ColumnKind, parseHeader } from './columns.ts';
import type { ImportIssue } from './types-map.ts';
import type { Cell, SheetRow } from './workbook.ts';

/** A sheet read as a table: its header's columns and its data rows (non-empty, in order). */
export interface Table {
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly Column[];
  readonly rows: readonly SheetRow[];
}

/** The first non-empty row is the header (some forms leave empty rows below it). */
export function tableOf(sheet: string, rows: readonly SheetRow[]): Table | null {
  const [header, ...rest] = rows;
  if (!header) return null;
  const columns = header.cells
    .map((c, i) => (c && c.text.trim() !== '' ? parseHeader(i, c.text) : null))
    .filter((c): c is Column => c !== null);
  return { sheet, headerRow: header.row, columns, rows: rest };
}

export function cellAt(row: SheetRow, col: Column): Cell | null {
  return row.cells[col.index] ?? null;
}

/** A cell's text with outer spaces (and line breaks) trimmed; '' when empty. */
export function textAt(row: SheetRow, col: Column | undefined): string {
  if (!col) return '';
  return cellAt(row, col)?.text.trim() ?? '';
}

/** The first column of a kind without a language. */
export function columnOf(table: Table, kind: ColumnKind): Column | undefined {
  return table.columns.find((c) => c.kind === kind && c.language === null);
}

/**
 * A translatable cell in every language: `label::Français (fr)` gives fr; a plain `label`
 * column gives the default language where that language's own column is empty. Undefined
 * when every language is empty (so a missing hint is no property, not an empty one).
 */
export function localisedAt(
  table: Table,
  row: SheetRow,
  kind: ColumnKind,
  defaultLanguage: string,
): Localised | undefined {
  const out: Record<string, string> = {};
  for (const col of table.columns) {
    if (col.kind !== kind || col.language === null) continue;
    const t = textAt(row, col);
    if (t !== '' && out[col.language.code] === undefined) out[col.language.code] = t;
  }
  const plain = columnOf(table, kind);
  const t = textAt(row, plain);
  if (t !== '' && out[defaultLanguage] === undefined) out[defaultLanguage] = t;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Issues for cells that hold formulas or Excel errors in the given columns of a row. */
export function cellIssues(table: Table, row: SheetRow, cols: readonly Column[]): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const col of cols) {
    const c = cellAt(row, col);
    if (c?.error) {
      out.push({
        sheet: table.sheet,
        row: row.row,
        column: col.header,
        reason: 'cell_error',
        severity: 'dropped',
      });
    } else if (c?.formula) {
      out.push({
        sheet: table.sheet,
        row: row.row,
        column: col.header,
        reason: 'formula_value',
        params: { value: c.text.slice(0, 60) },
        severity: 'info',
      });
    }
  }
  return out;
}
