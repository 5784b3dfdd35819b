import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Config, loadConfig } from '../../src/config.ts';
import { type App, buildApp } from '../../src/server/app.ts';
import type { Deps } from '../../src/server/core/deps.ts';
import { createDb, type Db, migrateToLatest } from '../../src/server/db/database.ts';
import { disabledMailer, type Mailer, smtpMailer } from '../../src/server/delivery/mailer.ts';
import { disabledSms, twilioSender } from '../../src/server/delivery/sms-gateway.ts';
import { OpenTaskIndex } from '../../src/server/requests/open-task-index.ts';
import type { Clock } from '../../src/shared/clock.ts';
import { randomToken } from '../../src/shared/secrets.ts';

export type Dialect = 'sqlite' | 'postgres';
export const DIALECT: Dialect = process.env.MUTUA_TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
const PG_ADMIN_URL = process.env.MUTUA_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A clock the test can move. */
export class TestClock implements Clock {
  constructor(private t = Date.parse('2026-11-23T10:00:00.000Z')) {}
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface TestContext {
  app: App;
  db: Db;
  deps: Deps;
  config: Config;
  clock: TestClock;
  close(): Promise<void>;
}

/**
 * A fresh database for one test file, migrated with the real migrations: a temporary SQLite
 * file, or a new PostgreSQL database dropped again at the end.
 */
export async function createTestDatabase(): Promise<{
  env: Record<string, string>;
  drop(): Promise<void>;
}> {
  const dir = mkdtempSync(join(tmpdir(), 'mutua-test-'));
  if (DIALECT === 'sqlite') {
    return {
      env: { DATABASE_URL: `sqlite:${join(dir, 'test.sqlite')}`, DATA_DIR: dir },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `mutua_test_${Date.now().toString(36)}_${randomToken(6)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), DATA_DIR: dir },
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createTestContext(
  opts: {
    env?: Record<string, string>;
    mailer?: Mailer;
    smtpUrl?: string;
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({
    ...database.env,
    SECRET_KEY: 'test-secret-key-test-secret-key-test-secret-key',
    BASE_URL: 'http://mutua.test',
    LOG_LEVEL: 'silent',
    ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}),
    ...opts.env,
  });
  const db = createDb(config);
  await migrateToLatest(db, config.keys);
  const clock = new TestClock();
  const mailer =
    opts.mailer ??
    (config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : disabledMailer(() => {}));
  const sms = config.sms ? twilioSender(config.sms) : disabledSms;
  const deps: Deps = { config, db, clock, mailer, sms, openTasks: new OpenTaskIndex() };
  const app = await buildApp(deps, { log: opts.logStream ? { stream: opts.logStream } : false });
  await app.ready();
  return {
    app,
    db,
    deps,
    config,
    clock,
    async close() {
      await app.close();
      await db.destroy().catch(() => undefined);
      await database.drop();
    },
  };
}
