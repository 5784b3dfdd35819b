import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { createDb, migrateToLatest } from '../../src/server/db/database.ts';
import { prepareSetupLink } from '../../src/server/setup/setup.service.ts';
import { createTestDatabase, DIALECT } from '../helpers/context.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const SERVERS = 3;

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

interface Started {
  child: ChildProcess;
  port: number;
  link: string | null;
  out: string;
  err: string;
}

/** Starts `src/main.ts` as an operator would, and waits until it says it is running. */
function start(env: Record<string, string>, port: number): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        ...env,
      },
    });
    const s: Started = { child, port, link: null, out: '', err: '' };
    const timer = setTimeout(
      () => reject(new Error(`server ${port} did not start: ${s.err}`)),
      90_000,
    );
    child.stdout!.on('data', (c: Buffer) => {
      s.out += c;
      if (/Mutua is running/.test(s.out)) {
        clearTimeout(timer);
        s.link = /(http:\/\/\S+\/setup\/\S+)/.exec(s.out)?.[1] ?? null;
        resolve(s);
      }
    });
    child.stderr!.on('data', (c: Buffer) => {
      s.err += c;
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!/Mutua is running/.test(s.out))
        reject(new Error(`server ${port} stopped with ${code}: ${s.err}${s.out}`));
    });
  });
}

function stop(s: Started): Promise<void> {
  return new Promise((resolve) => {
    if (s.child.exitCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill('SIGTERM');
  });
}

/** The same path on another server: each server's link names its own BASE_URL. */
const on = (link: string, port: number) => {
  const u = new URL(link);
  return `http://127.0.0.1:${port}${u.pathname}`;
};

describe(`several app servers starting at once on a fresh database (${DIALECT})`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let servers: Started[] = [];
  before(async () => {
    const database = await createTestDatabase();
    // No SECRET_KEY nor ENCRYPTION_KEYS: the servers share a data directory, and the first
    // start makes the key files there, as on a single machine running several processes.
    env = { ...database.env };
    drop = database.drop;
  });
  after(async () => {
    await Promise.all(servers.map(stop));
    await drop();
  });

  it('all start, migrate once, share one key, and every printed setup link works on every server', async () => {
    const ports = await Promise.all(Array.from({ length: SERVERS }, freePort));
    const results = await Promise.allSettled(ports.map((p) => start(env, p)));
    servers = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    assert.deepEqual(failed, [], 'every server started');

    const links = servers.map((s) => s.link);
    for (const l of links) assert.ok(l, 'each server printed a link');
    for (const s of servers) {
      for (const link of links) {
        const res = await fetch(on(link!, s.port));
        assert.equal(res.status, 200, `${link} on server ${s.port}`);
        assert.match(await res.text(), /<form method="post"/);
      }
    }
    assert.equal(new Set(links.map((l) => new URL(l!).pathname)).size, 1, 'one link for all');

    // The key files were made once: what the servers read is what is on disk, one key.
    const keys = readFileSync(join(env.DATA_DIR!, 'encryption-keys'), 'utf8');
    assert.match(keys, /^k1:[A-Za-z0-9+/=]{44}$/);

    // Used once, through any server, the link stops working on all of them.
    const first = servers[0]!;
    const page = await fetch(on(links[1]!, first.port));
    const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
    const csrf = /name="_csrf" value="([^"]*)"/.exec(await page.text())?.[1] ?? '';
    const done = await fetch(on(links[1]!, first.port), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams({
        _csrf: csrf,
        name: 'Eastside',
        slug: 'eastside',
        defaultLanguage: 'en',
        displayName: 'Olu',
        email: 'olu@example.org',
        password: 'a long enough password',
      }).toString(),
    });
    assert.equal(done.status, 303, await done.text());
    for (const s of servers) {
      const res = await fetch(on(links[2]!, s.port));
      assert.equal(res.status, 410, `spent on server ${s.port}`);
    }
  });

  it('three starts in one process converge too (buildApp-level: the setup service)', async () => {
    // A second fresh database, three connections, three setup links asked for at once.
    const database = await createTestDatabase();
    const config = loadConfig({
      ...database.env,
      SECRET_KEY: 'concurrent-start-secret-concurrent-start-secret',
      LOG_LEVEL: 'silent',
    });
    const dbs = Array.from({ length: SERVERS }, () => createDb(config));
    try {
      // PostgreSQL's migrator locks; SQLite's runs under BEGIN IMMEDIATE (one at a time here).
      for (const db of dbs) await migrateToLatest(db);
      const links = await Promise.all(dbs.map((db) => prepareSetupLink({ db, config })));
      assert.equal(new Set(links).size, 1, `one link: ${links.join(' ')}`);
      assert.ok(links[0]);
    } finally {
      await Promise.all(dbs.map((db) => db.destroy()));
      await database.drop();
    }
  });
});
