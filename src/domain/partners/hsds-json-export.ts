/**
 * Export of a Directory as the HSDS 3.0 API's JSON: a fully nested service (`/services/{id}`),
 * organization or service_at_location, and the one-to-one form of a service that `/services`
 * lists. Absent values are left out (the official schemas type every field as a plain
 * string or number, never null); foreign keys are written too, so a record that belongs to
 * two parents (a phone of a service and of its contact) keeps both links when read back.
 */
import { FIELDS, type FieldSpec } from './hsds-fields.ts';
import type { Directory, HsdsTable } from './hsds-model.ts';
import { NESTED } from './hsds-nesting.ts';

type Row = Record<string, unknown>;
type Json = Record<string, unknown>;

/** Records by id and by (table, foreign key, value), built once per export. */
export class DirectoryIndex {
  private readonly ids = new Map<string, Map<string, Row>>();
  private readonly children = new Map<string, Map<string, Row[]>>();

  constructor(readonly dir: Directory) {
    for (const table of Object.keys(dir) as HsdsTable[]) {
      const byId = new Map<string, Row>();
      for (const row of dir[table] as unknown as Row[]) byId.set(row.id as string, row);
      this.ids.set(table, byId);
    }
  }

  get(table: HsdsTable, id: unknown): Row | undefined {
    return typeof id === 'string' ? this.ids.get(table)?.get(id) : undefined;
  }

  childrenOf(table: HsdsTable, fk: string, parentId: string): Row[] {
    const key = `${table}.${fk}`;
    let byParent = this.children.get(key);
    if (!byParent) {
      byParent = new Map();
      for (const row of this.dir[table] as unknown as Row[]) {
        const p = row[fk];
        if (typeof p !== 'string') continue;
        const list = byParent.get(p);
        if (list) list.push(row);
        else byParent.set(p, [row]);
      }
      this.children.set(key, byParent);
    }
    return byParent.get(parentId) ?? [];
  }
}

/** The record's own fields in HSDS order, absent ones left out. */
export function flatJson(table: HsdsTable, row: Row): Json {
  const out: Json = {};
  for (const column of Object.keys(FIELDS[table] as Record<string, FieldSpec>)) {
    const v = row[column];
    if (v !== null && v !== undefined) out[column] = v;
  }
  return out;
}

// Deeper than any HSDS nesting (service > service_at_location > location > contact > phone >
// language is 6); a guard against a cycle a future nesting rule could make.
const MAX_DEPTH = 10;

/** A record with everything HSDS nests in it, leaving out the way back to `from`. */
export function nestedJson(
  index: DirectoryIndex,
  table: HsdsTable,
  row: Row,
  from: HsdsTable | null = null,
  depth = 0,
): Json {
  const out = flatJson(table, row);
  if (depth >= MAX_DEPTH) return out;
  for (const n of NESTED[table]) {
    if (n.table === from) continue;
    if (n.many) {
      out[n.key] = index
        .childrenOf(n.table, n.fk, row.id as string)
        .map((child) => nestedJson(index, n.table, child, table, depth + 1));
    } else {
      const target = index.get(n.table, row[n.via]);
      if (target) out[n.key] = nestedJson(index, n.table, target, table, depth + 1);
    }
  }
  return out;
}

/** `/services/{id}`: the service with everything in it, or null when there is no such service. */
export function serviceFullJson(index: DirectoryIndex, serviceId: string): Json | null {
  const service = index.get('service', serviceId);
  return service ? nestedJson(index, 'service', service) : null;
}

/** An item of `/services`: the service's one-to-one fields and its organization's. */
export function serviceListJson(index: DirectoryIndex, service: Row): Json {
  const out = flatJson('service', service);
  const org = index.get('organization', service.organization_id);
  if (org) out.organization = flatJson('organization', org);
  return out;
}

export function organizationFullJson(index: DirectoryIndex, id: string): Json | null {
  const org = index.get('organization', id);
  return org ? nestedJson(index, 'organization', org) : null;
}

/** `/`: what this API is. */
export function apiMetaJson(urls: { openapiUrl: string; profileUrl?: string }): Json {
  return {
    version: '3.0',
    ...(urls.profileUrl ? { profile: urls.profileUrl } : {}),
    openapi_url: urls.openapiUrl,
  };
}
