/**
 * The map beside "tasks near me", drawn on the server (domain/maps/render.ts): the network's
 * areas, the volunteer's reach (their home's 500 m cell and their radius) and the 500 m cells
 * of the tasks in their feed, with the same facts as a table under it. Like the queue map, a
 * cell or area with fewer than K_ANONYMITY tasks says "fewer than 3", so a single neighbour's
 * request is not read off the map; no point finer than the 500 m cell is ever drawn.
 */
import { K_ANONYMITY, publicCount } from '../../domain/announcements/small-counts.ts';
import type { MapCell, MapReach } from '../../domain/maps/render.ts';
import { renderMap } from '../../domain/maps/render.ts';
import { summariseMap } from '../../domain/maps/summary.ts';
import type { PageCtx } from '../pages/page-context.ts';
import { Table } from '../pages/table.tsx';
import type { Feed } from './task.service.ts';

export function TaskMap({ ctx, map }: { ctx: PageCtx; map: Feed['map'] }) {
  const { t } = ctx;
  const words = (n: number) => {
    const c = publicCount(n);
    return c.kind === 'count' ? String(c.n) : t('maps.queue.fewer', { n: K_ANONYMITY });
  };
  const cells: MapCell[] = map.cells.map((c) => ({
    at: c.at,
    count: c.count,
    label: words(c.count),
    kind: 'task',
  }));
  const summary = summariseMap(map.areas, map.cells);
  const rows = summary.areas.filter((a) => a.count > 0);
  const reach: MapReach[] = map.reach
    ? [
        {
          centre: map.reach.centre,
          radiusM: map.reach.radiusKm * 1000,
          label: t('maps.tasks.reachLabel', { km: map.reach.radiusKm }),
        },
      ]
    : [];
  const reachWords = map.reach
    ? t('maps.tasks.descReach', { km: map.reach.radiusKm })
    : t('maps.tasks.descNoReach');
  const areaWords = rows
    .map((a) =>
      t('maps.queue.areaCount', { name: a.name ?? t('maps.queue.outside'), count: words(a.count) }),
    )
    .join('; ');
  const { svg } = renderMap({
    id: 'task-map',
    title: t('maps.tasks.title'),
    description: `${reachWords} ${
      summary.count === 0
        ? t('maps.tasks.descNone')
        : t('maps.tasks.desc', {
            tasks: words(summary.count),
            cells: summary.cells,
            areas: areaWords,
          })
    }`,
    areas: map.areas,
    cells,
    reach,
    fit: 'all',
    viewport: { width: 640, height: 420 },
  });
  return (
    <section aria-labelledby="task-map-heading" class="task-map">
      <h2 id="task-map-heading">{t('maps.tasks.heading')}</h2>
      <p class="muted">{reachWords}</p>
      <div class="map" dangerouslySetInnerHTML={{ __html: svg }} />
      {rows.length > 0 && (
        <Table
          headers={[t('maps.queue.colArea'), t('maps.tasks.colTasks'), t('maps.queue.colSquares')]}
        >
          {rows.map((a) => (
            <tr key={a.areaId ?? '-'}>
              <td>{a.name ?? t('maps.queue.outside')}</td>
              <td>{words(a.count)}</td>
              <td>{a.cells}</td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
