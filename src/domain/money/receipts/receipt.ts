import type { Params } from '../../problems.ts';
import { CorruptImage, startsWith } from './bytes.ts';
import { type Stripped, stripJpeg } from './jpeg.ts';
import { isPng, stripPng } from './png.ts';
import { isWebp, stripWebp } from './webp.ts';

/**
 * A receipt as uploaded (issue 13, M5.5): its type found from its content, never from its
 * name or the browser's word; at most 10 MB; and an image's location and camera metadata
 * removed before it is stored (sealed, in the database). A pure function of the bytes.
 *
 * PDFs are checked (header, end marker) and kept as they are: taking metadata out of a PDF
 * soundly needs a full PDF parser and writer (object streams, compressed XMP, incremental
 * updates), see docs/adr/DRAFT-ledgers.md. A PDF receipt is shown only to its submitter and
 * approvers, and served as a download, never inline.
 */
export const MAX_RECEIPT_BYTES = 10 * 1024 * 1024;

export const RECEIPT_TYPES = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
} as const;
export type ReceiptType = keyof typeof RECEIPT_TYPES;

export type ReceiptCode =
  | 'RECEIPT_EMPTY'
  | 'RECEIPT_TOO_LARGE'
  | 'RECEIPT_TYPE_REFUSED'
  | 'RECEIPT_HEIC'
  | 'RECEIPT_CORRUPT';

export type PreparedReceipt =
  | {
      ok: true;
      type: ReceiptType;
      mime: (typeof RECEIPT_TYPES)[ReceiptType];
      bytes: Uint8Array;
      /** What was taken out ('exif', 'xmp', 'text', 'trailer'...), for the audit entry. */
      removed: string[];
      orientation: number | null;
    }
  | { ok: false; code: ReceiptCode; params: Params };

/** The type from the first bytes (magic numbers), or null. */
export function sniffType(b: Uint8Array): ReceiptType | null {
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (isPng(b)) return 'png';
  if (isWebp(b)) return 'webp';
  if (startsWith(b, 0, '%PDF-')) return 'pdf';
  return null;
}

/** iPhones take HEIC photos; they are refused with a message saying how to send a JPEG. */
function isHeic(b: Uint8Array): boolean {
  if (!startsWith(b, 4, 'ftyp')) return false;
  const brand = String.fromCharCode(...b.subarray(8, 12));
  return ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(brand);
}

function checkPdf(b: Uint8Array): void {
  // The end marker sits in the last bytes; 1024 is the window readers search.
  const tail = String.fromCharCode(...b.subarray(Math.max(0, b.length - 1024)));
  if (!/^%PDF-\d\.\d/.test(String.fromCharCode(...b.subarray(0, 8))))
    throw new CorruptImage('bad PDF header');
  if (!tail.includes('%%EOF')) throw new CorruptImage('no PDF end marker');
}

export function prepareReceipt(bytes: Uint8Array): PreparedReceipt {
  if (bytes.length === 0) return { ok: false, code: 'RECEIPT_EMPTY', params: {} };
  if (bytes.length > MAX_RECEIPT_BYTES)
    return {
      ok: false,
      code: 'RECEIPT_TOO_LARGE',
      params: { max: MAX_RECEIPT_BYTES / 1024 / 1024, size: Math.ceil(bytes.length / 1024 / 1024) },
    };
  const type = sniffType(bytes);
  if (!type) {
    if (isHeic(bytes)) return { ok: false, code: 'RECEIPT_HEIC', params: {} };
    return { ok: false, code: 'RECEIPT_TYPE_REFUSED', params: { allowed: 'JPEG, PNG, WebP, PDF' } };
  }
  try {
    let out: Stripped;
    if (type === 'jpeg') out = stripJpeg(bytes);
    else if (type === 'png') out = stripPng(bytes);
    else if (type === 'webp') out = stripWebp(bytes);
    else {
      checkPdf(bytes);
      out = { bytes, removed: [], orientation: null };
    }
    return { ok: true, type, mime: RECEIPT_TYPES[type], ...out };
  } catch (e) {
    if (e instanceof CorruptImage) return { ok: false, code: 'RECEIPT_CORRUPT', params: { type } };
    throw e;
  }
}
