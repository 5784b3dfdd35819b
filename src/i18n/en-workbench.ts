/** English for The workbench, continued (issue 12): calendar, overview, audit, door. Spread into `en` (en.ts); es-workbench.ts has the same keys. */
export const workbenchEn = {} as const;
