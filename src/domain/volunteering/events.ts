/** Events, shifts and sign-ups: the closed vocabularies and the pure rules. */
import type { Role } from '../access/roles.ts';
import { atLeast } from '../access/roles.ts';

export const EVENT_KINDS = [
  'distribution',
  'drive',
  'workshop',
  'meeting',
  'garden',
  'training',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Who sees an event: anyone (also signed out, and the public feed), members, volunteers. */
export const VISIBILITIES = ['public', 'members', 'volunteers'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const SHIFT_ROLES = [
  'general',
  'driver',
  'packer',
  'interpreter',
  'greeter',
  'cook',
  'setup',
] as const;
export type ShiftRole = (typeof SHIFT_ROLES)[number];

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled';

export function canSee(visibility: Visibility, role: Role | null): boolean {
  if (visibility === 'public') return true;
  if (visibility === 'members') return role !== null;
  return atLeast(role, 'volunteer');
}

/** The visibilities a role sees, for queries. */
export function visibleTo(role: Role | null): Visibility[] {
  return VISIBILITIES.filter((v) => canSee(v, role));
}

/** Half-open intervals [start, end) overlap: back-to-back shifts do not clash. */
export function overlapsInTime(
  a: { start: string; end: string },
  b: { start: string; end: string },
): boolean {
  return a.start < b.end && b.start < a.end;
}

/** A new sign-up is confirmed while a slot is free, else it joins the waitlist. */
export function signupStatusFor(confirmed: number, slots: number): 'confirmed' | 'waitlisted' {
  return confirmed < slots ? 'confirmed' : 'waitlisted';
}

/** Hours of a shift, to the quarter hour. */
export function shiftHours(start: string, end: string): number {
  return Math.round(((Date.parse(end) - Date.parse(start)) / 3_600_000) * 4) / 4;
}
