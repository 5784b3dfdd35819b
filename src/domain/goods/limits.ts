/**
 * Per-household limits per item and period ("2 packs of diapers every 7 days"): a warning a
 * coordinator may pass over, or a hard limit nobody passes. Pure: the caller gives what the
 * household received, this says what a new hand-out would break.
 */
export interface ItemLimit {
  itemId: string;
  quantity: number;
  days: number;
  hard: boolean;
}

export interface Received {
  itemId: string;
  quantity: number;
  /** ISO timestamp of the hand-out. */
  at: string;
}

export interface LimitBreach {
  itemId: string;
  limit: number;
  days: number;
  already: number;
  wanted: number;
  hard: boolean;
}

const DAY_MS = 86_400_000;

/** How much of the item the household received in the limit's window, ending at `now`. */
export function receivedInWindow(
  limit: ItemLimit,
  history: readonly Received[],
  now: Date,
): number {
  const from = now.getTime() - limit.days * DAY_MS;
  let sum = 0;
  for (const r of history) {
    if (r.itemId === limit.itemId && Date.parse(r.at) > from) sum += r.quantity;
  }
  return sum;
}

/** What is still allowed of an item in its window (Infinity when the item has no limit). */
export function remainingUnderLimit(
  limit: ItemLimit | undefined,
  history: readonly Received[],
  now: Date,
): number {
  if (!limit) return Number.POSITIVE_INFINITY;
  return Math.max(0, limit.quantity - receivedInWindow(limit, history, now));
}

/** The limits a hand-out of `wanted` would go past, hard ones first. */
export function checkLimits(
  limits: ReadonlyMap<string, ItemLimit>,
  history: readonly Received[],
  wanted: readonly { itemId: string; quantity: number }[],
  now: Date,
): LimitBreach[] {
  const out: LimitBreach[] = [];
  for (const w of wanted) {
    const limit = limits.get(w.itemId);
    if (!limit || w.quantity <= 0) continue;
    const already = receivedInWindow(limit, history, now);
    if (already + w.quantity > limit.quantity) {
      out.push({
        itemId: w.itemId,
        limit: limit.quantity,
        days: limit.days,
        already,
        wanted: w.quantity,
        hard: limit.hard,
      });
    }
  }
  return out.sort((a, b) => Number(b.hard) - Number(a.hard));
}
