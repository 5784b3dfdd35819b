import { createHash } from 'node:crypto';

/**
 * The tie-breaking rule, the same for every method, written in the decision log so anyone
 * can check it:
 *
 * 1. Earlier rounds (ranked choice only): among options tied for fewest votes, the one
 *    with fewer votes in the most recent earlier round where they differ is eliminated.
 * 2. Otherwise a lot, drawn without any chance: each tied option gets the number
 *    SHA-256("<seed>:<option id>") (hex, compared as text); the lowest loses. The seed is
 *    the proposal's id, published with the result, so the draw can be redone by hand and
 *    nobody, the opener included, can steer it by the order of the options or by timing.
 */
export function lotNumber(seed: string, option: string): string {
  return createHash('sha256').update(`${seed}:${option}`).digest('hex');
}

/** The option that loses the lot among `tied` (two or more). */
export function loserByLot(seed: string, tied: readonly string[]): string {
  let loser = tied[0]!;
  let low = lotNumber(seed, loser);
  for (const o of tied.slice(1)) {
    const n = lotNumber(seed, o);
    if (n < low) {
      low = n;
      loser = o;
    }
  }
  return loser;
}

/** The option that wins the lot among `tied`: the highest number. */
export function winnerByLot(seed: string, tied: readonly string[]): string {
  let winner = tied[0]!;
  let high = lotNumber(seed, winner);
  for (const o of tied.slice(1)) {
    const n = lotNumber(seed, o);
    if (n > high) {
      high = n;
      winner = o;
    }
  }
  return winner;
}

export type TieBreak = 'none' | 'earlier_rounds' | 'lot';

/**
 * Which of `tied` (tied for fewest votes now) is eliminated, looking back through earlier
 * rounds' counts (oldest first) and then drawing the lot; and how the tie was broken.
 */
export function eliminateAmong(
  tied: readonly string[],
  earlierRounds: readonly Readonly<Record<string, number>>[],
  seed: string,
): { option: string; by: TieBreak } {
  if (tied.length === 1) return { option: tied[0]!, by: 'none' };
  let left = [...tied];
  for (let r = earlierRounds.length - 1; r >= 0 && left.length > 1; r--) {
    const counts = earlierRounds[r]!;
    const low = Math.min(...left.map((o) => counts[o] ?? 0));
    const lowest = left.filter((o) => (counts[o] ?? 0) === low);
    if (lowest.length < left.length) left = lowest;
  }
  if (left.length === 1) return { option: left[0]!, by: 'earlier_rounds' };
  return { option: loserByLot(seed, left), by: 'lot' };
}
