/**
 * Counts shown to the public (the community board) follow a k-anonymity rule with k = 3:
 * a count of 0, 1 or 2 is shown only as "fewer than 3". One or two requests of a kind in
 * one area can point at a household a neighbour knows; three or more hide each other. No
 * total is shown next to the rows, since a total minus the shown rows would give the
 * hidden ones back.
 *
 * Survey results use the same rule with k = 5 (`countAtLeast(n, 5)`) and show totals, so
 * they also need `protectLinked`: when counts are tied by sums, one hidden count among
 * shown ones could be worked out by subtraction, so a second one is hidden with it.
 */
export const K_ANONYMITY = 3;

export type PublicCount = { kind: 'count'; n: number } | { kind: 'few' };

/** A count as shown: the number, "fewer than k", or hidden to protect a small count. */
export type ShownCount = PublicCount | { kind: 'hidden' };

/** A count shown only when it is at least k; else "fewer than k". */
export function countAtLeast(n: number, k: number): PublicCount {
  return n >= k ? { kind: 'count', n } : { kind: 'few' };
}

export function publicCount(n: number): PublicCount {
  return countAtLeast(n, K_ANONYMITY);
}

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
