import { ALL_WEEK, type SlotMask } from '../../domain/time/weekly-slots.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import {
  HOUR_CAP_MAX,
  HOUR_CAP_MIN,
  LANGUAGES_MAX,
  RADIUS_KM_MAX,
  RADIUS_KM_MIN,
  SKILLS_MAX,
  TRANSPORTS,
  type Transport,
} from './offer.schema.ts';

/**
 * The rules of a volunteer profile and of a break, pure (no I/O): the service applies them
 * whether the input came from a form, the API or another module.
 */
export interface VolunteerProfileInput {
  categories: string[];
  skills: string;
  languages: string[];
  transport: Transport;
  hasCar: boolean;
  homeAreaId: string | null;
  /** The exact home point, both or neither: private, used for distances only. */
  homeLat: number | null;
  homeLng: number | null;
  radiusKm: number;
  availability: SlotMask;
  weeklyHourCap: number;
}

const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** "ti, AR;qu" → ["ti", "ar", "qu"]: lower case, in order, each once. */
export function parseLanguageList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

const inRange = (x: number, min: number, max: number) => Number.isFinite(x) && x >= min && x <= max;

/** Field errors of a profile, named as in both the form and the API body; empty when fine. */
export function profileErrors(input: VolunteerProfileInput, knownCategories: readonly string[]) {
  const errors: FieldErrors = {};
  if (!inRange(input.radiusKm, RADIUS_KM_MIN, RADIUS_KM_MAX))
    errors.radiusKm = { key: 'volunteering.radiusInvalid' };
  if (!inRange(input.weeklyHourCap, HOUR_CAP_MIN, HOUR_CAP_MAX))
    errors.weeklyHourCap = { key: 'volunteering.hourCapInvalid' };
  if (input.homeLat !== null && !inRange(input.homeLat, -90, 90))
    errors.homeLat = { key: 'volunteering.latInvalid' };
  if (input.homeLng !== null && !inRange(input.homeLng, -180, 180))
    errors.homeLng = { key: 'volunteering.lngInvalid' };
  if (input.homeLat === null && input.homeLng !== null)
    errors.homeLat = { key: 'volunteering.bothCoordinates' };
  if (input.homeLng === null && input.homeLat !== null)
    errors.homeLng = { key: 'volunteering.bothCoordinates' };
  if (
    input.languages.length > LANGUAGES_MAX ||
    !input.languages.every((l) => LANGUAGE_CODE.test(l))
  ) {
    errors.languages = { key: 'volunteering.otherLanguagesInvalid' };
  }
  if (!input.categories.every((c) => knownCategories.includes(c)))
    errors.categories = { key: 'field.choose' };
  if (!TRANSPORTS.includes(input.transport)) errors.transport = { key: 'field.choose' };
  if (input.skills.length > SKILLS_MAX)
    errors.skills = { key: 'field.tooLong', params: { max: SKILLS_MAX } };
  if (!Number.isInteger(input.availability) || (input.availability & ~ALL_WEEK) !== 0)
    errors.availability = { key: 'field.invalid' };
  return errors;
}

/** The calendar date (UTC) of a moment, as stored in break_until. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isRealDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && isoDate(d) === text;
}

/**
 * On a break today? `until` is the last day of the break, included; with no date the break
 * lasts until the person switches it off.
 */
export function isOnBreak(onBreak: boolean, until: string | null, today: string): boolean {
  return onBreak && (until === null || until >= today);
}
