/**
 * Areas uploaded as GeoJSON (issue 12): all or nothing. The file is read by
 * `domain/maps/geojson.ts#importAreas`, which finds every problem at once; only a file with
 * none adds its areas, in one transaction, each audited like an area added by hand.
 */
import { importAreas } from '../../domain/maps/geojson.ts';
import type { GeoJsonProblem } from '../../domain/maps/geojson-rings.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import { listAreas } from '../core/area.repository.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { areaNameTaken, insertArea } from './network.repository.ts';

export type AreaUpload = { ok: true; added: number } | { ok: false; problems: GeoJsonProblem[] };

export async function uploadAreas(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, text }: { actor: Actor; scope: NetworkScope; text: string },
): Promise<AreaUpload> {
  authorize(scope, 'areas.manage');
  const existing = await listAreas(deps.db, scope.network.id);
  const read = importAreas(text, { existingNames: existing.map((a) => a.name) });
  if (!read.ok) return { ok: false, problems: read.problems };
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    for (const imported of read.areas) {
      // A name taken since the file was read (two admins at once): the whole upload stops.
      if (await areaNameTaken(trx, scope.network.id, imported.name))
        throw new AppError('VALIDATION_FAILED', {}, { geojson: { key: 'field.areaNameTaken' } });
      const area: Area = {
        id: newId(),
        networkId: scope.network.id,
        name: imported.name,
        centre: imported.centre,
        radiusM: imported.radiusM,
        polygon: imported.polygon,
      };
      await insertArea(trx, area, now);
      await audit(trx, deps.clock, {
        actor,
        action: 'area.created',
        networkId: scope.network.id,
        subject: { type: 'area', id: area.id },
      });
    }
  });
  return { ok: true, added: read.areas.length };
}
