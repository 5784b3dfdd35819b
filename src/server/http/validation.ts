import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

/**
 * The one way values are validated, for the JSON API (Fastify's validator compiler, app.ts)
 * and for HTML forms (forms.ts): Ajv with the formats and the `x-error` keyword, and a check
 * Ajv lacks. Ajv coerces the strings "Infinity", "-Infinity" and "1e400" to numbers and then
 * skips `minimum`/`maximum` for them (its range checks only run on finite numbers), so a
 * number field of any schema would take them; the check below refuses every number that is
 * not finite, wherever it sits in the value, as a validation error of that field.
 */
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export function createAjv(options: Options): Ajv {
  // 'x-error' names the translated message a form shows for a field (see forms.ts).
  return addFormats(new Ajv({ ...options, keywords: ['x-error'] }));
}

/** The keyword of the error for a number that is not finite (mapped to `field.range`). */
export const NOT_FINITE = 'finite';

function nonFinite(value: unknown, path: string, out: ErrorObject[]): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      out.push({
        keyword: NOT_FINITE,
        instancePath: path,
        schemaPath: '#',
        params: {},
        message: 'must be a finite number',
      });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      nonFinite(v, `${path}/${i}`, out);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nonFinite(v, `${path}/${k}`, out);
  }
}

/**
 * Compiles a schema into a validate function that also refuses numbers that are not finite.
 * Keeps Ajv's calling convention (Fastify passes the parent so a coerced root is written
 * back, and reads `.errors` on failure).
 */
export function compileChecked(ajv: Ajv, schema: object): ValidateFunction {
  const inner = ajv.compile(schema);
  const checked = ((
    data: unknown,
    cxt?: { parentData: Record<string, unknown>; parentDataProperty: string },
  ) => {
    const ok = inner(data, cxt as never);
    // Coercion may have replaced the root itself (a query string's array, for example).
    const value = cxt ? cxt.parentData[cxt.parentDataProperty] : data;
    const errors: ErrorObject[] = [...(inner.errors ?? [])];
    nonFinite(value, '', errors);
    checked.errors = errors.length > 0 ? errors : null;
    return ok && errors.length === 0;
  }) as ValidateFunction;
  Object.assign(checked, { schema: inner.schema, schemaEnv: inner.schemaEnv });
  return checked;
}
