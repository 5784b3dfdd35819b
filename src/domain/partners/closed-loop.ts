/**
 * Closing the loop: for the network's reports, how referrals to each partner ended, and how
 * long partners took to accept. Counts are of people, so small ones are suppressed with the
 * same k as the community board (announcements/small-counts.ts), and a median time is shown
 * only when at least k accepted referrals are behind it. Pure.
 */
import {
  K_ANONYMITY,
  type PublicValue,
  pinned,
  publicValue,
  type ReportCount,
  type SuppressedRow,
  suppressRows,
} from '../announcements/small-counts.ts';
import type { ReferralStatus } from './referral-status.ts';

export const OUTCOMES = ['open', 'completed', 'could_not_help', 'declined', 'cancelled'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function outcomeOf(s: ReferralStatus): Outcome {
  if (s === 'completed' || s === 'could_not_help' || s === 'declined' || s === 'cancelled')
    return s;
  return 'open';
}

export interface ReferralFact {
  /** The receiving partner: an organization id, or a paired network's id. */
  partnerId: string;
  status: ReferralStatus;
  sentAt: string;
  /** When it was first accepted (null if never). */
  acceptedAt: string | null;
}

export interface PartnerLoop {
  partnerId: string;
  outcomes: SuppressedRow<Outcome>;
  /** Median hours from sent to accepted, over the referrals that were accepted. */
  medianHoursToAccept: PublicValue<number>;
}

export interface LoopReport {
  partners: PartnerLoop[];
  /** The same over all partners together. */
  overall: PartnerLoop;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Referrals sent in [from, to) (ISO instants), per partner and over all. */
export function closedLoopReport(
  facts: readonly ReferralFact[],
  period: { from: string; to: string },
  k = K_ANONYMITY,
): LoopReport {
  const inPeriod = facts.filter((f) => f.sentAt >= period.from && f.sentAt < period.to);
  const byPartner = new Map<string, ReferralFact[]>();
  for (const f of inPeriod) {
    const list = byPartner.get(f.partnerId);
    if (list) list.push(f);
    else byPartner.set(f.partnerId, [f]);
  }
  const loop = (
    partnerId: string,
    list: readonly ReferralFact[],
    withhold: Outcome[] = [],
  ): PartnerLoop => {
    const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
    for (const f of list) counts[outcomeOf(f.status)]++;
    const hours = list
      .filter((f) => f.acceptedAt)
      .map((f) => (Date.parse(f.acceptedAt!) - Date.parse(f.sentAt)) / 3_600_000)
      .filter((h) => h >= 0);
    const m = median(hours);
    return {
      partnerId,
      outcomes: suppressRows({ [partnerId]: counts }, OUTCOMES, k, withhold)[partnerId]!,
      medianHoursToAccept:
        m === null ? { kind: 'few' } : publicValue(Math.round(m * 10) / 10, hours.length, k),
    };
  };
  const partners = [...byPartner.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, list]) => loop(id, list));
  // The overall row is a column total of the partner rows: where it would pin down a hidden
  // partner cell (overall declined 6, one partner's 5 shown, the other's "few"), it is withheld.
  const overallCounts = loop('all', inPeriod);
  const withhold = OUTCOMES.filter((o) => {
    const total = inPeriod.filter((f) => outcomeOf(f.status) === o).length;
    const cells = Object.fromEntries(
      partners.map((p) => [p.partnerId, p.outcomes.cells[o]]),
    ) as Record<string, ReportCount>;
    return total >= k && pinned(Object.keys(cells), cells, total, k);
  });
  return { partners, overall: withhold.length ? loop('all', inPeriod, withhold) : overallCounts };
}
