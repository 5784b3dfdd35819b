/**
 * Small real images built byte by byte for the receipt tests: each decodes in a real
 * decoder (checked once with libvips through sharp, see DRAFT-ledgers.md) and carries the
 * metadata a phone writes: GPS position, camera make and model, comments, XMP, a trailer.
 */
import { crc32, deflateSync } from 'node:zlib';

const enc = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));
export const cat = (...parts: (Uint8Array | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => [...p]));
const be16 = (n: number) => [(n >> 8) & 0xff, n & 0xff];
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
const le32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** Markers a test looks for to prove metadata is gone. */
export const SECRETS = ['PhoneCam', 'Model X9', 'SERIAL-4711', 'GPS-XMP', 'secret note', 'MOTION'];
/** The GPS latitude rationals (40/1, 26/1, 4634/100) as they sit in the TIFF. */
export const GPS_BYTES = Uint8Array.from([
  ...be32(40),
  ...be32(1),
  ...be32(26),
  ...be32(1),
  ...be32(4634),
  ...be32(100),
]);

/**
 * A big-endian TIFF (an Exif body) with IFD0 { Make, Model, Orientation, GPS pointer } and a
 * GPS IFD { LatitudeRef 'N', Latitude 40°26'46.34" }, and a camera serial in a string.
 */
export function tiffWithGps(orientation: number): Uint8Array {
  const make = enc('PhoneCam\0');
  const model = enc('Model X9 SERIAL-4711\0');
  const ifd0At = 8;
  const ifd0Len = 2 + 4 * 12 + 4;
  const makeAt = ifd0At + ifd0Len;
  const modelAt = makeAt + make.length;
  const gpsAt = modelAt + model.length + ((modelAt + model.length) % 2);
  const gpsLen = 2 + 2 * 12 + 4;
  const ratAt = gpsAt + gpsLen;
  const entry = (tag: number, type: number, count: number, value: number[]) => [
    ...be16(tag),
    ...be16(type),
    ...be32(count),
    ...value,
  ];
  const head = [0x4d, 0x4d, 0x00, 0x2a, ...be32(ifd0At)];
  const ifd0 = [
    ...be16(4),
    ...entry(0x010f, 2, make.length, be32(makeAt)),
    ...entry(0x0110, 2, model.length, be32(modelAt)),
    ...entry(0x0112, 3, 1, [...be16(orientation), 0, 0]),
    ...entry(0x8825, 4, 1, be32(gpsAt)),
    ...be32(0),
  ];
  const pad = (modelAt + model.length) % 2 ? [0] : [];
  const gps = [
    ...be16(2),
    ...entry(0x0001, 2, 2, [0x4e, 0, 0, 0]),
    ...entry(0x0002, 5, 3, be32(ratAt)),
    ...be32(0),
  ];
  return cat(head, ifd0, make, model, pad, gps, GPS_BYTES);
}

const xmp = enc(
  'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>GPS-XMP 40,26.77N</exif:GPSLatitude></x:xmpmeta>',
);

/** A 16×8 grey baseline JPEG in two blocks with a restart marker between them. */
export function jpegWithGps(orientation = 6): { bytes: Uint8Array; scan: Uint8Array } {
  const seg = (marker: number, body: Uint8Array | number[]) =>
    cat([0xff, marker], be16(body.length + 2), body);
  const exif = cat(enc('Exif\0\0'), tiffWithGps(orientation));
  const scan = Uint8Array.from([0x3f, 0xff, 0xd0, 0x3f]);
  const bytes = cat(
    [0xff, 0xd8],
    seg(0xe0, cat(enc('JFIF\0'), [1, 1, 0, 0, 1, 0, 1, 0, 0])),
    seg(0xe1, exif),
    seg(0xe1, xmp),
    seg(0xe2, cat(enc('MPF\0'), [0x4d, 0x4d, 0, 0x2a])),
    seg(0xed, enc('Photoshop 3.0\0secret note')),
    seg(0xfe, enc('secret note from the camera')),
    seg(0xdb, [0x00, ...new Array(64).fill(1)]),
    seg(0xc0, [8, ...be16(8), ...be16(16), 1, 1, 0x11, 0]),
    seg(0xc4, [0x00, 1, ...new Array(15).fill(0), 0x00]),
    seg(0xc4, [0x10, 1, ...new Array(15).fill(0), 0x00]),
    seg(0xdd, be16(1)),
    seg(0xda, [1, 1, 0x00, 0, 0x3f, 0]),
    scan,
    [0xff, 0xd9],
    enc('MOTION video with its own GPS'),
  );
  return { bytes, scan };
}

export function pngChunk(type: string, data: Uint8Array, crc?: number): Uint8Array {
  const t = enc(type);
  const c = crc ?? crc32Of(cat(t, data));
  return cat(be32(data.length), t, data, be32(c));
}

/** Node's own CRC-32 (zlib), independent of the one under test. */
export function crc32Of(b: Uint8Array): number {
  return crc32(b) >>> 0;
}

/** A 2×1 RGB PNG with eXIf (GPS, orientation), tEXt, zTXt, iTXt (XMP), tIME, a private chunk. */
export function pngWithGps(orientation = 6): { bytes: Uint8Array; raw: Uint8Array } {
  const raw = Uint8Array.from([0, 200, 10, 10, 10, 200, 10]);
  const ihdr = cat(be32(2), be32(1), [8, 2, 0, 0, 0]);
  const bytes = cat(
    [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
    pngChunk('IHDR', ihdr),
    pngChunk('tIME', Uint8Array.from([0x07, 0xea, 11, 30, 12, 0, 0])),
    pngChunk('eXIf', tiffWithGps(orientation)),
    pngChunk('tEXt', enc('Author\0secret note')),
    pngChunk('zTXt', cat(enc('Comment\0'), [0], deflateSync(enc('secret note')))),
    pngChunk('iTXt', cat(enc('XML:com.adobe.xmp\0\0\0\0\0'), xmp)),
    pngChunk('prVt', enc('PhoneCam private')),
    pngChunk('pHYs', cat(be32(2835), be32(2835), [1])),
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', new Uint8Array(0)),
    enc('MOTION trailer'),
  );
  return { bytes, raw };
}

/** The 1×1 lossless bitstream of the well-known WebP feature-detection image. */
const VP8L = Uint8Array.from(Buffer.from('LwAAABAHEBERiIj+BwA=', 'base64'));

export function riffChunk(fourcc: string, data: Uint8Array): Uint8Array {
  return cat(enc(fourcc), le32(data.length), data, data.length % 2 ? [0] : []);
}

/** An extended WebP: VP8X (EXIF and XMP flags), VP8L, EXIF (GPS), XMP (odd size), a JUNK chunk. */
export function webpWithGps(orientation = 3, exifPrefix = false): Uint8Array {
  const flags = 0x08 | 0x04;
  const vp8x = cat([flags, 0, 0, 0], [0, 0, 0], [0, 0, 0]); // canvas 1×1 (minus one)
  const exif = exifPrefix
    ? cat(enc('Exif\0\0'), tiffWithGps(orientation))
    : tiffWithGps(orientation);
  const body = cat(
    enc('WEBP'),
    riffChunk('VP8X', vp8x),
    riffChunk('VP8L', VP8L),
    riffChunk('EXIF', exif),
    riffChunk('XMP ', cat(xmp, [0x20])),
    riffChunk('JUNK', enc('PhoneCam')),
  );
  return cat(enc('RIFF'), le32(body.length), body);
}

export function contains(hay: Uint8Array, needle: Uint8Array | string): boolean {
  const n = typeof needle === 'string' ? enc(needle) : needle;
  outer: for (let i = 0; i + n.length <= hay.length; i++) {
    for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
    return true;
  }
  return false;
}
