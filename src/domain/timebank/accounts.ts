import type { Bounds } from '../ledger/bounds.ts';
import type { FieldProblem, Params, Refusal } from '../problems.ts';
import { durationParts, MINUTES_PER_HOUR } from './minutes.ts';

/**
 * Time accounts: one per member and network, and one community pool per network. The pool
 * pays the hours credited for recorded help (fulfilled tasks, attended shifts), so it runs
 * negative by design: its balance is minus the hours the community has given itself.
 * Everything sums to zero (mutual credit), so a member's negative balance is hours received
 * before given, up to the credit floor.
 */
export type TimeAccountKind = 'member' | 'pool';

/** A per-account limit: take the network's, no limit at all, or a number of minutes. */
export type LimitOverride = 'inherit' | 'none' | number;

export interface TimeAccount {
  id: string;
  kind: TimeAccountKind;
  /** The member, for a member account; null for the pool. */
  personId: string | null;
  /**
   * "No debt", for members who receive aid: the balance never goes below zero, whatever the
   * floor, and is never shown as owing.
   */
  noDebt: boolean;
  floor: LimitOverride;
  ceiling: LimitOverride;
  closed: boolean;
}

export interface TimebankSettings {
  /** The least a member's balance may be, in minutes (≤ 0); null: no floor. */
  floor: number | null;
  /** The most a member's balance may be, in minutes (≥ 0); null: no ceiling. */
  ceiling: number | null;
  /** Days after which a request nobody refused is accepted; null: never by itself. */
  autoAcceptDays: number | null;
  /** Hours logged on fulfilled tasks and attended shifts credited from the pool. */
  creditFromHelp: boolean;
  /** The categories a transfer may have (keys of the catalogue or a network's own words). */
  categories: readonly string[];
}

/**
 * Defaults: a member may receive 10 hours of help before giving any (a new neighbour must be
 * able to start by asking); no ceiling, since giving a lot of help is welcome; requests
 * accepted after 14 days unless refused (issue 13); crediting recorded help is off until a
 * network decides to (it changes what volunteering means there).
 */
export const DEFAULT_TIMEBANK_SETTINGS: TimebankSettings = Object.freeze({
  floor: -10 * MINUTES_PER_HOUR,
  ceiling: null,
  autoAcceptDays: 14,
  creditFromHelp: false,
  categories: Object.freeze([
    'care',
    'company',
    'errands',
    'repairs',
    'garden',
    'tutoring',
    'transport',
    'cooking',
    'tech',
    'other',
  ]),
});

/** A limit's magnitude at most 10,000 hours: beyond it a number is a typo, not a policy. */
export const MAX_LIMIT_MINUTES = 10_000 * MINUTES_PER_HOUR;
export const MAX_AUTO_ACCEPT_DAYS = 90;

function checkLimit(field: string, v: number | null, sign: 'floor' | 'ceiling'): FieldProblem[] {
  if (v === null) return [];
  if (!Number.isSafeInteger(v)) return [{ field, key: 'timebank.field.limitWhole' }];
  if (sign === 'floor' && v > 0) return [{ field, key: 'timebank.field.floorAboveZero' }];
  if (sign === 'ceiling' && v < 0) return [{ field, key: 'timebank.field.ceilingBelowZero' }];
  if (Math.abs(v) > MAX_LIMIT_MINUTES)
    return [
      { field, key: 'timebank.field.limitTooLarge', params: { hours: MAX_LIMIT_MINUTES / 60 } },
    ];
  return [];
}

export function validateSettings(s: TimebankSettings): FieldProblem[] {
  const out = [
    ...checkLimit('floor', s.floor, 'floor'),
    ...checkLimit('ceiling', s.ceiling, 'ceiling'),
  ];
  const d = s.autoAcceptDays;
  if (d !== null && (!Number.isSafeInteger(d) || d < 1 || d > MAX_AUTO_ACCEPT_DAYS))
    out.push({
      field: 'autoAcceptDays',
      key: 'timebank.field.autoAcceptDays',
      params: { min: 1, max: MAX_AUTO_ACCEPT_DAYS },
    });
  const cats = s.categories.map((c) => c.trim());
  if (cats.length === 0 || cats.some((c) => c === ''))
    out.push({ field: 'categories', key: 'timebank.field.categoriesRequired' });
  else if (new Set(cats).size !== cats.length)
    out.push({ field: 'categories', key: 'timebank.field.categoriesDuplicate' });
  return out;
}

/** An account's own limits, checked like the network's. */
export function validateOverrides(a: Pick<TimeAccount, 'floor' | 'ceiling'>): FieldProblem[] {
  const n = (v: LimitOverride) => (typeof v === 'number' ? v : null);
  return [
    ...checkLimit('floor', n(a.floor), 'floor'),
    ...checkLimit('ceiling', n(a.ceiling), 'ceiling'),
  ];
}

function resolve(own: LimitOverride, network: number | null): number | null {
  if (own === 'none') return null;
  if (own === 'inherit') return network;
  return own;
}

/**
 * The bounds that hold for an account. The network's limits are for members; the pool has
 * none unless given its own. "No debt" puts the floor at zero, whatever else is set.
 */
export function boundsOfAccount(
  a: TimeAccount,
  s: Pick<TimebankSettings, 'floor' | 'ceiling'>,
): Bounds {
  const floor = resolve(a.floor, a.kind === 'pool' ? null : s.floor);
  const ceiling = resolve(a.ceiling, a.kind === 'pool' ? null : s.ceiling);
  return { floor: a.noDebt ? Math.max(0, floor ?? 0) : floor, ceiling };
}

export type AccountCode = 'TIME_NO_DEBT_NEGATIVE' | 'TIME_CLOSE_NOT_ZERO' | 'TIME_POOL_NO_DEBT';

/**
 * Turning "no debt" on for an account below zero would break its own promise at once: the
 * service offers the pool covering the difference first (a transfer), then the flag.
 */
export function checkNoDebtOn(a: TimeAccount, balance: number): Refusal<AccountCode> | null {
  if (a.kind === 'pool') return { code: 'TIME_POOL_NO_DEBT', params: { account: a.id } };
  if (balance < 0)
    return { code: 'TIME_NO_DEBT_NEGATIVE', params: { account: a.id, balance, short: -balance } };
  return null;
}

/** An account is closed (a member leaves) only at zero: the hours go to the pool first. */
export function checkClose(a: TimeAccount, balance: number): Refusal<AccountCode> | null {
  if (balance !== 0) return { code: 'TIME_CLOSE_NOT_ZERO', params: { account: a.id, balance } };
  return null;
}

export interface BalanceView {
  minutes: number;
  /** Shown as hours received before given; never for a no-debt account. */
  owing: boolean;
  /** The message key and params of the balance in words. */
  key: string;
  params: Params;
}

/** How a balance is shown to its member, a coordinator, and in the SMS `BALANCE` reply. */
export function balanceView(a: Pick<TimeAccount, 'noDebt'>, minutes: number): BalanceView {
  // A no-debt account cannot be below zero (the check and checkNoDebtOn hold it); if data
  // ever disagreed it still does not say "owing" to the person it promised.
  const owing = minutes < 0 && !a.noDebt;
  const parts = durationParts(minutes);
  const key = owing
    ? 'timebank.balance.owing'
    : minutes > 0
      ? 'timebank.balance.credit'
      : 'timebank.balance.zero';
  return { minutes, owing, key, params: { hours: parts.hours, minutes: parts.minutes } };
}
