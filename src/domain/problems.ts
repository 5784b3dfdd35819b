/**
 * How pure rules say "no" without words: a code (mapped to an HTTP status and a translated
 * message by src/server/http/errors.ts) or a message key per form field, each with the
 * numbers and names the message needs. The same shape as `FieldErrors` of
 * src/shared/app-error.ts, so a service passes them on unchanged.
 */
export type Params = Record<string, string | number>;

export interface FieldProblem {
  field: string;
  key: string;
  params?: Params;
}

export interface Refusal<C extends string = string> {
  code: C;
  params: Params;
}

/** The first problem of each field, as `AppError` takes them. */
export function fieldErrors(
  problems: readonly FieldProblem[],
): Record<string, { key: string; params?: Params }> {
  const out: Record<string, { key: string; params?: Params }> = {};
  for (const p of problems) {
    if (out[p.field]) continue;
    out[p.field] = p.params ? { key: p.key, params: p.params } : { key: p.key };
  }
  return out;
}
