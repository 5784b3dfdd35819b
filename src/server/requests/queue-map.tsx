/**
 * The map of open requests beside the queue, drawn on the server (domain/maps/render.ts),
 * with the same facts as a table under it (labels that do not fit on the map are still
 * there). A cell or an area with fewer than K_ANONYMITY requests says "fewer than 3" and is
 * shaded at the lowest level, so a count of one is not read off the map or a screenshot.
 */
import { K_ANONYMITY, publicCount } from '../../domain/announcements/small-counts.ts';
import type { MapCell } from '../../domain/maps/render.ts';
import { renderMap } from '../../domain/maps/render.ts';
import { summariseMap } from '../../domain/maps/summary.ts';
import type { PageCtx } from '../pages/page-context.ts';
import { Table } from '../pages/table.tsx';
import type { QueueMapData } from './queue-map.service.ts';

export function QueueMap({ ctx, map }: { ctx: PageCtx; map: QueueMapData }) {
  const { t } = ctx;
  const words = (n: number) => {
    const c = publicCount(n);
    return c.kind === 'count' ? String(c.n) : t('maps.queue.fewer', { n: K_ANONYMITY });
  };
  const cells: MapCell[] = map.cells.map((c) => {
    const few = publicCount(c.count).kind === 'few';
    return { at: c.at, count: few ? 1 : c.count, label: words(c.count), kind: 'count' };
  });
  const summary = summariseMap(map.areas, map.cells);
  const rows = summary.areas.filter((a) => a.count > 0 || a.areaId !== null);
  const areaWords = rows
    .filter((a) => a.count > 0)
    .map((a) =>
      t('maps.queue.areaCount', { name: a.name ?? t('maps.queue.outside'), count: words(a.count) }),
    )
    .join('; ');
  const { svg } = renderMap({
    id: 'queue-map',
    title: t('maps.queue.title'),
    description:
      summary.count === 0
        ? t('maps.queue.descNone')
        : t('maps.queue.desc', {
            requests: words(summary.count),
            cells: summary.cells,
            areas: areaWords,
          }),
    areas: map.areas,
    cells,
    viewport: { width: 640, height: 420 },
  });
  return (
    <section aria-labelledby="queue-map-heading" class="queue-map">
      <h2 id="queue-map-heading">{t('maps.queue.heading')}</h2>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: drawn by renderMap, every text escaped */}
      <div class="map" dangerouslySetInnerHTML={{ __html: svg }} />
      {rows.length > 0 && (
        <Table
          headers={[
            t('maps.queue.colArea'),
            t('maps.queue.colRequests'),
            t('maps.queue.colSquares'),
          ]}
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
