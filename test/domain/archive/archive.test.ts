import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  ARCHIVE_MAGIC,
  ArchiveError,
  CHUNK_SIZE,
  openArchive,
  passphraseProblem,
  readHeader,
  type SealOptions,
  sealArchive,
} from '../../../src/domain/archive/crypto-stream.ts';

const PASS = 'correct horse battery staple';
/** The tamper cases use scrypt at 2^14 to stay quick; one round trip uses the default 2^17. */
const FAST = { passphrase: PASS, logN: 14 };

async function collect(gen: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const p of gen) parts.push(p);
  return Buffer.concat(parts);
}

/** Feeds bytes in uneven pieces, as a file stream or a network would. */
function* pieces(buf: Buffer, seed = 7): Generator<Buffer> {
  let s = seed;
  for (let i = 0; i < buf.length; ) {
    s = (s * 48271) % 2147483647;
    const n = 1 + (s % 100_000);
    yield buf.subarray(i, i + n);
    i += n;
  }
}

async function refusal(archive: Buffer, passphrase = PASS): Promise<string> {
  try {
    await collect(openArchive(pieces(archive), passphrase));
    return 'opened';
  } catch (e) {
    return e instanceof ArchiveError ? e.code : `other: ${String(e)}`;
  }
}

const sealed = async (plain: Buffer, opts: SealOptions = FAST) =>
  collect(sealArchive(pieces(plain, 3), opts));

/** Offsets of the chunks in an archive: after the magic, the header line and its MAC. */
function bodyStart(archive: Buffer): number {
  const read = readHeader(archive);
  assert.ok(read);
  return read.length + 32;
}

describe('encrypted archive: round trips', () => {
  it('a multi-megabyte random payload, streamed in uneven pieces, with the default scrypt cost', async () => {
    const plain = randomBytes(5 * 1024 * 1024 + 12_345);
    const archive = await sealed(plain, { passphrase: PASS });
    assert.equal(readHeader(archive)?.header.kdf.logN, 17);
    const back = await collect(openArchive(pieces(archive, 11), PASS));
    assert.equal(
      createHash('sha256').update(back).digest('hex'),
      createHash('sha256').update(plain).digest('hex'),
    );
    // Ciphertext: header, MAC, and per 64 KiB one 16-byte tag; no plaintext shows through.
    const chunks = Math.ceil(plain.length / CHUNK_SIZE);
    assert.equal(archive.length, bodyStart(archive) + plain.length + chunks * 16);
    assert.equal(archive.indexOf(plain.subarray(1000, 1032)), -1);
  });

  it('empty, one byte, exactly one chunk, exactly two chunks', async () => {
    for (const n of [0, 1, CHUNK_SIZE, 2 * CHUNK_SIZE, CHUNK_SIZE + 1]) {
      const plain = randomBytes(n);
      const back = await collect(openArchive([await sealed(plain)], PASS));
      assert.ok(back.equals(plain), `size ${n}`);
    }
  });

  it('the same passphrase makes different archives (salt and nonce per archive)', async () => {
    const plain = Buffer.from('same text');
    const a = await sealed(plain);
    const b = await sealed(plain);
    assert.notDeepEqual(readHeader(a)?.header.kdf.salt, readHeader(b)?.header.kdf.salt);
    assert.equal(a.subarray(bodyStart(a)).equals(b.subarray(bodyStart(b))), false);
  });

  it('the header says what it is, readable without the passphrase', async () => {
    const archive = await sealed(Buffer.from('x'));
    assert.equal(archive.subarray(0, ARCHIVE_MAGIC.length).toString(), ARCHIVE_MAGIC);
    const h = readHeader(archive)?.header;
    assert.deepEqual(
      {
        format: h?.format,
        version: h?.version,
        kdf: h?.kdf.name,
        r: h?.kdf.r,
        p: h?.kdf.p,
        cipher: h?.cipher,
      },
      {
        format: 'mutua-archive',
        version: 1,
        kdf: 'scrypt',
        r: 8,
        p: 1,
        cipher: 'aes-256-gcm-stream',
      },
    );
  });
});

describe('encrypted archive: refusals, each with its code', () => {
  const plain = randomBytes(3 * CHUNK_SIZE + 500);
  let archive: Buffer;
  it('(setup)', async () => {
    archive = await sealed(plain);
  });

  it('a wrong passphrase, before any plaintext', async () => {
    assert.equal(
      await refusal(archive, 'correct horse battery stapler'),
      'ARCHIVE_PASSPHRASE_WRONG',
    );
  });

  it('a file cut at a chunk boundary, mid-chunk, in the header, or empty', async () => {
    const start = bodyStart(archive);
    const sealedChunk = CHUNK_SIZE + 16;
    assert.equal(await refusal(archive.subarray(0, start + 2 * sealedChunk)), 'ARCHIVE_TRUNCATED');
    assert.equal(await refusal(archive.subarray(0, start)), 'ARCHIVE_TRUNCATED');
    assert.equal(await refusal(archive.subarray(0, start + sealedChunk + 100)), 'ARCHIVE_CORRUPT');
    assert.equal(await refusal(archive.subarray(0, start + 10)), 'ARCHIVE_TRUNCATED');
    assert.equal(await refusal(archive.subarray(0, 30)), 'ARCHIVE_TRUNCATED');
    assert.equal(await refusal(archive.subarray(0, 5)), 'ARCHIVE_TRUNCATED');
    assert.equal(await refusal(Buffer.alloc(0)), 'ARCHIVE_NOT_AN_ARCHIVE');
  });

  it('a flipped bit anywhere is refused, never opened', async () => {
    const start = bodyStart(archive);
    const positions = [
      0,
      5,
      20,
      40,
      start - 40,
      start - 1,
      start,
      start + 1000,
      start + CHUNK_SIZE + 16,
      archive.length - 1,
    ];
    for (const pos of positions) {
      const bad = Buffer.from(archive);
      bad[pos]! ^= 0x01;
      const code = await refusal(bad);
      assert.notEqual(code, 'opened', `byte ${pos}`);
      assert.ok(code.startsWith('ARCHIVE_'), `byte ${pos}: ${code}`);
      if (pos >= start) assert.equal(code, 'ARCHIVE_CORRUPT', `byte ${pos}`);
    }
  });

  it('chunks swapped, repeated, dropped, or bytes appended', async () => {
    const start = bodyStart(archive);
    const n = CHUNK_SIZE + 16;
    const head = archive.subarray(0, start);
    const c = [0, 1, 2, 3].map((i) => archive.subarray(start + i * n, start + (i + 1) * n));
    assert.equal(
      await refusal(Buffer.concat([head, c[1]!, c[0]!, c[2]!, c[3]!])),
      'ARCHIVE_CORRUPT',
    );
    assert.equal(
      await refusal(Buffer.concat([head, c[0]!, c[0]!, c[2]!, c[3]!])),
      'ARCHIVE_CORRUPT',
    );
    assert.equal(await refusal(Buffer.concat([head, c[0]!, c[2]!, c[3]!])), 'ARCHIVE_CORRUPT');
    assert.equal(await refusal(Buffer.concat([archive, Buffer.from('extra')])), 'ARCHIVE_CORRUPT');
    // The final chunk of another archive with the same passphrase does not fit either.
    const other = await sealed(randomBytes(100));
    assert.equal(
      await refusal(
        Buffer.concat([archive.subarray(0, start + 3 * n), other.subarray(bodyStart(other))]),
      ),
      'ARCHIVE_CORRUPT',
    );
  });

  it('another file, another version, a damaged header', async () => {
    assert.equal(await refusal(Buffer.from('PK\u0003\u0004 a zip file')), 'ARCHIVE_NOT_AN_ARCHIVE');
    assert.equal(
      await refusal(Buffer.from('mutua-archive/v2\n{}\n')),
      'ARCHIVE_VERSION_UNSUPPORTED',
    );
    const text = archive.toString('latin1');
    const badJson = Buffer.from(
      text.replace('"cipher":"aes-256-gcm-stream"', '"cipher":"rot13"'),
      'latin1',
    );
    assert.equal(await refusal(badJson), 'ARCHIVE_HEADER_INVALID');
    const huge = Buffer.from(text.replace('"logN":14', '"logN":30'), 'latin1');
    assert.equal(await refusal(huge), 'ARCHIVE_HEADER_INVALID');
  });

  it('a passphrase too short to protect anyone', async () => {
    assert.equal(passphraseProblem('short')?.key, 'archive.passphraseTooShort');
    assert.equal(passphraseProblem(PASS), null);
    await assert.rejects(
      collect(sealArchive([Buffer.from('x')], { passphrase: 'short' })),
      (e: unknown) => e instanceof ArchiveError && e.code === 'ARCHIVE_PASSPHRASE_TOO_SHORT',
    );
  });

  it('the passphrase is compared in one Unicode form (é typed two ways)', async () => {
    const composed = 'contraseña de la red é';
    const a = await sealed(Buffer.from('ok'), { passphrase: composed, logN: 14 });
    const back = await collect(openArchive([a], composed.normalize('NFD')));
    assert.equal(back.toString(), 'ok');
  });
});
