import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { errorResponses, SlugParams } from '../http/api-schema.ts';
import { checkIn } from './distribution.service.ts';
import {
  CheckInBody,
  HouseholdBody,
  HouseholdOut,
  ItemBody,
  ItemOut,
  MovementBody,
  ReportQuery,
  SiteBody,
  SiteOut,
  StockOut,
} from './goods.schema.ts';
import { createHousehold } from './household.service.ts';
import { goodsReport } from './report.service.ts';
import {
  createItem,
  createSite,
  goodsSetup,
  recordMovement,
  stockOverview,
} from './stock.service.ts';

const TAGS = ['goods'];
const DayParams = Type.Object({
  slug: Type.String({ maxLength: 60 }),
  id: Type.String({ maxLength: 40 }),
});

export function registerGoodsRoutes(appIn: FastifyInstance, deps: Deps): void {
  const app = appIn.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/networks/:slug/goods';
  const scopeOf = (req: {
    ctx: { actor: Parameters<typeof resolveScope>[1] };
    params: { slug: string };
  }) => resolveScope(deps.db, req.ctx.actor, req.params.slug);

  app.get(
    `${base}/items`,
    {
      schema: {
        summary: 'Items and sites (volunteer)',
        tags: TAGS,
        params: SlugParams,
        response: {
          200: Type.Object({ items: Type.Array(ItemOut), sites: Type.Array(SiteOut) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { items, sites } = await goodsSetup(deps, { scope: await scopeOf(req) });
      return { items, sites: sites.map((s) => ({ id: s.id, name: s.name, areaId: s.areaId })) };
    },
  );

  app.post(
    `${base}/items`,
    {
      schema: {
        summary: 'Adds an item (coordinator)',
        tags: TAGS,
        params: SlugParams,
        body: ItemBody,
        response: { 201: ItemOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const item = await createItem(deps, {
        actor: req.ctx.actor,
        scope: await scopeOf(req),
        input: {
          name: b.name,
          category: b.category,
          unit: b.unit,
          tracksExpiry: b.tracksExpiry ?? false,
          lowStock: b.lowStock ?? 0,
          limitQuantity: b.limit?.quantity,
          limitDays: b.limit?.days,
          limitHard: b.limit?.hard ?? false,
        },
      });
      return reply.code(201).send(item);
    },
  );

  app.post(
    `${base}/sites`,
    {
      schema: {
        summary: 'Adds a storage site (coordinator)',
        tags: TAGS,
        params: SlugParams,
        body: SiteBody,
        response: { 201: SiteOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const s = await createSite(deps, {
        actor: req.ctx.actor,
        scope: await scopeOf(req),
        input: req.body,
      });
      return reply.code(201).send({ id: s.id, name: s.name, areaId: s.areaId });
    },
  );

  app.get(
    `${base}/stock`,
    {
      schema: {
        summary: 'Stock by site and item (volunteer)',
        tags: TAGS,
        params: SlugParams,
        response: { 200: Type.Object({ stock: Type.Array(StockOut) }), ...errorResponses },
      },
    },
    async (req) => {
      const lines = await stockOverview(deps, { scope: await scopeOf(req) });
      return {
        stock: lines.map((l) => ({
          siteId: l.siteId,
          siteName: l.siteName,
          itemId: l.itemId,
          itemName: l.itemName,
          unit: l.unit,
          quantity: l.quantity,
          low: l.lowStock > 0 && l.quantity <= l.lowStock,
        })),
      };
    },
  );

  app.post(
    `${base}/movements`,
    {
      schema: {
        summary:
          'Records a donation, purchase, transfer, hand-out (volunteer) or adjustment (coordinator); 409 when a site would go below zero',
        tags: TAGS,
        params: SlugParams,
        body: MovementBody,
        response: { 201: Type.Object({ id: Type.String() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const id = await recordMovement(deps, {
        actor: req.ctx.actor,
        scope: await scopeOf(req),
        input: req.body,
      });
      return reply.code(201).send({ id });
    },
  );

  app.post(
    `${base}/households`,
    {
      schema: {
        summary: 'Adds a household (volunteer at the door, coordinator)',
        tags: TAGS,
        params: SlugParams,
        body: HouseholdBody,
        response: { 201: HouseholdOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const h = await createHousehold(deps, {
        actor: req.ctx.actor,
        scope: await scopeOf(req),
        input: req.body,
      });
      return reply
        .code(201)
        .send({ id: h.id, code: h.code, size: h.size, language: h.language, areaId: h.areaId });
    },
  );

  app.post(
    `${base}/days/:id/check-ins`,
    {
      schema: {
        summary:
          'Checks a household in at a distribution day and hands out items; 409 past a limit',
        tags: TAGS,
        params: DayParams,
        body: CheckInBody,
        response: {
          201: Type.Object({ id: Type.String(), overLimit: Type.Boolean() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const r = await checkIn(deps, {
        actor: req.ctx.actor,
        scope: await scopeOf(req),
        dayId: req.params.id,
        input: req.body,
      });
      return reply.code(201).send({ id: r.checkInId, overLimit: r.breaches.length > 0 });
    },
  );

  app.get(
    `${base}/report`,
    {
      schema: {
        summary:
          'People and households served, units handed out by category and month (any member)',
        tags: TAGS,
        params: SlugParams,
        querystring: ReportQuery,
        response: {
          200: Type.Object({
            from: Type.String(),
            to: Type.String(),
            households: Type.Object({ unduplicated: Type.Integer(), duplicated: Type.Integer() }),
            people: Type.Object({ unduplicated: Type.Integer(), duplicated: Type.Integer() }),
            byCategory: Type.Array(
              Type.Object({
                category: Type.String(),
                month: Type.String(),
                quantity: Type.Integer(),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const r = await goodsReport(deps, { scope: await scopeOf(req), period: req.query });
      return {
        from: r.from,
        to: r.to,
        households: r.households,
        people: r.people,
        byCategory: r.byCategory,
      };
    },
  );
}
