import type { decisionsEn } from './en-decisions.ts';

/** Spanish for Decisions: proposals, polls, the decision log and agreements (issue 14). Same keys and {placeholders}. */
export const decisionsEs: Record<keyof typeof decisionsEn, string> = {};
