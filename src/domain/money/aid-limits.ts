import { checkLimits, type ItemLimit, remainingUnderLimit } from '../goods/limits.ts';

/**
 * Direct aid per household per period ("at most 200.00 of cash help every 30 days"), as a
 * warning a coordinator may pass over with a reason, or a hard limit nobody passes: the same
 * shape and the same window rule as goods limits (src/domain/goods/limits.ts), which these
 * reuse with a category in place of an item and minor units in place of packs. A limit on
 * the category '*' counts all direct aid to the household, whatever its category.
 */
export const ALL_CATEGORIES = '*';

export interface AidLimit {
  category: string;
  /** Minor units per window. */
  amount: number;
  days: number;
  hard: boolean;
}

export interface AidPaid {
  category: string;
  amount: number;
  /** ISO timestamp of the payment. */
  at: string;
}

export interface AidBreach {
  category: string;
  limit: number;
  days: number;
  already: number;
  wanted: number;
  /** How far past the limit the payment would go. */
  over: number;
  hard: boolean;
}

function asItem(l: AidLimit): ItemLimit {
  return { itemId: l.category, quantity: l.amount, days: l.days, hard: l.hard };
}

function historyFor(l: AidLimit, history: readonly AidPaid[]) {
  return history.map((h) => ({
    itemId: l.category === ALL_CATEGORIES ? ALL_CATEGORIES : h.category,
    quantity: h.amount,
    at: h.at,
  }));
}

/** The limits a payment of `amount` in `category` would go past, hard ones first. */
export function checkAidLimits(
  limits: readonly AidLimit[],
  history: readonly AidPaid[],
  category: string,
  amount: number,
  now: Date,
): AidBreach[] {
  const out: AidBreach[] = [];
  for (const l of limits) {
    if (l.category !== ALL_CATEGORIES && l.category !== category) continue;
    const [b] = checkLimits(
      new Map([[l.category, asItem(l)]]),
      historyFor(l, history),
      [{ itemId: l.category, quantity: amount }],
      now,
    );
    if (b)
      out.push({
        category: l.category,
        limit: b.limit,
        days: b.days,
        already: b.already,
        wanted: b.wanted,
        over: b.already + b.wanted - b.limit,
        hard: b.hard,
      });
  }
  return out.sort((a, b) => Number(b.hard) - Number(a.hard));
}

/** What may still be paid to the household in this category now (Infinity: no limit). */
export function aidRemaining(
  limits: readonly AidLimit[],
  history: readonly AidPaid[],
  category: string,
  now: Date,
): number {
  let least = Number.POSITIVE_INFINITY;
  for (const l of limits) {
    if (l.category !== ALL_CATEGORIES && l.category !== category) continue;
    least = Math.min(least, remainingUnderLimit(asItem(l), historyFor(l, history), now));
  }
  return least;
}
