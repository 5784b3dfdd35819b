import type { Role } from '../../domain/access/roles.ts';
import { DAY, isoNow, isoPlus } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { hashToken, randomToken } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Deps } from '../deps.ts';
import { insertInvitation } from '../invitations/invitation.repository.ts';
import { insertMembership } from '../networks/membership.repository.ts';
import { findNetworkBySlug, insertArea } from '../networks/network.repository.ts';
import { insertNetworkWithAdmin } from '../networks/network.service.ts';
import { insertPerson } from '../people/person.repository.ts';
import { createAccount } from '../people/person.service.ts';

/** The one password of every demo account; they exist only when MUTUA_DEMO=1. */
export const DEMO_PASSWORD = 'mutua-demo';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; language: 'en' | 'es' }[] = [
  { email: 'admin@demo.mutua.test', name: 'Amara Okafor', role: 'admin', language: 'en' },
  {
    email: 'coordinator@demo.mutua.test',
    name: 'Luis Ortega',
    role: 'coordinator',
    language: 'es',
  },
  { email: 'volunteer@demo.mutua.test', name: 'Mei Chen', role: 'volunteer', language: 'en' },
  { email: 'neighbour@demo.mutua.test', name: 'Rosa Delgado', role: 'neighbour', language: 'es' },
];

const MORE_PEOPLE: { name: string; role: Role; phone: string | null; language: 'en' | 'es' }[] = [
  { name: 'Harold Brooks', role: 'neighbour', phone: '+15550100101', language: 'en' },
  { name: 'Fatima Yusuf', role: 'neighbour', phone: '+15550100102', language: 'en' },
  { name: 'Carmen Ruiz', role: 'neighbour', phone: '+15550100103', language: 'es' },
  { name: 'Dev Patel', role: 'volunteer', phone: '+15550100104', language: 'en' },
  { name: 'Ana Lima', role: 'volunteer', phone: null, language: 'es' },
  { name: 'Tom Becker', role: 'volunteer', phone: '+15550100106', language: 'en' },
  { name: 'Grace Kim', role: 'coordinator', phone: null, language: 'en' },
];

// A river town's three parts; circles of 1 to 2 km around their centres.
const AREAS = [
  { name: 'North End', lat: 45.5402, lng: -122.6761, radiusM: 1500 },
  { name: 'Old Town', lat: 45.5231, lng: -122.6705, radiusM: 1000 },
  { name: 'Riverside Flats', lat: 45.5089, lng: -122.6552, radiusM: 2000 },
];

/**
 * Seeds the demo: the Riverside network (open, three areas, people in every role, some
 * without accounts) and the invite-only Hillcrest network, so a newcomer sees several
 * networks and roles. Does nothing when it is already there. Refuses outside demo mode,
 * since its accounts have a published password.
 */
export async function seedDemo(deps: Pick<Deps, 'db' | 'clock' | 'config'>): Promise<boolean> {
  if (!deps.config.demo) throw new Error('Demo data is only seeded in demo mode (MUTUA_DEMO=1).');
  if (await findNetworkBySlug(deps.db, 'riverside')) return false;
  const actor = { kind: 'system', label: 'demo' } as const;
  await deps.db.transaction().execute(async (trx) => {
    const now = isoNow(deps.clock);
    const ids: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      ids[a.role] = await createAccount(trx, deps.clock, {
        displayName: a.name,
        email: a.email,
        password: DEMO_PASSWORD,
        language: a.language,
        isOperator: a.role === 'admin',
      });
    }
    const riverside = await insertNetworkWithAdmin(trx, deps.clock, {
      actor,
      adminId: ids.admin!,
      input: {
        slug: 'riverside',
        name: 'Riverside Mutual Aid',
        defaultLanguage: 'en',
        signupMode: 'open',
        description:
          'Neighbours of North End, Old Town and the Flats helping each other with groceries, rides, meals and more.',
      },
    });
    for (const a of AREAS) {
      await insertArea(
        trx,
        {
          id: newId(),
          networkId: riverside.id,
          name: a.name,
          centre: { lat: a.lat, lng: a.lng },
          radiusM: a.radiusM,
          polygon: null,
        },
        now,
      );
    }
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role !== 'admin')) {
      await insertMembership(trx, {
        id: newId(),
        networkId: riverside.id,
        personId: ids[a.role]!,
        role: a.role,
        now,
      });
      await audit(trx, deps.clock, {
        actor,
        action: 'member.added',
        networkId: riverside.id,
        subject: { type: 'person', id: ids[a.role]! },
        details: { role: a.role },
      });
    }
    for (const p of MORE_PEOPLE) {
      const id = newId();
      await insertPerson(trx, {
        id,
        displayName: p.name,
        email: null,
        phone: p.phone,
        passwordHash: null,
        preferredLanguage: p.language,
        isOperator: false,
        createdBy: ids.coordinator!,
        now,
      });
      await insertMembership(trx, {
        id: newId(),
        networkId: riverside.id,
        personId: id,
        role: p.role,
        now,
      });
      await audit(trx, deps.clock, {
        actor: {
          kind: 'person',
          personId: ids.coordinator!,
          displayName: 'Luis Ortega',
          isOperator: false,
          preferredLanguage: 'es',
          sessionId: '',
        },
        action: 'person.created',
        networkId: riverside.id,
        subject: { type: 'person', id },
        details: { role: p.role, has_account: false },
      });
    }
    await insertInvitation(trx, {
      id: newId(),
      network_id: riverside.id,
      email: 'new.volunteer@demo.mutua.test',
      role: 'volunteer',
      token_hash: hashToken(randomToken()),
      created_by: ids.coordinator!,
      created_at: now,
      expires_at: isoPlus(deps.clock, 14 * DAY),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    });

    const hillcrest = await insertNetworkWithAdmin(trx, deps.clock, {
      actor,
      adminId: ids.admin!,
      input: {
        slug: 'hillcrest',
        name: 'Hillcrest Tenants Mutual Aid',
        defaultLanguage: 'es',
        signupMode: 'invite',
        description: 'Tenants of the Hillcrest blocks sharing food, childcare and rides.',
      },
    });
    await insertArea(
      trx,
      {
        id: newId(),
        networkId: hillcrest.id,
        name: 'Hillcrest Blocks',
        centre: { lat: 45.4981, lng: -122.7012 },
        radiusM: 600,
        polygon: null,
      },
      now,
    );
    await insertMembership(trx, {
      id: newId(),
      networkId: hillcrest.id,
      personId: ids.neighbour!,
      role: 'volunteer',
      now,
    });
  });
  return true;
}
