/**
 * The bytes of an uploaded spreadsheet as text. What arrives in practice:
 *  - UTF-8 with a BOM (Excel's "CSV UTF-8", LibreOffice), or without (Google Sheets, Numbers);
 *  - UTF-16 LE with a BOM (Excel's "Unicode Text", tab-separated), rarely BE;
 *  - Windows-1252 (Excel's plain "CSV" on a Western-European or American Windows), where
 *    "José" arrives as the single byte 0xE9 for é.
 * The order of the checks is what makes this reliable: a BOM decides; else bytes that are
 * valid UTF-8 are UTF-8 (Windows-1252 text with accents is almost never valid UTF-8); else
 * UTF-16 without a BOM is recognised by its zero bytes; else Windows-1252. Pure.
 */
import iconv from 'iconv-lite';
import { IMPORT_LIMITS, ImportFileError } from './sheet.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface Decoded {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

function hasPrefix(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** Whether the bytes are well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF). */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-16 without a BOM: in text of Latin letters every other byte is zero. Which half holds
 * the zeros tells the byte order. Looked at over the first 4 KiB.
 */
function utf16WithoutBom(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.1) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.1) return 'utf-16be';
  return null;
}

/** A file with zero bytes in decoded text is not a spreadsheet export (an image, a zip...). */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) control++;
  }
  return control > sample.length * 0.01 + 2;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The text of an uploaded CSV or TSV file, and the encoding it was read in. */
export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new ImportFileError('IMPORT_FILE_EMPTY');
  if (bytes.length > IMPORT_LIMITS.bytes)
    throw new ImportFileError('IMPORT_FILE_TOO_LARGE', { max: IMPORT_LIMITS.bytes });
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let out: Decoded;
  if (hasPrefix(bytes, [0xef, 0xbb, 0xbf])) {
    out = { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', bom: true };
  } else if (hasPrefix(bytes, [0xff, 0xfe])) {
    out = { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  } else if (hasPrefix(bytes, [0xfe, 0xff])) {
    out = { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  } else {
    const utf16 = utf16WithoutBom(bytes);
    if (utf16) out = { text: iconv.decode(buf, utf16), encoding: utf16, bom: false };
    else if (isValidUtf8(bytes))
      out = { text: buf.toString('utf8'), encoding: 'utf-8', bom: false };
    else out = { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252', bom: false };
  }
  out.text = stripBom(out.text);
  if (looksBinary(out.text)) throw new ImportFileError('IMPORT_FILE_BINARY');
  if (out.text.trim() === '') throw new ImportFileError('IMPORT_FILE_EMPTY');
  return out;
}

/** What kind of upload the bytes are: an XLSX (a zip), an old binary XLS, or text. */
export function sniffFormat(bytes: Uint8Array): 'xlsx' | 'xls' | 'text' {
  if (hasPrefix(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (hasPrefix(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'xls';
  return 'text';
}
