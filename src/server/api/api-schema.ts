import { Type } from 'typebox';

/** Every API error has this shape (see src/server/http/error-handler.tsx). */
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
