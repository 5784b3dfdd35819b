import { Type } from 'typebox';
import {
  MAX_HOURLY_PER_ADDRESS,
  MIN_HOURLY_PER_ADDRESS,
} from '../../domain/requests/intake-limit.ts';

/** Lower-case letters, digits and dashes, 3 to 40: short enough to read out over the phone. */
export const SLUG_PATTERN = '^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$';
/** Names that would collide with the site's own paths. */
export const RESERVED_SLUGS = new Set([
  'api',
  'static',
  'admin',
  'setup',
  'new',
  'account',
  'sign-in',
  'healthz',
]);

export const NetworkInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  slug: Type.String({ pattern: SLUG_PATTERN, 'x-error': 'field.slugInvalid' }),
  defaultLanguage: Type.Union([Type.Literal('en'), Type.Literal('es')]),
  signupMode: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('invite')])),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
});

export const SettingsInput = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100 }),
  defaultLanguage: Type.Union([Type.Literal('en'), Type.Literal('es')]),
  signupMode: Type.Union([Type.Literal('open'), Type.Literal('invite')]),
  description: Type.Optional(Type.String({ maxLength: 1000 })),
  /** Days a closed request keeps its personal data: a week to ten years (default 90). */
  retentionDays: Type.Integer({
    minimum: 7,
    maximum: 3650,
    'x-error': 'field.retentionDaysInvalid',
  }),
  /** The network's own SMS number, if it has one (else SMS_FROM). */
  smsNumber: Type.Optional(Type.String({ maxLength: 30 })),
  /** A phone line people can call, offered when the form cannot take their request. */
  phoneNumber: Type.Optional(Type.String({ maxLength: 30 })),
  /** IANA time zone, such as America/Los_Angeles. */
  timeZone: Type.Optional(Type.String({ maxLength: 60 })),
  /** ISO 3166-1 alpha-2 country, for the default emergency number; empty: not set. */
  country: Type.Optional(Type.String({ maxLength: 2 })),
  /** The network's own emergency number (2 to 8 digits); empty: the country's default. */
  emergencyNumber: Type.Optional(Type.String({ maxLength: 20 })),
  /** The request categories the network offers, at least one (see DEFAULT_CATEGORIES). */
  categories: Type.Array(Type.String({ maxLength: 40 }), {
    minItems: 1,
    maxItems: 30,
    'x-error': 'field.categoriesRequired',
  }),
});

/**
 * Requests for help per internet address and hour before they are marked for review; ten
 * times as many (at least 200) are refused. See domain/requests/intake-limit.ts.
 */
export const IntakeLimitInput = Type.Object({
  hourlyRequestsPerAddress: Type.Integer({
    minimum: MIN_HOURLY_PER_ADDRESS,
    maximum: MAX_HOURLY_PER_ADDRESS,
    'x-error': 'field.hourlyPerAddressInvalid',
  }),
});

/** An area is a circle (centre and radius up to 100 km) or a GeoJSON polygon. */
export const AreaInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lng: Type.Number({ minimum: -180, maximum: 180 }),
  radiusM: Type.Optional(Type.Integer({ minimum: 50, maximum: 100_000 })),
  polygon: Type.Optional(Type.String({ maxLength: 20_000, 'x-error': 'field.polygonInvalid' })),
});
