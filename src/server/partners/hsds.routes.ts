/**
 * The public, read-only HSDS 3.0 API of a network (ADR 0023): `/n/:slug/hsds/`,
 * `/n/:slug/hsds/services` (the paging and filters of the HSDS OpenAPI description) and
 * `/n/:slug/hsds/services/:id`. No sign-in, JSON, open to other origins; only the published
 * directory (no members-only record, no service marked "do not list").
 */
import type { FastifyInstance } from 'fastify';
import { parseServicesQuery } from '../../domain/partners/hsds-api.ts';
import type { Deps } from '../core/deps.ts';
import { findNetworkBySlug } from '../core/network.repository.ts';
import { hsdsMeta, publicService, publicServices } from './directory.service.ts';

type Slug = { Params: { slug: string } };

export function registerHsdsRoutes(app: FastifyInstance, deps: Deps): void {
  const network = async (slug: string) => findNetworkBySlug(deps.db, slug);
  const notFound = { error: 'not_found' };

  app.get<Slug>('/n/:slug/hsds/', { schema: { hide: true } }, async (req, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    if (!(await network(req.params.slug))) return reply.code(404).send(notFound);
    return reply.send(hsdsMeta('https://docs.openreferral.org/en/v3.0/hsds/api_reference/'));
  });

  app.get<Slug & { Querystring: Record<string, string | string[] | undefined> }>(
    '/n/:slug/hsds/services',
    { schema: { hide: true } },
    async (req, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      const n = await network(req.params.slug);
      if (!n) return reply.code(404).send(notFound);
      const q = parseServicesQuery(req.query);
      if (!q.ok)
        return reply.code(400).send({
          errors: q.errors.map((e) => ({
            param: e.param,
            key: e.key,
            message: req.ctx.t(e.key as never, e.params),
          })),
        });
      const page = await publicServices(deps, n, q.query);
      if (q.query.format === 'ndjson')
        return reply.type('application/x-ndjson').send(servicesNdjsonOf(page.contents));
      return reply.send(page);
    },
  );

  app.get<{ Params: { slug: string; id: string } }>(
    '/n/:slug/hsds/services/:id',
    { schema: { hide: true } },
    async (req, reply) => {
      reply.header('Access-Control-Allow-Origin', '*');
      const n = await network(req.params.slug);
      if (!n) return reply.code(404).send(notFound);
      const s = await publicService(deps, n, req.params.id);
      return s ? reply.send(s) : reply.code(404).send(notFound);
    },
  );
}

function servicesNdjsonOf(items: Record<string, unknown>[]): string {
  return items.map((i) => `${JSON.stringify(i)}\n`).join('');
}
