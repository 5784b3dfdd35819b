/**
 * Where the rows of a printed table fall, as numbers only (no PDF here), so the rules are
 * tested directly: column widths share the page by weight, and rows go to pages in order,
 * never split across two (a sign-in line cut in half cannot be signed).
 */

/** Widths that share `total` in proportion to `weights`, summing exactly to `total`. */
export function columnWidths(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + Math.max(0, w), 0);
  if (sum <= 0 || weights.length === 0) return weights.map(() => 0);
  const widths = weights.map((w) => (total * Math.max(0, w)) / sum);
  // Rounding to points keeps lines crisp; the last column takes what rounding left over.
  const rounded = widths.map((w) => Math.floor(w));
  rounded[rounded.length - 1] = total - rounded.slice(0, -1).reduce((a, w) => a + w, 0);
  return rounded;
}

/**
 * Splits rows of the given heights into pages that each hold at most `space` points.
 * A row taller than a whole page still gets a page of its own rather than being lost.
 * Returns the index of each page's first row and how many rows it holds.
 */
export function paginateRows(
  heights: readonly number[],
  space: number,
): { first: number; count: number }[] {
  const pages: { first: number; count: number }[] = [];
  let first = 0;
  let used = 0;
  for (let i = 0; i < heights.length; i++) {
    const h = heights[i]!;
    if (i > first && used + h > space) {
      pages.push({ first, count: i - first });
      first = i;
      used = 0;
    }
    used += h;
  }
  if (heights.length > first || pages.length === 0) {
    pages.push({ first, count: heights.length - first });
  }
  return pages;
}
