/**
 * When someone is available, or when help is wanted, as a week of 21 slots: seven days
 * (Monday first) × morning (8–12), afternoon (12–17), evening (17–21). A set of slots is a
 * 21-bit mask, so "do these overlap" is one AND. Coarse on purpose: it is what people say
 * on the phone ("weekday mornings"), and what a volunteer can promise.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const PARTS = ['morning', 'afternoon', 'evening'] as const;
export type Day = (typeof DAYS)[number];
export type Part = (typeof PARTS)[number];
export type SlotMask = number;

export const ALL_WEEK: SlotMask = (1 << 21) - 1;

export function slotBit(day: Day, part: Part): SlotMask {
  return 1 << (DAYS.indexOf(day) * 3 + PARTS.indexOf(part));
}

export function overlaps(a: SlotMask, b: SlotMask): boolean {
  return (a & b) !== 0;
}

/** "mon-morning,sat-evening" ⇄ mask; unknown names are ignored. */
export function maskFromNames(names: Iterable<string>): SlotMask {
  let mask = 0;
  for (const name of names) {
    const [day, part] = name.split('-') as [Day, Part];
    if (DAYS.includes(day) && PARTS.includes(part)) mask |= slotBit(day, part);
  }
  return mask;
}

export function namesFromMask(mask: SlotMask): string[] {
  const out: string[] = [];
  for (const day of DAYS)
    for (const part of PARTS) if (mask & slotBit(day, part)) out.push(`${day}-${part}`);
  return out;
}

export function isWeekdaysOnly(mask: SlotMask): boolean {
  return (
    mask !== 0 &&
    (mask &
      (slotBit('sat', 'morning') |
        slotBit('sat', 'afternoon') |
        slotBit('sat', 'evening') |
        slotBit('sun', 'morning') |
        slotBit('sun', 'afternoon') |
        slotBit('sun', 'evening'))) ===
      0
  );
}
