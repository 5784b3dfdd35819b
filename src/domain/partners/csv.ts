/**
 * CSV as RFC 4180 writes it (and as spreadsheets export it): fields separated by commas,
 * quoted with double quotes when they hold a comma, a quote or a line break, a quote inside
 * doubled; lines end with CRLF or LF. Pure and small, so the data package import needs no
 * dependency. A malformed file is reported with its line, never guessed at.
 */

export type CsvParse =
  | { ok: true; rows: { line: number; cells: string[] }[] }
  | { ok: false; line: number; code: 'unclosed_quote' | 'text_after_quote' };

export function parseCsv(text: string): CsvParse {
  const input = text.replace(/^\uFEFF/, '');
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let afterQuote = false;
  const endRow = () => {
    cells.push(cell);
    // A blank line (one empty cell) is no row: files often end with one or two.
    if (!(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < input.length) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
        i++;
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      cell = '';
      afterQuote = false;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRow();
      afterQuote = false;
      i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (afterQuote) return { ok: false, line, code: 'text_after_quote' };
    if (c === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    cell += c;
    i++;
  }
  if (quoted) return { ok: false, line: rowLine, code: 'unclosed_quote' };
  if (cell !== '' || cells.length > 0) endRow();
  return { ok: true, rows };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text, CRLF line ends as RFC 4180 says, a line end after the last row. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quote).join(',')).join('\r\n') + (rows.length ? '\r\n' : '');
}
