import type { Role } from '../../domain/access/roles.ts';
import type { LatLng } from '../../domain/geo/geo.ts';
import type { SlotMask } from '../../domain/time/weekly-slots.ts';
import type { AreaRef } from '../core/area.ts';
import type { Db } from '../db/database.ts';
import type { VolunteerProfileTable } from '../db/schema.ts';
import type { Transport } from './offer.schema.ts';
import { isOnBreak, isoDate, type VolunteerProfileInput } from './volunteer-profile.rules.ts';

export interface VolunteerProfile {
  id: string;
  networkId: string;
  personId: string;
  categories: string[];
  skills: string;
  languages: string[];
  transport: Transport;
  hasCar: boolean;
  homeArea: AreaRef | null;
  /** The exact home point: only the person themselves and matching ever read it. */
  home: LatLng | null;
  radiusKm: number;
  availability: SlotMask;
  weeklyHourCap: number;
  /** The switch as set; whether the break still runs today is `isOnBreak`. */
  onBreak: boolean;
  breakUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A line of the coordinators' list: everything but the exact home point. */
export interface VolunteerListItem extends Omit<VolunteerProfile, 'home' | 'networkId' | 'id'> {
  displayName: string;
  role: Role;
}

/** What matching needs of one volunteer who may be asked today. */
export interface MatchableVolunteer {
  personId: string;
  role: Role;
  /** The exact home point, or the home area's centre when no point was given; null if neither. */
  home: LatLng | null;
  /** True when `home` is the area's centre, not the person's own point. */
  homeIsAreaCentre: boolean;
  radiusKm: number;
  categories: string[];
  languages: string[];
  transport: Transport;
  hasCar: boolean;
  availabilityMask: SlotMask;
  weeklyHourCap: number;
  /** Always false here: people on a break are left out; kept so callers need not assume it. */
  onBreak: boolean;
}

function jsonArray(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

type Row = VolunteerProfileTable & { area_name: string | null };

function profileFromRow(row: Row): VolunteerProfile {
  return {
    id: row.id,
    networkId: row.network_id,
    personId: row.person_id,
    categories: jsonArray(row.categories),
    skills: row.skills,
    languages: jsonArray(row.languages),
    transport: row.transport,
    hasCar: Number(row.has_car) === 1,
    homeArea:
      row.home_area_id && row.area_name ? { id: row.home_area_id, name: row.area_name } : null,
    home:
      row.home_lat == null || row.home_lng == null
        ? null
        : { lat: Number(row.home_lat), lng: Number(row.home_lng) },
    radiusKm: Number(row.radius_km),
    availability: Number(row.availability_mask),
    weeklyHourCap: Number(row.weekly_hour_cap),
    onBreak: Number(row.on_break) === 1,
    breakUntil: row.break_until,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function profiles(db: Db) {
  return db
    .selectFrom('volunteer_profiles')
    .leftJoin('areas', 'areas.id', 'volunteer_profiles.home_area_id')
    .selectAll('volunteer_profiles')
    .select('areas.name as area_name');
}

export async function findProfile(
  db: Db,
  networkId: string,
  personId: string,
): Promise<VolunteerProfile | null> {
  const row = await profiles(db)
    .where('volunteer_profiles.network_id', '=', networkId)
    .where('volunteer_profiles.person_id', '=', personId)
    .executeTakeFirst();
  return row ? profileFromRow(row) : null;
}

/**
 * Creates or replaces a person's profile in a network. The unique (network, person) key
 * decides a race between two first saves: the second becomes an update, not an error.
 */
export async function upsertProfile(
  db: Db,
  p: { id: string; networkId: string; personId: string; input: VolunteerProfileInput },
  now: string,
): Promise<void> {
  const fields = {
    categories: JSON.stringify(p.input.categories),
    skills: p.input.skills,
    languages: JSON.stringify(p.input.languages),
    transport: p.input.transport,
    has_car: p.input.hasCar ? 1 : 0,
    home_area_id: p.input.homeAreaId,
    home_lat: p.input.homeLat,
    home_lng: p.input.homeLng,
    radius_km: p.input.radiusKm,
    availability_mask: p.input.availability,
    weekly_hour_cap: p.input.weeklyHourCap,
    updated_at: now,
  };
  await db
    .insertInto('volunteer_profiles')
    .values({
      id: p.id,
      network_id: p.networkId,
      person_id: p.personId,
      ...fields,
      on_break: 0,
      break_until: null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['network_id', 'person_id']).doUpdateSet(fields))
    .execute();
}

export async function updateBreak(
  db: Db,
  networkId: string,
  personId: string,
  onBreak: boolean,
  until: string | null,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('volunteer_profiles')
    .set({ on_break: onBreak ? 1 : 0, break_until: onBreak ? until : null, updated_at: now })
    .where('network_id', '=', networkId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Category keys and language codes are checked before they get here, so LIKE is exact. */
const jsonContains = (value: string) => `%${JSON.stringify(value)}%`;

export async function listVolunteerProfiles(
  db: Db,
  networkId: string,
  filter: {
    category?: string | undefined;
    language?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ volunteers: VolunteerListItem[]; total: number }> {
  let q = db
    .selectFrom('volunteer_profiles')
    .innerJoin('memberships', (j) =>
      j
        .onRef('memberships.network_id', '=', 'volunteer_profiles.network_id')
        .onRef('memberships.person_id', '=', 'volunteer_profiles.person_id'),
    )
    .innerJoin('people', 'people.id', 'volunteer_profiles.person_id')
    .leftJoin('areas', 'areas.id', 'volunteer_profiles.home_area_id')
    .where('volunteer_profiles.network_id', '=', networkId);
  if (filter.category)
    q = q.where('volunteer_profiles.categories', 'like', jsonContains(filter.category));
  if (filter.language)
    q = q.where('volunteer_profiles.languages', 'like', jsonContains(filter.language));
  const [rows, count] = await Promise.all([
    q
      .selectAll('volunteer_profiles')
      .select(['areas.name as area_name', 'people.display_name', 'memberships.role'])
      .orderBy('people.display_name')
      .orderBy('people.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    volunteers: rows.map((r) => {
      const { home: _home, networkId: _n, id: _id, ...rest } = profileFromRow(r);
      return { ...rest, displayName: r.display_name, role: r.role };
    }),
    total: Number(count.n),
  };
}

/** Every language code some profile of the network lists, sorted: the options of a filter. */
export async function profileLanguages(db: Db, networkId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('volunteer_profiles')
    .select('languages')
    .distinct()
    .where('network_id', '=', networkId)
    .execute();
  return [...new Set(rows.flatMap((r) => jsonArray(r.languages)))].sort();
}

const VOLUNTEER_ROLES: readonly Role[] = ['volunteer', 'coordinator', 'admin'];

/**
 * Everyone matching may suggest a task to today, with what matching needs: members whose role
 * is volunteer or higher, not disabled, and not on a break (or whose break ended before
 * `asOf`'s date). A neighbour may keep a profile, but is asked only once a coordinator has
 * made them a volunteer. Plain and typed for the matching module; no authorisation here.
 */
export async function listMatchableVolunteers(
  db: Db,
  networkId: string,
  asOf: Date = new Date(),
): Promise<MatchableVolunteer[]> {
  const today = isoDate(asOf);
  const rows = await db
    .selectFrom('volunteer_profiles')
    .innerJoin('memberships', (j) =>
      j
        .onRef('memberships.network_id', '=', 'volunteer_profiles.network_id')
        .onRef('memberships.person_id', '=', 'volunteer_profiles.person_id'),
    )
    .innerJoin('people', 'people.id', 'volunteer_profiles.person_id')
    .leftJoin('areas', 'areas.id', 'volunteer_profiles.home_area_id')
    .selectAll('volunteer_profiles')
    .select([
      'memberships.role',
      'areas.name as area_name',
      'areas.center_lat as area_lat',
      'areas.center_lng as area_lng',
    ])
    .where('volunteer_profiles.network_id', '=', networkId)
    .where('memberships.role', 'in', VOLUNTEER_ROLES)
    .where('people.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('volunteer_profiles.on_break', '=', 0),
        eb.and([
          eb('volunteer_profiles.break_until', 'is not', null),
          eb('volunteer_profiles.break_until', '<', today),
        ]),
      ]),
    )
    .orderBy('volunteer_profiles.id')
    .execute();
  return rows.map((r) => {
    const p = profileFromRow(r);
    const areaCentre =
      r.area_lat == null || r.area_lng == null
        ? null
        : { lat: Number(r.area_lat), lng: Number(r.area_lng) };
    return {
      personId: p.personId,
      role: r.role,
      home: p.home ?? areaCentre,
      homeIsAreaCentre: p.home === null && areaCentre !== null,
      radiusKm: p.radiusKm,
      categories: p.categories,
      languages: p.languages,
      transport: p.transport,
      hasCar: p.hasCar,
      availabilityMask: p.availability,
      weeklyHourCap: p.weeklyHourCap,
      onBreak: isOnBreak(p.onBreak, p.breakUntil, today),
    };
  });
}
