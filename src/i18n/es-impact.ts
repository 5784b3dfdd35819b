import type { impactEn } from './en-impact.ts';

/** Spanish for Planning and impact: indicators, goals, plans, dashboards (issue 16). Same keys and {placeholders}. */
export const impactEs: Record<keyof typeof impactEn, string> = {};
