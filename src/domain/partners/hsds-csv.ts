/**
 * The HSDS 3.0 tabular data package: `datapackage.json` (a Frictionless tabular data package
 * descriptor) and one CSV file per table, foreign keys by id. Import takes the files' texts
 * (an upload of a zip is unpacked by the caller); export gives them back, one text per file.
 */
import { parseCsv, writeCsv } from './csv.ts';
import { CSV_FILES, columnsOf, FIELDS, type FieldSpec, TABLE_ORDER } from './hsds-fields.ts';
import type { Directory, HsdsTable } from './hsds-model.ts';
import { type ImportProblem, problem } from './hsds-records.ts';
import { importTabularRows, type TabularFile, tableOfFile } from './hsds-tabular.ts';
import { cellText } from './hsds-values.ts';

export const DATAPACKAGE = 'datapackage.json';

export interface PackageImport {
  directory: Directory;
  problems: ImportProblem[];
}

type Json = Record<string, unknown>;
const baseName = (path: string) => path.split('/').pop() ?? path;

/** Import a data package from its files, by path (`services.csv` or `csv/services.csv`). */
export function importHsdsDataPackage(files: Record<string, string>): PackageImport {
  const problems: ImportProblem[] = [];
  const byBase = new Map(
    Object.entries(files).map(([path, text]) => [baseName(path), { path, text }]),
  );
  const tableOf = new Map<string, HsdsTable>();
  const descriptor = byBase.get(DATAPACKAGE);
  if (descriptor) readDescriptor(descriptor, byBase, tableOf, problems);
  const tabular: TabularFile[] = [];
  for (const [base, { path, text }] of byBase) {
    if (base === DATAPACKAGE) continue;
    if (!base.toLowerCase().endsWith('.csv')) {
      problems.push(
        problem('warning', 'unknown_file', { source: path }, {}, { file: base, count: 0 }),
      );
      continue;
    }
    const file = csvFile(path, text, tableOf.get(base) ?? tableOfFile(base), problems);
    if (file) tabular.push(file);
  }
  // Parents first, so a problem list reads in the order a person would fix things.
  const rank = (f: TabularFile) => {
    const t = f.table ?? tableOfFile(f.file);
    return t ? TABLE_ORDER.indexOf(t) : TABLE_ORDER.length;
  };
  tabular.sort((a, b) => rank(a) - rank(b));
  return { directory: importTabularRows(tabular, true, problems), problems };
}

function readDescriptor(
  descriptor: { path: string; text: string },
  byBase: Map<string, { path: string; text: string }>,
  tableOf: Map<string, HsdsTable>,
  problems: ImportProblem[],
): void {
  const origin = { source: descriptor.path };
  let parsed: unknown;
  try {
    parsed = JSON.parse(descriptor.text.replace(/^\uFEFF/, ''));
  } catch {
    parsed = null;
  }
  const resources = (parsed as Json | null)?.resources;
  if (!Array.isArray(resources)) {
    // The files are still read by their HSDS names; the import says the descriptor was not used.
    problems.push(problem('warning', 'datapackage_unreadable', origin));
    return;
  }
  for (const r of resources as Json[]) {
    const path = typeof r?.path === 'string' ? r.path : null;
    const name = typeof r?.name === 'string' ? r.name : null;
    if (!path) continue;
    const table = (name ? tableOfFile(name) : null) ?? tableOfFile(path);
    if (table) tableOf.set(baseName(path), table);
    if (!byBase.has(baseName(path)))
      problems.push(problem('warning', 'missing_file', origin, {}, { file: baseName(path) }));
  }
}

function csvFile(
  path: string,
  text: string,
  table: HsdsTable | null,
  problems: ImportProblem[],
): TabularFile | null {
  const base = baseName(path);
  const parsed = parseCsv(text);
  if (!parsed.ok) {
    problems.push(
      problem(
        'error',
        'csv_malformed',
        { source: path, row: parsed.line },
        { table },
        {
          file: base,
          line: parsed.line,
          reason: parsed.code,
        },
      ),
    );
    return null;
  }
  const [header, ...rows] = parsed.rows;
  if (!header) return { file: base, origin: path, rows: [], ...(table ? { table } : {}) };
  const names = header.cells.map((c) => c.trim());
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate !== undefined || (table && !names.includes('id'))) {
    problems.push(
      problem(
        'error',
        duplicate !== undefined ? 'duplicate_column' : 'missing_id_column',
        {
          source: path,
          row: header.line,
        },
        { table },
        { file: base, column: duplicate ?? 'id', count: rows.length },
      ),
    );
    return null;
  }
  return {
    file: base,
    origin: path,
    ...(table ? { table } : {}),
    rows: rows.map(({ line, cells }) => {
      const origin = { source: path, row: line };
      if (cells.length !== names.length)
        problems.push(
          problem(
            'warning',
            'row_length',
            origin,
            { table },
            {
              expected: names.length,
              got: cells.length,
            },
          ),
        );
      const values: Record<string, unknown> = {};
      names.forEach((n, i) => {
        values[n] = cells[i] ?? '';
      });
      return { origin, values };
    }),
  };
}

export interface PackageMeta {
  /** Lower-case, url-safe (Frictionless rule): `mutua-elm-street`. */
  name: string;
  title?: string;
  /** The data's licence, as the network publishes it. */
  licenses?: { name: string; path?: string; title?: string }[];
}

/** Export: `datapackage.json` and one CSV per table Mutua keeps (a header only when empty). */
export function exportHsdsDataPackage(dir: Directory, meta: PackageMeta): Record<string, string> {
  const files: Record<string, string> = {};
  for (const table of TABLE_ORDER) {
    const columns = columnsOf(table);
    const rows = (dir[table] as unknown as Record<string, unknown>[]).map((r) =>
      columns.map((c) => cellText(r[c])),
    );
    files[CSV_FILES[table]] = writeCsv([columns, ...rows]);
  }
  files[DATAPACKAGE] = `${JSON.stringify(descriptorFor(meta), null, 2)}\n`;
  return files;
}

const FRICTIONLESS: Record<FieldSpec['kind']['type'], { type: string; format?: string }> = {
  id: { type: 'string', format: 'uuid' },
  ref: { type: 'string', format: 'uuid' },
  link: { type: 'string', format: 'uuid' },
  string: { type: 'string' },
  number: { type: 'number' },
  enum: { type: 'string' },
  email: { type: 'string', format: 'email' },
  uri: { type: 'string', format: 'uri' },
  date: { type: 'date' },
  datetime: { type: 'datetime' },
  time: { type: 'time', format: 'any' },
};

export function descriptorFor(meta: PackageMeta): Json {
  return {
    profile: 'tabular-data-package',
    name: meta.name,
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.licenses ? { licenses: meta.licenses } : {}),
    resources: TABLE_ORDER.map((table) => {
      const spec = FIELDS[table] as Record<string, FieldSpec>;
      const fields = Object.entries(spec).map(([name, f]) => ({
        name,
        ...FRICTIONLESS[f.kind.type],
        constraints: {
          required: f.required,
          ...(f.kind.type === 'id' ? { unique: true } : {}),
          ...(f.kind.type === 'enum' ? { enum: [...f.kind.values] } : {}),
        },
      }));
      const foreignKeys = Object.entries(spec).flatMap(([name, f]) =>
        f.kind.type === 'ref'
          ? [{ fields: name, reference: { resource: f.kind.table, fields: 'id' } }]
          : [],
      );
      return {
        name: table,
        path: CSV_FILES[table],
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        schema: { fields, primaryKey: 'id', foreignKeys },
      };
    }),
  };
}
