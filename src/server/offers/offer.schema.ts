import { Type } from 'typebox';
import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import { ALL_WEEK, namesFromMask } from '../../domain/time/weekly-slots.ts';

/** How a volunteer gets around; matching uses it with the travel radius. */
export const TRANSPORTS = ['walk', 'bike', 'public', 'car'] as const;
export type Transport = (typeof TRANSPORTS)[number];

export const OFFER_STATUSES = ['available', 'reserved', 'taken', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** A short paragraph: enough for "first aid course, I fix bikes", not a CV. */
export const SKILLS_MAX = 500;
/** A travel radius from half a kilometre (a few streets on foot) to 50 km (by car). */
export const RADIUS_KM_MIN = 0.5;
export const RADIUS_KM_MAX = 50;
/** Half an hour up to a full-time week: more than 40 hours a week is not volunteering. */
export const HOUR_CAP_MIN = 0.5;
export const HOUR_CAP_MAX = 40;
/** Languages one person lists; more would be a list of wishes, not of what they speak. */
export const LANGUAGES_MAX = 12;
/** ISO 639-1 (two letters) or ISO 639-3 (three letters, e.g. "quc" for K'iche'). */
export const LANGUAGE_CODE_PATTERN = '^[a-z]{2,3}$';
/** Languages with their own checkbox on the form; others are typed as codes. */
export const FORM_LANGUAGES = ['en', 'es'] as const;

export const WHAT_MAX = 120;
export const UNIT_MAX = 20;
export const COLLECT_NOTES_MAX = 300;
/** Far beyond any neighbourhood's stock; it only stops a slipped key (1e9 kg) from landing. */
export const QUANTITY_MAX = 100_000;

/** Numbers typed in a form: a dot or a comma as the decimal mark (Spanish writes "2,5"). */
const DECIMAL = '^[0-9]{1,7}([.,][0-9]{1,6})?$';
const SIGNED_DECIMAL = '^[-+]?[0-9]{1,3}([.,][0-9]{1,12})?$';
/** "ti, ar qu": codes separated by commas, semicolons or spaces. */
const LANGUAGE_LIST = '^[A-Za-z]{2,3}([ ,;]+[A-Za-z]{2,3})*$';
const ISO_DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

export const TransportSchema = Type.Enum(TRANSPORTS);
export const OfferStatusSchema = Type.Enum(OFFER_STATUSES);
export const CategorySchema = Type.Enum(DEFAULT_CATEGORIES);
/** "mon-morning" … "sun-evening". */
export const SLOT_NAMES = namesFromMask(ALL_WEEK);
export const SlotNameSchema = Type.Enum(SLOT_NAMES);

const IdString = Type.String({ maxLength: 40 });
const AreaRef = Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]);

// ---- JSON API ----

/** A whole volunteer profile (PUT replaces it); a field left out is cleared. */
export const VolunteerProfileBody = Type.Object(
  {
    categories: Type.Array(CategorySchema, { uniqueItems: true }),
    skills: Type.Optional(Type.String({ maxLength: SKILLS_MAX })),
    languages: Type.Array(Type.String({ pattern: LANGUAGE_CODE_PATTERN }), {
      uniqueItems: true,
      maxItems: LANGUAGES_MAX,
    }),
    transport: TransportSchema,
    hasCar: Type.Boolean(),
    homeAreaId: Type.Optional(IdString),
    homeLat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    homeLng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    radiusKm: Type.Number({ minimum: RADIUS_KM_MIN, maximum: RADIUS_KM_MAX }),
    availability: Type.Array(SlotNameSchema, { uniqueItems: true }),
    weeklyHourCap: Type.Number({ minimum: HOUR_CAP_MIN, maximum: HOUR_CAP_MAX }),
  },
  { additionalProperties: false },
);

export const BreakBody = Type.Object(
  {
    onBreak: Type.Boolean(),
    /** The last day of the break, included; without it the break lasts until switched off. */
    breakUntil: Type.Optional(Type.String({ pattern: ISO_DATE })),
  },
  { additionalProperties: false },
);

export const VolunteerProfileOut = Type.Object({
  personId: Type.String(),
  categories: Type.Array(Type.String()),
  skills: Type.String(),
  languages: Type.Array(Type.String()),
  transport: TransportSchema,
  hasCar: Type.Boolean(),
  homeArea: AreaRef,
  /** Only in the person's own profile: no list carries the exact point. */
  homeLat: Type.Union([Type.Number(), Type.Null()]),
  homeLng: Type.Union([Type.Number(), Type.Null()]),
  radiusKm: Type.Number(),
  availability: Type.Array(Type.String()),
  weeklyHourCap: Type.Number(),
  onBreak: Type.Boolean(),
  breakUntil: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const VolunteerOut = Type.Object({
  personId: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  homeArea: AreaRef,
  categories: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  transport: TransportSchema,
  hasCar: Type.Boolean(),
  radiusKm: Type.Number(),
  availability: Type.Array(Type.String()),
  weeklyHourCap: Type.Number(),
  onBreak: Type.Boolean(),
  breakUntil: Type.Union([Type.String(), Type.Null()]),
});

export const VolunteersQuery = Type.Object({
  category: Type.Optional(CategorySchema),
  language: Type.Optional(Type.String({ pattern: LANGUAGE_CODE_PATTERN })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
});

export const GoodsOfferBody = Type.Object(
  {
    what: Type.String({ minLength: 1, maxLength: WHAT_MAX }),
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: QUANTITY_MAX }),
    unit: Type.String({ minLength: 1, maxLength: UNIT_MAX }),
    collectAreaId: Type.Optional(IdString),
    collectNotes: Type.Optional(Type.String({ maxLength: COLLECT_NOTES_MAX })),
  },
  { additionalProperties: false },
);

export const StatusBody = Type.Object(
  { status: OfferStatusSchema },
  { additionalProperties: false },
);

export const GoodsOfferOut = Type.Object({
  id: Type.String(),
  what: Type.String(),
  quantity: Type.Number(),
  unit: Type.String(),
  collectArea: AreaRef,
  status: OfferStatusSchema,
  /** True for the caller's own offers. */
  mine: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  /** Only for coordinators, and on the caller's own offers. */
  offeredBy: Type.Optional(Type.Object({ personId: Type.String(), displayName: Type.String() })),
  collectNotes: Type.Optional(Type.String()),
});

export const OffersQuery = Type.Object({ status: Type.Optional(OfferStatusSchema) });

// ---- HTML forms: every field a string, as typed; checkboxes are read by their names ----

export const VolunteerProfileForm = Type.Object({
  transport: TransportSchema,
  radiusKm: Type.String({ pattern: DECIMAL, 'x-error': 'volunteering.radiusInvalid' }),
  weeklyHourCap: Type.String({ pattern: DECIMAL, 'x-error': 'volunteering.hourCapInvalid' }),
  homeAreaId: Type.Optional(IdString),
  homeLat: Type.Optional(
    Type.String({ pattern: SIGNED_DECIMAL, 'x-error': 'volunteering.latInvalid' }),
  ),
  homeLng: Type.Optional(
    Type.String({ pattern: SIGNED_DECIMAL, 'x-error': 'volunteering.lngInvalid' }),
  ),
  otherLanguages: Type.Optional(
    Type.String({
      maxLength: 60,
      pattern: LANGUAGE_LIST,
      'x-error': 'volunteering.otherLanguagesInvalid',
    }),
  ),
  skills: Type.Optional(Type.String({ maxLength: SKILLS_MAX })),
  hasCar: Type.Optional(Type.String({ maxLength: 5 })),
});

export const BreakForm = Type.Object({
  onBreak: Type.Union([Type.Literal('on'), Type.Literal('off')]),
  breakUntil: Type.Optional(
    Type.String({ pattern: ISO_DATE, 'x-error': 'volunteering.breakUntilInvalid' }),
  ),
});

export const GoodsOfferForm = Type.Object({
  what: Type.String({ minLength: 1, maxLength: WHAT_MAX }),
  quantity: Type.String({ pattern: DECIMAL, 'x-error': 'offers.quantityInvalid' }),
  unit: Type.String({ minLength: 1, maxLength: UNIT_MAX }),
  collectAreaId: Type.Optional(IdString),
  collectNotes: Type.Optional(Type.String({ maxLength: COLLECT_NOTES_MAX })),
});

export const StatusForm = Type.Object({ status: OfferStatusSchema });

/** "2,5" or "2.5" → 2.5; the pattern above has already checked the shape. */
export function parseDecimal(text: string): number {
  return Number(text.replace(',', '.'));
}
