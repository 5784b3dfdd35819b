import type { playbookEn } from './en-playbook.ts';

/** Spanish for The playbook: practices and lessons (issue 17). Same keys and {placeholders}. */
export const playbookEs: Record<keyof typeof playbookEn, string> = {};
