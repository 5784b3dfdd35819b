import type { Static } from 'typebox';
import type { Role } from '../../domain/access/roles.ts';
import { parsePolygon } from '../../domain/geo/polygon.ts';
import {
  knownEmergencyCountries,
  parseEmergencyNumber,
} from '../../domain/networks/emergency-numbers.ts';
import { normalisePhone } from '../../domain/people/contact.ts';
import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import { DEFAULT_HOURLY_PER_ADDRESS } from '../../domain/requests/intake-limit.ts';
import { isTimeZone } from '../../domain/time/zoned-time.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import { type Actor, isOperator, personIdOf } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { insertMembership, networksOfPerson } from '../core/membership.repository.ts';
import type { NetworkOfPerson } from '../core/membership.ts';
import { findNetworkById, findNetworkBySlug, listNetworks } from '../core/network.repository.ts';
import type { Network } from '../core/network.ts';
import { findPerson } from '../core/person.repository.ts';
import { authorize, type NetworkScope, requirePerson, resolveScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import {
  areaNameTaken,
  deleteArea,
  insertArea,
  insertNetwork,
  updateHourlyRequestsPerAddress,
  updateNetwork,
} from './network.repository.ts';
import {
  type AreaInput,
  type IntakeLimitInput,
  type NetworkInput,
  RESERVED_SLUGS,
  type SettingsInput,
} from './network.schema.ts';

/** Personal data of a closed request is redacted after 90 days unless the network says otherwise. */
export const DEFAULT_RETENTION_DAYS = 90;

/**
 * Creates a network with its first admin, inside the caller's transaction. Used by the
 * operator's "new network" page, the one-time setup link, the CLI and the demo seed.
 */
export async function insertNetworkWithAdmin(
  db: Db,
  clock: Deps['clock'],
  { actor, input, adminId }: { actor: Actor; input: Static<typeof NetworkInput>; adminId: string },
): Promise<Network> {
  if (RESERVED_SLUGS.has(input.slug) || (await findNetworkBySlug(db, input.slug))) {
    throw new AppError('SLUG_TAKEN', {}, { slug: { key: 'error.slugTaken' } });
  }
  const now = isoNow(clock);
  const network: Network = {
    id: newId(),
    slug: input.slug,
    name: input.name,
    description: input.description ?? '',
    defaultLanguage: input.defaultLanguage,
    signupMode: input.signupMode ?? 'open',
    retentionDays: DEFAULT_RETENTION_DAYS,
    categories: [...DEFAULT_CATEGORIES],
    smsNumber: null,
    timeZone: 'UTC',
    hourlyRequestsPerAddress: DEFAULT_HOURLY_PER_ADDRESS,
    phoneNumber: null,
    country: null,
    emergencyNumber: null,
    createdAt: now,
  };
  await insertNetwork(db, network);
  await insertMembership(db, {
    id: newId(),
    networkId: network.id,
    personId: adminId,
    role: 'admin',
    now,
  });
  await audit(db, clock, {
    actor,
    action: 'network.created',
    networkId: network.id,
    subject: { type: 'person', id: adminId },
    details: { slug: network.slug },
  });
  return network;
}

/** An operator of the deployment starts a new network and becomes its first admin. */
export async function createNetwork(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, input }: { actor: Actor; input: Static<typeof NetworkInput> },
): Promise<Network> {
  if (!isOperator(actor)) throw new AppError('FORBIDDEN');
  const adminId = personIdOf(actor)!;
  return deps.db
    .transaction()
    .execute((trx) => insertNetworkWithAdmin(trx, deps.clock, { actor, input, adminId }));
}

export async function publicNetworks(deps: Pick<Deps, 'db'>): Promise<Network[]> {
  return listNetworks(deps.db);
}

export async function myNetworks(deps: Pick<Deps, 'db'>, actor: Actor): Promise<NetworkOfPerson[]> {
  const id = personIdOf(actor);
  return id ? networksOfPerson(deps.db, id) : [];
}

export async function updateSettings(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    input,
  }: { actor: Actor; scope: NetworkScope; input: Static<typeof SettingsInput> },
): Promise<void> {
  authorize(scope, 'network.settings');
  const unknown = input.categories.filter(
    (c) => !(DEFAULT_CATEGORIES as readonly string[]).includes(c),
  );
  const fields: Record<string, { key: string }> = {};
  if (unknown.length > 0) fields.categories = { key: 'field.choose' };
  const smsNumber = input.smsNumber?.trim() ? normalisePhone(input.smsNumber) : null;
  if (input.smsNumber?.trim() && !smsNumber) fields.smsNumber = { key: 'field.phoneInvalid' };
  const phoneNumber = input.phoneNumber?.trim() ? normalisePhone(input.phoneNumber) : null;
  if (input.phoneNumber?.trim() && !phoneNumber) fields.phoneNumber = { key: 'field.phoneInvalid' };
  const timeZone = input.timeZone?.trim() || scope.network.timeZone;
  if (!isTimeZone(timeZone)) fields.timeZone = { key: 'field.timeZoneInvalid' };
  const country = input.country?.trim().toUpperCase() || null;
  if (country && !knownEmergencyCountries().includes(country))
    fields.country = { key: 'field.choose' };
  const emergencyNumber = input.emergencyNumber?.trim()
    ? parseEmergencyNumber(input.emergencyNumber)
    : null;
  if (input.emergencyNumber?.trim() && !emergencyNumber)
    fields.emergencyNumber = { key: 'field.emergencyNumberInvalid' };
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', {}, fields);
  const patch = {
    ...input,
    description: input.description ?? '',
    smsNumber,
    phoneNumber,
    timeZone,
    country,
    emergencyNumber,
  };
  await deps.db.transaction().execute(async (trx) => {
    await updateNetwork(trx, scope.network.id, patch, isoNow(deps.clock));
    const changed = (
      [
        'name',
        'description',
        'defaultLanguage',
        'signupMode',
        'retentionDays',
        'smsNumber',
        'phoneNumber',
        'timeZone',
        'country',
        'emergencyNumber',
      ] as const
    ).filter((k) => scope.network[k] !== patch[k]);
    if (scope.network.categories.join() !== patch.categories.join())
      changed.push('categories' as never);
    await audit(trx, deps.clock, {
      actor,
      action: 'network.settings_changed',
      networkId: scope.network.id,
      details: {
        fields: changed.join(','),
        signup_mode: patch.signupMode,
        retention_days: patch.retentionDays,
      },
    });
  });
}

/**
 * How many requests for help per internet address and hour are ordinary for this network
 * (coordinators and admins). The schema holds the range; this is the one place that saves it.
 */
export async function updateIntakeLimit(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    input,
  }: { actor: Actor; scope: NetworkScope; input: Static<typeof IntakeLimitInput> },
): Promise<void> {
  authorize(scope, 'network.intake_limit');
  await deps.db.transaction().execute(async (trx) => {
    await updateHourlyRequestsPerAddress(
      trx,
      scope.network.id,
      input.hourlyRequestsPerAddress,
      isoNow(deps.clock),
    );
    await audit(trx, deps.clock, {
      actor,
      action: 'network.intake_limit_changed',
      networkId: scope.network.id,
      details: {
        from: scope.network.hourlyRequestsPerAddress,
        to: input.hourlyRequestsPerAddress,
      },
    });
  });
}

export async function areasOf(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<Area[]> {
  // Areas are public: the request form offers them, and they reveal nobody.
  return listAreas(deps.db, scope.network.id);
}

export async function addArea(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, input }: { actor: Actor; scope: NetworkScope; input: Static<typeof AreaInput> },
): Promise<Area> {
  authorize(scope, 'areas.manage');
  let polygon: [number, number][][] | null = null;
  if (input.polygon) {
    polygon = parsePolygon(input.polygon);
    if (!polygon)
      throw new AppError('VALIDATION_FAILED', {}, { polygon: { key: 'field.polygonInvalid' } });
  }
  if (!polygon && input.radiusM === undefined) {
    throw new AppError('VALIDATION_FAILED', {}, { radiusM: { key: 'field.radiusOrPolygon' } });
  }
  const area: Area = {
    id: newId(),
    networkId: scope.network.id,
    name: input.name,
    centre: { lat: input.lat, lng: input.lng },
    radiusM: input.radiusM ?? null,
    polygon,
  };
  await deps.db.transaction().execute(async (trx) => {
    if (await areaNameTaken(trx, scope.network.id, input.name)) {
      throw new AppError('VALIDATION_FAILED', {}, { name: { key: 'field.areaNameTaken' } });
    }
    await insertArea(trx, area, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'area.created',
      networkId: scope.network.id,
      subject: { type: 'area', id: area.id },
    });
  });
  return area;
}

export async function removeArea(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, areaId }: { actor: Actor; scope: NetworkScope; areaId: string },
): Promise<void> {
  authorize(scope, 'areas.manage');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await deleteArea(trx, scope.network.id, areaId))) throw new AppError('NOT_FOUND');
    await audit(trx, deps.clock, {
      actor,
      action: 'area.deleted',
      networkId: scope.network.id,
      subject: { type: 'area', id: areaId },
    });
  });
}

/** Who an API token speaks for: the person, the network it was made in, their role there. */
export async function whoAmI(
  deps: Deps,
  actor: Actor,
): Promise<{ id: string; displayName: string; network: string; role: Role | null }> {
  const personId = requirePerson(actor);
  if (actor.kind !== 'token') throw new AppError('TOKEN_INVALID');
  const person = await findPerson(deps.db, personId);
  if (!person) throw new AppError('TOKEN_INVALID');
  const network = await findNetworkById(deps.db, actor.networkId);
  const scope = await resolveScope(deps.db, actor, network!.slug);
  return {
    id: person.id,
    displayName: person.displayName,
    network: network!.slug,
    role: scope.role,
  };
}
