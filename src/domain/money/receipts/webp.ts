import { ascii, CorruptImage, concat, fromAscii, le32, startsWith, u32le } from './bytes.ts';
import { orientationTiff, readOrientation } from './exif-orientation.ts';
import type { Stripped } from './jpeg.ts';

/**
 * Removes metadata from a WebP (a RIFF container) without decoding it. Kept: VP8X, ICCP,
 * ANIM, ANMF, ALPH, VP8, VP8L; dropped: EXIF and XMP (and any unknown chunk, which readers
 * are told to ignore), and anything after the RIFF's declared end. The VP8X flags are
 * corrected (the XMP flag cleared, the EXIF flag set only if a new EXIF holding the
 * orientation is written) and the RIFF size recomputed, so the file is as valid as it came.
 * A simple WebP (one VP8 or VP8L chunk, no VP8X) has no place for metadata and stays as it is.
 */
const KEEP = new Set(['VP8X', 'ICCP', 'ANIM', 'ANMF', 'ALPH', 'VP8 ', 'VP8L']);
const IMAGE = new Set(['VP8 ', 'VP8L', 'ANMF']);
const EXIF_FLAG = 0x08;
const XMP_FLAG = 0x04;

export function isWebp(b: Uint8Array): boolean {
  return startsWith(b, 0, 'RIFF') && startsWith(b, 8, 'WEBP');
}

export function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  const pad = data.length % 2 ? Uint8Array.of(0) : new Uint8Array(0);
  return concat([fromAscii(fourcc), le32(data.length), data, pad]);
}

export function stripWebp(b: Uint8Array): Stripped {
  if (!isWebp(b)) throw new CorruptImage('no WebP header');
  const riffEnd = 8 + u32le(b, 4);
  if (riffEnd > b.length) throw new CorruptImage('RIFF past the end');
  const removed = new Set<string>();
  const kept: { fourcc: string; bytes: Uint8Array }[] = [];
  let orientation: number | null = null;
  let i = 12;
  while (i < riffEnd) {
    const fourcc = ascii(b, i, 4);
    const size = u32le(b, i + 4);
    const end = i + 8 + size + (size % 2);
    if (i + 8 + size > riffEnd) throw new CorruptImage(`chunk ${fourcc} past the end`);
    const data = b.subarray(i + 8, i + 8 + size);
    if (KEEP.has(fourcc)) kept.push({ fourcc, bytes: b.subarray(i, Math.min(end, riffEnd)) });
    else if (fourcc === 'EXIF') {
      removed.add('exif');
      // Some writers put JPEG's "Exif\0\0" before the TIFF; the specification does not.
      const tiff = startsWith(data, 0, 'Exif\0\0') ? data.subarray(6) : data;
      orientation ??= readOrientation(tiff);
    } else removed.add(fourcc === 'XMP ' ? 'xmp' : 'other');
    i = end;
  }
  if (riffEnd < b.length) removed.add('trailer');
  if (!kept.some((c) => IMAGE.has(c.fourcc))) throw new CorruptImage('no image data');
  const keepOrientation = orientation !== null && orientation !== 1;
  const chunks = kept.map((c) => c.bytes);
  const vp8x = kept.findIndex((c) => c.fourcc === 'VP8X');
  if (vp8x > 0) throw new CorruptImage('VP8X must come first');
  if (vp8x === 0) {
    const head = kept[0]!.bytes;
    if (head.length < 18) throw new CorruptImage('VP8X too short');
    const fixed = Uint8Array.from(head);
    fixed[8] = (fixed[8]! & ~(EXIF_FLAG | XMP_FLAG)) | (keepOrientation ? EXIF_FLAG : 0);
    chunks[0] = fixed;
    // EXIF goes after the image data, where the container specification places it.
    if (keepOrientation) chunks.push(riffChunk('EXIF', orientationTiff(orientation!)));
  }
  const body = concat([fromAscii('WEBP'), ...chunks]);
  return {
    bytes: concat([fromAscii('RIFF'), le32(body.length), body]),
    removed: [...removed].sort(),
    orientation: keepOrientation && vp8x === 0 ? orientation : null,
  };
}
