import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { columnWidths, paginateRows } from '../../src/domain/printables/table-layout.ts';

describe('printed table layout', () => {
  it('columns share the width by weight and sum to it exactly', () => {
    for (let n = 0; n < 200; n++) {
      const weights = Array.from({ length: 1 + (n % 8) }, (_, i) => ((n * 7 + i * 13) % 9) + 0.5);
      const total = 400 + (n % 360);
      const widths = columnWidths(total, weights);
      assert.equal(
        widths.reduce((a, w) => a + w, 0),
        total,
      );
      assert.ok(widths.every((w) => w >= 0));
    }
    assert.deepEqual(columnWidths(100, [1, 1, 2]), [25, 25, 50]);
  });

  it('every row lands on exactly one page, in order, and no page overflows unless one row must', () => {
    for (let n = 0; n < 200; n++) {
      const heights = Array.from({ length: n % 60 }, (_, i) => 10 + ((n * 31 + i * 17) % 120));
      const space = 150 + (n % 300);
      const pages = paginateRows(heights, space);
      const seen = pages.flatMap((p) => Array.from({ length: p.count }, (_, i) => p.first + i));
      assert.deepEqual(
        seen,
        heights.map((_, i) => i),
      );
      for (const p of pages) {
        const used = heights.slice(p.first, p.first + p.count).reduce((a, h) => a + h, 0);
        assert.ok(used <= space || p.count === 1, `page from ${p.first} holds ${used} > ${space}`);
      }
    }
    assert.deepEqual(paginateRows([], 100), [{ first: 0, count: 0 }], 'an empty table has a page');
    assert.deepEqual(paginateRows([500, 10], 100), [
      { first: 0, count: 1 },
      { first: 1, count: 1 },
    ]);
  });
});
