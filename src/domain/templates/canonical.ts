/**
 * The canonical form of a template, so that "export, import into another network, export
 * again" can be compared byte for byte: references renamed in a stable order ("area:1",
 * "training:1", … after sorting by what a person sees, never by database id), sets sorted,
 * object keys in alphabetical order. Lists whose order means something (categories as the
 * form shows them, shifts of an event in time, the languages in preference) keep it. The
 * export writes this form, so the same network exported twice gives the same file. Pure.
 */
import type { NetworkTemplate } from './schema.ts';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** JSON with object keys sorted at every depth; arrays keep their order. */
export function stableStringify(value: unknown, indent = 2): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort(byText)
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    return v;
  };
  return `${JSON.stringify(sort(value), null, indent)}\n`;
}

function renamer(kind: string, refsInOrder: readonly string[]): (ref: string) => string {
  const map = new Map(refsInOrder.map((r, i) => [r, `${kind}:${i + 1}`]));
  return (ref) => map.get(ref) ?? ref;
}

const sortedUnique = (xs: readonly string[]) => [...new Set(xs)].sort(byText);

/** The last tie-break: the whole content without its reference, so equal names never flip. */
const content = (x: { ref: string }) => stableStringify({ ...x, ref: '' }, 0);

export interface CanonicalOptions {
  /** Keep meta.createdAt and meta.generator (a file); drop them (a comparison). */
  keepMeta?: boolean;
}

export function canonicalize(t: NetworkTemplate, options: CanonicalOptions = {}): NetworkTemplate {
  const lang = t.meta.defaultLanguage;
  const text = (x: Record<string, string>) => x[lang] ?? Object.values(x)[0] ?? '';

  const areas = [...t.areas].sort(
    (a, b) =>
      byText(a.name, b.name) ||
      a.center.lat - b.center.lat ||
      a.center.lng - b.center.lng ||
      byText(content(a), content(b)),
  );
  const area = renamer(
    'area',
    areas.map((a) => a.ref),
  );
  const trainings = [...t.trainings].sort(
    (a, b) => byText(text(a.name), text(b.name)) || byText(content(a), content(b)),
  );
  const training = renamer(
    'training',
    trainings.map((x) => x.ref),
  );
  const items = [...t.items].sort(
    (a, b) =>
      byText(a.category, b.category) ||
      byText(text(a.name), text(b.name)) ||
      byText(content(a), content(b)),
  );
  const item = renamer(
    'item',
    items.map((x) => x.ref),
  );
  const series = [...t.eventSeries].sort(
    (a, b) =>
      byText(text(a.title), text(b.title)) ||
      byText(a.rrule, b.rrule) ||
      byText(a.startTime, b.startTime) ||
      byText(content(a), content(b)),
  );
  const seriesRef = renamer(
    'series',
    series.map((s) => s.ref),
  );

  const meta = { ...t.meta };
  if (!options.keepMeta) {
    delete meta.createdAt;
    delete meta.generator;
  }
  return {
    format: t.format,
    version: t.version,
    meta,
    settings: { ...t.settings },
    categories: t.categories.map((c) => ({
      ...c,
      words: Object.fromEntries(Object.entries(c.words).map(([l, ws]) => [l, sortedUnique(ws)])),
    })),
    areas: areas.map((a) => ({ ...a, ref: area(a.ref) })),
    roles: [...t.roles]
      .sort((a, b) => byText(a.key, b.key))
      .map((r) => ({ ...r, trainings: sortedUnique(r.trainings.map(training)) })),
    trainings: trainings.map((x) => ({
      ...x,
      ref: training(x.ref),
      categories: sortedUnique(x.categories),
      roles: [...new Set(x.roles)].sort(byText),
    })),
    items: items.map((x) => ({ ...x, ref: item(x.ref) })),
    eventSeries: series.map((s) => ({
      ...s,
      ref: seriesRef(s.ref),
      areaRef: s.areaRef === null ? null : area(s.areaRef),
      shifts: [...s.shifts].sort(
        (a, b) =>
          a.offsetMin - b.offsetMin || byText(a.role, b.role) || a.durationMin - b.durationMin,
      ),
    })),
    playbook: [...t.playbook]
      .sort((a, b) => byText(a.slug, b.slug))
      .map((p) => ({ ...p, tags: [...p.tags].sort(byText) })),
    surveys: [...t.surveys].sort((a, b) => byText(a.key, b.key)),
    agreements: [...t.agreements].sort((a, b) => byText(a.key, b.key)),
  } as NetworkTemplate;
}

/** The canonical text of a template, for files and for comparison. */
export function canonicalJson(t: NetworkTemplate, options: CanonicalOptions = {}): string {
  return stableStringify(canonicalize(t, options));
}

/** Whether two templates describe the same setup, whatever their ids and order. */
export function sameTemplate(a: NetworkTemplate, b: NetworkTemplate): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
