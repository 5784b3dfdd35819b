import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { isDate } from '../../domain/time/zoned-time.ts';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { errorResponses } from '../http/api-schema.ts';
import { calendarEntries } from './event-view.service.ts';
import { eventFeed, networkFeed, personFeed } from './ical.service.ts';
import { cancelSignup, signUp } from './signup.service.ts';

function sendIcs(reply: FastifyReply, body: string, name: string) {
  return reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${name}.ics"`)
    .header('cache-control', 'private, max-age=300')
    .send(body);
}

const Params = Type.Object({
  slug: Type.String({ maxLength: 60 }),
  id: Type.String({ maxLength: 40 }),
});

/** iCalendar feeds and the JSON API of volunteering. */
export function registerVolunteeringRoutes(appIn: FastifyInstance, deps: Deps): void {
  const app = appIn.withTypeProvider<TypeBoxTypeProvider>();

  app.get<{ Params: { slug: string } }>('/n/:slug/calendar.ics', async (req, reply) =>
    sendIcs(reply, await networkFeed(deps, req.params.slug), req.params.slug),
  );
  app.get<{ Params: { slug: string; id: string } }>(
    '/n/:slug/events/:id/event.ics',
    async (req, reply) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      return sendIcs(reply, await eventFeed(deps, { scope, eventId: req.params.id }), 'event');
    },
  );
  app.get<{ Params: { slug: string; person: string; token: string } }>(
    '/n/:slug/calendar/feed/:person/:token',
    async (req, reply) => {
      const token = req.params.token.replace(/\.ics$/, '');
      return sendIcs(
        reply,
        await personFeed(deps, { slug: req.params.slug, personId: req.params.person, token }),
        'shifts',
      );
    },
  );

  const Shift = Type.Object({
    id: Type.String(),
    role: Type.String(),
    slots: Type.Integer(),
    confirmed: Type.Integer(),
    waitlisted: Type.Integer(),
    startsAt: Type.String(),
    endsAt: Type.String(),
  });
  app.get(
    '/api/v1/networks/:slug/events',
    {
      schema: {
        summary: 'Events the caller may see between two dates, with their shifts',
        tags: ['volunteering'],
        params: Type.Object({ slug: Type.String({ maxLength: 60 }) }),
        querystring: Type.Object({
          from: Type.String({ maxLength: 10 }),
          to: Type.String({ maxLength: 10 }),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String(),
              kind: Type.String(),
              title: Type.String(),
              place: Type.String(),
              startsAt: Type.String(),
              endsAt: Type.String(),
              status: Type.String(),
              seriesId: Type.Union([Type.String(), Type.Null()]),
              shifts: Type.Array(Shift),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const { from, to } = req.query;
      const ok = isDate(from) && isDate(to);
      const entries = await calendarEntries(deps, {
        scope,
        from: ok ? `${from}T00:00:00.000Z` : deps.clock.now().toISOString(),
        to: ok ? `${to}T23:59:59.999Z` : deps.clock.now().toISOString(),
      });
      return entries.map((e) => ({
        id: e.event.id,
        kind: e.event.kind,
        title: e.event.title,
        place: e.event.place,
        startsAt: e.event.startsAt,
        endsAt: e.event.endsAt,
        status: e.event.status,
        seriesId: e.event.seriesId,
        shifts: e.shifts.map((s) => ({
          id: s.id,
          role: s.role,
          slots: s.slots,
          confirmed: s.confirmed,
          waitlisted: s.waitlisted,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
        })),
      }));
    },
  );
  app.post(
    '/api/v1/networks/:slug/shifts/:id/signup',
    {
      schema: {
        summary: 'Signs the caller up for a shift: confirmed, or on the waitlist when it is full',
        tags: ['volunteering'],
        params: Params,
        response: { 200: Type.Object({ status: Type.String() }), ...errorResponses },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      return {
        status: await signUp(deps, { actor: req.ctx.actor, scope, shiftId: req.params.id }),
      };
    },
  );
  app.delete(
    '/api/v1/networks/:slug/shifts/:id/signup',
    {
      schema: {
        summary: 'Drops the caller from a shift (the waitlist moves up)',
        tags: ['volunteering'],
        params: Params,
        response: {
          200: Type.Object({ promoted: Type.Boolean(), late: Type.Boolean() }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const scope = await resolveScope(deps.db, req.ctx.actor, req.params.slug);
      const r = await cancelSignup(deps, { actor: req.ctx.actor, scope, shiftId: req.params.id });
      return { promoted: r.promoted !== null, late: r.late };
    },
  );
}
