/**
 * The encrypted archive of a full export: a file only the operator's passphrase opens, in
 * which any changed, missing or reordered byte is refused. The layout, version 1:
 *
 *   "mutua-archive/v1\n"                               magic line
 *   {"format":"mutua-archive","version":1,             header, one JSON line
 *    "kdf":{"name":"scrypt","logN":17,"r":8,"p":1,"salt":"…16 bytes…"},
 *    "cipher":"aes-256-gcm-stream","chunkSize":65536,"nonce":"…16 bytes…"}\n
 *   HMAC-SHA-256 of the two lines above (32 bytes)     header MAC
 *   chunk 0, chunk 1, …, final chunk                    each: ciphertext ‖ 16-byte GCM tag
 *
 * Keys: scrypt(passphrase in NFC, salt; N = 2^17, r = 8, p = 1) gives 32 bytes (128 MiB and
 * about half a second to a second per try on one core: affordable once per export, costly
 * for someone guessing); HKDF-SHA-256 of it makes the header MAC key and, with the header's
 * random nonce as salt, the payload key, so no two archives share a payload key even with
 * the same passphrase. The payload is the STREAM construction (as age uses): 64 KiB chunks,
 * each sealed with AES-256-GCM under the nonce (11-byte chunk counter ‖ final-chunk flag),
 * so a chunk moved, dropped or repeated fails, and a file cut at a chunk boundary is told
 * apart from a whole one. A wrong passphrase fails at the header MAC, before any chunk.
 * node:crypto only; no I/O: bytes in, bytes out, through async iterables.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from 'node:crypto';

export const ARCHIVE_MAGIC = 'mutua-archive/v1\n';
export const CHUNK_SIZE = 65_536;
const TAG = 16;
const MAC = 32;
/** 2^17: the parameter age and libsodium's "sensitive" level use for files at rest. */
export const DEFAULT_LOG_N = 17;
/** Readers accept 2^14 to 2^20: below is too weak to trust, above needs over 1 GiB. */
const LOG_N_MIN = 14;
const LOG_N_MAX = 20;
const HEADER_MAX = 4096;
/** 12 characters: four random words or a short sentence; shorter falls to guessing. */
export const PASSPHRASE_MIN = 12;

export type ArchiveErrorCode =
  | 'ARCHIVE_NOT_AN_ARCHIVE'
  | 'ARCHIVE_VERSION_UNSUPPORTED'
  | 'ARCHIVE_HEADER_INVALID'
  | 'ARCHIVE_PASSPHRASE_WRONG'
  | 'ARCHIVE_PASSPHRASE_TOO_SHORT'
  | 'ARCHIVE_CORRUPT'
  | 'ARCHIVE_TRUNCATED';

/** Why an archive was refused; the CLI prints `archive.error.<code>` in the operator's language. */
export class ArchiveError extends Error {
  readonly code: ArchiveErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ArchiveErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'ArchiveError';
    this.code = code;
    this.params = params;
  }
}

export interface KdfParams {
  name: 'scrypt';
  logN: number;
  r: number;
  p: number;
  salt: string;
}

export interface ArchiveHeader {
  format: 'mutua-archive';
  version: 1;
  kdf: KdfParams;
  cipher: 'aes-256-gcm-stream';
  chunkSize: number;
  nonce: string;
}

interface Keys {
  mac: Buffer;
  payload: Buffer;
}

function deriveKeys(passphrase: string, header: ArchiveHeader): Promise<Keys> {
  const { logN, r, p, salt } = header.kdf;
  const N = 2 ** logN;
  return new Promise((resolve, reject) => {
    scrypt(
      passphrase.normalize('NFC'),
      Buffer.from(salt, 'base64url'),
      32,
      // scrypt needs 128·N·r bytes; Node refuses more than maxmem (32 MiB by default).
      { N, r, p, maxmem: 128 * N * r * p + 16 * 1024 * 1024 },
      (err, master) => {
        if (err) return reject(err);
        const mac = Buffer.from(
          hkdfSync('sha256', master, Buffer.alloc(0), 'mutua-archive header', 32),
        );
        const payload = Buffer.from(
          hkdfSync(
            'sha256',
            master,
            Buffer.from(header.nonce, 'base64url'),
            'mutua-archive payload',
            32,
          ),
        );
        resolve({ mac, payload });
      },
    );
  });
}

function chunkNonce(counter: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  // 11 bytes of counter; 2^53 chunks of 64 KiB is far beyond any network.
  nonce.writeUIntBE(Math.floor(counter / 2 ** 40), 0, 5);
  nonce.writeUIntBE(counter % 2 ** 40, 5, 5);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

function sealChunk(key: Buffer, counter: number, final: boolean, plain: Uint8Array): Buffer {
  const c = createCipheriv('aes-256-gcm', key, chunkNonce(counter, final));
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

function openChunk(key: Buffer, counter: number, final: boolean, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG) return null;
  const d = createDecipheriv('aes-256-gcm', key, chunkNonce(counter, final));
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    return Buffer.concat([d.update(sealed.subarray(0, sealed.length - TAG)), d.final()]);
  } catch {
    return null;
  }
}

/** Whether a passphrase is long enough to protect everyone's personal data. */
export function passphraseProblem(
  passphrase: string,
): { key: string; params: { min: number } } | null {
  return [...passphrase.normalize('NFC')].length < PASSPHRASE_MIN
    ? { key: 'archive.passphraseTooShort', params: { min: PASSPHRASE_MIN } }
    : null;
}

export interface SealOptions {
  passphrase: string;
  /** scrypt cost as a power of two; 17 unless a test or a very small machine says otherwise. */
  logN?: number;
}

async function* bytesOf(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>) {
  for await (const b of source) yield b instanceof Buffer ? b : Buffer.from(b);
}

/** Encrypts a stream of bytes into an archive, chunk by chunk; memory stays at one chunk. */
export async function* sealArchive(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: SealOptions,
): AsyncGenerator<Buffer> {
  if (passphraseProblem(options.passphrase))
    throw new ArchiveError('ARCHIVE_PASSPHRASE_TOO_SHORT', { min: PASSPHRASE_MIN });
  const logN = options.logN ?? DEFAULT_LOG_N;
  if (!(Number.isInteger(logN) && logN >= LOG_N_MIN && logN <= LOG_N_MAX))
    throw new ArchiveError('ARCHIVE_HEADER_INVALID', { field: 'logN' });
  const header: ArchiveHeader = {
    format: 'mutua-archive',
    version: 1,
    kdf: { name: 'scrypt', logN, r: 8, p: 1, salt: randomBytes(16).toString('base64url') },
    cipher: 'aes-256-gcm-stream',
    chunkSize: CHUNK_SIZE,
    nonce: randomBytes(16).toString('base64url'),
  };
  const keys = await deriveKeys(options.passphrase, header);
  const head = Buffer.from(`${ARCHIVE_MAGIC}${JSON.stringify(header)}\n`, 'utf8');
  yield Buffer.concat([head, createHmac('sha256', keys.mac).update(head).digest()]);
  // A full chunk is held back until more bytes follow, so the last one is marked final.
  let pending = Buffer.alloc(0);
  let counter = 0;
  for await (const data of bytesOf(source)) {
    pending = pending.length ? Buffer.concat([pending, data]) : data;
    while (pending.length > CHUNK_SIZE) {
      yield sealChunk(keys.payload, counter++, false, pending.subarray(0, CHUNK_SIZE));
      pending = pending.subarray(CHUNK_SIZE);
    }
  }
  yield sealChunk(keys.payload, counter, true, pending);
}

function parseHeader(line: string): ArchiveHeader {
  let h: unknown;
  try {
    h = JSON.parse(line);
  } catch {
    throw new ArchiveError('ARCHIVE_HEADER_INVALID', { field: 'json' });
  }
  const x = h as Partial<ArchiveHeader> & { kdf?: Partial<KdfParams> };
  if (x?.format !== 'mutua-archive')
    throw new ArchiveError('ARCHIVE_HEADER_INVALID', { field: 'format' });
  if (x.version !== 1)
    throw new ArchiveError('ARCHIVE_VERSION_UNSUPPORTED', { version: String(x.version) });
  const k = x.kdf;
  const ok =
    k?.name === 'scrypt' &&
    Number.isInteger(k.logN) &&
    k.logN! >= LOG_N_MIN &&
    k.logN! <= LOG_N_MAX &&
    k.r === 8 &&
    k.p === 1 &&
    typeof k.salt === 'string' &&
    Buffer.from(k.salt, 'base64url').length === 16;
  if (!ok) throw new ArchiveError('ARCHIVE_HEADER_INVALID', { field: 'kdf' });
  if (x.cipher !== 'aes-256-gcm-stream' || x.chunkSize !== CHUNK_SIZE)
    throw new ArchiveError('ARCHIVE_HEADER_INVALID', { field: 'cipher' });
  if (typeof x.nonce !== 'string' || Buffer.from(x.nonce, 'base64url').length !== 16)
    throw new ArchiveError('ARCHIVE_HEADER_INVALID', { field: 'nonce' });
  return x as ArchiveHeader;
}

/** Reads the header of an archive without the passphrase (the CLI shows it before asking). */
export function readHeader(start: Buffer): { header: ArchiveHeader; length: number } | null {
  if (start.length < ARCHIVE_MAGIC.length) return null;
  if (start.subarray(0, ARCHIVE_MAGIC.length).toString('latin1') !== ARCHIVE_MAGIC) {
    if (start.subarray(0, 14).toString('latin1') === 'mutua-archive/')
      throw new ArchiveError('ARCHIVE_VERSION_UNSUPPORTED', {
        version: start.subarray(14, 20).toString('latin1').split('\n')[0] ?? '',
      });
    throw new ArchiveError('ARCHIVE_NOT_AN_ARCHIVE');
  }
  const end = start.indexOf(0x0a, ARCHIVE_MAGIC.length);
  if (end < 0) {
    if (start.length > HEADER_MAX)
      throw new ArchiveError('ARCHIVE_HEADER_INVALID', { field: 'length' });
    return null;
  }
  const header = parseHeader(start.subarray(ARCHIVE_MAGIC.length, end).toString('utf8'));
  return { header, length: end + 1 };
}

/**
 * Decrypts an archive, yielding the plaintext chunk by chunk, each only after it was
 * authenticated. The last chunk is known only at the end: a caller must treat what it
 * received as unconfirmed until this generator finishes without error (a restore writes
 * inside one transaction, or into a database it drops on failure).
 */
export async function* openArchive(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  passphrase: string,
): AsyncGenerator<Buffer> {
  let buf = Buffer.alloc(0);
  let keys: Keys | null = null;
  let counter = 0;
  const sealedSize = CHUNK_SIZE + TAG;
  for await (const data of bytesOf(source)) {
    buf = buf.length ? Buffer.concat([buf, data]) : data;
    if (!keys) {
      const read = readHeader(buf);
      if (!read || buf.length < read.length + MAC) continue;
      keys = await deriveKeys(passphrase, read.header);
      const mac = createHmac('sha256', keys.mac).update(buf.subarray(0, read.length)).digest();
      if (!timingSafeEqual(mac, buf.subarray(read.length, read.length + MAC)))
        throw new ArchiveError('ARCHIVE_PASSPHRASE_WRONG');
      buf = buf.subarray(read.length + MAC);
    }
    while (buf.length > sealedSize) {
      const plain = openChunk(keys.payload, counter, false, buf.subarray(0, sealedSize));
      if (!plain) throw new ArchiveError('ARCHIVE_CORRUPT', { chunk: counter });
      counter++;
      buf = buf.subarray(sealedSize);
      yield plain;
    }
  }
  if (!keys) {
    // The file ended before its header did: nothing at all, something else, or a cut copy.
    if (buf.length === 0) throw new ArchiveError('ARCHIVE_NOT_AN_ARCHIVE');
    if (buf.length < ARCHIVE_MAGIC.length && !ARCHIVE_MAGIC.startsWith(buf.toString('latin1')))
      throw new ArchiveError('ARCHIVE_NOT_AN_ARCHIVE');
    readHeader(buf);
    throw new ArchiveError('ARCHIVE_TRUNCATED', { chunk: 0 });
  }
  if (buf.length < TAG) throw new ArchiveError('ARCHIVE_TRUNCATED', { chunk: counter });
  const last = openChunk(keys.payload, counter, true, buf);
  if (last) {
    // Only the first chunk may be empty (an empty payload); an empty final chunk after
    // others is never written, so it means chunks were cut off and one was forged.
    if (last.length === 0 && counter > 0)
      throw new ArchiveError('ARCHIVE_CORRUPT', { chunk: counter });
    yield last;
    return;
  }
  // A whole chunk that opens as a middle one: the file was cut at a chunk boundary.
  if (buf.length === sealedSize && openChunk(keys.payload, counter, false, buf))
    throw new ArchiveError('ARCHIVE_TRUNCATED', { chunk: counter + 1 });
  throw new ArchiveError('ARCHIVE_CORRUPT', { chunk: counter });
}
