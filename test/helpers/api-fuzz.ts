/**
 * Reads the OpenAPI document the server serves and makes, for each operation, a request that
 * fits its schema: the base the walker (test/security/fuzz-inputs.test.ts) then spoils one
 * part at a time.
 */

export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
}

export interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query'; required: boolean; schema: Schema }[];
  body: Schema | null;
}

export function operations(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (
        (op.parameters as { name: string; in: string; required?: boolean; schema: Schema }[]) ?? []
      )
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({
          name: p.name,
          in: p.in as 'path' | 'query',
          required: p.required === true,
          schema: p.schema,
        }));
      const body =
        ((op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
          ?.content?.['application/json']?.schema as Schema | undefined) ?? null;
      out.push({ method: method.toUpperCase(), path, params, body });
    }
  }
  return out;
}

const STRING_CANDIDATES = [
  'Fuzz text',
  'es',
  'groceries',
  '2026-12-01',
  '2026-12-01T10:00:00.000Z',
  '10:00',
  '+1 555 010 2000',
  '1',
  'fuzz@example.org',
  'riverside',
];

/** A value that the schema accepts, or close to it; ids of the right kind when known. */
export function sample(schema: Schema | undefined, name = '', ids?: IdsByKind): unknown {
  if (!schema) return null;
  if (ids && /id$/i.test(name)) {
    const id = idFor(ids, name);
    if (id) return id;
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], name, ids);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 2, 2));
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? [sample(schema.items, name, ids)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = sample(s, k, ids);
      return out;
    }
    default: {
      if (schema.format === 'email') return 'fuzz@example.org';
      if (schema.format === 'date-time') return '2026-12-01T10:00:00.000Z';
      if (schema.format === 'date') return '2026-12-01';
      const re = schema.pattern ? new RegExp(schema.pattern) : null;
      const n = name.toLowerCase();
      const first = n.includes('phone')
        ? '+1 555 010 2000'
        : n.includes('language')
          ? 'es'
          : n === 'name'
            ? 'Fuzz name'
            : undefined;
      for (const c of [first, ...STRING_CANDIDATES]) {
        if (c === undefined) continue;
        if ((!re || re.test(c)) && c.length >= (schema.minLength ?? 0)) return c;
      }
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    }
  }
}

/** JSON text of `value` with property `key` replaced by the raw JSON `raw`. */
export function withRaw(value: Record<string, unknown>, key: string, raw: string): string {
  const marker = '"__FUZZ_MARKER__"';
  return JSON.stringify({ ...value, [key]: '__FUZZ_MARKER__' }).replace(marker, raw);
}

/** Ids by kind ('itemId', 'siteId', 'requestId', …), as seen in answers and addresses. */
export type IdsByKind = Map<string, Set<string>>;

const singular = (collection: string) =>
  collection === 'people' ? 'person' : collection.replace(/ies$/, 'y').replace(/s$/, '');

/** The kind of id that follows a path segment: `/days/<id>` is a dayId. */
export const kindAfter = (segment: string) => `${singular(segment)}Id`;

function add(ids: IdsByKind, kind: string, id: unknown) {
  if (typeof id !== 'string' || id === '') return;
  const set = ids.get(kind) ?? new Set<string>();
  set.add(id);
  ids.set(kind, set);
}

/** Ids in a JSON answer: `id` of an object in a list named after its kind, and every `…Id`. */
export function harvestJson(value: unknown, ids: IdsByKind, collection = ''): void {
  if (Array.isArray(value)) {
    for (const v of value) harvestJson(v, ids, collection);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && collection) add(ids, `${singular(collection)}Id`, v);
      else if (k === 'code') add(ids, 'code', v);
      else if (/Id$/.test(k)) add(ids, k, v);
      else harvestJson(v, ids, k);
    }
  }
}

/** Ids in an address: `/goods/days/<id>` is a dayId, `/people/<id>` a personId. */
export function harvestPath(url: string, ids: IdsByKind): void {
  const parts = url.split('?')[0]!.split('/');
  for (let i = 1; i < parts.length; i++) {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-/.test(parts[i]!) && parts[i - 1])
      add(ids, `${singular(parts[i - 1]!)}Id`, parts[i]);
  }
}

/** An id of the kind a field or parameter names (`toSiteId` is a siteId), if one was seen. */
export function idFor(ids: IdsByKind, name: string, n = 0): string | undefined {
  const lower = name.toLowerCase();
  const kinds = [...ids.keys()].filter((k) => lower.endsWith(k.toLowerCase()));
  const kind = kinds.sort((a, b) => b.length - a.length)[0];
  const all = kind ? [...ids.get(kind)!] : [];
  return all.length > 0 ? all[n % all.length] : undefined;
}
