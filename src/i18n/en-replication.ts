/** English for Replication: network templates, spreadsheet import, export and restore (issue 17). Spread into `en` (en.ts); es-replication.ts has the same keys. */
export const replicationEn = {} as const;
