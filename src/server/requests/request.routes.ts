import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { URGENCIES } from '../../domain/requests/categories.ts';
import { STATUSES } from '../../domain/requests/request-status.ts';
import { isAppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { errorResponses, literals, SlugParams } from '../http/api-schema.ts';
import { clientInfo } from '../http/context.ts';
import { errorJson } from '../http/error-handler.tsx';
import { otherWays, otherWaysText } from './other-ways.tsx';
import { IntakeApi, StatusForm } from './request.schema.ts';
import type { RequestSummary } from './request.types.ts';
import { createRequest } from './request-intake.service.ts';
import { publicStatus } from './request-public.service.ts';
import { changeStatus, triageQueue, viewRequest } from './request-triage.service.ts';

/** What the API shows of a request in lists: the same as the pages, nothing personal. */
const SummaryOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: literals(STATUSES),
  category: Type.String(),
  urgency: literals(URGENCIES),
  householdSize: Type.Integer(),
  area: Type.Union([Type.String(), Type.Null()]),
  approx: Type.Union([Type.Object({ lat: Type.Number(), lng: Type.Number() }), Type.Null()]),
  language: Type.String(),
  channel: Type.String(),
  duplicateOf: Type.Union([Type.String(), Type.Null()]),
  /** Taken past the network's hourly number for one address: check before sending someone. */
  manyFromAddress: Type.Boolean(),
  createdAt: Type.String(),
});

const summaryOut = (r: RequestSummary) => ({
  id: r.id,
  code: r.code,
  status: r.status,
  category: r.category,
  urgency: r.urgency,
  householdSize: r.householdSize,
  area: r.areaName,
  approx: r.approx,
  language: r.language,
  channel: r.channel,
  duplicateOf: r.duplicateOf,
  manyFromAddress: r.manyFromAddress,
  createdAt: r.createdAt,
});

const Nullable = Type.Union([Type.String(), Type.Null()]);
const IdParams = Type.Object({
  slug: Type.String({ maxLength: 60 }),
  id: Type.String({ maxLength: 40 }),
});

export function registerRequestRoutes(appIn: FastifyInstance, deps: Deps): void {
  const app = appIn.withTypeProvider<TypeBoxTypeProvider>();

  app.post(
    '/api/v1/networks/:slug/requests',
    {
      schema: {
        summary:
          'Takes a request for help from another system, e.g. a phone line (coordinator token)',
        tags: ['requests'],
        params: SlugParams,
        body: IntakeApi,
        response: {
          201: Type.Object({ request: SummaryOut, statusToken: Type.String() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const { lat, lng, consent: _consent, ...rest } = req.body;
      const point = lat !== undefined && lng !== undefined ? { lat, lng } : undefined;
      try {
        const { summary, statusToken } = await createRequest(deps, {
          actor: req.ctx.actor,
          scope,
          channel: 'api',
          source: { address: clientInfo(req).ip },
          input: { ...rest, point },
        });
        return reply.code(201).send({ request: summaryOut(summary), statusToken });
      } catch (e) {
        if (!isAppError(e) || e.code !== 'INTAKE_LIMITED') throw e;
        // A flood from this address: the answer says, in the caller's language, how the
        // person behind it can still ask (phone line, SMS, the emergency number).
        const { t, lang } = req.ctx;
        const ways = otherWays(t, lang, {
          network: scope.network,
          config: deps.config,
          minutes: Number(e.params.minutes),
          urgency: rest.urgency,
        });
        const body = errorJson(t, e);
        return reply
          .code(429)
          .header('Retry-After', Number(e.params.minutes) * 60)
          .send({
            error: { ...body.error, message: `${body.error.message} ${otherWaysText(t, ways)}` },
          });
      }
    },
  );

  app.get(
    '/api/v1/networks/:slug/requests',
    {
      schema: {
        summary: 'The triage queue, most urgent first, then longest waiting (coordinator)',
        tags: ['requests'],
        params: SlugParams,
        querystring: Type.Object({
          status: Type.Optional(Type.Union([literals(STATUSES), Type.Literal('open')])),
          category: Type.Optional(Type.String({ maxLength: 40 })),
          urgency: Type.Optional(literals(URGENCIES)),
          language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
        response: {
          200: Type.Object({ total: Type.Integer(), requests: Type.Array(SummaryOut) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const { items, total } = await triageQueue(deps, {
        scope,
        query: { ...req.query, page: req.query.page ?? 1 },
      });
      return { total, requests: items.map(summaryOut) };
    },
  );

  app.get(
    '/api/v1/networks/:slug/requests/:id',
    {
      schema: {
        summary:
          'One request with its private details; every call is written to the audit log (coordinator)',
        tags: ['requests'],
        params: IdParams,
        response: {
          200: Type.Object({
            request: SummaryOut,
            private: Type.Object({
              name: Nullable,
              phone: Nullable,
              email: Nullable,
              address: Nullable,
              details: Nullable,
              accessibility: Nullable,
            }),
            feedback: Type.Union([
              Type.Object({
                outcome: Type.String(),
                rating: Type.Union([Type.Integer(), Type.Null()]),
                comment: Nullable,
                createdAt: Type.String(),
              }),
              Type.Null(),
            ]),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const view = await viewRequest(deps, {
        actor: req.ctx.actor,
        scope,
        requestId: req.params.id,
      });
      return { request: summaryOut(view.summary), private: view.private, feedback: view.feedback };
    },
  );

  app.post(
    '/api/v1/networks/:slug/requests/:id/status',
    {
      schema: {
        summary: 'Moves a request to another status (coordinator)',
        tags: ['requests'],
        params: IdParams,
        body: Type.Object(StatusForm.properties, { additionalProperties: false }),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      await changeStatus(deps, {
        actor: req.ctx.actor,
        scope,
        requestId: req.params.id,
        to: req.body.to,
        reason: req.body.reason,
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/networks/:slug/requests/by-code/:code',
    {
      schema: {
        summary: 'Where a request stands, by its code (public; no personal detail)',
        tags: ['requests'],
        security: [],
        params: Type.Object({
          slug: Type.String({ maxLength: 60 }),
          code: Type.String({ maxLength: 12 }),
        }),
        response: {
          200: Type.Object({
            code: Type.String(),
            status: literals(STATUSES),
            category: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const s = await publicStatus(deps, {
        scope,
        code: req.params.code,
        from: clientInfo(req).ip,
      });
      return { code: s.code, status: s.status, category: s.category };
    },
  );
}
