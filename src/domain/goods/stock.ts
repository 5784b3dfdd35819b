import type { BalanceRule, Posting } from '../ledger/ledger.ts';

/**
 * Stock of goods as a ledger: each site holds an account per item, and goods come from or go
 * to outside accounts (donations, purchases, the households served, count differences). A
 * site's balance is its stock, and may never go below zero; outside accounts may.
 */
export const MOVEMENT_KINDS = [
  'donation',
  'purchase',
  'transfer',
  'distribution',
  'adjustment',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export const OUTSIDE = {
  donation: 'outside:donations',
  purchase: 'outside:purchases',
  distribution: 'outside:distributed',
  adjustment: 'outside:adjustments',
} as const;

export const siteAccount = (siteId: string) => `site:${siteId}`;
export const siteOfAccount = (account: string): string | null =>
  account.startsWith('site:') ? account.slice(5) : null;

export const stockRule: BalanceRule = (account) =>
  account.startsWith('site:') ? 'non-negative' : 'any';

export interface Movement {
  kind: MovementKind;
  /** Whole units, above zero; an adjustment's sign is its direction (a count found more or less). */
  quantity: number;
  fromSiteId?: string | null | undefined;
  toSiteId?: string | null | undefined;
}

/** The postings of one movement; each sums to zero. Throws on a movement missing its sites. */
export function postingsFor(m: Movement): Posting[] {
  const q = m.quantity;
  const need = (id: string | null | undefined, what: string) => {
    if (!id) throw new Error(`a ${m.kind} needs a ${what} site`);
    return siteAccount(id);
  };
  switch (m.kind) {
    case 'donation':
    case 'purchase':
      return [
        { account: OUTSIDE[m.kind], amount: -q },
        { account: need(m.toSiteId, 'to'), amount: q },
      ];
    case 'distribution':
      return [
        { account: need(m.fromSiteId, 'from'), amount: -q },
        { account: OUTSIDE.distribution, amount: q },
      ];
    case 'transfer': {
      const from = need(m.fromSiteId, 'from');
      const to = need(m.toSiteId, 'to');
      if (from === to) throw new Error('a transfer goes between two different sites');
      return [
        { account: from, amount: -q },
        { account: to, amount: q },
      ];
    }
    case 'adjustment': {
      const site = need(m.toSiteId ?? m.fromSiteId, 'counted');
      return [
        { account: OUTSIDE.adjustment, amount: -q },
        { account: site, amount: q },
      ];
    }
  }
}

/** The adjustment a physical count calls for: counted minus recorded (zero: nothing to do). */
export function countDifference(recorded: number, counted: number): number {
  return counted - recorded;
}
