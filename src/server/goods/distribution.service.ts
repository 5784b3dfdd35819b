import { checkLimits, type ItemLimit, type LimitBreach } from '../../domain/goods/limits.ts';
import { formatCode, parseCode } from '../../domain/requests/request-code.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import { DAY, isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import {
  checkedIn,
  type DistributionDay,
  findDay,
  insertCheckIn,
  insertDay,
  listCheckIns,
  listDays,
  setDayStatus,
} from './distribution.repository.ts';
import {
  DAY_STATUSES,
  type DayStatus,
  isIsoDate,
  PAPER_LINES_MAX,
  QUANTITY_MAX,
} from './goods.rules.ts';
import { findHousehold, findHouseholdIdByCode } from './household.repository.ts';
import { limitOf, listItems, listReceived, listSites, listStock } from './stock.repository.ts';
import { moveStock } from './stock.service.ts';

type Ctx = { actor: Actor; scope: NetworkScope };

export async function createDay(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    input,
  }: Ctx & {
    input: { siteId: string; day: string; items: { itemId: string; perHousehold: number }[] };
  },
): Promise<string> {
  authorize(scope, 'goods.manage');
  const errors: FieldErrors = {};
  const [sites, items] = await Promise.all([
    listSites(deps.db, scope.network.id),
    listItems(deps.db, scope.network.id),
  ]);
  if (!sites.some((s) => s.id === input.siteId)) errors.siteId = { key: 'field.choose' };
  if (!isIsoDate(input.day)) errors.day = { key: 'goods.dateInvalid' };
  for (const i of input.items) {
    if (!items.some((x) => x.id === i.itemId)) errors[`item_${i.itemId}`] = { key: 'field.choose' };
    else if (
      !Number.isSafeInteger(i.perHousehold) ||
      i.perHousehold < 1 ||
      i.perHousehold > QUANTITY_MAX
    )
      errors[`item_${i.itemId}`] = { key: 'goods.quantityInvalid' };
  }
  if (input.items.length === 0) errors.items = { key: 'goods.itemsRequired' };
  if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await insertDay(trx, { id, networkId: scope.network.id, ...input }, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'distribution_day.created',
      networkId: scope.network.id,
      subject: { type: 'distribution_day', id },
      details: { day: input.day, site: input.siteId, items: input.items.length },
    });
  });
  return id;
}

export async function changeDayStatus(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, dayId, status }: Ctx & { dayId: string; status: DayStatus },
): Promise<void> {
  authorize(scope, 'goods.manage');
  if (!DAY_STATUSES.includes(status))
    throw new AppError('VALIDATION_FAILED', {}, { status: { key: 'field.choose' } });
  await deps.db.transaction().execute(async (trx) => {
    const day = await findDay(trx, scope.network.id, dayId);
    if (!day) throw new AppError('NOT_FOUND');
    if (day.status === status) return;
    await setDayStatus(trx, scope.network.id, dayId, status, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'distribution_day.status_changed',
      networkId: scope.network.id,
      subject: { type: 'distribution_day', id: dayId },
      details: { from: day.status, to: status },
    });
  });
}

export async function days(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<DistributionDay[]> {
  authorize(scope, 'goods.view');
  return listDays(deps.db, scope.network.id);
}

/** A day with its check-ins and the stock left at its site of each item on offer. */
export async function dayDetail(
  deps: Pick<Deps, 'db'>,
  { scope, dayId }: { scope: NetworkScope; dayId: string },
) {
  authorize(scope, 'goods.checkin');
  const day = await findDay(deps.db, scope.network.id, dayId);
  if (!day) throw new AppError('NOT_FOUND');
  const [checkIns, stock] = await Promise.all([
    listCheckIns(deps.db, scope.network.id, dayId),
    listStock(deps.db, scope.network.id, { siteId: day.siteId }),
  ]);
  const left = new Map(stock.map((s) => [s.itemId, s.quantity]));
  return { day, checkIns, left: (itemId: string) => left.get(itemId) ?? 0 };
}

/** The longest limit window among the items, so one query finds all the history needed. */
async function breachesFor(
  trx: Db,
  networkId: string,
  householdId: string,
  wanted: { itemId: string; quantity: number }[],
  now: Date,
): Promise<LimitBreach[]> {
  const items = await listItems(trx, networkId);
  const limits = new Map<string, ItemLimit>();
  for (const i of items) {
    const l = limitOf(i);
    if (l) limits.set(i.id, l);
  }
  if (limits.size === 0) return [];
  const longest = Math.max(...[...limits.values()].map((l) => l.days));
  const since = new Date(now.getTime() - longest * DAY).toISOString();
  const history = await listReceived(trx, networkId, [householdId], since);
  return checkLimits(limits, history, wanted, now);
}

export interface CheckInInput {
  householdId: string;
  items: { itemId: string; quantity: number }[];
  /** A coordinator or volunteer saw the warning and gives anyway. */
  confirmOverLimit?: boolean | undefined;
}

/**
 * Checks a household in at the door and hands out what it takes, in one transaction: one
 * check-in per household per day, limits checked (a hard limit refuses, a warning asks for a
 * confirmation), each item a distribution out of the day's site.
 */
export async function checkIn(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    dayId,
    input,
    source = 'door',
  }: Ctx & { dayId: string; input: CheckInInput; source?: 'door' | 'paper' },
): Promise<{ checkInId: string; breaches: LimitBreach[] }> {
  authorize(scope, 'goods.checkin');
  for (const i of input.items) {
    if (!Number.isSafeInteger(i.quantity) || i.quantity < 0 || i.quantity > QUANTITY_MAX)
      throw new AppError(
        'VALIDATION_FAILED',
        {},
        { [`give_${i.itemId}`]: { key: 'goods.quantityInvalid' } },
      );
  }
  const wanted = input.items.filter((i) => i.quantity > 0);
  const id = newId();
  try {
    return await recordCheckIn();
  } catch (e) {
    // Two volunteers checking the same household in at once: the unique (day, household)
    // index lets one through; the other is told, not shown a failure.
    const code = (e as { code?: string }).code;
    if (
      code === '23505' ||
      code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
    )
      throw new AppError('ALREADY_CHECKED_IN', { code: '' });
    throw e;
  }
  async function recordCheckIn() {
    return deps.db.transaction().execute(async (trx) => {
      const day = await findDay(trx, scope.network.id, dayId);
      if (!day) throw new AppError('NOT_FOUND');
      if (day.status === 'closed' && source === 'door')
        throw new AppError('VALIDATION_FAILED', {}, { day: { key: 'goods.dayClosed' } });
      const household = await findHousehold(trx, scope.network.id, input.householdId);
      if (!household) throw new AppError('NOT_FOUND');
      if (await checkedIn(trx, dayId, household.id))
        throw new AppError('ALREADY_CHECKED_IN', { code: formatCode(household.code) });
      for (const w of wanted) {
        if (!day.items.some((i) => i.itemId === w.itemId))
          throw new AppError(
            'VALIDATION_FAILED',
            {},
            { [`give_${w.itemId}`]: { key: 'field.choose' } },
          );
      }
      const breaches = await breachesFor(
        trx,
        scope.network.id,
        household.id,
        wanted,
        deps.clock.now(),
      );
      // Paper is entered after the goods left the door: it records what happened, and reports
      // the limits it went past instead of refusing.
      if (source === 'door') {
        const hard = breaches.find((b) => b.hard);
        const name = (itemId: string) => day.items.find((i) => i.itemId === itemId)?.itemName ?? '';
        if (hard)
          throw new AppError('HOUSEHOLD_LIMIT', {
            item: name(hard.itemId),
            limit: hard.limit,
            days: hard.days,
            already: hard.already,
          });
        if (breaches.length > 0 && !input.confirmOverLimit) {
          const w = breaches[0]!;
          throw new AppError('LIMIT_WARNING', {
            item: name(w.itemId),
            limit: w.limit,
            days: w.days,
            already: w.already,
          });
        }
      }
      await insertCheckIn(
        trx,
        {
          id,
          networkId: scope.network.id,
          dayId,
          householdId: household.id,
          source,
          enteredBy: scope.personId,
        },
        isoNow(deps.clock),
      );
      for (const w of wanted) {
        await moveStock(trx, deps, {
          actor,
          scope,
          input: {
            kind: 'distribution',
            itemId: w.itemId,
            quantity: w.quantity,
            fromSiteId: day.siteId,
            householdId: household.id,
            dayId,
          },
        });
      }
      await audit(trx, deps.clock, {
        actor,
        action: 'check_in.recorded',
        networkId: scope.network.id,
        subject: { type: 'household', id: household.id },
        details: { day: dayId, source, items: wanted.length, overLimit: breaches.length > 0 },
      });
      return { checkInId: id, breaches };
    });
  }
}

export type PaperOutcome =
  | { line: number; code: string; status: 'recorded'; overLimit: boolean }
  | {
      line: number;
      code: string;
      status: 'unknown' | 'duplicate' | 'no-stock' | 'invalid';
      message?: string;
    };

/**
 * A filled paper sign-in sheet, entered afterwards: each line a household code and what it
 * took (blank means the day's usual amount). Lines are recorded one by one, so one bad line
 * (an unknown code, a household already in) does not stop the rest; the outcome of each line
 * is returned for the page to show.
 */
export async function checkInMany(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    dayId,
    lines,
  }: Ctx & {
    dayId: string;
    lines: { code: string; items: { itemId: string; quantity: number | null }[] }[];
  },
): Promise<PaperOutcome[]> {
  authorize(scope, 'goods.checkin');
  const day = await findDay(deps.db, scope.network.id, dayId);
  if (!day) throw new AppError('NOT_FOUND');
  if (lines.length > PAPER_LINES_MAX)
    throw new AppError('VALIDATION_FAILED', {}, { lines: { key: 'goods.tooManyLines' } });
  const out: PaperOutcome[] = [];
  for (const [n, l] of lines.entries()) {
    const line = n + 1;
    const code = parseCode(l.code);
    const householdId = code ? await findHouseholdIdByCode(deps.db, scope.network.id, code) : null;
    if (!householdId) {
      out.push({ line, code: l.code, status: 'unknown' });
      continue;
    }
    const items = day.items.map((i) => ({
      itemId: i.itemId,
      quantity: l.items.find((x) => x.itemId === i.itemId)?.quantity ?? i.perHousehold,
    }));
    try {
      const r = await checkIn(deps, {
        actor,
        scope,
        dayId,
        input: { householdId, items },
        source: 'paper',
      });
      out.push({
        line,
        code: formatCode(code!),
        status: 'recorded',
        overLimit: r.breaches.length > 0,
      });
    } catch (e) {
      const c = (e as AppError).code;
      if (c === 'ALREADY_CHECKED_IN')
        out.push({ line, code: formatCode(code!), status: 'duplicate' });
      else if (c === 'INSUFFICIENT_STOCK')
        out.push({ line, code: formatCode(code!), status: 'no-stock' });
      else if (c === 'VALIDATION_FAILED')
        out.push({ line, code: formatCode(code!), status: 'invalid' });
      else throw e;
    }
  }
  return out;
}
