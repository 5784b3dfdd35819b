/**
 * Counts shown to the public (the community board) follow a k-anonymity rule with k = 3:
 * a count of 0, 1 or 2 is shown only as "fewer than 3". One or two requests of a kind in
 * one area can point at a household a neighbour knows; three or more hide each other. No
 * total is shown next to the rows, since a total minus the shown rows would give the
 * hidden ones back.
 *
 * Reports that do show totals (referrals per partner and outcome) use `suppressRows`, which
 * withholds a second cell wherever a total would give a hidden one back, and `publicValue`
 * for a figure computed from people (a median time) that is shown only when enough people
 * are behind it.
 * Survey results use the same rule with k = 5 (`publicCountAt(n, 5)`) and show totals, so
 * they also need `protectLinked`: when counts are tied by sums, one hidden count among
 * shown ones could be worked out by subtraction, so a second one is hidden with it.
 */
export const K_ANONYMITY = 3;

export type PublicCount = { kind: 'count'; n: number } | { kind: 'few' };

/** One argument only, on purpose: callers map over arrays (`counts.map(publicCount)`). */
export function publicCount(n: number): PublicCount {
  return publicCountAt(n, K_ANONYMITY);
}

/**
 * Money that reaches one household says more than a count of requests: direct cash aid on
 * the transparency page is shown from 5 payments on ("fewer than 5"), its total hidden with
 * its count (src/domain/money/transparency.ts).
 */
export const K_ANONYMITY_AID = 5;

/** The same rule for another k (a separate function: `publicCount` is used with `map`). */
export function publicCountAt(n: number, k: number): PublicCount {
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a whole number from 1: ${k}`);
  return n >= k ? { kind: 'count', n } : { kind: 'few' };
}

/** A total that belongs to a count: shown only when the count is. */
export type PublicTotal = { kind: 'total'; n: number; total: number } | { kind: 'few' };

export function publicTotalAt(n: number, total: number, k: number): PublicTotal {
  return publicCountAt(n, k).kind === 'count' ? { kind: 'total', n, total } : { kind: 'few' };
}

export type PublicValue<T> = { kind: 'value'; value: T; n: number } | { kind: 'few' };

/** A figure drawn from `n` people, shown only when n ≥ k. */
export function publicValue<T>(value: T, n: number, k = K_ANONYMITY): PublicValue<T> {
  return n >= k ? { kind: 'value', value, n } : { kind: 'few' };
}

/** A cell of a report: a count, "fewer than k", or withheld so that another cannot be worked out. */
export type ReportCount = PublicCount | { kind: 'withheld' };

export interface SuppressedRow<C extends string> {
  cells: Record<C, ReportCount>;
  total: ReportCount;
}

/**
 * Rows of counts with a total per row. Cells under k show as "few". Where the total and the
 * shown cells would still pin a small count down (one person declined, and the total minus
 * the shown cells says so; or two "few" cells whose sum can only be 2 + 2), the smallest
 * shown cell is withheld too, and so on; when no shown cell is left, the total is withheld.
 * Invariant (a property test): from what is shown, no "few" cell of 1 or more people has
 * only one possible value. (That a "few" cell is 0 may be worked out: it points at nobody.)
 */
export function suppressRows<C extends string>(
  rows: Record<string, Record<C, number>>,
  columns: readonly C[],
  k = K_ANONYMITY,
  /** Cells to withhold from the start (another table's totals would give them away). */
  withhold: readonly C[] = [],
): Record<string, SuppressedRow<C>> {
  const out: Record<string, SuppressedRow<C>> = {};
  for (const [key, row] of Object.entries(rows)) {
    const n = (c: C) => row[c] ?? 0;
    const total = columns.reduce((sum, c) => sum + n(c), 0);
    const cells = {} as Record<C, ReportCount>;
    for (const c of columns)
      cells[c] =
        n(c) < k
          ? { kind: 'few' }
          : withhold.includes(c)
            ? { kind: 'withheld' }
            : { kind: 'count', n: n(c) };
    let totalShown = total >= k;
    while (totalShown && pinned(columns, cells, total, k)) {
      const shown = columns.filter((c) => cells[c].kind === 'count').sort((a, b) => n(a) - n(b));
      if (shown[0] === undefined) totalShown = false;
      else cells[shown[0]] = { kind: 'withheld' };
    }
    if (total < k) for (const c of columns) cells[c] = { kind: 'few' };
    out[key] = {
      cells,
      total: totalShown
        ? { kind: 'count', n: total }
        : total < k
          ? { kind: 'few' }
          : { kind: 'withheld' },
    };
  }
  return out;
}

/** Whether, knowing the total and the shown cells, a "few" cell has one possible value of 1 or more. */
export function pinned<C extends string>(
  columns: readonly C[],
  cells: Record<C, ReportCount>,
  total: number,
  k: number,
): boolean {
  const hidden = columns.filter((c) => cells[c].kind !== 'count');
  if (hidden.length === 0) return false;
  const shownSum = columns.reduce(
    (s, c) => s + (cells[c].kind === 'count' ? (cells[c] as { n: number }).n : 0),
    0,
  );
  const rest = total - shownSum;
  const lo = (c: C) => (cells[c].kind === 'few' ? 0 : k);
  const hi = (c: C) => (cells[c].kind === 'few' ? k - 1 : rest);
  const sumLo = hidden.reduce((s, c) => s + lo(c), 0);
  const sumHi = hidden.reduce((s, c) => s + hi(c), 0);
  // Only a small count of people worked out exactly is a disclosure: a cell pinned to 0 says
  // "nobody", which points at no one, and a withheld cell is k or more by construction.
  return hidden.some((c) => {
    if (cells[c].kind !== 'few') return false;
    const min = Math.max(lo(c), rest - (sumHi - hi(c)));
    const max = Math.min(hi(c), rest - (sumLo - lo(c)));
    return min >= max && min >= 1;
  });
}

/** A count as shown: the number, "fewer than k", or hidden to protect a small count. */
export type ShownCount = PublicCount | { kind: 'hidden' };

/**
 * Hides small counts, and then enough other counts that none of the small ones can be
 * worked out from the rest.
 *
 * `values` are the true counts; each line lists indexes of counts tied by one sum (a row of
 * a table with its total, a column with its total). A line with exactly one count not shown
 * would give it away, so while there is one, the smallest shown count of that line that is
 * not `fixed` is hidden too ("hidden", not "fewer than k": it may be large). `fixed` counts
 * were published elsewhere already (a survey's respondents per area): their state is kept
 * as given, so every page shows them the same way. The loop ends, since each round hides
 * one more count; a line whose other counts are all fixed and shown cannot be protected, so
 * callers give every line at least two counts that are not fixed.
 */
export function protectLinked(
  values: readonly number[],
  lines: readonly (readonly number[])[],
  k: number,
  fixed: ReadonlyMap<number, ShownCount> = new Map(),
): ShownCount[] {
  const state: ('shown' | 'few' | 'hidden')[] = values.map((n, i) => {
    const f = fixed.get(i);
    if (f) return f.kind === 'count' ? 'shown' : f.kind;
    return n >= k ? 'shown' : 'few';
  });
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      if (line.filter((i) => state[i] !== 'shown').length !== 1) continue;
      let pick = -1;
      for (const i of line) {
        if (state[i] !== 'shown' || fixed.has(i)) continue;
        // Ties go to the later count: callers list totals before cells, so a total is hidden last.
        if (pick < 0 || values[i]! <= values[pick]!) pick = i;
      }
      if (pick < 0) continue;
      state[pick] = 'hidden';
      changed = true;
    }
  }
  return state.map((s, i) =>
    s === 'shown'
      ? { kind: 'count', n: values[i]! }
      : s === 'few'
        ? { kind: 'few' }
        : { kind: 'hidden' },
  );
}
