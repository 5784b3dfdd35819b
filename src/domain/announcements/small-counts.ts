/**
 * Counts shown to the public (the community board) follow a k-anonymity rule with k = 3:
 * a count of 0, 1 or 2 is shown only as "fewer than 3". One or two requests of a kind in
 * one area can point at a household a neighbour knows; three or more hide each other. No
 * total is shown next to the rows, since a total minus the shown rows would give the
 * hidden ones back.
 */
export const K_ANONYMITY = 3;

export type PublicCount = { kind: 'count'; n: number } | { kind: 'few' };

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
