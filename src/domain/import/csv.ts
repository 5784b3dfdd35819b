/**
 * CSV and TSV text into a sheet. The delimiter is detected (Excel in Spain, France or Germany
 * writes semicolons because the comma is their decimal mark; "Unicode Text" is tab-separated;
 * a few systems use pipes), then the text is parsed as RFC 4180 with the leniencies real
 * exports need: a stray quote inside an unquoted cell is kept as text, rows
 * may be shorter or longer than the header, a quoted cell may hold line breaks. Pure.
 */
import {
  IMPORT_LIMITS,
  ImportFileError,
  type Sheet,
  type SheetRow,
  sheetFromRows,
} from './sheet.ts';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The first 64 KiB and 50 records are plenty to see the shape of a file. */
const SAMPLE_CHARS = 65_536;
const SAMPLE_RECORDS = 50;

/** Fields per record of the sample, read with `delimiter`, quotes respected. */
export function fieldCounts(text: string, delimiter: string): number[] {
  const counts: number[] = [];
  const end = Math.min(text.length, SAMPLE_CHARS);
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let lineHasContent = false;
  for (let i = 0; i < end && counts.length < SAMPLE_RECORDS; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      lineHasContent = true;
    } else if (c === delimiter) {
      fields++;
      atFieldStart = true;
      lineHasContent = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (lineHasContent) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      lineHasContent = false;
    } else {
      atFieldStart = false;
      if (c !== ' ') lineHasContent = true;
    }
  }
  // The last record counts only if the sample ended with the text, not in the middle of it.
  if (lineHasContent && !inQuotes && end === text.length && counts.length < SAMPLE_RECORDS)
    counts.push(fields);
  return counts;
}

function mode(xs: readonly number[]): { value: number; share: number } {
  const freq = new Map<number, number>();
  for (const x of xs) freq.set(x, (freq.get(x) ?? 0) + 1);
  let value = 0;
  let best = 0;
  for (const [v, n] of freq)
    if (n > best || (n === best && v > value)) {
      value = v;
      best = n;
    }
  return { value, share: xs.length ? best / xs.length : 0 };
}

/**
 * The delimiter that splits the sample most consistently into more than one column, the
 * header agreeing; a file of one column is read with commas. Ties go in the order of
 * DELIMITERS (comma first: the most common).
 */
export function detectDelimiter(text: string): Delimiter {
  let best: { d: Delimiter; score: number } = { d: ',', score: 0 };
  for (const d of DELIMITERS) {
    const counts = fieldCounts(text, d);
    if (counts.length === 0) continue;
    const m = mode(counts);
    if (m.value < 2) continue;
    const headerAgrees = counts[0] === m.value ? 1 : 0.5;
    // Consistency matters most; more columns break a near-tie (a comma inside "2,5" makes
    // a semicolon file look like it has one column more in some rows, never consistently).
    const score = m.share * headerAgrees + Math.min(m.value, 50) / 1000;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
/** One cell of 100,000 characters is no spreadsheet cell: stop before memory suffers. */
const CELL_HARD_MAX = IMPORT_LIMITS.cellChars * 10;

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < pos; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function malformed(text: string, pos: number, reason: string): ImportFileError {
  return new ImportFileError('IMPORT_CSV_MALFORMED', { line: lineAt(text, pos), reason });
}

/**
 * The records of a CSV text (RFC 4180, with the leniencies above): a scanner of its own
 * rather than csv-parse, because the importer reads 100,000 rows in the time a bulk insert
 * takes, and a loop over char codes that slices whole cells is several times faster.
 * A blank line is a record of one empty cell; a final line break makes no extra record.
 */
export function parseRecords(text: string, delimiter: Delimiter): string[][] {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < n) {
    let cell: string;
    if (text.charCodeAt(i) === QUOTE) {
      const opened = i;
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) throw malformed(text, opened, 'QUOTE_NOT_CLOSED');
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      // Text after the closing quote (`"5" pipe`) is kept as written, not refused.
      const restFrom = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === LF || c === CR) break;
        i++;
      }
      cell = i > restFrom ? value + text.slice(restFrom, i) : value;
    } else {
      const from = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === d || c === LF || c === CR) break;
        i++;
      }
      cell = text.slice(from, i);
    }
    if (cell.length > CELL_HARD_MAX) throw malformed(text, i, 'CELL_TOO_LONG');
    fields.push(cell);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      if (i >= n) fields.push('');
      continue;
    }
    // A line break ends the record: CRLF, LF, or a lone CR (old Mac exports).
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    records.push(fields);
    fields = [];
    if (records.length > IMPORT_LIMITS.rows + 2)
      throw new ImportFileError('IMPORT_TOO_MANY_ROWS', { max: IMPORT_LIMITS.rows });
  }
  if (fields.length > 0) records.push(fields);
  return records;
}

/** The rows of a CSV text, each with its row number; cells trimmed of outer spaces. */
export function parseCsvRows(
  text: string,
  delimiter: Delimiter = detectDelimiter(text),
): SheetRow[] {
  const records = parseRecords(text, delimiter);
  const rows: SheetRow[] = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    for (let j = 0; j < record.length; j++) record[j] = record[j]!.trim();
    // The row number a spreadsheet program shows: a quoted cell with line breaks is one row
    // there, and a blank line is a row too. Over-long cells stay whole here: the field's own
    // limit names the problem at its cell.
    rows[i] = { line: i + 1, cells: record };
  }
  return rows;
}

/** A CSV text as a sheet: header, data rows, blank rows counted and left out. */
export function parseCsv(text: string, delimiter?: Delimiter): Sheet & { delimiter: Delimiter } {
  const d = delimiter ?? detectDelimiter(text);
  return { ...sheetFromRows(parseCsvRows(text, d)), delimiter: d };
}
