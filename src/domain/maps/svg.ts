/**
 * The few pieces of SVG text the map writer needs: escaped text, short numbers, labels that do
 * not overlap. An SVG loaded as an image (`<img>`, `<input type="image">`) is parsed as strict
 * XML, so one bad character in an area's name would blank the whole map: characters XML 1.0
 * does not allow are dropped, not escaped. Pure.
 */

/** Text safe inside an element or a double- or single-quoted attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/[&<>"']/g, (c) =>
      c === '&'
        ? '&amp;'
        : c === '<'
          ? '&lt;'
          : c === '>'
            ? '&gt;'
            : c === '"'
              ? '&quot;'
              : '&#39;',
    );
}

/** A coordinate in pixels to a tenth: enough for a screen, and short. */
export function num(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** Ids of the map's parts (title, patterns) are prefixed by the caller's id: several maps may share a page. */
export function checkId(id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]{0,39}$/.test(id))
    throw new RangeError(`a map id is a letter then up to 39 letters, digits, - or _: ${id}`);
  return id;
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * The box a label of `text` takes around its centre at `size` px: glyphs of a sans serif
 * average under 0.62 em, so this errs on the side of room.
 */
export function labelBox(text: string, cx: number, cy: number, size: number): Box {
  const w = [...text].length * size * 0.62 + 4;
  const h = size * 1.3;
  return { x: cx - w / 2, y: cy - h / 2, w, h };
}

/** Labels placed so far; a new one goes in only where it overlaps none and stays in view. */
export class LabelSpace {
  private readonly placed: Box[] = [];
  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {}

  claim(b: Box): boolean {
    if (b.x < 0 || b.y < 0 || b.x + b.w > this.width || b.y + b.h > this.height) return false;
    for (const p of this.placed)
      if (b.x < p.x + p.w && p.x < b.x + b.w && b.y < p.y + p.h && p.y < b.y + b.h) return false;
    this.placed.push(b);
    return true;
  }
}

/** What every label shares, on its group: dark text on a white halo, 17.4:1 whatever lies beneath. */
export const LABEL_GROUP =
  'font-size="12" text-anchor="middle" dominant-baseline="central" fill="#1a1a1a"' +
  ' stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"';

/** One label, inside a `<g ${LABEL_GROUP}>`. */
export function labelText(text: string, x: number, y: number, bold = false): string {
  return `<text x="${num(x)}" y="${num(y)}"${bold ? ' font-weight="700"' : ''}>${escapeXml(text)}</text>`;
}
