import type { FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { type NetworkScope, resolveScope } from '../core/scope.ts';
import type { PageCtx } from './page-context.ts';

/** The network as the page shell shows it: its name and links, and the viewer's role. */
export function scopeNav(scope: NetworkScope): PageCtx['network'] {
  return {
    slug: scope.network.slug,
    name: scope.network.name,
    role: scope.role,
    timeZone: scope.network.timeZone,
  };
}

/** The network scope of a page under `/n/:slug`, for the signed-in actor (see core/scope.ts). */
export async function scopeOf(
  deps: Deps,
  req: FastifyRequest<{ Params: { slug: string } }>,
): Promise<NetworkScope> {
  return resolveScope(deps.db, req.ctx.actor, req.params.slug);
}
