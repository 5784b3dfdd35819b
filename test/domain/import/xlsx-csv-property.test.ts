import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { utils, write } from '@e965/xlsx';
import { DELIMITERS, detectDelimiter, parseCsv } from '../../../src/domain/import/csv.ts';
import { serialToIso } from '../../../src/domain/import/dates.ts';
import {
  canMoveImport,
  IMPORT_STATUSES,
  keepsFile,
  nextBatch,
  percentDone,
  refreshSeconds,
} from '../../../src/domain/import/import-job.ts';
import { suggestMapping } from '../../../src/domain/import/mapping.ts';
import { ImportFileError } from '../../../src/domain/import/sheet.ts';
import { readWorkbook } from '../../../src/domain/import/xlsx.ts';

function workbook(sheets: Record<string, unknown[][]>, opts: { date1904?: boolean } = {}): Buffer {
  const wb = utils.book_new();
  for (const [name, rows] of Object.entries(sheets))
    utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), name);
  if (opts.date1904) wb.Workbook = { WBProps: { date1904: true } };
  return write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}

describe('XLSX workbooks', () => {
  it('reads cells as a person sees them: dates ISO, numbers exact, booleans', () => {
    const bytes = workbook({
      Empty: [],
      Voluntarios: [
        ['Nombre', 'Teléfono', 'Desde', 'Radio (km)', 'Coche'],
        ['José Núñez', 34612345678, new Date(Date.UTC(2024, 2, 14)), 2.5, true],
        [],
        ['Ana', '+34 611 222 333', new Date(Date.UTC(2024, 2, 14, 10, 22)), 0.1 + 0.2, false],
      ],
    });
    const wb = readWorkbook(bytes);
    assert.deepEqual(wb.sheetNames, ['Empty', 'Voluntarios']);
    const sheet = wb.sheet();
    assert.deepEqual(sheet.headers, ['Nombre', 'Teléfono', 'Desde', 'Radio (km)', 'Coche']);
    assert.deepEqual(sheet.rows, [
      { line: 2, cells: ['José Núñez', '34612345678', '2024-03-14', '2.5', 'TRUE'] },
      { line: 4, cells: ['Ana', '+34 611 222 333', '2024-03-14T10:22:00', '0.3', 'FALSE'] },
    ]);
    assert.equal(sheet.blankRows, 1);
    assert.deepEqual(
      suggestMapping('volunteers', sheet.headers).map((s) => s.field),
      ['name', 'phone', null, 'radiusKm', 'hasCar'],
    );
  });

  it('a named sheet, and day numbers in the 1904 system of old Mac workbooks', () => {
    assert.equal(serialToIso(45365), '2024-03-14');
    assert.equal(serialToIso(45365 - 1462, true), '2024-03-14');
    assert.equal(serialToIso(45365.5), '2024-03-14T12:00:00');
    const wb = readWorkbook(
      workbook({
        A: [['x'], ['1']],
        B: [
          ['Item', 'Qty'],
          ['Rice', 12],
        ],
      }),
    );
    assert.deepEqual(wb.sheet('B').rows, [{ line: 2, cells: ['Rice', '12'] }]);
  });

  it('refuses what is not a workbook, an old .xls, and a broken zip', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
        return 'none';
      } catch (e) {
        return e instanceof ImportFileError ? e.code : String(e);
      }
    };
    assert.equal(
      code(() => readWorkbook(Buffer.from('Name,Phone\n'))),
      'IMPORT_XLSX_UNREADABLE',
    );
    assert.equal(
      code(() => readWorkbook(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))),
      'IMPORT_XLS_UNSUPPORTED',
    );
    const broken = workbook({ S: [['a'], ['b']] }).subarray(0, 200);
    assert.equal(
      code(() => readWorkbook(broken).sheet()),
      'IMPORT_XLSX_UNREADABLE',
    );
    assert.equal(
      code(() => readWorkbook(workbook({ S: [] })).sheet()),
      'IMPORT_NO_HEADER',
    );
  });
});

/** A small seeded generator (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int };
}

const PIECES = ['a', 'José', ' ', ',', ';', '\t', '|', '"', '\n', '\r\n', '2,5', 'x"y', 'ñ', '5'];

function writeCsv(rows: string[][], d: string): string {
  const quote = (c: string) =>
    /[",;\t|\r\n]/.test(c) || c !== c.trim() ? `"${c.replace(/"/g, '""')}"` : c;
  return `${rows.map((r) => r.map(quote).join(d)).join('\r\n')}\r\n`;
}

describe('CSV properties (seeded random tables)', () => {
  it('what a quoting writer writes, the parser reads back, with the delimiter found', () => {
    for (let s = 1; s <= 300; s++) {
      const r = rng(s);
      const d = DELIMITERS[r.int(0, DELIMITERS.length - 1)]!;
      const cols = r.int(2, 6);
      const header = Array.from({ length: cols }, (_, i) => `h${i}`);
      const rows = Array.from({ length: r.int(1, 12) }, () =>
        Array.from({ length: cols }, () => {
          const cell = Array.from(
            { length: r.int(1, 4) },
            () => PIECES[r.int(0, PIECES.length - 1)],
          ).join('');
          // Cells are trimmed on reading, and a row of blanks is skipped: write what survives.
          return cell.trim() === '' ? 'v' : cell.trim();
        }),
      );
      const text = writeCsv([header, ...rows], d);
      assert.equal(detectDelimiter(text), d, `seed ${s}: ${JSON.stringify(text.slice(0, 80))}`);
      const sheet = parseCsv(text);
      assert.deepEqual(sheet.headers, header, `seed ${s}`);
      assert.deepEqual(
        sheet.rows.map((x) => x.cells),
        rows,
        `seed ${s}`,
      );
      // Row numbers are those a spreadsheet program shows: one per record, whatever the
      // line breaks inside its cells.
      assert.deepEqual(
        sheet.rows.map((x) => x.line),
        rows.map((_, i) => i + 2),
        `seed ${s}`,
      );
    }
  });
});

describe('import jobs', () => {
  it('moves only along the allowed paths; done can be undone, once', () => {
    assert.equal(canMoveImport('uploaded', 'mapped'), true);
    assert.equal(canMoveImport('uploaded', 'importing'), false);
    assert.equal(canMoveImport('checked', 'importing'), true);
    assert.equal(canMoveImport('failed', 'importing'), true);
    assert.equal(canMoveImport('done', 'undone'), true);
    assert.equal(canMoveImport('undone', 'done'), false);
    for (const s of IMPORT_STATUSES) assert.equal(canMoveImport('cancelled', s), false);
  });

  it('keeps the uploaded file only while it may still be read', () => {
    assert.deepEqual(IMPORT_STATUSES.filter(keepsFile), [
      'uploaded',
      'mapped',
      'checked',
      'importing',
      'failed',
    ]);
  });

  it('batches from the cursor, and shows 100 % only when finished', () => {
    assert.deepEqual(nextBatch({ next: 1000, total: 1234, created: 0, skipped: 0 }, 500), {
      from: 1000,
      to: 1234,
    });
    assert.deepEqual(nextBatch({ next: 1234, total: 1234, created: 0, skipped: 0 }), {
      from: 1234,
      to: 1234,
    });
    assert.equal(percentDone({ next: 999, total: 1000, created: 0, skipped: 0 }), 99);
    assert.equal(percentDone({ next: 1000, total: 1000, created: 0, skipped: 0 }), 100);
    assert.equal(refreshSeconds('importing', 3), 2);
    assert.equal(refreshSeconds('done', 3), null);
  });
});
