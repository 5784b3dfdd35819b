/**
 * Import of HSDS 3.0 JSON as the HSDS API returns it: one nested object (`/services/{id}`,
 * `/organizations/{id}`, `/service_at_locations/{id}`, a location, a taxonomy or a term), a
 * paginated list (`{ total_items, ..., contents: [...] }`), the API's `/` answer, or the
 * tabular JSON (`{ "services.csv": [rows] }`). Pure: text in, a Directory and the list of
 * problems out (hsds-records.ts says what each rule does).
 */
import type { Directory, HsdsTable } from './hsds-model.ts';
import { NESTED, NOT_KEPT_NESTED } from './hsds-nesting.ts';
import {
  DirectoryBuilder,
  type ImportProblem,
  type Origin,
  problem,
  readRecord,
} from './hsds-records.ts';
import { importTabularRows, type TabularFile } from './hsds-tabular.ts';

export const JSON_KINDS = [
  'api_meta',
  'service',
  'organization',
  'location',
  'service_at_location',
  'taxonomy',
  'taxonomy_term',
  'page',
  'tabular',
] as const;
export type HsdsJsonKind = (typeof JSON_KINDS)[number];

export interface HsdsImport {
  directory: Directory;
  problems: ImportProblem[];
  /** What the file was taken to be (null: it could not be read at all). */
  kind: HsdsJsonKind | null;
  /** The `/` answer's HSDS version, when that is what was imported. */
  version?: string;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** What a parsed HSDS JSON value is, by its keys; null when it looks like none of them. */
export function guessJsonKind(value: unknown): HsdsJsonKind | null {
  if (!isObject(value)) return null;
  const has = (k: string) => k in value;
  if (Array.isArray(value.contents) && (has('total_items') || has('page_number'))) return 'page';
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((k) => k.endsWith('.csv'))) return 'tabular';
  if (!has('id') && (has('openapi_url') || has('version'))) return 'api_meta';
  if (has('status') || has('service_at_locations') || has('service_areas')) return 'service';
  if (has('location_type') || has('addresses')) return 'location';
  if (has('service') || has('location') || has('service_id') || has('location_id'))
    return 'service_at_location';
  if (has('taxonomy_detail') || has('taxonomy_id') || has('parent_id') || has('term_uri'))
    return 'taxonomy_term';
  if (has('code') && has('name') && !has('website')) return 'taxonomy_term';
  if (has('version') || (has('uri') && keys.every((k) => TAXONOMY_KEYS.has(k)))) return 'taxonomy';
  if (has('name')) return 'organization';
  return null;
}
const TAXONOMY_KEYS = new Set(['id', 'name', 'description', 'uri', 'version', 'metadata']);

/** Import one JSON file. `kind` may be given (by the endpoint it came from) or is guessed. */
export function importHsdsJson(
  input: string | unknown,
  opts: { source: string; kind?: HsdsJsonKind },
): HsdsImport {
  const problems: ImportProblem[] = [];
  const root: Origin = { source: opts.source, pointer: '' };
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      problems.push(problem('error', 'not_json', root, {}, { detail: (e as Error).message }));
      return { directory: new DirectoryBuilder(problems).build(root), problems, kind: null };
    }
  }
  const kind = opts.kind ?? guessJsonKind(value);
  const builder = new DirectoryBuilder(problems);
  if (kind === null || !isObject(value)) {
    problems.push(problem('error', 'unknown_shape', root));
    return { directory: builder.build(root), problems, kind: null };
  }
  const walker = new Walker(opts.source, builder, problems);
  let version: string | undefined;
  switch (kind) {
    case 'api_meta':
      version = typeof value.version === 'string' ? value.version : undefined;
      if (version !== '3.0')
        problems.push(problem('warning', 'version', root, {}, { version: String(value.version) }));
      break;
    case 'tabular':
      return {
        directory: importTabularRows(tabularFiles(value, opts.source, problems), false, problems),
        problems,
        kind,
      };
    case 'page':
      walker.page(value);
      break;
    default:
      walker.walk(kind, value, '', {});
  }
  return { directory: builder.build(root), problems, kind, ...(version ? { version } : {}) };
}

function tabularFiles(value: Json, source: string, problems: ImportProblem[]): TabularFile[] {
  const files: TabularFile[] = [];
  for (const [file, rows] of Object.entries(value)) {
    if (!Array.isArray(rows)) {
      problems.push(problem('error', 'not_a_table', { source, pointer: `/${file}` }, {}, { file }));
      continue;
    }
    files.push({
      file,
      rows: rows.map((r, i) => ({
        origin: { source, pointer: `/${escapePointer(file)}/${i}` },
        values: isObject(r) ? r : null,
      })),
    });
  }
  return files;
}

const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

class Walker {
  constructor(
    private readonly source: string,
    private readonly builder: DirectoryBuilder,
    private readonly problems: ImportProblem[],
  ) {}

  page(value: Json): void {
    const origin = { source: this.source, pointer: '' };
    for (const field of ['total_items', 'total_pages', 'page_number', 'size']) {
      const v = value[field];
      if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 0))
        this.problems.push(problem('warning', 'page_field', origin, {}, { field }));
    }
    const contents = value.contents as unknown[];
    contents.forEach((item, i) => {
      const kind = guessJsonKind(item);
      const pointer = `/contents/${i}`;
      if (kind === null || kind === 'page' || kind === 'tabular' || kind === 'api_meta') {
        this.problems.push(problem('error', 'unknown_shape', { source: this.source, pointer }));
        return;
      }
      this.walk(kind, item, pointer, {});
    });
  }

  /** Reads one object and everything nested in it; returns its id, or null if skipped. */
  walk(
    table: HsdsTable,
    raw: unknown,
    pointer: string,
    parent: Record<string, string>,
    parentTable?: HsdsTable,
  ): string | null {
    const origin: Origin = { source: this.source, pointer };
    if (!isObject(raw)) {
      this.problems.push(problem('error', 'not_an_object', origin, { table }));
      return null;
    }
    const nested = NESTED[table];
    const fks: Record<string, string> = { ...parent };
    for (const n of nested) {
      if (n.many || raw[n.key] === undefined || raw[n.key] === null) continue;
      const childId = this.walk(n.table, raw[n.key], `${pointer}/${n.key}`, {});
      if (childId) fks[n.via] = childId;
    }
    const skipKeys = new Set([...nested.map((n) => n.key), ...Object.keys(NOT_KEPT_NESTED)]);
    const record = readRecord(
      table,
      raw,
      { origin, fromCsv: false, parent: fks, skipKeys },
      this.problems,
    );
    const id = record ? (record as { id: string }).id : null;
    if (record) {
      const r = record as unknown as Record<string, unknown>;
      // An attribute nested in a record links to it; HSDS names the linked table in link_entity.
      if (table === 'attribute' && parentTable && r.link_entity === null)
        r.link_entity = parentTable;
      this.builder.add(table, record, origin);
    }
    for (const n of nested) {
      if (!n.many) continue;
      const items = raw[n.key];
      if (items === undefined || items === null) continue;
      const at = `${pointer}/${n.key}`;
      if (!Array.isArray(items)) {
        this.problems.push(
          problem(
            'error',
            'not_a_list',
            { source: this.source, pointer: at },
            {
              table,
              recordId: id,
              field: n.key,
            },
          ),
        );
        continue;
      }
      items.forEach((item, i) => {
        const childOrigin = { source: this.source, pointer: `${at}/${i}` };
        if (!id) {
          this.problems.push(
            problem(
              'error',
              'record_skipped',
              childOrigin,
              { table: n.table },
              { reason: 'parent_skipped' },
            ),
          );
          return;
        }
        this.walk(n.table, item, `${at}/${i}`, { [n.fk]: id }, table);
      });
    }
    for (const [key, hsdsTable] of Object.entries(NOT_KEPT_NESTED)) {
      const v = raw[key];
      const count = Array.isArray(v) ? v.length : isObject(v) ? 1 : 0;
      if (count > 0)
        this.problems.push(
          problem(
            'notice',
            'not_kept',
            { source: this.source, pointer: `${pointer}/${key}` },
            {
              table,
              recordId: id,
              field: key,
            },
            { table: hsdsTable, count },
          ),
        );
    }
    return id;
  }
}
