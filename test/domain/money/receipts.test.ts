import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateSync } from 'node:zlib';
import { readOrientation } from '../../../src/domain/money/receipts/exif-orientation.ts';
import {
  MAX_RECEIPT_BYTES,
  prepareReceipt,
  sniffType,
} from '../../../src/domain/money/receipts/receipt.ts';
import {
  cat,
  contains,
  crc32Of,
  GPS_BYTES,
  jpegWithGps,
  pngChunk,
  pngWithGps,
  riffChunk,
  SECRETS,
  tiffWithGps,
  webpWithGps,
} from './receipt-images.ts';

function assertClean(bytes: Uint8Array) {
  assert.ok(!contains(bytes, GPS_BYTES), 'the GPS position is gone');
  for (const s of SECRETS) assert.ok(!contains(bytes, s), `${s} is gone`);
  assert.ok(!contains(bytes, 'http://ns.adobe.com/xap'), 'XMP is gone');
}

/** JPEG segments, walked independently of the code under test. */
function jpegSegments(b: Uint8Array): { marker: number; body: Uint8Array }[] {
  assert.deepEqual([b[0], b[1]], [0xff, 0xd8]);
  const out: { marker: number; body: Uint8Array }[] = [];
  let i = 2;
  for (;;) {
    assert.equal(b[i], 0xff, `a marker at ${i}`);
    const m = b[i + 1]!;
    if (m === 0xd9) {
      assert.equal(i + 2, b.length, 'the file ends at EOI');
      return out;
    }
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    out.push({ marker: m, body: b.subarray(i + 4, i + 2 + len) });
    i += 2 + len;
    if (m === 0xda) {
      let j = i;
      while (!(b[j] === 0xff && b[j + 1] !== 0 && !(b[j + 1]! >= 0xd0 && b[j + 1]! <= 0xd7))) j++;
      out.push({ marker: -1, body: b.subarray(i, j) });
      i = j;
    }
  }
}

function pngChunks(b: Uint8Array): { type: string; data: Uint8Array }[] {
  const out: { type: string; data: Uint8Array }[] = [];
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  while (i < b.length) {
    const len = v.getUint32(i);
    const type = Buffer.from(b.subarray(i + 4, i + 8)).toString('latin1');
    const data = b.subarray(i + 8, i + 8 + len);
    assert.equal(
      v.getUint32(i + 8 + len),
      crc32Of(b.subarray(i + 4, i + 8 + len)),
      `CRC of ${type}`,
    );
    out.push({ type, data });
    i += 12 + len;
  }
  assert.equal(i, b.length, 'nothing after the last chunk');
  return out;
}

function riffChunks(b: Uint8Array): { fourcc: string; data: Uint8Array }[] {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  assert.equal(Buffer.from(b.subarray(0, 4)).toString(), 'RIFF');
  assert.equal(v.getUint32(4, true), b.length - 8, 'the RIFF size is the file minus 8');
  assert.equal(Buffer.from(b.subarray(8, 12)).toString(), 'WEBP');
  const out: { fourcc: string; data: Uint8Array }[] = [];
  let i = 12;
  while (i < b.length) {
    const size = v.getUint32(i + 4, true);
    out.push({
      fourcc: Buffer.from(b.subarray(i, i + 4)).toString('latin1'),
      data: b.subarray(i + 8, i + 8 + size),
    });
    i += 8 + size + (size % 2);
  }
  assert.equal(i, b.length, 'chunks fill the RIFF exactly, padding included');
  return out;
}

describe('receipts: type, size', () => {
  it('knows the type by content, not by name', () => {
    assert.equal(sniffType(jpegWithGps().bytes), 'jpeg');
    assert.equal(sniffType(pngWithGps().bytes), 'png');
    assert.equal(sniffType(webpWithGps()), 'webp');
    assert.equal(sniffType(Buffer.from('%PDF-1.7\n')), 'pdf');
    const no = (b: Uint8Array) => {
      const r = prepareReceipt(b);
      assert.ok(!r.ok);
      return r.code;
    };
    assert.equal(no(Buffer.from('GIF89a....')), 'RECEIPT_TYPE_REFUSED');
    assert.equal(no(Buffer.from('<svg onload="alert(1)"/>')), 'RECEIPT_TYPE_REFUSED');
    assert.equal(no(Buffer.from('\0\0\0\x18ftypheic\0\0\0\0mif1heic')), 'RECEIPT_HEIC');
    assert.equal(no(new Uint8Array(0)), 'RECEIPT_EMPTY');
    const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
    big.set(jpegWithGps().bytes);
    assert.equal(no(big), 'RECEIPT_TOO_LARGE');
  });

  it('keeps a PDF as it is, and refuses a truncated one', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    const r = prepareReceipt(pdf);
    assert.ok(r.ok);
    assert.equal(r.mime, 'application/pdf');
    assert.deepEqual(Buffer.from(r.bytes), pdf);
    const cut = prepareReceipt(pdf.subarray(0, 30));
    assert.ok(!cut.ok);
    assert.equal(cut.code, 'RECEIPT_CORRUPT');
  });
});

describe('receipts: JPEG', () => {
  it('drops Exif (GPS, camera), XMP, MPF, IPTC, comments and the trailer; keeps the picture and its orientation', () => {
    const { bytes, scan } = jpegWithGps(6);
    assert.ok(contains(bytes, GPS_BYTES), 'the test image does carry a GPS position');
    const r = prepareReceipt(bytes);
    assert.ok(r.ok);
    assert.equal(r.mime, 'image/jpeg');
    assert.deepEqual(r.removed, ['comment', 'exif', 'iptc', 'mpf', 'trailer', 'xmp']);
    assert.equal(r.orientation, 6);
    assertClean(r.bytes);
    const segs = jpegSegments(r.bytes);
    assert.deepEqual(
      segs.map((s) => s.marker),
      [0xe0, 0xe1, 0xdb, 0xc0, 0xc4, 0xc4, 0xdd, 0xda, -1],
      'JFIF, the new Exif, then the picture as it was',
    );
    const exif = segs[1]!.body;
    assert.equal(Buffer.from(exif.subarray(0, 6)).toString('latin1'), 'Exif\0\0');
    assert.equal(readOrientation(exif.subarray(6)), 6);
    assert.equal(exif.length, 6 + 26, 'nothing but the orientation');
    assert.deepEqual(segs.at(-1)!.body, scan, 'the compressed picture, byte for byte');
    const again = prepareReceipt(r.bytes);
    assert.ok(again.ok);
    assert.deepEqual(again.bytes, r.bytes, 'stripping twice changes nothing more');
  });

  it('writes no Exif at all when the photo is upright, and refuses a broken file', () => {
    const r = prepareReceipt(jpegWithGps(1).bytes);
    assert.ok(r.ok);
    assert.equal(r.orientation, null);
    assert.ok(!jpegSegments(r.bytes).some((s) => s.marker === 0xe1));
    const { bytes } = jpegWithGps();
    for (const broken of [
      bytes.subarray(0, bytes.length - 40),
      bytes.subarray(0, 30),
      cat([0xff, 0xd8, 0xff, 0xd9]),
    ]) {
      const b = prepareReceipt(broken);
      assert.ok(!b.ok);
      assert.equal(b.code, 'RECEIPT_CORRUPT');
    }
  });
});

describe('receipts: PNG', () => {
  it('drops eXIf, text chunks, tIME and private chunks; every CRC stays valid; the pixels are untouched', () => {
    const { bytes, raw } = pngWithGps(6);
    const r = prepareReceipt(bytes);
    assert.ok(r.ok);
    assert.deepEqual(r.removed, ['exif', 'other', 'text', 'time', 'trailer']);
    assertClean(r.bytes);
    const chunks = pngChunks(r.bytes);
    assert.deepEqual(
      chunks.map((c) => c.type),
      ['IHDR', 'pHYs', 'eXIf', 'IDAT', 'IEND'],
    );
    assert.equal(readOrientation(chunks[2]!.data), 6);
    assert.equal(chunks[2]!.data.length, 26);
    assert.deepEqual(new Uint8Array(inflateSync(chunks[3]!.data)), raw);
    const upright = prepareReceipt(pngWithGps(1).bytes);
    assert.ok(upright.ok);
    assert.ok(!pngChunks(upright.bytes).some((c) => c.type === 'eXIf'));
  });

  it('refuses a bad CRC, a missing IHDR or IDAT, and an unknown critical chunk', () => {
    const { bytes } = pngWithGps();
    const bad = Uint8Array.from(bytes);
    bad[20] = bad[20]! ^ 0xff; // inside IHDR's data
    const sig = bytes.subarray(0, 8);
    const ihdr = pngChunk('IHDR', cat([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
    const iend = pngChunk('IEND', new Uint8Array(0));
    for (const b of [
      bad,
      cat(sig, iend),
      cat(sig, ihdr, iend),
      cat(
        sig,
        ihdr,
        pngChunk('QQQQ', new Uint8Array(1)),
        pngChunk('IDAT', new Uint8Array(1)),
        iend,
      ),
      bytes.subarray(0, 100),
    ]) {
      const res = prepareReceipt(b);
      assert.ok(!res.ok);
      assert.equal(res.code, 'RECEIPT_CORRUPT');
    }
  });
});

describe('receipts: WebP', () => {
  it('drops EXIF, XMP and unknown chunks, fixes the VP8X flags and the RIFF size', () => {
    for (const prefixed of [false, true]) {
      const r = prepareReceipt(webpWithGps(3, prefixed));
      assert.ok(r.ok);
      assert.deepEqual(r.removed, ['exif', 'other', 'xmp']);
      assertClean(r.bytes);
      const chunks = riffChunks(r.bytes);
      assert.deepEqual(
        chunks.map((c) => c.fourcc),
        ['VP8X', 'VP8L', 'EXIF'],
      );
      assert.equal(chunks[0]!.data[0]! & 0x04, 0, 'no XMP flag');
      assert.equal(chunks[0]!.data[0]! & 0x08, 0x08, 'the EXIF flag, for the orientation');
      assert.equal(readOrientation(chunks[2]!.data), 3);
    }
    const upright = prepareReceipt(webpWithGps(1));
    assert.ok(upright.ok);
    const chunks = riffChunks(upright.bytes);
    assert.deepEqual(
      chunks.map((c) => c.fourcc),
      ['VP8X', 'VP8L'],
    );
    assert.equal(chunks[0]!.data[0]! & 0x0c, 0, 'neither flag');
  });

  it('keeps a simple WebP, drops bytes past the RIFF, refuses a RIFF longer than the file', () => {
    const simple = cat(
      Buffer.from('RIFF'),
      [0, 0, 0, 0],
      Buffer.from('WEBP'),
      riffChunk('VP8L', Buffer.from('LwAAABAHEBERiIj+BwA=', 'base64')),
    );
    new DataView(simple.buffer).setUint32(4, simple.length - 8, true);
    const r = prepareReceipt(cat(simple, Buffer.from('MOTION')));
    assert.ok(r.ok);
    assert.deepEqual(r.bytes, simple);
    assert.deepEqual(r.removed, ['trailer']);
    const long = Uint8Array.from(simple);
    new DataView(long.buffer).setUint32(4, simple.length, true);
    const bad = prepareReceipt(long);
    assert.ok(!bad.ok);
    assert.equal(bad.code, 'RECEIPT_CORRUPT');
  });
});

describe('Exif orientation', () => {
  it('reads it from either byte order, and ignores what is not there', () => {
    assert.equal(readOrientation(tiffWithGps(8)), 8);
    const le = Uint8Array.from([
      0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0,
    ]);
    assert.equal(readOrientation(le), 5);
    assert.equal(readOrientation(new Uint8Array(4)), null);
    assert.equal(readOrientation(Uint8Array.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0xff, 0xff])), null);
    assert.equal(readOrientation(tiffWithGps(9)), null, 'out of range');
  });
});
