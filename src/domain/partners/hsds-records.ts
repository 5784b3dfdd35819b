/**
 * Reading one HSDS record (a JSON object or a CSV row) into the model, and collecting the
 * records of an import into a Directory. Every value that is not taken as it came is named
 * in a problem with the record and the place it came from; nothing is dropped silently.
 *
 * The rules, per field:
 * - `id` absent or unreadable: the record is skipped (error).
 * - a required choice (service status, location type) absent or not one of the choices: the
 *   record is skipped (error): there is no honest default.
 * - a required text absent: the record is kept with '' and an error, so a coordinator sees
 *   "this organization has no description" instead of losing the organization.
 * - an optional value that cannot be read: left empty (warning, with what was expected).
 * - a value read with a small change (a number given as text, a timestamp where a day is
 *   asked): kept, with a notice. An id that is not a uuid: replaced (uuidFromKey), notice.
 * - a field Mutua does not keep: a notice; a field HSDS does not have: a warning.
 */
import { FIELDS, type FieldSpec } from './hsds-fields.ts';
import type { Directory, HsdsRecords, HsdsTable } from './hsds-model.ts';
import { emptyDirectory } from './hsds-model.ts';
import { isAbsent, readValue } from './hsds-values.ts';

export type Severity = 'error' | 'warning' | 'notice';

/** Where a record came from: a file, and in it a JSON pointer or a CSV row (1 = header). */
export interface Origin {
  source: string;
  pointer?: string;
  row?: number;
}

export interface ImportProblem {
  severity: Severity;
  /** Message key (`partners.hsds.problem.<code>`); params fill it. */
  key: string;
  params: Record<string, string | number>;
  origin: Origin;
  table: string | null;
  recordId: string | null;
  field: string | null;
}

export function problem(
  severity: Severity,
  code: string,
  origin: Origin,
  at: { table?: string | null; recordId?: string | null; field?: string | null } = {},
  params: Record<string, string | number> = {},
): ImportProblem {
  return {
    severity,
    key: `partners.hsds.problem.${code}`,
    params,
    origin,
    table: at.table ?? null,
    recordId: at.recordId ?? null,
    field: at.field ?? null,
  };
}

/** Fields of kept tables that point at a table Mutua does not keep. */
const NOT_KEPT_FIELDS = new Set(['program_id']);

export interface ReadOptions {
  origin: Origin;
  fromCsv: boolean;
  /** Foreign keys given by where the record sits (a phone inside a service). */
  parent?: Record<string, string>;
  /** Keys the caller reads itself (nested arrays and objects). */
  skipKeys?: ReadonlySet<string>;
}

export function readRecord<T extends HsdsTable>(
  table: T,
  raw: Record<string, unknown>,
  opts: ReadOptions,
  problems: ImportProblem[],
): HsdsRecords[T] | null {
  const spec = FIELDS[table] as Record<string, FieldSpec>;
  const at = (field: string | null, recordId: string | null) => ({ table, recordId, field });
  const idRead = readValue({ type: 'id' }, raw.id, opts.fromCsv);
  if (!idRead.ok || idRead.value === null) {
    problems.push(
      problem('error', 'record_skipped', opts.origin, at('id', null), { reason: 'id_missing' }),
    );
    return null;
  }
  const id = String(idRead.value);
  if (idRead.note === 'id_replaced')
    problems.push(
      problem('notice', 'id_replaced', opts.origin, at('id', id), { from: String(raw.id), to: id }),
    );
  const out: Record<string, unknown> = { id };
  for (const [column, field] of Object.entries(spec)) {
    if (column === 'id') continue;
    const given = raw[column];
    const fromParent = opts.parent?.[column];
    if (fromParent !== undefined) {
      const read = readValue(field.kind, given, opts.fromCsv);
      if (!isAbsent(given) && read.ok && read.value !== fromParent)
        problems.push(
          problem('warning', 'parent_mismatch', opts.origin, at(column, id), {
            field: column,
            given: String(given),
          }),
        );
      out[column] = fromParent;
      continue;
    }
    const read = readValue(field.kind, given, opts.fromCsv);
    if (read.ok && read.value !== null) {
      out[column] = read.value;
      if (read.note)
        problems.push(
          problem('notice', read.note, opts.origin, at(column, id), {
            field: column,
            from: String(given),
            ...(read.note === 'id_replaced' ? { to: String(read.value) } : {}),
          }),
        );
      continue;
    }
    const expected = read.ok ? null : read.expected;
    if (field.required) {
      if (field.kind.type !== 'string') {
        problems.push(
          problem('error', 'record_skipped', opts.origin, at(column, id), {
            reason: expected ? 'required_invalid' : 'required_missing',
            field: column,
            ...(expected ? { expected, value: String(given) } : {}),
          }),
        );
        return null;
      }
      out[column] = '';
      problems.push(
        problem('error', 'required_missing', opts.origin, at(column, id), { field: column }),
      );
      continue;
    }
    out[column] = null;
    if (expected)
      problems.push(
        problem('warning', 'invalid_value', opts.origin, at(column, id), {
          field: column,
          expected,
          value: describe(given),
        }),
      );
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key in spec || opts.skipKeys?.has(key) || isAbsent(value)) continue;
    if (NOT_KEPT_FIELDS.has(key))
      problems.push(problem('notice', 'field_not_kept', opts.origin, at(key, id), { field: key }));
    else
      problems.push(problem('warning', 'unknown_field', opts.origin, at(key, id), { field: key }));
  }
  if (table === 'location') checkCoordinates(out, opts.origin, id, problems);
  return out as unknown as HsdsRecords[T];
}

function describe(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** A point that is not on Earth is worse than none: matching would measure from it. */
function checkCoordinates(
  out: Record<string, unknown>,
  origin: Origin,
  id: string,
  problems: ImportProblem[],
): void {
  const lat = out.latitude as number | null;
  const lng = out.longitude as number | null;
  if (lat === null && lng === null) return;
  const ok = lat !== null && lng !== null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  if (ok) return;
  problems.push(
    problem(
      'warning',
      'coordinates_dropped',
      origin,
      { table: 'location', recordId: id },
      {
        latitude: String(lat),
        longitude: String(lng),
      },
    ),
  );
  out.latitude = null;
  out.longitude = null;
}

/**
 * The records of one import, by table and id. The nested JSON repeats a record wherever it
 * belongs (the same phone under the service, its location and its contact): each copy adds
 * the links it carries; a copy that disagrees on a value is named, and the first value kept.
 */
export class DirectoryBuilder {
  private readonly byTable = new Map<HsdsTable, Map<string, Record<string, unknown>>>();
  private readonly origins = new Map<string, Origin>();

  constructor(private readonly problems: ImportProblem[]) {}

  add<T extends HsdsTable>(table: T, record: HsdsRecords[T], origin: Origin): void {
    let rows = this.byTable.get(table);
    if (!rows) {
      rows = new Map();
      this.byTable.set(table, rows);
    }
    const incoming = record as unknown as Record<string, unknown>;
    const existing = rows.get(incoming.id as string);
    if (!existing) {
      rows.set(incoming.id as string, { ...incoming });
      this.origins.set(`${table}:${incoming.id}`, origin);
      return;
    }
    for (const [column, value] of Object.entries(incoming)) {
      if (value === null || value === '' || existing[column] === value) continue;
      if (existing[column] === null || existing[column] === '') {
        existing[column] = value;
        continue;
      }
      this.problems.push(
        problem(
          'warning',
          'conflicting_copy',
          origin,
          {
            table,
            recordId: incoming.id as string,
            field: column,
          },
          { field: column, kept: describe(existing[column]), ignored: describe(value) },
        ),
      );
    }
  }

  has(table: HsdsTable, id: string): boolean {
    return this.byTable.get(table)?.has(id) ?? false;
  }

  /** The directory, with references to records that are not in it emptied (warning each). */
  build(fallback: Origin): Directory {
    const dir = emptyDirectory();
    for (const [table, rows] of this.byTable) {
      const spec = FIELDS[table] as Record<string, FieldSpec>;
      for (const row of rows.values()) {
        for (const [column, field] of Object.entries(spec)) {
          const target = row[column];
          if (typeof target !== 'string') continue;
          const found =
            field.kind.type === 'ref'
              ? this.has(field.kind.table, target)
              : field.kind.type === 'link'
                ? this.linkExists(row.link_entity, target)
                : true;
          if (found) continue;
          const origin = this.origins.get(`${table}:${row.id}`) ?? fallback;
          this.problems.push(
            problem(
              'warning',
              'dangling_reference',
              origin,
              {
                table,
                recordId: row.id as string,
                field: column,
              },
              { field: column, id: target },
            ),
          );
          row[column] = null;
        }
        (dir[table] as unknown[]).push(row);
      }
    }
    for (const table of Object.keys(dir) as HsdsTable[])
      (dir[table] as { id: string }[]).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return dir;
  }

  private linkExists(entity: unknown, id: string): boolean {
    if (typeof entity === 'string' && this.byTable.has(entity as HsdsTable))
      return this.has(entity as HsdsTable, id);
    for (const rows of this.byTable.values()) if (rows.has(id)) return true;
    return false;
  }
}
