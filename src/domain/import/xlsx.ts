/**
 * XLSX (and ODS) workbooks into sheets, through @e965/xlsx: the SheetJS Community Edition
 * 0.20 as published on npm with the fixes of CVE-2023-30533 and CVE-2024-22363 (the `xlsx`
 * package on npm stopped at 0.18.5 without them). Only zip-based workbooks are handed to it
 * (a CSV or an HTML file renamed .xlsx is refused rather than parsed by a different reader),
 * formulas are not evaluated (their last saved value is read), styles and HTML are not read.
 *
 * Cells become text the way a person sees them, without the program's locale: dates as ISO
 * dates ("2024-03-14", or "2024-03-14T10:22:00" with a time of day), numbers without
 * floating-point noise ("0.3", not "0.30000000000000004"), booleans as TRUE/FALSE.
 * Pure: bytes in, sheets out.
 */
import { type CellObject, read, SSF, type WorkBook, type WorkSheet } from '@e965/xlsx';
import { serialToIso } from './dates.ts';
import { sniffFormat } from './decode.ts';
import {
  IMPORT_LIMITS,
  ImportFileError,
  type Sheet,
  type SheetRow,
  sheetFromRows,
} from './sheet.ts';

export interface Workbook {
  sheetNames: string[];
  /** The sheet of that name (the first with content when none is given). */
  sheet(name?: string): Sheet;
}

function numberText(v: number): string {
  if (!Number.isFinite(v)) return '';
  return String(Number(v.toPrecision(15)));
}

function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return String(cell.v ?? '').trim();
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'n': {
      const v = Number(cell.v);
      if (cell.z !== undefined && SSF.is_date(String(cell.z))) return serialToIso(v, date1904);
      return numberText(v);
    }
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 19) : String(cell.v ?? '');
    default:
      // 'e' (an error such as #N/A) and 'z' (an empty styled cell) are read as empty.
      return '';
  }
}

function rowsOf(ws: WorkSheet, date1904: boolean): SheetRow[] {
  const data = (ws['!data'] ?? []) as (CellObject[] | undefined)[];
  const rows: SheetRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    const cells: string[] = [];
    if (row) {
      if (row.length > IMPORT_LIMITS.columns)
        throw new ImportFileError('IMPORT_TOO_MANY_COLUMNS', { max: IMPORT_LIMITS.columns });
      for (let c = 0; c < row.length; c++) cells.push(cellText(row[c], date1904));
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows.push({ line: r + 1, cells });
  }
  return rows;
}

function openWorkbook(bytes: Uint8Array): WorkBook {
  const format = sniffFormat(bytes);
  if (format === 'xls') throw new ImportFileError('IMPORT_XLS_UNSUPPORTED');
  if (format !== 'xlsx') throw new ImportFileError('IMPORT_XLSX_UNREADABLE');
  if (bytes.length > IMPORT_LIMITS.bytes)
    throw new ImportFileError('IMPORT_FILE_TOO_LARGE', { max: IMPORT_LIMITS.bytes });
  try {
    return read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      // One row more than the limit, so that "too many rows" is told rather than cut silently.
      sheetRows: IMPORT_LIMITS.rows + 2,
    });
  } catch {
    throw new ImportFileError('IMPORT_XLSX_UNREADABLE');
  }
}

/** A workbook's sheets, read on demand. */
export function readWorkbook(bytes: Uint8Array): Workbook {
  const wb = openWorkbook(bytes);
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheetNames = [...wb.SheetNames];
  if (sheetNames.length === 0) throw new ImportFileError('IMPORT_XLSX_UNREADABLE');
  return {
    sheetNames,
    sheet(name?: string): Sheet {
      if (name !== undefined) {
        const ws = wb.Sheets[name];
        if (!ws) throw new ImportFileError('IMPORT_NO_HEADER');
        return sheetFromRows(rowsOf(ws, date1904));
      }
      for (const n of sheetNames) {
        const rows = rowsOf(wb.Sheets[n]!, date1904);
        if (rows.some((r) => r.cells.some((c) => c !== ''))) return sheetFromRows(rows);
      }
      throw new ImportFileError('IMPORT_NO_HEADER');
    },
  };
}
