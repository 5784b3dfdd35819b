/** English for Decisions: proposals, polls, the decision log and agreements (issue 14). Spread into `en` (en.ts); es-decisions.ts has the same keys. */
export const decisionsEn = {} as const;
