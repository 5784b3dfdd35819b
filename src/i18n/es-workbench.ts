import type { workbenchEn } from './en-workbench.ts';

/** Spanish for The workbench, continued (issue 12): calendar, overview, audit, door. Same keys and {placeholders}. */
export const workbenchEs: Record<keyof typeof workbenchEn, string> = {};
