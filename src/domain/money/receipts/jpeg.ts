import { be16, CorruptImage, concat, startsWith, u16be } from './bytes.ts';
import { exifBody, readOrientation } from './exif-orientation.ts';

/**
 * Removes metadata from a JPEG without decoding it: the compressed picture is copied byte
 * for byte, so the image is exactly as the phone took it. Walks the marker segments:
 *
 * kept:    JFIF (APP0), ICC colour profile (APP2 "ICC_PROFILE"), Adobe (APP14: it says how
 *          CMYK/YCCK colours are stored, and dropping it can turn a scan's colours wrong),
 *          and every segment the picture needs (DQT, SOFn, DHT, DRI, SOS and its data...).
 * dropped: Exif and XMP (APP1: GPS position, camera make, model and serial, time, a
 *          thumbnail), JFXX thumbnails (APP0), MPF and FlashPix (APP2: MPF points at more
 *          pictures appended to the file), Photoshop IPTC (APP13: captions, places), any
 *          other APPn, comments (COM), and everything after the end-of-image marker (a
 *          phone's extra pictures, depth maps, a "motion photo" video with its own metadata).
 * The orientation is kept by writing a new Exif segment that holds only that tag.
 */
export interface Stripped {
  bytes: Uint8Array;
  removed: string[];
  orientation: number | null;
}

const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;

function isStandalone(m: number): boolean {
  return m === 0x01 || (m >= 0xd0 && m <= 0xd7);
}
function isSof(m: number): boolean {
  return m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;
}

/** What an APPn segment is, from its marker and identifier; null when it is kept. */
function appKind(marker: number, data: Uint8Array): string | null {
  const at = 4; // after FF En and the length
  switch (marker) {
    case 0xe0:
      return startsWith(data, at, 'JFIF\0') ? null : 'thumbnail';
    case 0xe1:
      return startsWith(data, at, 'Exif\0') ? 'exif' : 'xmp';
    case 0xe2:
      return startsWith(data, at, 'ICC_PROFILE\0') ? null : 'mpf';
    case 0xed:
      return 'iptc';
    case 0xee:
      return startsWith(data, at, 'Adobe') ? null : 'app';
    default:
      return 'app';
  }
}

/** The end of the entropy-coded data that starts at `from`: the next real marker. */
function scanEnd(b: Uint8Array, from: number): number {
  let i = from;
  while (i + 1 < b.length) {
    // indexOf is native: a 10 MB photo's scan is searched in milliseconds, not byte by byte.
    i = b.indexOf(0xff, i);
    if (i < 0 || i + 1 >= b.length) break;
    const n = b[i + 1]!;
    if (n === 0x00 || (n >= 0xd0 && n <= 0xd7))
      i += 2; // stuffed byte, restart marker
    else if (n === 0xff)
      i += 1; // fill byte before a marker
    else return i;
  }
  throw new CorruptImage('scan without end');
}

export function stripJpeg(b: Uint8Array): Stripped {
  if (b[0] !== 0xff || b[1] !== SOI) throw new CorruptImage('no start of image');
  const kept: Uint8Array[] = [];
  const removed = new Set<string>();
  let orientation: number | null = null;
  let sawSof = false;
  let sawScan = false;
  let i = 2;
  for (;;) {
    if (i >= b.length) throw new CorruptImage('no end of image');
    if (b[i] !== 0xff) throw new CorruptImage('marker expected');
    while (b[i + 1] === 0xff) i++; // fill bytes
    const marker = b[i + 1];
    if (marker === undefined) throw new CorruptImage('truncated');
    if (marker === EOI) {
      if (!sawSof || !sawScan) throw new CorruptImage('no picture');
      kept.push(b.subarray(i, i + 2));
      if (i + 2 < b.length) removed.add('trailer');
      break;
    }
    if (marker === SOI) throw new CorruptImage('nested start of image');
    if (isStandalone(marker)) {
      kept.push(b.subarray(i, i + 2));
      i += 2;
      continue;
    }
    const length = u16be(b, i + 2);
    const end = i + 2 + length;
    if (length < 2 || end > b.length) throw new CorruptImage('segment past the end');
    const segment = b.subarray(i, end);
    if ((marker >= 0xe0 && marker <= 0xef) || marker === COM) {
      const kind = marker === COM ? 'comment' : appKind(marker, segment);
      if (kind === null) kept.push(segment);
      else {
        removed.add(kind);
        if (kind === 'exif' && orientation === null)
          orientation = readOrientation(segment.subarray(10));
      }
      i = end;
      continue;
    }
    if (isSof(marker)) sawSof = true;
    kept.push(segment);
    i = end;
    if (marker === SOS) {
      sawScan = true;
      const stop = scanEnd(b, i);
      kept.push(b.subarray(i, stop));
      i = stop;
    }
  }
  if (orientation !== null && orientation !== 1) {
    const body = exifBody(orientation);
    const app1 = concat([Uint8Array.of(0xff, 0xe1), be16(body.length + 2), body]);
    // JFIF wants its APP0 first after SOI; the new Exif goes right after it (as cameras do).
    const first = kept[0];
    const afterJfif = first && first[1] === 0xe0 ? 1 : 0;
    kept.splice(afterJfif, 0, app1);
  }
  return {
    bytes: concat([Uint8Array.of(0xff, SOI), ...kept]),
    removed: [...removed].sort(),
    orientation: orientation !== null && orientation !== 1 ? orientation : null,
  };
}
