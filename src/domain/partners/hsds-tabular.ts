/**
 * Import of HSDS's tabular form: one flat table per file, foreign keys by id. Shared by the
 * CSV data package (cells are text) and the tabular JSON (`{ "services.csv": [rows] }`,
 * values typed). Every row becomes a record or a named problem.
 */
import { CSV_FILES, NOT_KEPT_FILES } from './hsds-fields.ts';
import type { Directory, HsdsTable } from './hsds-model.ts';
import {
  DirectoryBuilder,
  type ImportProblem,
  type Origin,
  problem,
  readRecord,
} from './hsds-records.ts';

export interface TabularFile {
  /** The file name in the package (`services.csv`), or the table's resource name. */
  file: string;
  /** The table, when a data package descriptor named it; else found from the file name. */
  table?: HsdsTable;
  /** The source name for problems about the file as a whole (defaults to `file`). */
  origin?: string;
  rows: { origin: Origin; values: Record<string, unknown> | null }[];
}

const TABLE_OF_FILE = new Map<string, HsdsTable>(
  (Object.entries(CSV_FILES) as [HsdsTable, string][]).flatMap(([table, file]) => [
    [file, table],
    [table, table],
  ]),
);

/** The kept table a file holds, by its name (`services.csv`, `service`); null if none. */
export function tableOfFile(file: string): HsdsTable | null {
  const base = file.split('/').pop() ?? file;
  return TABLE_OF_FILE.get(base) ?? TABLE_OF_FILE.get(base.replace(/\.csv$/, '')) ?? null;
}

export function importTabularRows(
  files: readonly TabularFile[],
  fromCsv: boolean,
  problems: ImportProblem[],
): Directory {
  const builder = new DirectoryBuilder(problems);
  for (const f of files) {
    const table = f.table ?? tableOfFile(f.file);
    const base = f.file.split('/').pop() ?? f.file;
    const fileOrigin: Origin = { source: f.origin ?? f.file };
    if (!table) {
      const notKept = NOT_KEPT_FILES[base];
      if (notKept) {
        for (const row of f.rows)
          problems.push(
            problem(
              'notice',
              'not_kept',
              row.origin,
              { table: notKept },
              { table: notKept, count: 1 },
            ),
          );
      } else if (f.rows.length > 0) {
        problems.push(
          problem('warning', 'unknown_file', fileOrigin, {}, { file: base, count: f.rows.length }),
        );
      }
      continue;
    }
    const firstRow = new Map<string, Origin>();
    for (const row of f.rows) {
      if (!row.values) {
        problems.push(problem('error', 'not_an_object', row.origin, { table }));
        continue;
      }
      const record = readRecord(table, row.values, { origin: row.origin, fromCsv }, problems);
      if (!record) continue;
      const id = (record as { id: string }).id;
      const first = firstRow.get(id);
      if (first) {
        problems.push(
          problem(
            'warning',
            'duplicate_row',
            row.origin,
            { table, recordId: id },
            {
              id,
              first: first.row ?? first.pointer ?? '',
            },
          ),
        );
      } else firstRow.set(id, row.origin);
      builder.add(table, record, row.origin);
    }
  }
  return builder.build({ source: files[0]?.file ?? '' });
}
