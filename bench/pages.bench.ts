import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDemo } from '../src/server/demo/seed-demo.ts';
import { createDeps } from '../src/server/runtime.ts';

type Injectable = {
  inject(o: { url: string; headers?: Record<string, string> }): Promise<{ statusCode: number }>;
};

async function measure(
  app: Injectable,
  url: string,
  n: number,
  headers: Record<string, string> = {},
) {
  for (let i = 0; i < 50; i++) await app.inject({ url, headers });
  const times: number[] = [];
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    const res = await app.inject({ url, headers });
    if (res.statusCode >= 400) throw new Error(`${url} answered ${res.statusCode}`);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort((a, b) => a - b);
  return {
    perSecond: Math.round(n / total),
    p50: times[Math.floor(n * 0.5)]!,
    p95: times[Math.floor(n * 0.95)]!,
  };
}

/**
 * In-process request throughput (app.inject, no sockets) of the pages every visitor meets,
 * on SQLite with the demo network, against a bare Fastify route that returns a fixed
 * string: the baseline says how much of the cost is the framework itself.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mutua-bench-'));
  const config = loadConfig({
    DATA_DIR: dir,
    MUTUA_DEMO: '1',
    LOG_LEVEL: 'silent',
    SECRET_KEY: 'b'.repeat(40),
  });
  const deps = await createDeps(config, () => {});
  await seedDemo(deps);
  const app = await buildApp(deps, { log: false });
  const bare = Fastify();
  bare.get('/', async () => 'hello');
  await bare.ready();

  const n = 2000;
  const rows: [string, Awaited<ReturnType<typeof measure>>][] = [
    ['baseline: bare Fastify route', await measure(bare, '/', n)],
    ['GET /healthz (one SQL query)', await measure(app, '/healthz', n)],
    ['GET /sign-in (page, no query)', await measure(app, '/sign-in', n)],
    ['GET / (page, networks listed)', await measure(app, '/', n)],
    ['GET /n/riverside (page, areas)', await measure(app, '/n/riverside', n)],
  ];
  for (const [name, r] of rows) {
    console.log(
      `${name.padEnd(34)} ${String(r.perSecond).padStart(6)} req/s   p50 ${r.p50.toFixed(2)} ms   p95 ${r.p95.toFixed(2)} ms`,
    );
  }
  await app.close();
  await bare.close();
  await deps.db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
