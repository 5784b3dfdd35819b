/**
 * The network's map as an image: the place picker's `<input type="image">` loads it (so it
 * is the same drawing the press is read against, see pages/place-pick.ts). It shows the
 * areas (public: they name places, never people) and the cell the reader has chosen, which
 * comes from their own query string. Members only, like every network page.
 */
import type { FastifyInstance } from 'fastify';
import { renderMap } from '../../domain/maps/render.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Deps } from '../core/deps.ts';
import { parseAt, pickerInput } from '../pages/place-pick.ts';
import { scopeOf } from '../pages/scope-page.ts';

type PlaceSvg = { Params: { slug: string }; Querystring: { at?: string } };

export function registerMapRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<PlaceSvg>('/n/:slug/map/place.svg', { schema: { hide: true } }, async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const areas = await listAreas(deps.db, scope.network.id);
    const { t } = req.ctx;
    const { svg } = renderMap({
      id: 'place',
      title: t('maps.picker.title'),
      description: t('maps.picker.alt'),
      grid: true,
      ...pickerInput(areas, parseAt(req.query.at)),
    });
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('Cache-Control', 'private, no-cache')
      .header('Vary', 'Cookie, Accept-Language')
      .send(svg);
  });
}
