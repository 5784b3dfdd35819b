import { DAY } from '../../shared/clock.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { EXPIRY_ALERT_DAYS, isIsoDate } from './goods.rules.ts';
import { distributedByCategory, servedEvents } from './report.repository.ts';
import { listExpiringSoon, listStock, type StockLine } from './stock.repository.ts';

export interface GoodsReport {
  from: string;
  to: string;
  households: { unduplicated: number; duplicated: number };
  people: { unduplicated: number; duplicated: number };
  byCategory: { category: string; month: string; quantity: number }[];
  /** Only for those who see stock (volunteers and up); aggregated either way. */
  stock: StockLine[] | null;
  lowStock: StockLine[];
  expiring: {
    itemName: string;
    siteName: string;
    expiresOn: string;
    quantity: number;
    unit: string;
  }[];
}

/** The period a report covers: the dates given, or the last twelve months up to today. */
export function reportPeriod(
  clock: Deps['clock'],
  q: { from?: string | undefined; to?: string | undefined },
) {
  const today = clock.now().toISOString().slice(0, 10);
  const to = q.to && isIsoDate(q.to) ? q.to : today;
  const from =
    q.from && isIsoDate(q.from) && q.from <= to
      ? q.from
      : new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * People and households served (unduplicated: each counted once in the period; duplicated:
 * once per visit), units handed out by category and month, and stock with its alerts. Any
 * member may read the counts (principle 4: goods are visible to the community, aggregated);
 * stock by site is for those who run the pantry.
 */
export async function goodsReport(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    scope,
    period,
  }: { scope: NetworkScope; period: { from?: string | undefined; to?: string | undefined } },
): Promise<GoodsReport> {
  authorize(scope, 'goods.reports');
  const { from, to } = reportPeriod(deps.clock, period);
  const end = new Date(Date.parse(`${to}T00:00:00Z`) + DAY).toISOString();
  const networkId = scope.network.id;
  const [events, byCategory] = await Promise.all([
    servedEvents(deps.db, networkId, from, end),
    distributedByCategory(deps.db, networkId, from, end),
  ]);
  const sizes = new Map<string, number>();
  for (const e of events) sizes.set(e.householdId, e.size);
  let seeStock = true;
  try {
    authorize(scope, 'goods.view');
  } catch {
    seeStock = false;
  }
  const stock = seeStock ? await listStock(deps.db, networkId) : null;
  const soon = new Date(deps.clock.now().getTime() + EXPIRY_ALERT_DAYS * DAY)
    .toISOString()
    .slice(0, 10);
  return {
    from,
    to,
    households: { unduplicated: sizes.size, duplicated: events.length },
    people: {
      unduplicated: [...sizes.values()].reduce((a, b) => a + b, 0),
      duplicated: events.reduce((a, e) => a + e.size, 0),
    },
    byCategory,
    stock,
    lowStock: (stock ?? []).filter((s) => s.lowStock > 0 && s.quantity <= s.lowStock),
    expiring: seeStock ? await listExpiringSoon(deps.db, networkId, soon) : [],
  };
}

/** One CSV cell: quoted, and a leading = + - @ defused so a spreadsheet shows it as text. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== String(v) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: (string | number)[][]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
