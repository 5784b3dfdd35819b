import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Static, TSchema } from 'typebox';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import { STRIPPED, type WithStripped } from './input-characters.ts';
import { compileChecked, createAjv, NOT_FINITE } from './validation.ts';

/**
 * HTML forms are validated with the same TypeBox schemas as the API, but here a failure does
 * not end the request: it becomes a message key per field, so the page comes back with the
 * mistake named at the field and everything typed kept.
 */
const ajv = createAjv({ allErrors: true, coerceTypes: true, useDefaults: true });
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** What was typed; `STRIPPED` names fields whose unstorable characters were taken out. */
export type FormValues = Record<string, string> & WithStripped;

/** Form bodies as plain strings, trimmed; empty fields are dropped so "required" catches them. */
export function formValues(body: unknown): FormValues {
  const out: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
      if (k === '_csrf') continue;
      const s = Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '';
      out[k] = s;
    }
    const stripped = (body as WithStripped)[STRIPPED];
    if (stripped) out[STRIPPED] = stripped;
  }
  return out;
}

function fieldOf(e: ErrorObject): string {
  if (e.keyword === 'required')
    return String((e.params as { missingProperty: string }).missingProperty);
  return e.instancePath.replace(/^\//, '').split('/')[0] || '_form';
}

function messageOf(
  e: ErrorObject,
  schema: TSchema,
): { key: string; params?: Record<string, string | number> } {
  const field = fieldOf(e);
  const prop = (schema as { properties?: Record<string, { 'x-error'?: string }> }).properties?.[
    field
  ];
  // A field's own message (x-error), when it has one, says best what is wanted of it.
  if (prop?.['x-error']) return { key: prop['x-error'] };
  switch (e.keyword) {
    case 'required':
      return { key: 'field.required' };
    case 'minLength':
      return {
        key: 'field.tooShort',
        params: { min: Number((e.params as { limit: number }).limit) },
      };
    case 'maxLength':
      return {
        key: 'field.tooLong',
        params: { max: Number((e.params as { limit: number }).limit) },
      };
    case 'format':
      return (e.params as { format: string }).format === 'email'
        ? { key: 'field.emailInvalid' }
        : { key: 'field.invalid' };
    case 'enum':
    case 'anyOf':
    case 'const':
      return { key: 'field.choose' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
    case NOT_FINITE:
      return { key: 'field.range' };
    case 'type':
      return { key: 'field.number' };
    default:
      return { key: 'field.invalid' };
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * `shape` turns the flat form into what the schema expects, for the few forms whose answer is
 * not one string per field (a group of checkboxes becoming a list).
 */
export function parseForm<S extends TSchema>(
  schema: S,
  values: FormValues,
  shape?: (data: Record<string, unknown>) => Record<string, unknown>,
): Parsed<Static<S>> {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = compileChecked(ajv, schema);
    compiled.set(schema, validate);
  }
  const data: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    const trimmed = v.trim();
    if (trimmed !== '') data[k] = trimmed;
  }
  const shaped = shape ? shape(data) : data;
  const stripped = values[STRIPPED] ?? [];
  if (validate(shaped) && stripped.length === 0) return { ok: true, value: shaped as Static<S> };
  const errors: FieldErrors = {};
  // Characters taken out on arrival (http/input-characters.ts): the field is refused, so the
  // person sees what is left of it before it is saved.
  for (const name of stripped) errors[name] = { key: 'field.badCharacters' };
  for (const e of validate.errors ?? []) {
    const field = fieldOf(e);
    if (!errors[field]) errors[field] = messageOf(e, schema);
  }
  return { ok: false, errors };
}

/** Same as parseForm, but a failure is thrown as VALIDATION_FAILED carrying the field errors. */
export function parseOrThrow<S extends TSchema>(schema: S, values: FormValues): Static<S> {
  const parsed = parseForm(schema, values);
  if (!parsed.ok) throw new AppError('VALIDATION_FAILED', {}, parsed.errors);
  return parsed.value;
}
