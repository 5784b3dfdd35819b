import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A check of an .xlsx container before the spreadsheet library sees it. SheetJS inflates
 * zip entries with its own JavaScript inflater, which loops for ever on some damaged
 * deflate data (a 13 KB upload with 20 bytes changed hung the process in testing), and it
 * does not check CRCs. So every entry is first inflated here with Node's zlib, with a cap
 * on the output (a zip bomb stops at the cap), and its length and CRC-32 compared with the
 * directory; only a container whose every entry is intact goes on.
 *
 * Only zip containers are taken (.xlsx, .ods): legacy .xls and text files are refused, so
 * SheetJS never guesses a format from damaged bytes.
 */
export const MAX_UNZIPPED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 5000;

export type ZipVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'not_xlsx' | 'damaged' | 'too_large' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function checkZip(bytes: Uint8Array): ZipVerdict {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = bytes.byteLength;
  const u32 = (at: number) => (at + 4 <= n ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= n ? view.getUint16(at, true) : -1);
  if (n < 22 || u32(0) !== LOCAL) return { ok: false, reason: 'not_xlsx' };
  // The end-of-directory record is within the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let at = n - 22; at >= Math.max(0, n - 22 - 65535); at--) {
    if (u32(at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'damaged' };
  const entries = u16(eocd + 10);
  const cdSize = u32(eocd + 12);
  const cdOffset = u32(eocd + 16);
  // ZIP64 markers (0xFFFF…) never occur in a spreadsheet under the upload cap.
  if (entries === 0xffff || cdOffset === 0xffffffff || entries > MAX_ZIP_ENTRIES)
    return { ok: false, reason: 'damaged' };
  if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > eocd)
    return { ok: false, reason: 'damaged' };
  let at = cdOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (u32(at) !== CENTRAL) return { ok: false, reason: 'damaged' };
    const method = u16(at + 10);
    const crc = u32(at + 16);
    const csize = u32(at + 20);
    const usize = u32(at + 24);
    const nameLen = u16(at + 28);
    const extraLen = u16(at + 30);
    const commentLen = u16(at + 32);
    const local = u32(at + 42);
    at += 46 + nameLen + extraLen + commentLen;
    if (
      [method, crc, csize, usize, nameLen, extraLen, commentLen, local].some((v) => v < 0) ||
      at > eocd
    ) {
      return { ok: false, reason: 'damaged' };
    }
    if (u32(local) !== LOCAL) return { ok: false, reason: 'damaged' };
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (u16(local + 26) < 0 || start + csize > n) return { ok: false, reason: 'damaged' };
    total += usize;
    if (total > MAX_UNZIPPED_BYTES) return { ok: false, reason: 'too_large' };
    const data = bytes.subarray(start, start + csize);
    let plain: Uint8Array;
    if (method === 0) plain = data;
    else if (method === 8) {
      try {
        plain = inflateRawSync(data, { maxOutputLength: Math.max(1, usize) });
      } catch {
        return { ok: false, reason: 'damaged' };
      }
    } else return { ok: false, reason: 'damaged' };
    if (plain.byteLength !== usize || crc32(plain) >>> 0 !== crc >>> 0)
      return { ok: false, reason: 'damaged' };
  }
  return { ok: true };
}
