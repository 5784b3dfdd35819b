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
  params: { name: string; in: 'path' | 'query'; schema: Schema }[];
  body: Schema | null;
}

export function operations(doc: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = ((op.parameters as { name: string; in: string; schema: Schema }[]) ?? [])
        .filter((p) => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in as 'path' | 'query', schema: p.schema }));
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

/** A value that the schema accepts, or close to it. */
export function sample(schema: Schema | undefined, name = ''): unknown {
  if (!schema) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], name);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 2, 2));
    case 'boolean':
      return true;
    case 'array':
      return schema.minItems ? [sample(schema.items, name)] : [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = sample(s, k);
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
