import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { detectDelimiter, fieldCounts, parseCsv } from '../../../src/domain/import/csv.ts';
import { decodeText, isValidUtf8, sniffFormat } from '../../../src/domain/import/decode.ts';
import { ImportFileError } from '../../../src/domain/import/sheet.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url)));

function rejects(fn: () => unknown, code: string) {
  assert.throws(fn, (e: unknown) => e instanceof ImportFileError && e.code === code);
}

describe('decoding uploaded bytes', () => {
  it('reads UTF-8, UTF-8 with BOM, UTF-16 LE/BE with and without BOM, Windows-1252', () => {
    const text = 'Nombre,Teléfono\nJosé Núñez,555 0102\n';
    const utf8 = Buffer.from(text, 'utf8');
    assert.deepEqual(decodeText(utf8), { text, encoding: 'utf-8', bom: false });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]);
    assert.deepEqual(decodeText(withBom), { text, encoding: 'utf-8', bom: true });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(decodeText(le), { text, encoding: 'utf-16le', bom: true });
    const be = Buffer.from(text, 'utf16le').swap16();
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be])), {
      text,
      encoding: 'utf-16be',
      bom: true,
    });
    assert.equal(decodeText(Buffer.from(text, 'utf16le')).encoding, 'utf-16le');
    assert.equal(decodeText(be).encoding, 'utf-16be');
    const cp1252 = Buffer.from('Nombre,Teléfono\nJosé Núñez,555 0102\n', 'latin1');
    assert.deepEqual(decodeText(cp1252), { text, encoding: 'windows-1252', bom: false });
  });

  it('reads the Windows-1252 letters that Latin-1 lacks (curly quotes, €)', () => {
    const bytes = Buffer.from([0x93, 0x4f, 0x4b, 0x94, 0x2c, 0x80, 0x35, 0x0a]);
    assert.equal(decodeText(bytes).text, '“OK”,€5\n');
  });

  it('tells valid UTF-8 from bytes that only look like it', () => {
    assert.equal(isValidUtf8(Buffer.from('ñ', 'utf8')), true);
    assert.equal(isValidUtf8(Buffer.from([0xf1])), false);
    assert.equal(isValidUtf8(Buffer.from([0xc0, 0xaf])), false); // an overlong "/"
    assert.equal(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80])), false); // a lone surrogate
  });

  it('refuses an empty file and a binary one, and names zip and old XLS files', () => {
    rejects(() => decodeText(new Uint8Array()), 'IMPORT_FILE_EMPTY');
    rejects(() => decodeText(Buffer.from('\n\n  \n')), 'IMPORT_FILE_EMPTY');
    rejects(
      () => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3])),
      'IMPORT_FILE_BINARY',
    );
    assert.equal(sniffFormat(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0])), 'xlsx');
    assert.equal(sniffFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'xls');
    assert.equal(sniffFormat(Buffer.from('a,b')), 'text');
  });

  it('the three copies of the Google Form export read as the same table', () => {
    const utf8 = decodeText(fixture('google-form-requests.csv'));
    const cp = decodeText(fixture('google-form-requests-cp1252.csv'));
    const u16 = decodeText(fixture('google-form-requests-utf16.txt'));
    assert.deepEqual(
      [utf8.encoding, cp.encoding, u16.encoding],
      ['utf-8', 'windows-1252', 'utf-16le'],
    );
    const a = parseCsv(utf8.text);
    const b = parseCsv(cp.text);
    const c = parseCsv(u16.text);
    assert.deepEqual([a.delimiter, b.delimiter, c.delimiter], [',', ',', '\t']);
    const cells = (s: typeof a) => s.rows.map((r) => r.cells.map((x) => x.replace(/\r\n/g, '\n')));
    assert.deepEqual(cells(b), cells(a));
    assert.deepEqual(cells(c), cells(a));
    assert.deepEqual(b.headers, a.headers);
    assert.equal(a.rows[0]?.cells[1], 'María José Núñez');
    assert.equal(b.rows[0]?.cells[1], 'María José Núñez');
  });
});

describe('delimiters and CSV parsing', () => {
  it('detects comma, semicolon, tab and pipe, with quoted delimiters in the way', () => {
    assert.equal(detectDelimiter('a,b,c\n1,2,3\n'), ',');
    assert.equal(detectDelimiter('nombre;cantidad;precio\narroz;2;1,50\nleche;1;0,99\n'), ';');
    assert.equal(detectDelimiter('a\tb\n"x, y; z"\t2\n'), '\t');
    assert.equal(detectDelimiter('a|b|c\n1|2|3\n'), '|');
    assert.equal(detectDelimiter('name;note\n"Smith, J";"a, b, c, d"\n"Doe, A";"e, f"\n'), ';');
    assert.equal(detectDelimiter('only one column\nvalue\n'), ',');
  });

  it('counts fields of records across a quoted line break as one record', () => {
    assert.deepEqual(fieldCounts('a,b\n"x\ny",z\n', ','), [2, 2]);
  });

  it('keeps the line each row starts on, skips blank rows, names empty headers', () => {
    const sheet = parseCsv('Name,,Phone\n\nAna,x,1\n"Line\nbreak",y,2\n,,\nBo,z,3');
    assert.deepEqual(sheet.headers, ['Name', 'Column 2', 'Phone']);
    assert.deepEqual(
      sheet.rows.map((r) => [r.line, r.cells[0]]),
      [
        [3, 'Ana'],
        [4, 'Line\nbreak'],
        [6, 'Bo'],
      ],
    );
    assert.equal(sheet.blankRows, 2);
  });

  it('keeps stray quotes, ragged rows, repeated headers', () => {
    const s = parseCsv('Size,Size,Note\n5" pipe,2\n1,2,3,4\n');
    assert.deepEqual(s.headers, ['Size', 'Size (2)', 'Note']);
    assert.deepEqual(s.rows[0]?.cells, ['5" pipe', '2']);
    assert.deepEqual(s.rows[1]?.cells, ['1', '2', '3', '4']);
  });

  it('names the line of an unclosed quote', () => {
    assert.throws(
      () => parseCsv('a,b\n1,2\n3,"never closed\n4,5\n'),
      (e: unknown) =>
        e instanceof ImportFileError &&
        e.code === 'IMPORT_CSV_MALFORMED' &&
        e.params.line === 3 &&
        e.params.reason === 'QUOTE_NOT_CLOSED',
    );
  });

  it('refuses a file with only blank lines as having no header', () => {
    rejects(() => parseCsv(',,\n,,\n'), 'IMPORT_NO_HEADER');
  });
});
