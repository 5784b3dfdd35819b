import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { browseAudit } from '../audit/audit.service.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { errorResponses, SlugParams } from '../http/api-schema.ts';
import { AreaInput } from './network.schema.ts';
import { addArea, areasOf, whoAmI } from './network.service.ts';

const RoleOut = Type.Union([
  Type.Literal('neighbour'),
  Type.Literal('volunteer'),
  Type.Literal('coordinator'),
  Type.Literal('admin'),
  Type.Null(),
]);

const AreaOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  centre: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
  radiusM: Type.Union([Type.Integer(), Type.Null()]),
  polygon: Type.Union(
    [
      Type.Array(Type.Array(Type.Array(Type.Number()))),
      Type.Array(Type.Array(Type.Array(Type.Array(Type.Number())))),
      Type.Null(),
    ],
    { description: 'GeoJSON Polygon coordinates, or MultiPolygon coordinates (one level deeper)' },
  ),
});

const areaOut = (a: Area) => ({
  id: a.id,
  name: a.name,
  centre: a.centre,
  radiusM: a.radiusM,
  polygon: a.polygon,
});

export function registerNetworkRoutes(appIn: FastifyInstance, deps: Deps): void {
  const app = appIn.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/me',
    {
      schema: {
        summary: 'The person behind the token, and the network and role it grants',
        tags: ['account'],
        response: {
          200: Type.Object({
            id: Type.String(),
            displayName: Type.String(),
            network: Type.String(),
            role: RoleOut,
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      return whoAmI(deps, req.ctx.actor);
    },
  );

  app.get(
    '/api/v1/networks/:slug',
    {
      schema: {
        summary: 'A network: its name, languages and sign-up mode (public)',
        tags: ['networks'],
        security: [],
        params: SlugParams,
        response: {
          200: Type.Object({
            slug: Type.String(),
            name: Type.String(),
            description: Type.String(),
            defaultLanguage: Type.String(),
            signupMode: Type.Union([Type.Literal('open'), Type.Literal('invite')]),
            yourRole: RoleOut,
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const n = scope.network;
      return {
        slug: n.slug,
        name: n.name,
        description: n.description,
        defaultLanguage: n.defaultLanguage,
        signupMode: n.signupMode,
        yourRole: scope.role,
      };
    },
  );

  app.get(
    '/api/v1/networks/:slug/areas',
    {
      schema: {
        summary: "A network's areas (public: they name places, never people)",
        tags: ['networks'],
        security: [],
        params: SlugParams,
        response: { 200: Type.Object({ areas: Type.Array(AreaOut) }), ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      return { areas: (await areasOf(deps, { scope })).map(areaOut) };
    },
  );

  app.post(
    '/api/v1/networks/:slug/areas',
    {
      schema: {
        summary: 'Adds an area (admin)',
        tags: ['networks'],
        params: SlugParams,
        body: Type.Object(
          { ...AreaInput.properties, polygon: Type.Optional(Type.String({ maxLength: 20_000 })) },
          { additionalProperties: false },
        ),
        response: { 201: AreaOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const area = await addArea(deps, { actor: req.ctx.actor, scope, input: req.body });
      return reply.code(201).send(areaOut(area));
    },
  );

  app.get(
    '/api/v1/networks/:slug/audit',
    {
      schema: {
        summary: "The network's audit log, newest first (admin)",
        tags: ['audit'],
        params: SlugParams,
        querystring: Type.Object({
          action: Type.Optional(Type.String({ maxLength: 60 })),
          before: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: {
          200: Type.Object({
            events: Type.Array(
              Type.Object({
                id: Type.String(),
                at: Type.String(),
                actorId: Type.Union([Type.String(), Type.Null()]),
                action: Type.String(),
                subjectType: Type.Union([Type.String(), Type.Null()]),
                subjectId: Type.Union([Type.String(), Type.Null()]),
                details: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const events = await browseAudit(deps, { scope, filter: req.query });
      return {
        events: events.map((e) => ({
          id: e.id,
          at: e.createdAt,
          actorId: e.actorId,
          action: e.action,
          subjectType: e.subjectType,
          subjectId: e.subjectId,
          details: e.details,
        })),
      };
    },
  );
}
