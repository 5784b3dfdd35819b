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
