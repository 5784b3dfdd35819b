/**
 * A volunteer's week of 21 slots (src/domain/time/weekly-slots.ts) told the way people say
 * it: "weekdays, evenings", "weekends", "every day, mornings", "Monday to Wednesday,
 * afternoons; Saturday, mornings". The result is structure, not words: the page turns each
 * part into its language (catalogue keys for the day sets and parts of the day, list joining
 * with `Intl.ListFormat`), so English, Spanish and Arabic word order stay theirs. Pure.
 *
 * The week is cut in groups two ways — days sharing the same parts of the day, or parts of
 * the day sharing the same days — and the shorter telling wins ("every day, mornings;
 * weekends, afternoons" rather than "weekdays, mornings; weekends, mornings and
 * afternoons"). Every summary expands back to exactly the slots it came from.
 */
import { safeLocale } from '../text/locale.ts';
import { DAYS, type Day, PARTS, type Part, type SlotMask, slotBit } from '../time/weekly-slots.ts';

export type DaySet =
  | { kind: 'everyDay' }
  | { kind: 'weekdays' }
  | { kind: 'weekends' }
  /** Single days and runs of three or more ("Monday to Wednesday"), Monday first. */
  | { kind: 'days'; items: (Day | { from: Day; to: Day })[] };

export interface AvailabilityGroup {
  days: DaySet;
  /** The parts of the day, morning first; 'allDay' when all three. */
  parts: Part[] | 'allDay';
}

export type AvailabilitySummary =
  | { kind: 'none' }
  | { kind: 'anyTime' }
  | { kind: 'groups'; groups: AvailabilityGroup[] };

const FULL_DAY = 0b111;
const WEEKDAYS = 0b0011111;
const WEEKEND = 0b1100000;
const EVERY_DAY = 0b1111111;

/** The parts of the day (3 bits, morning first) the mask has on day number d. */
function partsOf(mask: SlotMask, d: number): number {
  return (mask >> (d * 3)) & FULL_DAY;
}

function daySet(days: number): DaySet {
  if (days === EVERY_DAY) return { kind: 'everyDay' };
  if (days === WEEKDAYS) return { kind: 'weekdays' };
  if (days === WEEKEND) return { kind: 'weekends' };
  const items: (Day | { from: Day; to: Day })[] = [];
  for (let d = 0; d < 7; d++) {
    if (!(days & (1 << d))) continue;
    let e = d;
    while (e + 1 < 7 && days & (1 << (e + 1))) e++;
    if (e - d >= 2) items.push({ from: DAYS[d]!, to: DAYS[e]! });
    else for (let x = d; x <= e; x++) items.push(DAYS[x]!);
    d = e;
  }
  return { kind: 'days', items };
}

function partList(parts: number): Part[] | 'allDay' {
  return parts === FULL_DAY ? 'allDay' : PARTS.filter((_, i) => parts & (1 << i));
}

/** Words a telling takes: one per named day set, day, run, and part of the day. */
function weight(groups: AvailabilityGroup[]): number {
  let w = 0;
  for (const g of groups) {
    w += g.days.kind === 'days' ? g.days.items.length : 1;
    w += g.parts === 'allDay' ? 0 : g.parts.length;
  }
  return w;
}

/** Days grouped by their parts of the day (bit sets: days as 7 bits, parts as 3). */
function byDays(mask: SlotMask): { days: number; parts: number }[] {
  const groups = new Map<number, number>();
  for (let d = 0; d < 7; d++) {
    const p = partsOf(mask, d);
    if (p) groups.set(p, (groups.get(p) ?? 0) | (1 << d));
  }
  return [...groups].map(([parts, days]) => ({ days, parts }));
}

/** Parts of the day grouped by the days they are on. */
function byParts(mask: SlotMask): { days: number; parts: number }[] {
  const groups = new Map<number, number>();
  for (let p = 0; p < 3; p++) {
    let days = 0;
    for (let d = 0; d < 7; d++) if (partsOf(mask, d) & (1 << p)) days |= 1 << d;
    if (days) groups.set(days, (groups.get(days) ?? 0) | (1 << p));
  }
  return [...groups].map(([days, parts]) => ({ days, parts }));
}

function firstBit(n: number): number {
  return 31 - Math.clz32(n & -n);
}

function toGroups(raw: { days: number; parts: number }[]): AvailabilityGroup[] {
  return raw
    .sort((a, b) => firstBit(a.days) - firstBit(b.days) || firstBit(a.parts) - firstBit(b.parts))
    .map((g) => ({ days: daySet(g.days), parts: partList(g.parts) }));
}

export function summariseAvailability(mask: SlotMask): AvailabilitySummary {
  const m = mask & ((1 << 21) - 1);
  if (m === 0) return { kind: 'none' };
  if (m === (1 << 21) - 1) return { kind: 'anyTime' };
  const a = toGroups(byDays(m));
  const b = toGroups(byParts(m));
  const groups = weight(b) < weight(a) || (weight(b) === weight(a) && b.length < a.length) ? b : a;
  return { kind: 'groups', groups };
}

/** The days a day set names. */
export function daysOf(set: DaySet): Day[] {
  switch (set.kind) {
    case 'everyDay':
      return [...DAYS];
    case 'weekdays':
      return DAYS.slice(0, 5);
    case 'weekends':
      return DAYS.slice(5);
    case 'days':
      return set.items.flatMap((item) =>
        typeof item === 'string'
          ? [item]
          : DAYS.slice(DAYS.indexOf(item.from), DAYS.indexOf(item.to) + 1),
      );
  }
}

/** The slots a summary stands for: `maskOf(summariseAvailability(m)) === m` for every week. */
export function maskOf(summary: AvailabilitySummary): SlotMask {
  if (summary.kind === 'none') return 0;
  if (summary.kind === 'anyTime') return (1 << 21) - 1;
  let mask = 0;
  for (const g of summary.groups)
    for (const day of daysOf(g.days))
      for (const part of g.parts === 'allDay' ? PARTS : g.parts) mask |= slotBit(day, part);
  return mask;
}

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * A summary in words, given the words of each piece from the page's catalogue (`word`
 * receives keys like `availability.weekdays`, `availability.day.mon`, `availability.part.evening`,
 * `availability.range` with {from, to}, `availability.anyTime`, `availability.none`,
 * `availability.group` with {days, parts}, `availability.separator` between groups, "; " in
 * English, "؛ " in Arabic), lists joined the reader's way ("and", "y", "و").
 */
export function availabilityWords(
  summary: AvailabilitySummary,
  locale: string,
  word: (key: string, params?: Record<string, string>) => string,
): string {
  if (summary.kind !== 'groups') return word(`availability.${summary.kind}`);
  const safe = safeLocale(locale);
  let list = listFormats.get(safe);
  if (!list) {
    list = new Intl.ListFormat(safe, { type: 'conjunction', style: 'long' });
    listFormats.set(safe, list);
  }
  const groups = summary.groups.map((g) => {
    const days =
      g.days.kind === 'days'
        ? list.format(
            g.days.items.map((item) =>
              typeof item === 'string'
                ? word(`availability.day.${item}`)
                : word('availability.range', {
                    from: word(`availability.day.${item.from}`),
                    to: word(`availability.day.${item.to}`),
                  }),
            ),
          )
        : word(`availability.${g.days.kind}`);
    if (g.parts === 'allDay') return days;
    return word('availability.group', {
      days,
      parts: list.format(g.parts.map((p) => word(`availability.part.${p}`))),
    });
  });
  return groups.join(word('availability.separator'));
}
