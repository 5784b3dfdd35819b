import { ascii, be32, CorruptImage, concat, crc32, fromAscii, u32be } from './bytes.ts';
import { orientationTiff, readOrientation } from './exif-orientation.ts';
import type { Stripped } from './jpeg.ts';

/**
 * Removes metadata from a PNG without decoding it. Each chunk's CRC is checked (a receipt
 * that fails it is damaged, and is refused rather than stored), and only chunks that say how
 * to draw the picture are kept: an allow-list, so a private chunk a phone app invents
 * tomorrow is dropped too. Dropped: eXIf (GPS, camera), tEXt/zTXt/iTXt (author, software,
 * comments, XMP), tIME, and any other ancillary chunk; everything after IEND. The kept chunks
 * are copied as they are, so their CRCs stay valid; a new eXIf holding only the orientation
 * is written (with its CRC) before the first IDAT, as the PNG specification asks.
 */
const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const KEEP = new Set([
  'IHDR',
  'PLTE',
  'IDAT',
  'IEND',
  'tRNS',
  'cHRM',
  'gAMA',
  'iCCP',
  'sBIT',
  'sRGB',
  'cICP',
  'mDCv',
  'cLLi',
  'bKGD',
  'hIST',
  'pHYs',
  'sPLT',
  // APNG frames: an animated receipt is odd, but its frames are picture, not metadata.
  'acTL',
  'fcTL',
  'fdAT',
]);

const REMOVED_AS: Record<string, string> = {
  eXIf: 'exif',
  tEXt: 'text',
  zTXt: 'text',
  iTXt: 'text',
  tIME: 'time',
};

export function isPng(b: Uint8Array): boolean {
  return SIGNATURE.every((x, i) => b[i] === x);
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const t = fromAscii(type);
  return concat([be32(data.length), t, data, be32(crc32([t, data]))]);
}

export function stripPng(b: Uint8Array): Stripped {
  if (!isPng(b)) throw new CorruptImage('no PNG signature');
  const kept: Uint8Array[] = [];
  const removed = new Set<string>();
  let orientation: number | null = null;
  let firstIdat = -1;
  let i = SIGNATURE.length;
  let sawEnd = false;
  while (!sawEnd) {
    const length = u32be(b, i);
    if (length > 0x7fffffff) throw new CorruptImage('chunk too long');
    const type = ascii(b, i + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new CorruptImage('bad chunk type');
    const end = i + 12 + length;
    if (end > b.length) throw new CorruptImage('chunk past the end');
    const data = b.subarray(i + 8, i + 8 + length);
    if (crc32([b.subarray(i + 4, i + 8), data]) !== u32be(b, i + 8 + length))
      throw new CorruptImage(`bad CRC in ${type}`);
    if (kept.length === 0 && type !== 'IHDR') throw new CorruptImage('IHDR must come first');
    if (KEEP.has(type)) {
      if (type === 'IDAT' && firstIdat < 0) firstIdat = kept.length;
      kept.push(b.subarray(i, end));
      sawEnd = type === 'IEND';
    } else if (type.charCodeAt(0) < 0x61) {
      // A critical chunk (upper-case first letter) we do not know: no viewer could draw it.
      throw new CorruptImage(`unknown critical chunk ${type}`);
    } else {
      removed.add(REMOVED_AS[type] ?? 'other');
      if (type === 'eXIf' && orientation === null) orientation = readOrientation(data);
    }
    i = end;
  }
  if (firstIdat < 0) throw new CorruptImage('no image data');
  if (i < b.length) removed.add('trailer');
  const keepOrientation = orientation !== null && orientation !== 1;
  if (keepOrientation) kept.splice(firstIdat, 0, pngChunk('eXIf', orientationTiff(orientation!)));
  return {
    bytes: concat([SIGNATURE, ...kept]),
    removed: [...removed].sort(),
    orientation: keepOrientation ? orientation : null,
  };
}
