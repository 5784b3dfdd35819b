import type { Role } from '../../domain/access/roles.ts';
import type { Urgency } from '../../domain/requests/categories.ts';
import { ALL_WEEK } from '../../domain/time/weekly-slots.ts';
import { DAY, isoNow, isoPlus } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { hashToken, randomToken } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { insertMembership, listMembers } from '../core/membership.repository.ts';
import { findNetworkBySlug } from '../core/network.repository.ts';
import { resolveScope } from '../core/scope.ts';
import { insertInvitation } from '../invitations/invitation.repository.ts';
import { insertArea } from '../networks/network.repository.ts';
import { insertNetworkWithAdmin } from '../networks/network.service.ts';
import { upsertProfile } from '../offers/volunteer-profile.repository.ts';
import { insertPerson } from '../people/person.repository.ts';
import { createAccount } from '../people/person.service.ts';
import { sealContact } from '../privacy/person-contact.ts';
import { createRequest, type IntakeInput } from '../requests/request-intake.service.ts';
import { claimTask } from '../requests/task.service.ts';
import { seedGoods } from './seed-goods.ts';
import { seedVolunteering } from './seed-volunteering.ts';

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
export async function seedDemo(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'openTasks' | 'mailer' | 'sms'>,
): Promise<boolean> {
  if (!deps.config.demo) throw new Error('Demo data is only seeded in demo mode (MUTUA_DEMO=1).');
  if (await findNetworkBySlug(deps.db, 'riverside')) return false;
  const actor = { kind: 'system', label: 'demo' } as const;
  await deps.db.transaction().execute(async (trx) => {
    const now = isoNow(deps.clock);
    const ids: Record<string, string> = {};
    for (const a of DEMO_ACCOUNTS) {
      ids[a.role] = await createAccount(trx, deps, {
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
        contact: sealContact(deps.config.keys, id, { email: null, phone: p.phone }),
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
      networkId: riverside.id,
      email: 'new.volunteer@demo.mutua.test',
      role: 'volunteer',
      tokenHash: hashToken(randomToken()),
      createdBy: ids.coordinator!,
      createdAt: now,
      expiresAt: isoPlus(deps.clock, 14 * DAY),
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
  await seedNeeds(deps);
  await seedVolunteering(deps);
  return true;
}

const NEEDS: {
  category: string;
  urgency: Urgency;
  area: number;
  name: string;
  phone: string;
  language: string;
  details: string;
  when: IntakeInput['when'];
}[] = [
  {
    category: 'groceries',
    urgency: 'high',
    area: 0,
    name: 'Edna',
    phone: '+15550100201',
    language: 'en',
    details: 'Weekly shop; I cannot carry heavy bags since my operation.',
    when: 'mornings',
  },
  {
    category: 'medicine',
    urgency: 'critical',
    area: 1,
    name: 'Joaquín',
    phone: '+15550100202',
    language: 'es',
    details: 'Recoger insulina en la farmacia de la calle Mayor hoy.',
    when: 'any',
  },
  {
    category: 'ride',
    urgency: 'normal',
    area: 2,
    name: 'Priya',
    phone: '+15550100203',
    language: 'en',
    details: 'Ride to the clinic on Thursday at 10.',
    when: 'weekdays',
  },
  {
    category: 'meals',
    urgency: 'normal',
    area: 0,
    name: 'Walter',
    phone: '+15550100204',
    language: 'en',
    details: 'Hot meals for two this week.',
    when: 'evenings',
  },
  {
    category: 'childcare',
    urgency: 'low',
    area: 2,
    name: 'Lucía',
    phone: '+15550100205',
    language: 'es',
    details: 'Cuidar a dos niños el sábado por la mañana.',
    when: 'weekends',
  },
  {
    category: 'emotional',
    urgency: 'normal',
    area: 1,
    name: 'Samir',
    phone: '+15550100206',
    language: 'ar',
    details: 'Someone to talk to, in Arabic if possible.',
    when: 'afternoons',
  },
  {
    category: 'groceries',
    urgency: 'normal',
    area: 1,
    name: 'Greta',
    phone: '+15550100207',
    language: 'en',
    details: 'Bread, milk and fruit.',
    when: 'any',
  },
];

const PROFILES: {
  name: string;
  area: number;
  categories: string[];
  languages: string[];
  hasCar: boolean;
}[] = [
  {
    name: 'Mei Chen',
    area: 1,
    categories: ['groceries', 'meals', 'medicine', 'ride'],
    languages: ['en', 'zh'],
    hasCar: true,
  },
  {
    name: 'Dev Patel',
    area: 0,
    categories: ['groceries', 'ride', 'emotional'],
    languages: ['en'],
    hasCar: true,
  },
  {
    name: 'Ana Lima',
    area: 2,
    categories: ['childcare', 'meals', 'medicine'],
    languages: ['es', 'pt'],
    hasCar: false,
  },
  {
    name: 'Tom Becker',
    area: 1,
    categories: ['groceries', 'meals', 'other'],
    languages: ['en'],
    hasCar: false,
  },
];

const asMember = (personId: string, displayName: string) =>
  ({
    kind: 'person',
    personId,
    displayName,
    isOperator: false,
    preferredLanguage: null,
    sessionId: '',
  }) as const;

/** Volunteer profiles and open needs through the real intake, so queue, feed and matching live. */
async function seedNeeds(
  deps: Pick<Deps, 'db' | 'clock' | 'config' | 'openTasks' | 'mailer' | 'sms'>,
): Promise<void> {
  const riverside = (await findNetworkBySlug(deps.db, 'riverside'))!;
  const areas = await listAreas(deps.db, riverside.id);
  const { members } = await listMembers(deps.db, riverside.id, { limit: 100, offset: 0 });
  const idOf = (name: string) => members.find((m) => m.person.displayName === name)!.person.id;
  for (const p of PROFILES) {
    await upsertProfile(
      deps.db,
      {
        id: newId(),
        networkId: riverside.id,
        personId: idOf(p.name),
        input: {
          categories: p.categories,
          skills: '',
          languages: p.languages,
          transport: p.hasCar ? 'car' : 'bike',
          hasCar: p.hasCar,
          homeAreaId: areas[p.area]!.id,
          homeLat: null,
          homeLng: null,
          radiusKm: 4,
          availability: ALL_WEEK,
          weeklyHourCap: 6,
        },
      },
      isoNow(deps.clock),
    );
  }
  const coordinator = asMember(idOf('Luis Ortega'), 'Luis Ortega');
  const made: string[] = [];
  for (const [i, n] of NEEDS.entries()) {
    // Half came in through the public form, half by phone to the coordinator.
    const actor = i % 2 === 0 ? ({ kind: 'anonymous' } as const) : coordinator;
    const { summary } = await createRequest(deps, {
      actor,
      scope: await resolveScope(deps.db, actor, 'riverside'),
      channel: i % 2 === 0 ? 'web' : 'phone',
      source: null,
      input: {
        category: n.category,
        urgency: n.urgency,
        householdSize: 1 + (i % 3),
        areaId: areas[n.area]!.id,
        address: `${10 + i} Demo Street`,
        when: n.when,
        name: n.name,
        phone: n.phone,
        language: n.language,
        details: n.details,
      },
    });
    made.push(summary.id);
  }
  // The demo volunteer has taken the first: they see a task of their own, with its address.
  const mei = asMember(idOf('Mei Chen'), 'Mei Chen');
  await claimTask(deps, {
    actor: mei,
    scope: await resolveScope(deps.db, mei, 'riverside'),
    requestId: made[0]!,
  });
  const luis = asMember(idOf('Luis Ortega'), 'Luis Ortega');
  await seedGoods(deps, luis);
}
