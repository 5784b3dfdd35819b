import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { maskFromNames, namesFromMask } from '../../domain/time/weekly-slots.ts';
import { AppError } from '../../shared/app-error.ts';
import { personIdOf } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { errorResponses, SlugParams } from '../http/api-schema.ts';
import type { GoodsOffer, PublicGoodsOffer } from './goods-offer.repository.ts';
import {
  changeGoodsOfferStatus,
  createGoodsOffer,
  listGoodsOffers,
} from './goods-offer.service.ts';
import {
  BreakBody,
  GoodsOfferBody,
  GoodsOfferOut,
  OffersQuery,
  StatusBody,
  VolunteerOut,
  VolunteerProfileBody,
  VolunteerProfileOut,
  VolunteersQuery,
} from './offer.schema.ts';
import type { VolunteerListItem, VolunteerProfile } from './volunteer-profile.repository.ts';
import { isOnBreak, isoDate, type VolunteerProfileInput } from './volunteer-profile.rules.ts';
import {
  listVolunteers,
  myVolunteerProfile,
  saveVolunteerProfile,
  setBreak,
} from './volunteer-profile.service.ts';

const TAGS = ['offers'];

function profileInput(body: Static<typeof VolunteerProfileBody>): VolunteerProfileInput {
  return {
    categories: body.categories,
    skills: body.skills ?? '',
    languages: body.languages,
    transport: body.transport,
    hasCar: body.hasCar,
    homeAreaId: body.homeAreaId ?? null,
    homeLat: body.homeLat ?? null,
    homeLng: body.homeLng ?? null,
    radiusKm: body.radiusKm,
    availability: maskFromNames(body.availability),
    weeklyHourCap: body.weeklyHourCap,
  };
}

/** `onBreak` says whether the break runs today, so a past end date reads as "back". */
function profileOut(p: VolunteerProfile, today: string) {
  return {
    personId: p.personId,
    categories: p.categories,
    skills: p.skills,
    languages: p.languages,
    transport: p.transport,
    hasCar: p.hasCar,
    homeArea: p.homeArea,
    homeLat: p.home?.lat ?? null,
    homeLng: p.home?.lng ?? null,
    radiusKm: p.radiusKm,
    availability: namesFromMask(p.availability),
    weeklyHourCap: p.weeklyHourCap,
    onBreak: isOnBreak(p.onBreak, p.breakUntil, today),
    breakUntil: p.breakUntil,
    updatedAt: p.updatedAt,
  };
}

function volunteerOut(v: VolunteerListItem, today: string) {
  return {
    personId: v.personId,
    displayName: v.displayName,
    role: v.role,
    homeArea: v.homeArea,
    categories: v.categories,
    languages: v.languages,
    transport: v.transport,
    hasCar: v.hasCar,
    radiusKm: v.radiusKm,
    availability: namesFromMask(v.availability),
    weeklyHourCap: v.weeklyHourCap,
    onBreak: isOnBreak(v.onBreak, v.breakUntil, today),
    breakUntil: v.breakUntil,
  };
}

function publicOut(o: PublicGoodsOffer) {
  return {
    id: o.id,
    what: o.what,
    quantity: o.quantity,
    unit: o.unit,
    collectArea: o.collectArea,
    status: o.status,
    mine: false,
    createdAt: o.createdAt,
  };
}

/** An offer in full: only ever built for coordinators and for the person offering. */
function fullOut(o: GoodsOffer, me: string | null) {
  return {
    ...publicOut(o),
    mine: o.personId === me,
    offeredBy: { personId: o.personId, displayName: o.offeredBy },
    collectNotes: o.collectNotes,
  };
}

const OfferParams = Type.Object({
  slug: Type.String({ maxLength: 60 }),
  id: Type.String({ maxLength: 40 }),
});

export function registerOfferRoutes(appIn: FastifyInstance, deps: Deps): void {
  const app = appIn.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/networks/:slug';
  const today = () => isoDate(deps.clock.now());

  app.get(
    `${base}/volunteering/me`,
    {
      schema: {
        summary: 'My volunteer profile in this network (404 until I save one)',
        tags: TAGS,
        params: SlugParams,
        response: { 200: VolunteerProfileOut, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const profile = await myVolunteerProfile(deps, { actor: req.ctx.actor, scope });
      if (!profile) throw new AppError('NOT_FOUND');
      return profileOut(profile, today());
    },
  );

  app.put(
    `${base}/volunteering/me`,
    {
      schema: {
        summary: 'Creates or replaces my volunteer profile (any member)',
        tags: TAGS,
        params: SlugParams,
        body: VolunteerProfileBody,
        response: { 200: VolunteerProfileOut, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const profile = await saveVolunteerProfile(deps, {
        actor: req.ctx.actor,
        scope,
        input: profileInput(req.body),
      });
      return profileOut(profile, today());
    },
  );

  app.put(
    `${base}/volunteering/me/break`,
    {
      schema: {
        summary: 'Takes a break (no task suggestions), optionally until a date, or ends it',
        tags: TAGS,
        params: SlugParams,
        body: BreakBody,
        response: { 200: VolunteerProfileOut, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const profile = await setBreak(deps, {
        actor: req.ctx.actor,
        scope,
        input: { onBreak: req.body.onBreak, until: req.body.breakUntil },
      });
      return profileOut(profile, today());
    },
  );

  app.get(
    `${base}/volunteers`,
    {
      schema: {
        summary: 'Volunteer profiles of the network, without exact locations (coordinator)',
        tags: TAGS,
        params: SlugParams,
        querystring: VolunteersQuery,
        response: {
          200: Type.Object({ total: Type.Integer(), volunteers: Type.Array(VolunteerOut) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const { volunteers, total } = await listVolunteers(deps, {
        scope,
        filter: {
          category: req.query.category,
          language: req.query.language,
          page: req.query.page ?? 1,
        },
      });
      const day = today();
      return { total, volunteers: volunteers.map((v) => volunteerOut(v, day)) };
    },
  );

  app.get(
    `${base}/offers`,
    {
      schema: {
        summary:
          'Goods offers: coordinators see all, with who offers and collection notes; members see their own, and what others have available (what, how much, area)',
        tags: TAGS,
        params: SlugParams,
        querystring: OffersQuery,
        response: { 200: Type.Object({ offers: Type.Array(GoodsOfferOut) }), ...errorResponses },
      },
    },
    async (req) => {
      const actor = req.ctx.actor;
      const scope = await resolveScope(deps.db, actor, req.params.slug);
      const view = await listGoodsOffers(deps, {
        actor,
        scope,
        filter: { status: req.query.status },
      });
      const me = personIdOf(actor);
      if (view.kind === 'all') return { offers: view.offers.map((o) => fullOut(o, me)) };
      return {
        offers: [...view.mine.map((o) => fullOut(o, me)), ...view.available.map(publicOut)],
      };
    },
  );

  app.post(
    `${base}/offers`,
    {
      schema: {
        summary: 'Offers goods to the network (any member)',
        tags: TAGS,
        params: SlugParams,
        body: GoodsOfferBody,
        response: { 201: GoodsOfferOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const offer = await createGoodsOffer(deps, { actor: req.ctx.actor, scope, input: req.body });
      return reply.code(201).send(fullOut(offer, personIdOf(req.ctx.actor)));
    },
  );

  app.put(
    `${base}/offers/:id/status`,
    {
      schema: {
        summary: "Changes an offer's status (the person offering, or a coordinator)",
        tags: TAGS,
        params: OfferParams,
        body: StatusBody,
        response: { 200: GoodsOfferOut, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const offer = await changeGoodsOfferStatus(deps, {
        actor: req.ctx.actor,
        scope,
        offerId: req.params.id,
        status: req.body.status,
      });
      return fullOut(offer, personIdOf(req.ctx.actor));
    },
  );
}
