/**
 * The official HSDS 3.0 JSON Schemas (vendored in test/fixtures/hsds/schema, CC BY-SA 4.0),
 * compiled once. They carry no `$schema`, so they are draft-07 documents: Ajv's default
 * class. They refer to each other by file name (`"$ref": "phone.json"`), so each is added
 * under its file name. `strict: false` because they carry HSDS's own annotations (`core`,
 * `constraints`, `datapackage_metadata`...) that are not JSON Schema keywords.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
export const FIXTURES = new URL('../../fixtures/hsds/', import.meta.url);
const SCHEMA_DIR = new URL('schema/', FIXTURES);

const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
for (const file of readdirSync(SCHEMA_DIR)) {
  if (!file.endsWith('.json') || file === 'openapi.json') continue;
  ajv.addSchema(JSON.parse(readFileSync(new URL(file, SCHEMA_DIR), 'utf8')), file);
}

export function schemaValidator(name: string): ValidateFunction {
  const v = ajv.getSchema(`${name}.json`);
  if (!v) throw new Error(`no schema ${name}.json`);
  return v;
}

/** The errors of `value` against the named schema, as short strings (empty when valid). */
export function schemaErrors(name: string, value: unknown): string[] {
  const v = schemaValidator(name);
  return v(value) ? [] : (v.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}

export const openapi = JSON.parse(readFileSync(new URL('openapi.json', SCHEMA_DIR), 'utf8'));

export function example(name: string): string {
  return readFileSync(new URL(`examples/${name}`, FIXTURES), 'utf8');
}

export function exampleFiles(dir: string): Record<string, string> {
  const base = new URL(`examples/${dir}/`, FIXTURES);
  return Object.fromEntries(
    readdirSync(base).map((f) => [f, readFileSync(new URL(f, base), 'utf8')]),
  );
}

/**
 * The API description is OpenAPI 3.1, whose schemas are JSON Schema 2020-12: its `Page`
 * schema is compiled with Ajv's 2020 class. (The per-object schemas above are draft-07.)
 */
const ajv2020 = addFormats(new Ajv2020({ strict: false, allErrors: true }) as unknown as Ajv);
const pageValidator = ajv2020.compile({
  ...openapi.components.schemas.Page,
  required: Object.keys(openapi.components.schemas.Page.properties),
});

export function pageErrors(value: unknown): string[] {
  return pageValidator(value)
    ? []
    : (pageValidator.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}
