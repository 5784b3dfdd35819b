import { Type } from 'typebox';

/** Every API error has this shape (see error-handler.tsx). */
export const ErrorOut = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(
      Type.Array(Type.Object({ in: Type.String(), path: Type.String(), message: Type.String() })),
    ),
  }),
});

export const errorResponses = {
  400: ErrorOut,
  401: ErrorOut,
  403: ErrorOut,
  404: ErrorOut,
  409: ErrorOut,
  429: ErrorOut,
} as const;

export const SlugParams = Type.Object({ slug: Type.String({ maxLength: 60 }) });

/** One of a list of words (an enum of strings), typed as the union of those words. */
export function literals<const T extends readonly string[]>(values: T) {
  return Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v))));
}
