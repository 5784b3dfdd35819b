import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { errorResponses, SlugParams } from '../http/api-schema.ts';
import { ContactInput, MemberOut, RoleInput, RoleSchema } from './person.schema.ts';
import {
  addPersonWithoutAccount,
  changeRole,
  listPeople,
  type ShownMember,
  viewPerson,
} from './person.service.ts';

const memberOut = (m: ShownMember) => ({
  id: m.person.id,
  displayName: m.person.displayName,
  role: m.role,
  hasAccount: m.person.hasAccount,
  email: m.shown.email,
  phone: m.shown.phone,
  joinedAt: m.joinedAt,
});

const PersonParams = Type.Object({
  slug: Type.String({ maxLength: 60 }),
  personId: Type.String({ maxLength: 40 }),
});

export function registerPeopleRoutes(appIn: FastifyInstance, deps: Deps): void {
  const app = appIn.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/networks/:slug/people',
    {
      schema: {
        summary: 'Members of a network (coordinator)',
        tags: ['people'],
        params: SlugParams,
        querystring: Type.Object({
          role: Type.Optional(RoleSchema),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
        }),
        response: {
          200: Type.Object({ total: Type.Integer(), people: Type.Array(MemberOut) }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const { members, total } = await listPeople(deps, {
        scope,
        filter: { role: req.query.role, query: req.query.q, page: req.query.page ?? 1 },
      });
      return { total, people: members.map(memberOut) };
    },
  );

  app.post(
    '/api/v1/networks/:slug/people',
    {
      schema: {
        summary: 'Adds a person without an account, for example after a phone call (coordinator)',
        tags: ['people'],
        params: SlugParams,
        body: Type.Object(ContactInput.properties, { additionalProperties: false }),
        response: { 201: MemberOut, ...errorResponses },
      },
    },
    async (req, reply) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const id = await addPersonWithoutAccount(deps, {
        actor: req.ctx.actor,
        scope,
        input: req.body,
      });
      return reply.code(201).send(memberOut(await viewPerson(deps, { scope, personId: id })));
    },
  );

  app.get(
    '/api/v1/networks/:slug/people/:personId',
    {
      schema: {
        summary: 'One member (coordinator)',
        tags: ['people'],
        params: PersonParams,
        response: { 200: MemberOut, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      return memberOut(await viewPerson(deps, { scope, personId: req.params.personId }));
    },
  );

  app.put(
    '/api/v1/networks/:slug/people/:personId/role',
    {
      schema: {
        summary: "Changes a member's role (admin)",
        tags: ['people'],
        params: PersonParams,
        body: Type.Object(RoleInput.properties, { additionalProperties: false }),
        response: { 200: MemberOut, ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      await changeRole(deps, {
        actor: req.ctx.actor,
        scope,
        personId: req.params.personId,
        role: req.body.role,
      });
      return memberOut(await viewPerson(deps, { scope, personId: req.params.personId }));
    },
  );
}
