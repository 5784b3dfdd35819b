import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvCell, csvDecimal, csvRow, looksLikeFormula, toCsv } from '../../src/domain/csv.ts';

describe('csv cells', () => {
  it('defuses every formula start a spreadsheet acts on, and quotes it', () => {
    for (const bad of [
      '=1+1',
      '+1',
      '-1',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      '\0x',
      '  =HYPERLINK("http://x")',
      '\u3000=1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
      "=cmd|'/c calc'!A1",
    ]) {
      assert.ok(looksLikeFormula(bad), JSON.stringify(bad));
      const cell = csvCell(bad);
      assert.ok(cell.startsWith(`"'`), `${JSON.stringify(bad)} -> ${cell}`);
    }
    assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  });

  it('leaves plain text, numbers and decimals as they are', () => {
    assert.equal(csvCell('rice, 2 bags'), '"rice, 2 bags"');
    assert.equal(csvCell('a "quote"'), '"a ""quote"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('e-mail'), 'e-mail', 'a dash inside is not a formula');
    assert.equal(csvCell(-1250), '-1250', 'a number stays a number the accountant can sum');
    assert.equal(csvCell(csvDecimal('-12.50')), '-12.50');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(undefined), '');
    assert.throws(() => csvDecimal('=1+1'));
    assert.throws(() => csvDecimal('1e5'));
    assert.throws(() => csvCell(Number.NaN));
    assert.throws(() => csvCell(Number.POSITIVE_INFINITY));
  });

  it('rows end with CRLF, the last one too', () => {
    assert.equal(csvRow(['a', 1, null]), 'a,1,');
    assert.equal(
      toCsv([
        ['h1', 'h2'],
        ['=x', 2],
      ]),
      `h1,h2\r\n"'=x",2\r\n`,
    );
    assert.equal(toCsv([]), '');
  });
});
