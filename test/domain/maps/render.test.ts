import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type LatLng, privacyCell, roundForPrivacy } from '../../../src/domain/geo/geo.ts';
import type { MapArea } from '../../../src/domain/maps/areas.ts';
import { project } from '../../../src/domain/maps/projection.ts';
import {
  cellLevel,
  MAP_COLOURS,
  type MapCell,
  mapProjection,
  renderMap,
} from '../../../src/domain/maps/render.ts';
import { summariseMap } from '../../../src/domain/maps/summary.ts';
import { rng } from '../seeded-rng.ts';
import { MADRID, madridAreas, smoothRing } from './scene.ts';
import { parseXml } from './xml.ts';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const base = {
  id: 'queue-map',
  title: 'Open requests by place',
  description: 'Centro: 4 open requests in 2 places.',
  viewport: { width: 288, height: 288 },
};

/** n distinct cells within about 3.5 km of c (there are ~170 there). */
function cellsAround(c: LatLng, n: number, seed: number): MapCell[] {
  const r = rng(seed);
  const seen = new Map<string, MapCell>();
  while (seen.size < Math.min(n, 120)) {
    const at = roundForPrivacy({
      lat: c.lat + (r.next() - 0.5) * 0.06,
      lng: c.lng + (r.next() - 0.5) * 0.08,
    });
    const count = r.int(1, 12);
    seen.set(`${at.lat},${at.lng}`, {
      at,
      count,
      label: count < 5 ? 'fewer than 5' : String(count),
    });
  }
  return [...seen.values()];
}

describe('the SVG map', () => {
  it('is one well-formed, named and described image', () => {
    const { svg } = renderMap({ ...base, areas: madridAreas(), cells: cellsAround(MADRID, 30, 1) });
    const els = parseXml(svg);
    const root = els[0]!;
    assert.equal(root.name, 'svg');
    assert.equal(root.attrs.xmlns, 'http://www.w3.org/2000/svg');
    assert.equal(root.attrs.role, 'img');
    assert.equal(root.attrs['aria-labelledby'], 'queue-map-title queue-map-desc');
    assert.equal(els[1]!.name, 'title');
    assert.equal(els[1]!.attrs.id, 'queue-map-title');
    assert.equal(els[1]!.text, base.title);
    assert.equal(els[2]!.name, 'desc');
    assert.equal(els[2]!.text, base.description);
    assert.equal(root.attrs.width, '288');
    assert.equal(root.attrs.viewBox, '0 0 288 288');
    // No style attributes or elements: the CSP (style-src 'self') would drop them.
    assert.ok(!els.some((e) => e.name === 'style' || 'style' in e.attrs || e.name === 'script'));
  });

  it('escapes names and drops characters XML forbids, so a bad name never blanks the map', () => {
    const areas: MapArea[] = [
      {
        id: 'a',
        name: 'Tom & "Jerry" <b>\u0007\u0000\ufffe\ud800',
        centre: MADRID,
        radiusM: 900,
        polygon: null,
      },
    ];
    const { svg } = renderMap({
      ...base,
      title: '<script>alert(1)</script>',
      description: "it's & done\u001b",
      areas,
      cells: [
        { at: { lat: MADRID.lat + 0.006, lng: MADRID.lng }, count: 3, label: '3 < 5 & "few"' },
      ],
    });
    const els = parseXml(svg); // throws on anything malformed
    assert.ok(!svg.includes('<script>') && !svg.includes('<b>'));
    assert.equal(els.find((e) => e.name === 'title')!.text, '<script>alert(1)</script>');
    assert.equal(els.find((e) => e.name === 'desc')!.text, "it's & done");
    const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
    assert.ok(texts.includes('Tom & "Jerry" <b>'), texts.join(' | '));
    assert.ok(texts.includes('3 < 5 & "few"'));
    assert.throws(() => renderMap({ ...base, id: 'x" onload="y', areas }), RangeError);
  });

  it('draws circles as ellipses true to the ground, polygons with holes and several parts', () => {
    const areas = madridAreas();
    const { svg, projection: pr } = renderMap({ ...base, areas });
    const els = parseXml(svg);
    const ellipse = els.find((e) => e.name === 'ellipse')!;
    const c = project(pr, MADRID);
    assert.ok(Math.abs(Number(ellipse.attrs.cx) - c.x) <= 0.05);
    // 1200 m north-south in pixels, and the same east-west (the projection keeps the ground square).
    const north = project(pr, { lat: MADRID.lat + 1200 / 111195.08, lng: MADRID.lng });
    assert.ok(Math.abs(Number(ellipse.attrs.ry) - (c.y - north.y)) <= 0.06);
    assert.ok(Math.abs(Number(ellipse.attrs.rx) - Number(ellipse.attrs.ry)) <= 0.1);
    const paths = els.filter((e) => e.name === 'path' && e.attrs['fill-rule'] === 'evenodd');
    assert.equal(paths.length, 3);
    // The area with a hole: two rings in one even-odd path; the two-part area: two rings too.
    assert.equal((paths[1]!.attrs.d!.match(/M/g) ?? []).length, 2);
    assert.equal((paths[2]!.attrs.d!.match(/M/g) ?? []).length, 2);
    const names = els.filter((e) => e.name === 'text').map((e) => e.text);
    assert.ok(names.includes('Centro') && names.includes('Sur'), names.join(', '));
  });

  it('shows counts by pattern and label, never by colour alone', () => {
    const cells: MapCell[] = [1, 2, 3, 4, 8, 12].map((count, i) => ({
      at: roundForPrivacy({ lat: MADRID.lat + 0.006 * i, lng: MADRID.lng }),
      count,
      label: String(count),
    }));
    const { svg } = renderMap({
      ...base,
      id: 'm',
      areas: madridAreas(),
      cells,
      viewport: { width: 600, height: 600 },
    });
    const els = parseXml(svg);
    const patterns = els.filter((e) => e.name === 'pattern').map((e) => e.attrs.id);
    assert.deepEqual(patterns, ['m-l1', 'm-l2', 'm-l3', 'm-l4']);
    const rects = els.filter((e) => e.name === 'rect' && e.attrs.fill?.startsWith('url('));
    assert.deepEqual(
      rects.map((r) => r.attrs.fill),
      ['url(#m-l1)', 'url(#m-l1)', 'url(#m-l1)', 'url(#m-l2)', 'url(#m-l3)', 'url(#m-l4)'],
    );
    const labels = els.filter((e) => e.name === 'text').map((e) => e.text);
    for (const n of [1, 2, 3, 4, 8, 12]) assert.ok(labels.includes(String(n)), `label ${n}`);
    // Each cell is drawn as its own 500 m square (edges from privacyCell).
    const pr = mapProjection({ areas: madridAreas(), viewport: { width: 600, height: 600 } });
    const cell = privacyCell(cells[0]!.at);
    const nw = project(pr, { lat: cell.north, lng: cell.west });
    assert.ok(Math.abs(Number(rects[0]!.attrs.x) - nw.x) <= 0.05);
    assert.ok(Math.abs(Number(rects[0]!.attrs.y) - nw.y) <= 0.05);
  });

  it('levels rise with the count, from 1 for any request to 4 for the busiest cell', () => {
    const r = rng(7);
    for (let i = 0; i < 5000; i++) {
      const max = r.int(1, 500);
      const a = r.int(0, max);
      const b = r.int(a, max);
      assert.ok(cellLevel(a, max) <= cellLevel(b, max));
      assert.equal(cellLevel(a, max) === 0, a === 0);
      assert.equal(cellLevel(max, max), 4);
    }
    assert.equal(cellLevel(Number.NaN, 4), 0);
  });

  it('keeps labels apart: an overlapping label is left out and counted, never drawn on another', () => {
    const at = roundForPrivacy(MADRID);
    const cells: MapCell[] = [
      { at, count: 3, label: 'fewer than 5' },
      { at: { lat: at.lat + 0.0046, lng: at.lng }, count: 2, label: 'fewer than 5' },
    ];
    const city = renderMap({
      ...base,
      areas: madridAreas(),
      cells,
      areaLabels: false,
      viewport: { width: 160, height: 160 },
    });
    assert.equal(city.labelsDropped, 1);
    assert.equal(parseXml(city.svg).filter((e) => e.name === 'text').length, 1);
    const zoomed = renderMap({
      ...base,
      areas: [],
      cells,
      fit: 'all',
      viewport: { width: 600, height: 600 },
    });
    assert.equal(zoomed.labelsDropped, 0);
  });

  it('has enough contrast: text 7:1 on its halo, shapes and patterns 3:1', () => {
    const C = MAP_COLOURS;
    assert.ok(contrast(C.labelInk, C.labelHalo) >= 7);
    for (const [fg, bg] of [
      [C.countInk, C.countBase],
      [C.taskInk, C.taskBase],
      [C.areaStroke, C.background],
      [C.areaStroke, C.areaFill],
      [C.selected, C.areaFill],
      [C.reach, C.areaFill],
      [C.reach, C.background],
    ] as const)
      assert.ok(contrast(fg, bg) >= 3, `${fg} on ${bg}: ${contrast(fg, bg).toFixed(2)}`);
  });

  it('marks a volunteer reach, task cells and a picked cell; draws the 500 m grid when it is visible', () => {
    const areas = madridAreas();
    const task = roundForPrivacy({ lat: MADRID.lat + 0.004, lng: MADRID.lng });
    const { svg } = renderMap({
      ...base,
      id: 't',
      areas,
      cells: [
        { at: task, kind: 'task', label: '2 tasks' },
        { at: MADRID, kind: 'selected' },
      ],
      reach: [{ centre: MADRID, radiusM: 3000, label: '3 km' }],
      grid: true,
      fit: 'all',
    });
    const els = parseXml(svg);
    assert.ok(els.some((e) => e.name === 'pattern' && e.attrs.id === 't-task'));
    assert.ok(els.some((e) => e.name === 'ellipse' && e.attrs['stroke-dasharray'] === '6 4'));
    assert.ok(els.some((e) => e.name === 'rect' && e.attrs.stroke === MAP_COLOURS.selected));
    const texts = els.filter((e) => e.name === 'text').map((e) => e.text);
    assert.ok(texts.includes('2 tasks') && texts.includes('3 km'), texts.join(', '));
    assert.ok(els.some((e) => e.name === 'path' && e.attrs.stroke === MAP_COLOURS.grid));
    // 500 m is under 12 px when the whole of a 40 km area is shown: no grid then.
    const wide = renderMap({
      ...base,
      areas: [{ id: 'big', name: 'Big', centre: MADRID, radiusM: 20_000, polygon: null }],
      grid: true,
    });
    assert.ok(!parseXml(wide.svg).some((e) => e.attrs.stroke === MAP_COLOURS.grid));
  });

  it('never writes NaN, whatever the cells, and leaves out cells off the map', () => {
    const r = rng(9);
    for (let i = 0; i < 200; i++) {
      const cells: MapCell[] = [
        { at: { lat: Number.NaN, lng: 3 }, count: 2, label: 'x' },
        { at: { lat: 40, lng: Number.POSITIVE_INFINITY }, count: 1 },
        { at: { lat: -10, lng: 100 }, count: 1, label: 'far' },
        ...cellsAround(MADRID, r.int(0, 20), i),
      ];
      const { svg } = renderMap({
        ...base,
        areas: madridAreas(),
        cells,
        reach: [{ centre: MADRID, radiusM: r.next() < 0.2 ? Number.NaN : 2500 }],
      });
      assert.ok(!/NaN|Infinity/.test(svg));
      assert.ok(!svg.includes('>far<'));
      parseXml(svg);
    }
  });

  it('stays small: a detailed outline is thinned to what the pixels show', () => {
    // A smooth outline of 4,999 vertices a few metres apart, as official boundary files are.
    const ring = smoothRing(MADRID, 4999, (t) => 1900 + 150 * Math.sin(5 * t));
    const area: MapArea = {
      id: 'd',
      name: 'Detailed',
      centre: MADRID,
      radiusM: null,
      polygon: [ring],
    };
    const { svg } = renderMap({ ...base, areas: [area], cells: cellsAround(MADRID, 120, 3) });
    assert.ok(svg.length < 60_000, `${svg.length} characters`);
    const d = parseXml(svg).find((e) => e.name === 'path' && e.attrs['fill-rule'])!.attrs.d!;
    const points = d.split(/[MLZ ]/).filter(Boolean).length / 2;
    assert.ok(points < 1500 && points > 100, `${points} points kept of 4999`);
  });

  it('is the same for the same input, and its projection is the one a click handler computes', () => {
    const input = { ...base, areas: madridAreas(), cells: cellsAround(MADRID, 10, 5) };
    const a = renderMap(input);
    assert.equal(a.svg, renderMap(input).svg);
    assert.deepEqual(a.projection, mapProjection(input));
  });

  it('fits a network without areas to its cells, or to where it is', () => {
    const cells = cellsAround(MADRID, 5, 2);
    const pr = mapProjection({ areas: [], cells, viewport: base.viewport });
    for (const c of cells) {
      const p = project(pr, c.at);
      assert.ok(p.x >= 0 && p.x <= 288 && p.y >= 0 && p.y <= 288);
    }
    const empty = renderMap({ ...base, areas: [], fallbackCentre: MADRID });
    assert.ok(empty.svg.includes('role="img"'));
    assert.ok(Math.abs(empty.projection.lat0 - MADRID.lat) < 1e-12);
  });
});

describe('the map summary', () => {
  it('counts cells and requests per area, areas with nothing included, the rest apart', () => {
    const areas = madridAreas();
    const c1 = roundForPrivacy(MADRID);
    const c2 = roundForPrivacy({ lat: MADRID.lat + 0.0046, lng: MADRID.lng });
    const hole = roundForPrivacy({ lat: MADRID.lat + 0.025, lng: MADRID.lng });
    const sur2 = roundForPrivacy({ lat: MADRID.lat - 0.025, lng: MADRID.lng + 0.02 });
    const s = summariseMap(areas, [
      { at: c1, count: 3 },
      { at: c2, count: 1 },
      { at: hole, count: 2 },
      { at: sur2, count: 6 },
      { at: c1, kind: 'selected' },
    ]);
    assert.deepEqual(s, {
      areas: [
        { areaId: 'centro', name: 'Centro', cells: 2, count: 4 },
        { areaId: 'este', name: 'Este', cells: 0, count: 0 },
        { areaId: 'norte', name: 'Norte <&> "Barrio"', cells: 0, count: 0 },
        { areaId: 'sur', name: 'Sur', cells: 1, count: 6 },
        { areaId: null, name: null, cells: 1, count: 2 },
      ],
      cells: 4,
      count: 12,
    });
  });
});
