import * as XLSX from '@e965/xlsx';
import { checkZip } from './zip-check.ts';

/**
 * The one place that touches the spreadsheet library (`@e965/xlsx`, the npm mirror of
 * SheetJS CE 0.20 with the fixes for CVE-2023-30533 and CVE-2024-22363): bytes in, rows of
 * cell texts out, and back. Pure (no files, no network): the server reads the upload and
 * hands over the buffer.
 *
 * Real forms are not tidy: UCL's survey sheet declares the range A1:AMJ1048576 (a billion
 * cells) for 91 used rows, so cells are read in dense mode, row by row as stored, never by
 * the declared range, and at most MAX_SHEET_ROWS rows per sheet are read at all.
 */
export const MAX_XLSFORM_BYTES = 5 * 1024 * 1024;
export const MAX_SHEET_ROWS = 20_000;
export const MAX_COLUMNS = 200;

export interface Cell {
  /** The cell's text: strings as written, numbers in plain notation, TRUE/FALSE as 'true'/'false'. */
  readonly text: string;
  /** A boolean cell (Excel TRUE/FALSE), whose meaning depends on its column. */
  readonly bool?: boolean;
  /** The cell held a formula; `text` is its last computed value. */
  readonly formula?: boolean;
  /** The cell held an Excel error (#REF!, #N/A). */
  readonly error?: boolean;
}

export interface SheetRow {
  /** 1-based row number, as a spreadsheet shows it. */
  readonly row: number;
  readonly cells: readonly (Cell | null)[];
}

export interface ReadSheets {
  /** The sheets by lower-case name (survey, choices, settings), each as its non-empty rows. */
  readonly sheets: Readonly<Record<string, readonly SheetRow[]>>;
  /** Every sheet's name as written, in workbook order. */
  readonly sheetNames: readonly string[];
  /** Sheets that had more rows than MAX_SHEET_ROWS (the rest was not read). */
  readonly truncated: readonly string[];
}

export type ReadResult =
  | { readonly ok: true; readonly value: ReadSheets }
  | { readonly ok: false; readonly reason: 'too_large' | 'not_xlsx' | 'damaged' };

function numberText(v: number): string {
  if (Number.isInteger(v)) return v.toFixed(0);
  return String(v);
}

function cellOf(c: XLSX.CellObject | undefined): Cell | null {
  if (!c) return null;
  const formula = typeof c.f === 'string' && c.f !== '' ? { formula: true } : {};
  if (c.t === 'e') return { text: '', error: true, ...formula };
  if (c.t === 'b') return { text: c.v ? 'true' : 'false', bool: Boolean(c.v), ...formula };
  if (c.t === 'n' && typeof c.v === 'number') {
    if (typeof c.z === 'string' && XLSX.SSF.is_date(c.z)) {
      const d = XLSX.SSF.parse_date_code(c.v) as { y: number; m: number; d: number } | null;
      if (d) {
        const iso = `${String(d.y).padStart(4, '0')}-${String(d.m).padStart(2, '0')}-${String(d.d).padStart(2, '0')}`;
        return { text: iso, ...formula };
      }
    }
    return { text: numberText(c.v), ...formula };
  }
  if (c.t === 'd' && c.v instanceof Date)
    return { text: c.v.toISOString().slice(0, 10), ...formula };
  const text = c.v === undefined || c.v === null ? '' : String(c.v);
  if (text === '' && !formula.formula) return null;
  return { text, ...formula };
}

const WANTED = ['survey', 'choices', 'settings', 'external_choices', 'entities'];

/** Reads the XLSForm sheets of an .xlsx (or .ods) buffer whose container checkZip found intact. */
export function readWorkbook(bytes: Uint8Array): ReadResult {
  if (bytes.byteLength > MAX_XLSFORM_BYTES) return { ok: false, reason: 'too_large' };
  const zip = checkZip(bytes);
  if (!zip.ok) return zip;
  let names: string[];
  let book: XLSX.WorkBook;
  try {
    names = XLSX.read(bytes, { type: 'buffer', bookSheets: true }).SheetNames;
    const wanted = names.filter((n) => WANTED.includes(n.trim().toLowerCase()));
    book = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      sheets: wanted,
      sheetRows: MAX_SHEET_ROWS + 1,
      cellFormula: true,
      cellNF: true,
      cellHTML: false,
    });
  } catch {
    // An intact zip whose spreadsheet XML SheetJS cannot read.
    return { ok: false, reason: 'damaged' };
  }
  if (names.length === 0) return { ok: false, reason: 'not_xlsx' };
  const sheets: Record<string, SheetRow[]> = {};
  const truncated: string[] = [];
  for (const name of book.SheetNames) {
    const key = name.trim().toLowerCase();
    const ws = book.Sheets[name] as XLSX.WorkSheet | undefined;
    if (!WANTED.includes(key) || !ws || key in sheets) continue;
    const data = ((ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []) as (
      | (XLSX.CellObject | undefined)[]
      | undefined
    )[];
    if (data.length > MAX_SHEET_ROWS) truncated.push(name);
    const rows: SheetRow[] = [];
    data.slice(0, MAX_SHEET_ROWS).forEach((r, i) => {
      if (!r) return;
      const cells = r.slice(0, MAX_COLUMNS).map((c) => cellOf(c));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      if (cells.some((c) => c !== null && (c.text.trim() !== '' || c.error)))
        rows.push({ row: i + 1, cells });
    });
    sheets[key] = rows;
  }
  return { ok: true, value: { sheets, sheetNames: names, truncated } };
}

/** Writes sheets of text cells as an .xlsx file (every cell a string: nothing becomes a formula). */
export function writeWorkbook(
  sheets: Readonly<Record<string, readonly (readonly string[])[]>>,
): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows.map((r) => [...r]));
    XLSX.utils.book_append_sheet(book, ws, name);
  }
  const out = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
