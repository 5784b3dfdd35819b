import { concat, fromAscii } from './bytes.ts';

/**
 * The one Exif value a receipt keeps: its orientation (tag 0x0112), so a photo taken with
 * the phone held upright is not shown lying on its side. Everything else Exif holds (GPS
 * position, camera make and serial, time, thumbnails) is dropped: the new Exif block is
 * written from nothing with that single tag, so nothing of the old one can slip through.
 */
const ORIENTATION = 0x0112;

/** The orientation (1..8) in a TIFF structure (an Exif body), or null. Never throws. */
export function readOrientation(tiff: Uint8Array): number | null {
  if (tiff.length < 8) return null;
  const le = tiff[0] === 0x49 && tiff[1] === 0x49;
  const be = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if (!le && !be) return null;
  const v = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  if (v.getUint16(2, le) !== 42) return null;
  const ifd = v.getUint32(4, le);
  if (ifd + 2 > tiff.length) return null;
  const count = v.getUint16(ifd, le);
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12;
    if (e + 12 > tiff.length) return null;
    if (v.getUint16(e, le) !== ORIENTATION) continue;
    // SHORT (3), one value, held in the first two bytes of the value field.
    if (v.getUint16(e + 2, le) !== 3 || v.getUint32(e + 4, le) !== 1) return null;
    const o = v.getUint16(e + 8, le);
    return o >= 1 && o <= 8 ? o : null;
  }
  return null;
}

/** A big-endian TIFF structure holding only IFD0 with only the orientation (26 bytes). */
export function orientationTiff(orientation: number): Uint8Array {
  if (!Number.isInteger(orientation) || orientation < 1 || orientation > 8)
    throw new Error(`not an orientation: ${orientation}`);
  return Uint8Array.of(
    ...[0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08], // "MM", 42, IFD0 at 8
    ...[0x00, 0x01], // one entry
    ...[0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01], // orientation, SHORT, 1 value
    ...[0x00, orientation, 0x00, 0x00],
    ...[0x00, 0x00, 0x00, 0x00], // no next IFD
  );
}

/** The Exif body ("Exif\0\0" + TIFF) that JPEG's APP1 holds. */
export function exifBody(orientation: number): Uint8Array {
  return concat([fromAscii('Exif\0\0'), orientationTiff(orientation)]);
}
