/**
 * A spreadsheet as the importer sees it, whatever it came from (CSV, TSV, XLSX): a header
 * row and data rows of text cells, each row with the line or row number a person would see
 * in their spreadsheet program, so a problem can be shown as "row 7, Phone number".
 */

export interface SheetRow {
  /**
   * The row number a spreadsheet program shows for it (the header is usually 1): in XLSX the
   * sheet's row, in CSV the record's place counting blank lines, since a program opening
   * the CSV shows those as rows too.
   */
  line: number;
  cells: string[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
  /** Rows left out because every cell was empty. */
  blankRows: number;
}

/**
 * Limits of one upload. 200,000 rows: twice the benchmark's 100,000 volunteers, more than any
 * network's list; 200 columns: a long Google Form has 60; 10,000 characters in a cell: a
 * long free-text answer; 20 MB: 200,000 rows of a typical export.
 */
export const IMPORT_LIMITS = {
  rows: 200_000,
  columns: 200,
  cellChars: 10_000,
  bytes: 20 * 1024 * 1024,
} as const;

export type ImportFileErrorCode =
  | 'IMPORT_FILE_EMPTY'
  | 'IMPORT_FILE_BINARY'
  | 'IMPORT_FILE_TOO_LARGE'
  | 'IMPORT_XLS_UNSUPPORTED'
  | 'IMPORT_XLSX_UNREADABLE'
  | 'IMPORT_CSV_MALFORMED'
  | 'IMPORT_TOO_MANY_ROWS'
  | 'IMPORT_TOO_MANY_COLUMNS'
  | 'IMPORT_NO_HEADER';

/**
 * A file that cannot be read at all (as opposed to rows with problems, which are values).
 * The server maps the code to its translated message (`import.error.<code>`) and a 400/413.
 */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  readonly params: Record<string, string | number>;

  constructor(code: ImportFileErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'ImportFileError';
    this.code = code;
    this.params = params;
  }
}

/** Header cells trimmed; empty or repeated headers named so that every column can be mapped. */
export function cleanHeaders(raw: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((h, i) => {
    const base = h.replace(/\s+/g, ' ').trim() || `Column ${i + 1}`;
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

/** Builds a sheet from raw rows (first row the header), dropping rows with nothing in them. */
export function sheetFromRows(raw: readonly SheetRow[]): Sheet {
  const firstFilled = raw.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (firstFilled < 0) throw new ImportFileError('IMPORT_NO_HEADER');
  const header = raw[firstFilled]!;
  if (header.cells.length > IMPORT_LIMITS.columns)
    throw new ImportFileError('IMPORT_TOO_MANY_COLUMNS', { max: IMPORT_LIMITS.columns });
  const headers = cleanHeaders(header.cells);
  const rows: SheetRow[] = [];
  let blankRows = 0;
  for (let i = firstFilled + 1; i < raw.length; i++) {
    const r = raw[i]!;
    if (r.cells.every((c) => c.trim() === '')) {
      blankRows++;
      continue;
    }
    if (rows.length >= IMPORT_LIMITS.rows)
      throw new ImportFileError('IMPORT_TOO_MANY_ROWS', { max: IMPORT_LIMITS.rows });
    rows.push(r);
  }
  return { headers, rows, blankRows };
}
