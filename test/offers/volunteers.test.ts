import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/domain/access/roles.ts';
import { maskFromNames } from '../../src/domain/time/weekly-slots.ts';
import { en } from '../../src/i18n/en.ts';
import type { Actor } from '../../src/server/core/actor.ts';
import type { Area } from '../../src/server/core/area.ts';
import { updateRole } from '../../src/server/core/membership.repository.ts';
import type { Network } from '../../src/server/core/network.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { addArea } from '../../src/server/networks/network.service.ts';
import { listMatchableVolunteers } from '../../src/server/offers/volunteer-profile.repository.ts';
import type { VolunteerProfileInput } from '../../src/server/offers/volunteer-profile.rules.ts';
import {
  saveVolunteerProfile,
  setBreak,
} from '../../src/server/offers/volunteer-profile.service.ts';
import { DAY } from '../../src/shared/clock.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeAccount, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';

const personActor = (p: { id: string; name: string }): Actor => ({
  kind: 'person',
  personId: p.id,
  displayName: p.name,
  isOperator: false,
  preferredLanguage: null,
  sessionId: 'test',
});

const PROFILE: VolunteerProfileInput = {
  categories: ['groceries'],
  skills: '',
  languages: ['es'],
  transport: 'walk',
  hasCar: false,
  homeAreaId: null,
  homeLat: null,
  homeLng: null,
  radiusKm: 2,
  availability: maskFromNames(['mon-morning']),
  weeklyHourCap: 4,
};

describe('volunteer profiles, as coordinators and matching see them', () => {
  let ctx: TestContext;
  let network: Network;
  let other: Network;
  let area: Area;
  /** People of the network, each with a profile, by what the tests need of them. */
  const people = {} as Record<
    | 'withPoint'
    | 'withArea'
    | 'withNothing'
    | 'neighbour'
    | 'onBreak'
    | 'breakOver'
    | 'breakToday'
    | 'coordinator'
    | 'removed'
    | 'elsewhere',
    { id: string; name: string; email: string }
  >;

  async function profileFor(
    net: Network,
    role: Role,
    name: string,
    input: Partial<VolunteerProfileInput> = {},
  ) {
    const p = await addMember(ctx, net, role, { name });
    const scope = await resolveScope(ctx.db, personActor(p), net.slug);
    await saveVolunteerProfile(ctx.deps, {
      actor: personActor(p),
      scope,
      input: { ...PROFILE, ...input },
    });
    return p;
  }

  async function breakFor(p: { id: string; name: string }, net: Network, until?: string) {
    const scope = await resolveScope(ctx.db, personActor(p), net.slug);
    await setBreak(ctx.deps, { actor: personActor(p), scope, input: { onBreak: true, until } });
  }

  before(async () => {
    ctx = await createTestContext();
    const made = await makeNetwork(ctx, { name: 'Barrio Matching' });
    network = made.network;
    other = (await makeNetwork(ctx, { name: 'Otro Barrio' })).network;
    const adminScope = await resolveScope(ctx.db, personActor(made.admin), network.slug);
    area = await addArea(ctx.deps, {
      actor: { kind: 'system', label: 'test' },
      scope: adminScope,
      input: { name: 'Centro', lat: 10.5, lng: -66.9, radiusM: 1000 },
    });
    const today = ctx.clock.now();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * DAY).toISOString().slice(0, 10);

    people.withPoint = await profileFor(network, 'volunteer', 'Ana Punto', {
      homeLat: 10.51,
      homeLng: -66.91,
      homeAreaId: area.id,
      categories: ['groceries', 'ride'],
      languages: ['es', 'ti'],
      hasCar: true,
      transport: 'car',
      radiusKm: 12,
      weeklyHourCap: 8,
    });
    people.withArea = await profileFor(network, 'volunteer', 'Beto Zona', {
      homeAreaId: area.id,
      categories: ['meals'],
      languages: ['en'],
    });
    people.withNothing = await profileFor(network, 'volunteer', 'Carla Nada');
    people.neighbour = await profileFor(network, 'neighbour', 'Dora Vecina');
    people.onBreak = await profileFor(network, 'volunteer', 'Elena Descanso');
    await breakFor(people.onBreak, network);
    people.breakToday = await profileFor(network, 'volunteer', 'Fabio Hoy');
    await breakFor(people.breakToday, network, day(0));
    people.breakOver = await profileFor(network, 'volunteer', 'Gina Vuelta');
    await breakFor(people.breakOver, network, day(1));
    people.coordinator = await profileFor(network, 'coordinator', 'Hugo Coordina');
    people.removed = await profileFor(network, 'volunteer', 'Iris Ida');
    people.elsewhere = await profileFor(other, 'volunteer', 'Juan Otro');
    // Iris leaves the volunteers: she is a neighbour again.
    await updateRole(ctx.db, network.id, people.removed.id, 'neighbour', today.toISOString());
    // Gina's break ends after tomorrow.
    ctx.clock.advance(2 * DAY);
  });
  after(() => ctx.close());

  describe('listMatchableVolunteers', () => {
    it('returns only volunteers or higher, not on a break, of this network', async () => {
      const list = await listMatchableVolunteers(ctx.db, network.id, ctx.clock.now());
      const ids = new Set(list.map((v) => v.personId));
      for (const who of [
        'withPoint',
        'withArea',
        'withNothing',
        'breakOver',
        'breakToday',
        'coordinator',
      ] as const) {
        assert.ok(ids.has(people[who].id), `${who} is matchable`);
      }
      for (const who of ['neighbour', 'onBreak', 'removed', 'elsewhere'] as const) {
        assert.ok(!ids.has(people[who].id), `${who} is not`);
      }
      assert.equal(list.length, 6);
      assert.ok(list.every((v) => v.onBreak === false));
      assert.equal(list.find((v) => v.personId === people.coordinator.id)?.role, 'coordinator');
    });

    it('a break with an end date holds through that day, included', async () => {
      const now = ctx.clock.now();
      const twoDaysAgo = new Date(now.getTime() - 2 * DAY);
      const thatDay = await listMatchableVolunteers(ctx.db, network.id, twoDaysAgo);
      const ids = thatDay.map((v) => v.personId);
      assert.ok(!ids.includes(people.breakToday.id), 'on break on its last day');
      assert.ok(!ids.includes(people.breakOver.id), 'on break before its last day');
    });

    it('gives the exact point, or the area centre when there is none, and everything matching needs', async () => {
      const list = await listMatchableVolunteers(ctx.db, network.id, ctx.clock.now());
      const ana = list.find((v) => v.personId === people.withPoint.id);
      assert.deepEqual(ana, {
        personId: people.withPoint.id,
        role: 'volunteer',
        home: { lat: 10.51, lng: -66.91 },
        homeIsAreaCentre: false,
        radiusKm: 12,
        categories: ['groceries', 'ride'],
        languages: ['es', 'ti'],
        transport: 'car',
        hasCar: true,
        availabilityMask: maskFromNames(['mon-morning']),
        weeklyHourCap: 8,
        onBreak: false,
      });
      const beto = list.find((v) => v.personId === people.withArea.id);
      assert.deepEqual(beto?.home, { lat: 10.5, lng: -66.9 }, 'the centre of Centro');
      assert.equal(beto?.homeIsAreaCentre, true);
      const carla = list.find((v) => v.personId === people.withNothing.id);
      assert.equal(carla?.home, null);
      assert.equal(carla?.homeIsAreaCentre, false);
    });

    it('a break switched off makes the person matchable again at once', async () => {
      const scope = await resolveScope(ctx.db, personActor(people.onBreak), network.slug);
      await setBreak(ctx.deps, {
        actor: personActor(people.onBreak),
        scope,
        input: { onBreak: false },
      });
      const list = await listMatchableVolunteers(ctx.db, network.id, ctx.clock.now());
      assert.ok(list.some((v) => v.personId === people.onBreak.id));
      await breakFor(people.onBreak, network);
    });
  });

  describe('GET /n/:slug/volunteers', () => {
    const url = () => `/n/${network.slug}/volunteers`;

    it('a volunteer and a neighbour are refused (403), and see no names', async () => {
      for (const who of [people.withPoint, people.neighbour]) {
        const a = agent(ctx.app);
        await a.signIn(who.email);
        const res = await a.get(url());
        assert.equal(res.statusCode, 403);
        assert.ok(!res.body.includes('Beto Zona'));
      }
      const anon = agent(ctx.app);
      assert.equal((await anon.get(url())).statusCode, 401);
    });

    it('a coordinator sees every profile: name, area, categories, languages, hours, break; never the point', async () => {
      const coordinator = agent(ctx.app);
      await coordinator.signIn(people.coordinator.email);
      const res = await coordinator.get(url());
      assert.equal(res.statusCode, 200);
      const body = text(res.body);
      for (const name of ['Ana Punto', 'Beto Zona', 'Dora Vecina', 'Elena Descanso', 'Iris Ida']) {
        assert.ok(body.includes(name), name);
      }
      assert.ok(!body.includes('Juan Otro'), 'not another network');
      assert.ok(body.includes('Centro'));
      assert.ok(body.includes(`${en['category.groceries']}, ${en['category.ride']}`));
      assert.ok(body.includes('Tigrinya'), 'language codes are named');
      assert.ok(!res.body.includes('10.51') && !res.body.includes('-66.91'), 'no exact point');
      /** The visible text of the table row of one person. */
      const row = (name: string) =>
        text(res.body.split('<tr>').find((r) => r.includes(`>${name}</a>`)) ?? '');
      assert.ok(row('Elena Descanso').endsWith(en['volunteers.breakYes']), row('Elena Descanso'));
      assert.ok(row('Gina Vuelta').endsWith(en['volunteers.breakNo']), 'her break ended');
      assert.ok(row('Fabio Hoy').endsWith(en['volunteers.breakNo']), 'his break ended');
      assert.ok(row('Ana Punto').endsWith('8 No'), row('Ana Punto'));
    });

    it('filters by category and by language', async () => {
      const coordinator = agent(ctx.app);
      await coordinator.signIn(people.coordinator.email);
      const meals = text((await coordinator.get(`${url()}?category=meals`)).body);
      assert.ok(meals.includes('Beto Zona'));
      assert.ok(!meals.includes('Ana Punto'));
      assert.ok(meals.includes('1 volunteer profile'));
      const ti = text((await coordinator.get(`${url()}?language=ti`)).body);
      assert.ok(ti.includes('Ana Punto'));
      assert.ok(!ti.includes('Beto Zona'));
      const both = text((await coordinator.get(`${url()}?category=meals&language=ti`)).body);
      assert.ok(both.includes('0 volunteer profiles'));
      // Nonsense filters are ignored, not an error.
      const odd = await coordinator.get(`${url()}?category=%25&language=x%25`);
      assert.equal(odd.statusCode, 200);
      assert.ok(text(odd.body).includes('Beto Zona'));
    });

    it('a member of another network is refused', async () => {
      const a = agent(ctx.app);
      await a.signIn(people.elsewhere.email);
      assert.equal((await a.get(url())).statusCode, 403);
      const stranger = await makeAccount(ctx, { name: 'Stranger' });
      const b = agent(ctx.app);
      await b.signIn(stranger.email);
      assert.equal((await b.get(url())).statusCode, 403);
    });
  });
});
