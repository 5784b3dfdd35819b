/**
 * What people ask for. Each network may switch categories on or off and add its own
 * (network setting); these are the defaults every network starts with. Labels live in the
 * catalogue (`category.<key>`); a network's own categories carry their label in the row.
 */
export const DEFAULT_CATEGORIES = [
  'groceries',
  'meals',
  'medicine',
  'ride',
  'childcare',
  'housing',
  'cash',
  'emotional',
  'other',
] as const;

/** How soon; the number is the weight the triage priority and matching give it. */
export const URGENCIES = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_WEIGHT: Record<Urgency, number> = { low: 1, normal: 2, high: 4, critical: 8 };

/**
 * Hours a task of each kind usually takes, for weekly hour caps until the volunteer logs the
 * real time: a shop or a pickup about an hour, a ride two, childcare three.
 */
export function estimatedHours(category: string): number {
  if (category === 'childcare') return 3;
  if (category === 'ride' || category === 'housing') return 2;
  return 1;
}

/** Open tasks one volunteer holds at once, unless the network says otherwise. */
export const DEFAULT_TASK_CAPACITY = 2;
