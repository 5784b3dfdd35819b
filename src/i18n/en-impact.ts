/** English for Planning and impact: indicators, goals, plans, dashboards (issue 16). Spread into `en` (en.ts); es-impact.ts has the same keys. */
export const impactEn = {} as const;
