/**
 * CSV for people who open it in a spreadsheet (an accountant, a coordinator): RFC 4180
 * quoting, CRLF line ends, and formula injection neutralised (CWE-1236, OWASP ASVS 1.2.10).
 *
 * A text cell that a spreadsheet would read as a formula (it starts with = + - @, a tab, a
 * carriage return, a NUL, or their full-width forms that some East Asian Excel builds accept;
 * leading spaces do not hide it) gets a leading apostrophe and is quoted, so the spreadsheet
 * shows it as text. Numbers are different: a ledger's -1250 must stay a number the accountant
 * can sum, so numbers are written as numbers, and a decimal amount that is text on our side
 * ("-12.50") is passed as `csvDecimal`, which is checked to be nothing but a number.
 *
 * This generalises `csvCell` of src/server/goods/report.service.ts (same quoting, same
 * apostrophe), which should import this one once the server is reorganised (issue 11).
 */

/** A number kept as text (a decimal amount, exact): written unquoted, never defused. */
export interface CsvDecimal {
  readonly csvDecimal: string;
}

export type CsvValue = string | number | CsvDecimal | null | undefined;

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function csvDecimal(text: string): CsvDecimal {
  if (!DECIMAL.test(text)) throw new Error(`not a decimal number: ${JSON.stringify(text)}`);
  return { csvDecimal: text };
}

/**
 * The characters that make a cell a formula, DDE call or hyperlink when they come first:
 * = + - @ (CWE-1236), tab and CR (OWASP), NUL (ASVS), and full-width ＝ ＋ － ＠.
 */
const FORMULA_START = /^(?:[\t\r\0]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** True when a spreadsheet could read this text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

export function csvCell(v: CsvValue): string {
  if (v == null) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'object') return v.csvDecimal;
  const defused = looksLikeFormula(v) ? `'${v}` : v;
  return defused !== v || /[",\n\r]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export function csvRow(cells: readonly CsvValue[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole file: every row ended by CRLF (RFC 4180), so the last row is complete too. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => `${csvRow(r)}\r\n`).join('');
}
