/** English for The playbook: practices and lessons (issue 17). Spread into `en` (en.ts); es-playbook.ts has the same keys. */
export const playbookEn = {} as const;
