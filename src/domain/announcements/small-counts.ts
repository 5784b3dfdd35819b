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
  return n >= K_ANONYMITY ? { kind: 'count', n } : { kind: 'few' };
}
