/**
 * Looking after the people who do the work (seed 003 on burnout). Pure rules: weekly hours
 * against a cap, a rest nudge after heavy weeks, no-shows that fade, milestones.
 */

/** A week counts as heavy at 80 % of the person's own cap or more. */
export const HEAVY_SHARE = 0.8;
/** Three heavy weeks in a row earn a nudge to rest. */
export const HEAVY_WEEKS_FOR_NUDGE = 3;
/**
 * No-shows and late drops are forgiven after 90 days: life happens, and an old miss should
 * not follow anyone around (karrot does the same with its feedback).
 */
export const FORGIVENESS_DAYS = 90;
/** A drop this close to the start is recorded as late (gently, and it fades too). */
export const LATE_DROP_HOURS = 24;

export const MILESTONES = ['firstTask', 'hours10', 'hours50', 'hours100'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** True when `hours` more would go past the cap this week. */
export function overCap(hoursThisWeek: number, hours: number, cap: number): boolean {
  return hoursThisWeek + hours > cap + 1e-9;
}

/** Hours of the last weeks, oldest first: a nudge when the last few were all heavy. */
export function needsRest(weeklyHours: readonly number[], cap: number): boolean {
  if (cap <= 0 || weeklyHours.length < HEAVY_WEEKS_FOR_NUDGE) return false;
  return weeklyHours.slice(-HEAVY_WEEKS_FOR_NUDGE).every((h) => h >= cap * HEAVY_SHARE);
}

/** Misses (no-shows, late drops) still counted at `now`: those inside the window. */
export function activeMisses(missedAt: readonly string[], now: Date): number {
  const since = now.getTime() - FORGIVENESS_DAYS * 86_400_000;
  return missedAt.filter((at) => Date.parse(at) >= since).length;
}

/** The milestones reached with this many finished tasks and hours (tasks and shifts). */
export function milestonesReached(tasks: number, hours: number): Milestone[] {
  const out: Milestone[] = [];
  if (tasks >= 1) out.push('firstTask');
  if (hours >= 10) out.push('hours10');
  if (hours >= 50) out.push('hours50');
  if (hours >= 100) out.push('hours100');
  return out;
}

export const FEELINGS = ['good', 'ok', 'tired', 'struggling'] as const;
export type Feeling = (typeof FEELINGS)[number];
