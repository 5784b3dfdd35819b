import { Type } from 'typebox';
import { LANGUAGES, type Language } from '../../i18n/i18n.ts';

/** One of the languages Mutua prints in; anything else is named as such at its field. */
const language = (error: string) =>
  Type.Unsafe<Language>(
    Type.Union(
      LANGUAGES.map((l) => Type.Literal(l)),
      { 'x-error': error },
    ),
  );

/** A real calendar day (ajv-formats checks 2026-02-30 too), never a 500 from `new Date`. */
const day = Type.String({ format: 'date', 'x-error': 'print.error.date' });

export const FLYER_LAYOUTS = ['sections', 'pages'] as const;

export const FlyerForm = Type.Object({
  languages: Type.Array(language('print.error.languages'), {
    minItems: 1,
    maxItems: LANGUAGES.length,
    uniqueItems: true,
    'x-error': 'print.error.languages',
  }),
  layout: Type.Unsafe<(typeof FLYER_LAYOUTS)[number]>(
    Type.Union(
      FLYER_LAYOUTS.map((l) => Type.Literal(l)),
      { default: 'sections' },
    ),
  ),
});

/** Each language's box posts `lang_<code>`; the schema sees the list, so `lang_fr` is refused. */
export function flyerShape(data: Record<string, unknown>): Record<string, unknown> {
  const { layout } = data;
  const asked = Object.keys(data)
    .filter((k) => k.startsWith('lang_'))
    .map((k) => k.slice('lang_'.length));
  // Known languages in the catalogue's order whatever the order of the query; unknown ones
  // after them, for the schema to refuse by name.
  const known: string[] = LANGUAGES.filter((l) => asked.includes(l));
  const languages = [...known, ...asked.filter((l) => !known.includes(l))];
  return { languages, ...(layout === undefined ? {} : { layout }) };
}

/** 200 lines: about eight pages, more than one table at a distribution sees in a day. */
export const SIGN_IN_ROWS_MAX = 200;
/** 120 characters: a title or a place on one printed line. */
export const SHEET_TEXT_MAX = 120;

export const SignInSheetForm = Type.Object({
  title: Type.String({ minLength: 1, maxLength: SHEET_TEXT_MAX }),
  date: day,
  place: Type.String({ minLength: 1, maxLength: SHEET_TEXT_MAX }),
  rows: Type.Integer({ minimum: 1, maximum: SIGN_IN_ROWS_MAX, 'x-error': 'print.error.rows' }),
  language: language('print.error.language'),
});

export const RouteSheetForm = Type.Object({
  date: day,
  language: language('print.error.language'),
});
