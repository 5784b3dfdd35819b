/**
 * A network's map as one SVG string, drawn on the server: its areas (circles or polygons), the
 * 500 m cells Mutua stores (open requests with a count, or tasks), a volunteer's reach, the
 * cell picked on a place picker, and optionally the 500 m grid. No tiles, no script, nothing
 * fetched: the same text works inline in a page, as the image of an `<input type="image">`
 * and (through svg-to-pdfkit, later) in a PDF.
 *
 * Accessible as one image: `role="img"` named by its `<title>` and described by its `<desc>`
 * (the caller writes both, translated; `summariseMap` gives the facts for the description).
 * A count is never told by colour alone: each level has its own pattern (dots, lines, hatch,
 * dense hatch) and each cell its label where the label fits; labels are dark on a white halo.
 * What a label says ("fewer than 5", "3 tasks") is the caller's choice: the map writes it.
 * Pure.
 */
import { type LatLng, privacyCell } from '../geo/geo.ts';
import type { Ring } from '../geo/rings.ts';
import {
  areasBounds,
  type Bounds,
  boundsOf,
  degreesFor,
  type MapArea,
  polygonParts,
} from './areas.ts';
import { fitProjection, type Projection, project, type Viewport } from './projection.ts';
import { checkId, escapeXml, LABEL_GROUP, LabelSpace, labelBox, labelText, num } from './svg.ts';

export interface MapCell {
  /** The stored 500 m centre, or any point of the cell. */
  at: LatLng;
  /** Open requests in the cell: the shading level comes from it. */
  count?: number;
  /** What the cell says ("4", "fewer than 5", "2 tasks"); none when omitted. */
  label?: string;
  /** `count` (default), a task's cell, or the cell a picker has chosen. */
  kind?: 'count' | 'task' | 'selected';
}

export interface MapReach {
  centre: LatLng;
  radiusM: number;
  label?: string;
}

export interface MapInput {
  areas: readonly MapArea[];
  cells?: readonly MapCell[];
  reach?: readonly MapReach[];
  viewport: Viewport;
  /** What the view is fitted to: the areas (default), everything drawn, or a box. */
  fit?: 'areas' | 'all' | Bounds;
  /** Where to look when there is nothing to fit (a network with no areas yet). */
  fallbackCentre?: LatLng;
}

export interface MapOptions extends MapInput {
  /** Unique on the page: prefixes the ids of the title, description and patterns. */
  id: string;
  title: string;
  description: string;
  /** Draw the 500 m grid (for a place picker), when a cell is at least 12 px. */
  grid?: boolean;
  /** Write the areas' names (default true). */
  areaLabels?: boolean;
}

export interface RenderedMap {
  svg: string;
  projection: Projection;
  /** Labels left out because they overlapped others or did not fit: the page lists them. */
  labelsDropped: number;
}

export const MAP_COLOURS = {
  background: '#f6f6f2',
  areaFill: '#dbe8f6',
  areaStroke: '#1d5a9e',
  countBase: '#fff1db',
  countInk: '#8a4300',
  taskBase: '#e3f2e7',
  taskInk: '#1e6b34',
  selected: '#111111',
  reach: '#5b2a86',
  grid: '#8c8c8c',
  labelInk: '#1a1a1a',
  labelHalo: '#ffffff',
} as const;

/** Count levels 1–4, each its own pattern; level 0 (no requests) is not drawn. */
export function cellLevel(count: number, max: number): 0 | 1 | 2 | 3 | 4 {
  if (!(count > 0) || !(max > 0)) return 0;
  return Math.min(4, Math.max(1, Math.ceil((4 * count) / max))) as 1 | 2 | 3 | 4;
}

const LABEL_PX = 12;
const GRID_MIN_PX = 12;
const GRID_MAX_LINES = 2500;
/** Vertices closer than this to the last one kept are dropped: nobody sees them. */
const SIMPLIFY_PX = 0.6;

/** The projection `renderMap` uses for the same input: what a click handler inverts. */
export function mapProjection(input: MapInput): Projection {
  let bounds: Bounds | null;
  if (input.fit && typeof input.fit === 'object') bounds = input.fit;
  else if (input.fit === 'all') {
    const extra: LatLng[] = [];
    for (const c of input.cells ?? []) extra.push(c.at);
    for (const r of input.reach ?? []) {
      const { dLat, dLng } = degreesFor(r.radiusM, r.centre.lat);
      extra.push(
        { lat: r.centre.lat - dLat, lng: r.centre.lng - dLng },
        { lat: r.centre.lat + dLat, lng: r.centre.lng + dLng },
      );
    }
    const a = areasBounds(input.areas);
    if (a) extra.push({ lat: a.south, lng: a.west }, { lat: a.north, lng: a.east });
    bounds = boundsOf(extra);
  } else bounds = areasBounds(input.areas) ?? boundsOf((input.cells ?? []).map((c) => c.at));
  return fitProjection(bounds, input.viewport, input.fallbackCentre);
}

function patternDefs(id: string, used: Set<string>): string {
  const C = MAP_COLOURS;
  const defs: Record<string, string> = {
    l1: `<rect width="8" height="8" fill="${C.countBase}"/><circle cx="4" cy="4" r="1.2" fill="${C.countInk}"/>`,
    l2: `<rect width="8" height="8" fill="${C.countBase}"/><path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="${C.countInk}" stroke-width="1.2"/>`,
    l3: `<rect width="8" height="8" fill="${C.countBase}"/><path d="M0 8L8 0M-2 2L2 -2M6 10L10 6M0 0L8 8M-2 6L2 10M6 -2L10 2" stroke="${C.countInk}" stroke-width="1.2"/>`,
    l4: `<rect width="4" height="4" fill="${C.countBase}"/><path d="M0 4L4 0M-1 1L1 -1M3 5L5 3M0 0L4 4M-1 3L1 5M3 -1L5 1" stroke="${C.countInk}" stroke-width="1.3"/>`,
    task: `<rect width="6" height="6" fill="${C.taskBase}"/><rect x="2" y="2" width="2" height="2" fill="${C.taskInk}"/>`,
  };
  const size: Record<string, number> = { l1: 8, l2: 8, l3: 8, l4: 4, task: 6 };
  let out = '';
  for (const key of ['l1', 'l2', 'l3', 'l4', 'task'])
    if (used.has(key))
      out += `<pattern id="${id}-${key}" width="${size[key]}" height="${size[key]}" patternUnits="userSpaceOnUse">${defs[key]}</pattern>`;
  return out ? `<defs>${out}</defs>` : '';
}

function ringPath(pr: Projection, ring: Ring): string {
  let d = '';
  let last: { x: number; y: number } | null = null;
  let kept = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const [lng, lat] = ring[i]!;
    if (!Number.isFinite(lng) || !Number.isFinite(lat)) continue;
    const p = project(pr, { lat, lng });
    if (last && Math.hypot(p.x - last.x, p.y - last.y) < SIMPLIFY_PX) continue;
    d +=
      kept === 0 ? `M${num(p.x)} ${num(p.y)}` : `${kept === 1 ? 'L' : ' '}${num(p.x)} ${num(p.y)}`;
    last = p;
    kept++;
  }
  return kept >= 3 ? `${d}Z` : '';
}

function areaShape(pr: Projection, area: MapArea): string {
  const C = MAP_COLOURS;
  const paint = `fill="${C.areaFill}" stroke="${C.areaStroke}" stroke-width="1.5"`;
  const parts = polygonParts(area.polygon);
  if (parts.length > 0) {
    const d = parts.flatMap((rings) => rings.map((r) => ringPath(pr, r))).join('');
    if (d) return `<path d="${d}" fill-rule="evenodd" ${paint}/>`;
  } else if (area.radiusM !== null && area.radiusM > 0) {
    const c = project(pr, area.centre);
    const { dLat, dLng } = degreesFor(area.radiusM, area.centre.lat);
    return `<ellipse cx="${num(c.x)}" cy="${num(c.y)}" rx="${num(dLng * pr.k * pr.scale)}" ry="${num(dLat * pr.scale)}" ${paint}/>`;
  }
  // Too small to draw at this scale (or no shape): a dot, so the area is still seen.
  const c = project(pr, area.centre);
  return `<circle cx="${num(c.x)}" cy="${num(c.y)}" r="3" ${paint}/>`;
}

interface CellBox {
  x: number;
  y: number;
  w: number;
  h: number;
  cell: MapCell;
}

function cellBox(pr: Projection, cell: MapCell): CellBox | null {
  if (!Number.isFinite(cell.at.lat) || !Number.isFinite(cell.at.lng)) return null;
  const c = privacyCell(cell.at);
  const nw = project(pr, { lat: c.north, lng: c.west });
  const w = (c.east - c.west) * pr.k * pr.scale;
  const h = (c.north - c.south) * pr.scale;
  if (nw.x + w < 0 || nw.y + h < 0 || nw.x > pr.width || nw.y > pr.height) return null;
  return { x: nw.x, y: nw.y, w, h, cell };
}

function gridPath(pr: Projection): string {
  const latStep = degreesFor(500, 0).dLat;
  if (latStep * pr.scale < GRID_MIN_PX) return '';
  const north = pr.lat0 + pr.height / 2 / pr.scale;
  const south = pr.lat0 - pr.height / 2 / pr.scale;
  const halfLng = pr.width / 2 / (pr.k * pr.scale);
  let d = '';
  let lines = 0;
  for (let row = Math.floor(south / latStep); row <= Math.floor(north / latStep); row++) {
    const top = project(pr, { lat: (row + 1) * latStep, lng: pr.lng0 }).y;
    const bottom = project(pr, { lat: row * latStep, lng: pr.lng0 }).y;
    d += `M0 ${num(top)}H${num(pr.width)}`;
    // Columns narrow with latitude, so each row has its own: take them from a cell of the row.
    const c = privacyCell({ lat: (row + 0.5) * latStep, lng: pr.lng0 });
    const step = c.east - c.west;
    const first = Math.floor((pr.lng0 - halfLng - c.west) / step);
    const last = Math.ceil((pr.lng0 + halfLng - c.west) / step);
    for (let k = first; k <= last; k++) {
      const x = project(pr, { lat: c.centre.lat, lng: c.west + k * step }).x;
      d += `M${num(x)} ${num(top)}V${num(bottom)}`;
      if (++lines > GRID_MAX_LINES) return '';
    }
  }
  return `<path d="${d}" fill="none" stroke="${MAP_COLOURS.grid}" stroke-width="0.6"/>`;
}

export function renderMap(opts: MapOptions): RenderedMap {
  const id = checkId(opts.id);
  const pr = mapProjection(opts);
  const C = MAP_COLOURS;
  const { width, height } = pr;
  const cells = (opts.cells ?? []).map((c) => cellBox(pr, c)).filter((b) => b !== null);
  const max = Math.max(
    0,
    ...cells.map((b) => ((b.cell.kind ?? 'count') === 'count' ? (b.cell.count ?? 0) : 0)),
  );
  const used = new Set<string>();
  const body: string[] = [];

  body.push(`<rect width="${width}" height="${height}" fill="${C.background}"/>`);
  body.push(`<g>${opts.areas.map((a) => areaShape(pr, a)).join('')}</g>`);
  if (opts.grid) body.push(gridPath(pr));

  let countShapes = '';
  let taskShapes = '';
  let selected = '';
  for (const b of cells) {
    const kind = b.cell.kind ?? 'count';
    const rect = `x="${num(b.x)}" y="${num(b.y)}" width="${num(b.w)}" height="${num(b.h)}"`;
    if (kind === 'selected') {
      const cx = b.x + b.w / 2;
      const cy = b.y + b.h / 2;
      const r = Math.max(6, Math.min(b.w, b.h) / 2);
      selected +=
        `<rect ${rect} fill="none" stroke="${C.labelHalo}" stroke-width="5"/>` +
        `<rect ${rect} fill="none" stroke="${C.selected}" stroke-width="2.5"/>` +
        `<path d="M${num(cx - r)} ${num(cy)}H${num(cx + r)}M${num(cx)} ${num(cy - r)}V${num(cy + r)}" stroke="${C.selected}" stroke-width="2"/>`;
    } else if (kind === 'task') {
      used.add('task');
      taskShapes += `<rect ${rect} fill="url(#${id}-task)"/>`;
    } else {
      const level = cellLevel(b.cell.count ?? 0, max);
      if (level > 0) used.add(`l${level}`);
      // A cell with nothing counted is outlined, dashed, so it does not read as one request.
      countShapes +=
        level > 0
          ? `<rect ${rect} fill="url(#${id}-l${level})"/>`
          : `<rect ${rect} fill="none" stroke-dasharray="2 2"/>`;
    }
  }
  if (countShapes) body.push(`<g stroke="${C.countInk}" stroke-width="1">${countShapes}</g>`);
  if (taskShapes) body.push(`<g stroke="${C.taskInk}" stroke-width="1">${taskShapes}</g>`);

  let reach = '';
  for (const r of opts.reach ?? []) {
    if (!(r.radiusM > 0) || !Number.isFinite(r.centre.lat) || !Number.isFinite(r.centre.lng))
      continue;
    const c = project(pr, r.centre);
    const { dLat, dLng } = degreesFor(r.radiusM, r.centre.lat);
    reach +=
      `<ellipse cx="${num(c.x)}" cy="${num(c.y)}" rx="${num(dLng * pr.k * pr.scale)}" ry="${num(dLat * pr.scale)}" fill="none" stroke="${C.reach}" stroke-width="2" stroke-dasharray="6 4"/>` +
      `<circle cx="${num(c.x)}" cy="${num(c.y)}" r="3.5" fill="${C.reach}" stroke="${C.labelHalo}" stroke-width="1.5"/>`;
  }
  body.push(reach, selected);

  // Labels last, so they sit on top; cells first, then reach, then areas' names where room is left.
  const space = new LabelSpace(width, height);
  let labels = '';
  let dropped = 0;
  const place = (text: string | undefined, x: number, y: number, bold = false) => {
    if (!text) return;
    if (space.claim(labelBox(text, x, y, LABEL_PX))) labels += labelText(text, x, y, bold);
    else dropped++;
  };
  for (const b of cells) place(b.cell.label, b.x + b.w / 2, b.y + b.h / 2, true);
  for (const r of opts.reach ?? []) {
    if (!r.label || !(r.radiusM > 0)) continue;
    const c = project(pr, r.centre);
    place(r.label, c.x, c.y - degreesFor(r.radiusM, r.centre.lat).dLat * pr.scale - LABEL_PX);
  }
  if (opts.areaLabels !== false)
    for (const a of opts.areas) {
      const c = project(pr, a.centre);
      place(a.name, c.x, c.y);
    }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"` +
    ` role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, sans-serif">` +
    `<title id="${id}-title">${escapeXml(opts.title)}</title>` +
    `<desc id="${id}-desc">${escapeXml(opts.description)}</desc>` +
    patternDefs(id, used) +
    body.join('') +
    `<g ${LABEL_GROUP}>${labels}</g></svg>`;
  return { svg, projection: pr, labelsDropped: dropped };
}
