/**
 * The network template, version 1: a network's setup and know-how as one JSON document,
 * with no personal data, to start another network on this deployment or another. Local
 * references ("area:north", "training:food-safety") stand where the database has ids, so a
 * template never carries an id of the network it came from. Sections that later
 * capabilities fill (surveys, agreements) are extension slots: a key, a version and their
 * own data, checked by their capability when it lands and by the personal-data check now.
 * Unknown fields are refused rather than dropped, so a newer template is never half-read.
 */
import { type Static, Type } from 'typebox';
import { GOODS_CATEGORY_KEYS } from '../goods/categories.ts';
import { EVENT_KINDS, SHIFT_ROLES, VISIBILITIES } from '../volunteering/events.ts';

export const TEMPLATE_FORMAT = 'mutua-network-template';
export const TEMPLATE_VERSION = 1;

const LANG = '^[a-z]{2,3}$';
const KEY = '^[a-z][a-z0-9_]{0,39}$';
const SLUG = '^[a-z0-9]+(-[a-z0-9]+)*$';
const ref = (kind: string) => Type.String({ pattern: `^${kind}:[a-z0-9][a-z0-9_-]{0,63}$` });
const closed = { additionalProperties: false } as const;
const literals = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)));

/** Text in several languages: { "en": "Groceries", "es": "Compras" }. */
const localText = (max: number) =>
  Type.Record(Type.String({ pattern: LANG }), Type.String({ minLength: 1, maxLength: max }), {
    minProperties: 1,
    additionalProperties: false,
  });

const Category = Type.Object(
  {
    key: Type.String({ pattern: KEY }),
    labels: localText(60),
    /** Words people use for it, per language: for SMS replies and spreadsheet imports. */
    words: Type.Record(
      Type.String({ pattern: LANG }),
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 }),
      { additionalProperties: false },
    ),
    enabled: Type.Boolean(),
  },
  closed,
);

const Polygon = Type.Object(
  {
    type: Type.Literal('Polygon'),
    coordinates: Type.Array(
      Type.Array(Type.Array(Type.Number(), { minItems: 2, maxItems: 3 }), {
        minItems: 4,
        maxItems: 5000,
      }),
      { minItems: 1, maxItems: 20 },
    ),
  },
  closed,
);

const Area = Type.Object(
  {
    ref: ref('area'),
    name: Type.String({ minLength: 1, maxLength: 80 }),
    center: Type.Object(
      {
        lat: Type.Number({ minimum: -90, maximum: 90 }),
        lng: Type.Number({ minimum: -180, maximum: 180 }),
      },
      closed,
    ),
    /** A circle (metres), or a polygon; one of the two. */
    radiusM: Type.Optional(Type.Integer({ minimum: 100, maximum: 50_000 })),
    polygon: Type.Optional(Polygon),
  },
  closed,
);

const Role = Type.Object(
  {
    key: literals(SHIFT_ROLES),
    labels: localText(60),
    duties: localText(1000),
    trainings: Type.Array(ref('training'), { maxItems: 10 }),
  },
  closed,
);

const Training = Type.Object(
  {
    ref: ref('training'),
    name: localText(80),
    description: localText(2000),
    /** Days a training stays valid; null: for good. */
    validDays: Type.Union([Type.Null(), Type.Integer({ minimum: 1, maximum: 3650 })]),
    categories: Type.Array(Type.String({ pattern: KEY }), { maxItems: 40 }),
    roles: Type.Array(literals(SHIFT_ROLES), { maxItems: SHIFT_ROLES.length }),
  },
  closed,
);

const Item = Type.Object(
  {
    ref: ref('item'),
    name: localText(80),
    category: literals(GOODS_CATEGORY_KEYS),
    unit: localText(20),
    tracksExpiry: Type.Boolean(),
    lowStock: Type.Integer({ minimum: 0, maximum: 100_000 }),
    limit: Type.Union([
      Type.Null(),
      Type.Object(
        {
          quantity: Type.Integer({ minimum: 1, maximum: 100_000 }),
          days: Type.Integer({ minimum: 1, maximum: 366 }),
          hard: Type.Boolean(),
        },
        closed,
      ),
    ]),
  },
  closed,
);

const Shift = Type.Object(
  {
    role: literals(SHIFT_ROLES),
    slots: Type.Integer({ minimum: 1, maximum: 50 }),
    offsetMin: Type.Integer({ minimum: 0, maximum: 1440 }),
    durationMin: Type.Integer({ minimum: 15, maximum: 1440 }),
  },
  closed,
);

const Series = Type.Object(
  {
    ref: ref('series'),
    kind: literals(EVENT_KINDS),
    title: localText(120),
    description: localText(2000),
    place: Type.String({ maxLength: 200 }),
    areaRef: Type.Union([Type.Null(), ref('area')]),
    visibility: literals(VISIBILITIES),
    rrule: Type.String({ minLength: 1, maxLength: 100 }),
    startTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
    durationMin: Type.Integer({ minimum: 15, maximum: 1440 }),
    shifts: Type.Array(Shift, { maxItems: 20 }),
  },
  closed,
);

const PageText = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 120 }),
    body: Type.String({ minLength: 1, maxLength: 100_000 }),
  },
  closed,
);

const Page = Type.Object(
  {
    slug: Type.String({ pattern: SLUG, maxLength: 60 }),
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 32 }), { maxItems: 12 }),
    visibility: literals(['public', 'members'] as const),
    reviewEveryDays: Type.Union([Type.Null(), Type.Integer({ minimum: 7, maximum: 1095 })]),
    translations: Type.Record(Type.String({ pattern: LANG }), PageText, {
      minProperties: 1,
      additionalProperties: false,
    }),
  },
  closed,
);

/** A section of a capability that lands later; `data` is its own, versioned by it. */
const Slot = Type.Object(
  {
    key: Type.String({ pattern: SLUG, maxLength: 60 }),
    version: Type.Integer({ minimum: 1 }),
    data: Type.Unknown(),
  },
  closed,
);

export const TemplateSchema = Type.Object(
  {
    format: Type.Literal(TEMPLATE_FORMAT),
    version: Type.Literal(TEMPLATE_VERSION),
    meta: Type.Object(
      {
        key: Type.String({ pattern: SLUG, maxLength: 60 }),
        name: localText(100),
        description: localText(1000),
        languages: Type.Array(Type.String({ pattern: LANG }), { minItems: 1, maxItems: 12 }),
        defaultLanguage: Type.String({ pattern: LANG }),
        createdAt: Type.Optional(Type.String({ maxLength: 40 })),
        generator: Type.Optional(Type.String({ maxLength: 60 })),
      },
      closed,
    ),
    settings: Type.Object(
      {
        signupMode: literals(['open', 'invite'] as const),
        retentionDays: Type.Integer({ minimum: 7, maximum: 3650 }),
        timeZone: Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 64 })]),
        taskCapacity: Type.Integer({ minimum: 1, maximum: 10 }),
      },
      closed,
    ),
    categories: Type.Array(Category, { minItems: 1, maxItems: 40 }),
    areas: Type.Array(Area, { maxItems: 200 }),
    roles: Type.Array(Role, { maxItems: SHIFT_ROLES.length }),
    trainings: Type.Array(Training, { maxItems: 100 }),
    items: Type.Array(Item, { maxItems: 1000 }),
    eventSeries: Type.Array(Series, { maxItems: 100 }),
    playbook: Type.Array(Page, { maxItems: 300 }),
    surveys: Type.Array(Slot, { maxItems: 50 }),
    agreements: Type.Array(Slot, { maxItems: 50 }),
  },
  closed,
);

export type NetworkTemplate = Static<typeof TemplateSchema>;
export type TemplateCategory = Static<typeof Category>;
export type TemplateArea = Static<typeof Area>;
export type TemplateTraining = Static<typeof Training>;
export type TemplateItem = Static<typeof Item>;
export type TemplateSeries = Static<typeof Series>;
export type TemplatePage = Static<typeof Page>;
export type LocalText = Record<string, string>;
