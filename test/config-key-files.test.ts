import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { keyFile } from '../src/config.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const PROCESSES = 6;

/**
 * One process of several starting on the same data directory: waits for the agreed moment,
 * then loads the config (which makes the key files if they are missing) and prints what it got.
 */
function loadAt(dataDir: string, at: number): Promise<string> {
  const script = `
    const { loadConfig } = await import(${JSON.stringify(join(ROOT, 'src/config.ts'))});
    while (Date.now() < ${at}) {}
    const c = loadConfig({ DATA_DIR: ${JSON.stringify(dataDir)}, DATABASE_URL: 'sqlite::memory:' });
    process.stdout.write(JSON.stringify({ secret: c.secretKey, key: c.keys.active.key.toString('base64') }));
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c;
    });
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(err))));
  });
}

describe('key files in the data directory', () => {
  it('processes starting at the same moment all end up with the one key on disk', async () => {
    for (let round = 0; round < 3; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'mutua-keys-'));
      try {
        // Far enough ahead for every process to have loaded, so they reach the files together.
        const at = Date.now() + 6000;
        const got = (
          await Promise.all(Array.from({ length: PROCESSES }, () => loadAt(dir, at)))
        ).map((o) => JSON.parse(o) as { secret: string; key: string });
        const onDisk = {
          secret: readFileSync(join(dir, 'secret-key'), 'utf8').trim(),
          key: readFileSync(join(dir, 'encryption-keys'), 'utf8').trim().split(':')[1],
        };
        for (const g of got) assert.deepEqual(g, onDisk, `round ${round}: the key on disk`);
        assert.deepEqual(
          readdirSync(dir).sort(),
          ['encryption-keys', 'secret-key'],
          'no temporary file left behind',
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('an existing key file is read, never overwritten', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutua-keys-'));
    try {
      const file = join(dir, 'secret-key');
      writeFileSync(file, 'the-key-that-was-there\n');
      assert.equal(
        keyFile(file, () => 'a new key'),
        'the-key-that-was-there',
      );
      assert.equal(readFileSync(file, 'utf8'), 'the-key-that-was-there\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
