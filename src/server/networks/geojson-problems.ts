/**
 * Every problem of an uploaded GeoJSON file as a sentence: which shape (its number counted
 * from 1, and its name when it has one), which part and ring, then what is wrong
 * (`areas.geojson.<CODE>`, translated).
 */
import type { GeoJsonProblem } from '../../domain/maps/geojson-rings.ts';
import type { MessageKey, Translate } from '../../i18n/i18n.ts';

const NAME_KEYS = ['name', 'Name', 'NAME', 'nombre', 'Nombre', 'NOMBRE', 'title', 'label'];

interface FeatureFacts {
  name: string | null;
  multi: boolean;
}

/** Each feature's name and whether it is a MultiPolygon, by index (best effort: the file may be broken). */
export function featureFacts(text: string): FeatureFacts[] {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return [];
  }
  const v = value as { type?: unknown; features?: unknown };
  const features = v?.type === 'FeatureCollection' && Array.isArray(v.features) ? v.features : [v];
  return features.map((f) => {
    const feature = f as { type?: unknown; properties?: unknown; geometry?: { type?: unknown } };
    const multi = (feature?.geometry?.type ?? feature?.type) === 'MultiPolygon';
    const props = feature?.properties as Record<string, unknown> | null | undefined;
    let name: string | null = null;
    if (props && typeof props === 'object')
      for (const k of NAME_KEYS) {
        const n = props[k];
        if (typeof n === 'string' && n.trim()) {
          name = n.trim().slice(0, 80);
          break;
        }
      }
    return { name, multi };
  });
}

export function problemMessages(
  t: Translate,
  problems: readonly GeoJsonProblem[],
  text: string,
): string[] {
  const facts = featureFacts(text);
  return problems.map((p) => {
    let where: string;
    if (p.feature === null) where = t('areas.geojson.file');
    else {
      const name = facts[p.feature]?.name;
      const n = p.feature + 1;
      where = name
        ? t('areas.geojson.featureNamed', { n, name })
        : t('areas.geojson.feature', { n });
      if (p.part !== undefined && facts[p.feature]?.multi)
        where += `, ${t('areas.geojson.part', { n: p.part + 1 })}`;
      if (p.ring !== undefined)
        where += `, ${p.ring === 0 ? t('areas.geojson.ring') : t('areas.geojson.hole', { n: p.ring })}`;
    }
    const params: Record<string, string | number> = { ...(p.params ?? {}) };
    if (typeof params.first === 'number') params.first = params.first + 1;
    if (typeof params.position === 'number') params.position = params.position + 1;
    if (typeof params.edge === 'number') params.edge = params.edge + 1;
    if (typeof params.other === 'number') params.other = params.other + 1;
    return `${where} ${t(`areas.geojson.${p.code}` as MessageKey, params)}`;
  });
}
