import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { type Config, loadConfig } from '../../src/config.ts';
import { createDb, type Db } from '../../src/server/db/database.ts';
import { contactIndex } from '../../src/server/privacy/person-contact.ts';
import { createTestDatabase, DIALECT } from '../helpers/context.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

function run(
  script: string,
  args: string[],
  env: Record<string, string>,
  input?: string,
  untilLine?: RegExp,
) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'warn',
        ...env,
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c;
      if (untilLine?.test(out)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c;
    });
    child.on('close', (code) => resolve({ code, out, err }));
    if (input !== undefined) child.stdin.end(input);
  });
}

const cli = (args: string[], env: Record<string, string>, input?: string) =>
  run('src/cli/main.ts', args, env, input);

describe(`command line and start-up on ${DIALECT}`, () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  let db: Db;
  let config: Config;
  before(async () => {
    const database = await createTestDatabase();
    env = { ...database.env, SECRET_KEY: 'cli-test-secret-cli-test-secret-cli-test' };
    drop = database.drop;
    config = loadConfig(env);
    db = createDb(config);
  });
  after(async () => {
    await db.destroy();
    await drop();
  });

  it('prints its help', async () => {
    const r = await cli(['help'], env);
    assert.equal(r.code, 0);
    for (const c of ['migrate', 'create-admin', 'seed-demo', 'backup'])
      assert.match(r.out, new RegExp(c));
    const bad = await cli(['frobnicate'], env);
    assert.equal(bad.code, 2);
  });

  it('a production start migrates, creates no demo account, and prints a one-time setup link', async () => {
    const r = await run('src/main.ts', [], { ...env, PORT: '0' }, undefined, /Mutua is running/);
    assert.match(r.out, /\/setup\/[A-Za-z0-9_-]{20,}/);
    const people = await db.selectFrom('people').select('id').execute();
    assert.deepEqual(people, [], 'no account exists');
  });

  it('stops at start-up naming a bad variable', async () => {
    const r = await run('src/main.ts', [], { ...env, PORT: 'eighty' });
    assert.equal(r.code, 2);
    assert.match(r.err, /PORT/);
  });

  it('migrate says the schema is up to date', async () => {
    const r = await cli(['migrate'], env);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /up to date/);
  });

  it('create-admin creates the operator and network, with the password from standard input', async () => {
    const r = await cli(
      [
        'create-admin',
        '--email',
        'Op@Example.org',
        '--name',
        'Olu',
        '--network',
        'eastside',
        '--network-name',
        'Eastside Aid',
      ],
      env,
      'a long enough password\n',
    );
    assert.equal(r.code, 0, r.err);
    const row = await db
      .selectFrom('memberships')
      .innerJoin('people', 'people.id', 'memberships.person_id')
      .innerJoin('networks', 'networks.id', 'memberships.network_id')
      .select(['people.email_index', 'people.is_operator', 'memberships.role', 'networks.slug'])
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      { ...row, is_operator: Number(row.is_operator) },
      {
        email_index: contactIndex(config.keys, { kind: 'email', value: 'op@example.org' }),
        is_operator: 1,
        role: 'admin',
        slug: 'eastside',
      },
    );
  });

  it('create-admin explains a bad password or a missing network instead of crashing', async () => {
    const short = await cli(
      ['create-admin', '--email', 'x@example.org', '--name', 'X', '--network', 'eastside'],
      { ...env, MUTUA_ADMIN_PASSWORD: 'short' },
    );
    assert.equal(short.code, 1);
    assert.match(short.err, /password: Please use at least 10 characters/);
    const missing = await cli(
      ['create-admin', '--email', 'y@example.org', '--name', 'Y', '--network', 'nowhere'],
      { ...env, MUTUA_ADMIN_PASSWORD: 'long enough password' },
    );
    assert.equal(missing.code, 1);
    assert.match(missing.err, /--network-name/);
    assert.doesNotMatch(missing.err, /\n\s+at /, 'no stack trace');
  });

  it('seed-demo refuses outside demo mode, and seeds once in it', async () => {
    const refused = await cli(['seed-demo'], env);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /MUTUA_DEMO=1/);
    const seeded = await cli(['seed-demo'], { ...env, MUTUA_DEMO: '1' });
    assert.equal(seeded.code, 0, seeded.err);
    const again = await cli(['seed-demo'], { ...env, MUTUA_DEMO: '1' });
    assert.match(again.out, /already there/);
    const slugs = (await db.selectFrom('networks').select('slug').orderBy('slug').execute()).map(
      (r) => r.slug,
    );
    assert.deepEqual(slugs, ['eastside', 'hillcrest', 'riverside']);
  });

  it('backup writes a consistent copy of the live SQLite database', {
    skip: DIALECT !== 'sqlite' && 'SQLite only; PostgreSQL uses pg_dump',
  }, async () => {
    const to = join(env.DATA_DIR!, 'copy.sqlite');
    const r = await cli(['backup', '--to', to], env);
    assert.equal(r.code, 0, r.err);
    assert.ok(existsSync(to));
    const copy = new SQLite(to, { readonly: true });
    const n = copy.prepare('select count(*) as n from people').get() as { n: number };
    copy.close();
    const live = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(n.n, Number(live.n));
    assert.ok(n.n > 5);
  });
});
