import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config.ts';
import { roundForPrivacy } from '../src/domain/geo/geo.ts';
import { ALL_WEEK } from '../src/domain/time/weekly-slots.ts';
import { createApiToken } from '../src/server/api-tokens/api-token.service.ts';
import { sessionFor } from '../src/server/auth/auth.service.ts';
import { insertMembership } from '../src/server/core/membership.repository.ts';
import { openSqlite } from '../src/server/db/database.ts';
import { insertNetworkWithAdmin } from '../src/server/networks/network.service.ts';
import { upsertProfile } from '../src/server/offers/volunteer-profile.repository.ts';
import { createAccount } from '../src/server/people/person.service.ts';
import { sealPrivate } from '../src/server/privacy/privacy-gate.ts';
import { createDeps } from '../src/server/runtime.ts';
import { newId } from '../src/shared/ids.ts';

const STORED = 100_000;
const SURGE = 10_000;
const CITY = { lat: 45.3, lng: -122.9, km: 40 };
const CATEGORIES = ['groceries', 'meals', 'medicine', 'ride', 'childcare', 'other'];
const URGENCIES = ['low', 'normal', 'high', 'critical'];

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function cannon(opts: autocannon.Options) {
  return new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))),
  );
}

/**
 * Throughput over real sockets: the server runs in its own process on loopback, autocannon
 * drives it from this one. 100,000 stored requests (about 8 % of them open) in a 40 × 40 km
 * city; the routes are measured beside GET /healthz of the same server (one `select 1`).
 * Then a surge of 10,000 intake submissions through the API, counted in the database after,
 * and intake with SQLite's synchronous=FULL (the default) against NORMAL, the server restarted
 * for each.
 */
export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mutua-http-'));
  const env = {
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    SECRET_KEY: 'h'.repeat(40),
    PORT: '38111',
    BASE_URL: 'http://127.0.0.1:38111',
  };
  const config = loadConfig(env);
  const deps = await createDeps(config, () => {});
  const actor = { kind: 'system', label: 'bench' } as const;
  const adminId = await createAccount(deps.db, deps, {
    displayName: 'Admin',
    email: 'admin@bench.test',
    password: 'bench-password',
  });
  const network = await insertNetworkWithAdmin(deps.db, deps.clock, {
    actor,
    adminId,
    input: { slug: 'bench', name: 'Bench', defaultLanguage: 'en', signupMode: 'open' },
  });
  const volunteerId = await createAccount(deps.db, deps, {
    displayName: 'Vol',
    email: 'vol@bench.test',
    password: 'bench-password',
  });
  const now = new Date().toISOString();
  await insertMembership(deps.db, {
    id: newId(),
    networkId: network.id,
    personId: volunteerId,
    role: 'volunteer',
    now,
  });
  await upsertProfile(
    deps.db,
    {
      id: newId(),
      networkId: network.id,
      personId: volunteerId,
      input: {
        categories: CATEGORIES,
        skills: '',
        languages: ['en'],
        transport: 'car',
        hasCar: true,
        homeAreaId: null,
        homeLat: CITY.lat + 0.18,
        homeLng: CITY.lng + 0.25,
        radiusKm: 8,
        availability: ALL_WEEK,
        weeklyHourCap: 10,
      },
    },
    now,
  );

  // Past requests were done by someone: 500 volunteers without accounts share them.
  const pastVolunteers = Array.from({ length: 500 }, (_, i) => ({
    id: newId(),
    display_name: `Past volunteer ${i}`,
    is_operator: 0,
    created_at: now,
    updated_at: now,
  }));
  await deps.db.insertInto('people').values(pastVolunteers).execute();

  const t0 = Date.now();
  const random = rng(7);
  for (let start = 0; start < STORED; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(STORED, start + 500); i++) {
      const id = newId();
      const point = roundForPrivacy({
        lat: CITY.lat + random() * 0.36,
        lng: CITY.lng + random() * 0.5,
      });
      const open = random() < 0.08;
      const sealed = sealPrivate(config.keys, id, {
        name: `Person ${i}`,
        phone: `+1555${String(i).padStart(7, '0')}`,
        email: null,
        address: `${i} Main Street`,
        details: null,
        accessibility: null,
      });
      const created = new Date(Date.now() - random() * 90 * 86_400_000).toISOString();
      rows.push({
        id,
        network_id: network.id,
        code: `B${i.toString(36).toUpperCase().padStart(5, '0')}`,
        status: open ? (random() < 0.5 ? 'new' : 'triaged') : 'fulfilled',
        close_reason: null,
        channel: 'web',
        category: CATEGORIES[i % CATEGORIES.length]!,
        urgency: URGENCIES[i % 4]!,
        household_size: 1 + (i % 5),
        area_id: null,
        approx_lat: point.lat,
        approx_lng: point.lng,
        slots: ALL_WEEK,
        language: 'en',
        language_required: 0,
        needs_car: 0,
        details_enc: null,
        address_enc: sealed.address,
        name_enc: sealed.name,
        phone_enc: sealed.phone,
        email_enc: null,
        accessibility_enc: null,
        phone_index: null,
        email_index: null,
        consent_at: created,
        status_token_hash: 'x',
        requester_id: null,
        entered_by: null,
        duplicate_of: null,
        duplicate_flag: 0,
        volunteer_id: open ? null : pastVolunteers[i % pastVolunteers.length]!.id,
        hours: open ? null : 1 + (i % 3),
        created_at: created,
        updated_at: created,
        closed_at: open ? null : created,
        redacted_at: null,
      });
    }
    await deps.db.insertInto('requests').values(rows).execute();
  }
  console.log(`seeded ${STORED} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  const cookie = `mutua_session=${await sessionFor(deps, volunteerId, { ip: '127.0.0.1', userAgent: 'bench' })}`;
  const adminActor = {
    kind: 'person',
    personId: adminId,
    displayName: 'Admin',
    isOperator: false,
    preferredLanguage: null,
    sessionId: 'bench',
  } as const;
  const { token } = await createApiToken(deps, {
    actor: adminActor,
    input: { name: 'bench', networkSlug: 'bench', role: 'coordinator' },
  });
  await deps.db.destroy();
  if (process.env.BENCH_KEEP) {
    console.log(`kept ${dir}\ncookie: ${cookie}\ntoken: ${token}`);
    return;
  }

  let server: ChildProcess = await startServer({ ...process.env, ...env });
  const base = env.BASE_URL;
  try {
    const measure = async (title: string, opts: Partial<autocannon.Options>) => {
      const r = await cannon({
        url: base,
        connections: 20,
        duration: 8,
        ...opts,
      } as autocannon.Options);
      const bad = r.non2xx + r.errors;
      console.log(
        `${title.padEnd(44)} ${String(Math.round(r.requests.average)).padStart(6)} req/s   p50 ${r.latency.p50} ms   p99 ${r.latency.p99} ms${bad ? `   (${bad} failed)` : ''}`,
      );
      return r.requests.average;
    };
    const minimal = await measure('baseline: GET /healthz', { url: `${base}/healthz` });
    const signedIn = await measure('reference: GET /n/bench (signed-in page)', {
      url: `${base}/n/bench`,
      headers: { cookie },
    });
    const feed = await measure('GET /n/bench/tasks (feed near me, HTML)', {
      url: `${base}/n/bench/tasks`,
      headers: { cookie },
    });
    // Every submission from a different phone and place, as in a real surge: one phone
    // sending thousands would make each duplicate check read thousands of earlier ones.
    let sent = 0;
    const submission = () => {
      const n = sent++;
      return JSON.stringify({
        category: CATEGORIES[n % CATEGORIES.length],
        urgency: URGENCIES[n % URGENCIES.length],
        householdSize: 1 + (n % 5),
        when: 'any',
        name: `Surge ${n}`,
        phone: `+1556${String(n).padStart(7, '0')}`,
        language: 'en',
        consent: true,
        lat: CITY.lat + ((n * 7919) % 3600) / 10_000,
        lng: CITY.lng + ((n * 104_729) % 5000) / 10_000,
      });
    };
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const intakeRequest = {
      method: 'POST' as const,
      path: '/api/v1/networks/bench/requests',
      headers,
      setupRequest: (req: object) => ({ ...req, body: submission() }),
    };
    const intake = await measure('POST /api/v1/networks/bench/requests', {
      url: base,
      requests: [intakeRequest],
    });
    const pct = (x: number, of: number) => `${((x / of) * 100).toFixed(0)} %`;
    console.log(
      `of GET /healthz (target ≥ 80 %): feed ${pct(feed, minimal)}, intake ${pct(intake, minimal)}; of the signed-in page: feed ${pct(feed, signedIn)}`,
    );

    await new Promise((r) => setTimeout(r, 2000)); // let the last measured submissions land
    const before = await countRequests(config);
    const surge = await cannon({
      url: base,
      requests: [intakeRequest],
      connections: 50,
      amount: SURGE,
    } as autocannon.Options);
    const after = await countRequests(config);
    console.log(
      `surge: ${SURGE} submissions sent, ${surge['2xx']} answered 201, ${surge.non2xx + surge.errors} failed; ${after - before} new rows stored (${after - before === SURGE ? 'none lost' : 'LOST SOME'})`,
    );

    // The cost of durability (SQLITE_SYNCHRONOUS): intake with the WAL synced at every commit
    // (FULL, the default) against synced only at checkpoints (NORMAL, the baseline), on the
    // same database, the server restarted for each; twice each, alternating, so a change in
    // the machine's load falls on both.
    console.log(
      `durability: intake with SQLITE_SYNCHRONOUS (load average ${loadavg()[0]!.toFixed(2)})`,
    );
    const bySync: Record<'normal' | 'full', number[]> = { normal: [], full: [] };
    for (const mode of ['normal', 'full', 'normal', 'full'] as const) {
      await stopServer(server);
      server = await startServer({ ...process.env, ...env, SQLITE_SYNCHRONOUS: mode });
      bySync[mode].push(
        await measure(`POST …/requests, synchronous=${mode.toUpperCase()}`, {
          url: base,
          requests: [intakeRequest],
        }),
      );
    }
    // The sync itself, without HTTP or the app: one-row commits on a file in the same place.
    for (const mode of ['normal', 'full'] as const) {
      const perSecond = commitsPerSecond(join(dir, `commits-${mode}.sqlite`), mode);
      console.log(
        `one-row commits, synchronous=${mode.toUpperCase().padEnd(6)}        ${String(Math.round(perSecond)).padStart(6)} commits/s   ${(1000 / perSecond).toFixed(3)} ms each`,
      );
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const normal = mean(bySync.normal);
    const full = mean(bySync.full);
    console.log(
      `durability: FULL ${Math.round(full)} req/s against NORMAL ${Math.round(normal)} req/s (baseline): ${pct(full, normal)} of it, ${(((normal - full) / normal) * 100).toFixed(1)} % fewer; load average now ${loadavg()[0]!.toFixed(2)}`,
    );
  } finally {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Commits of one small row each, for two seconds, on a fresh WAL database. */
function commitsPerSecond(file: string, mode: 'normal' | 'full'): number {
  const db = openSqlite(file, mode);
  db.exec('create table t (id integer primary key, v text)');
  const insert = db.prepare('insert into t (v) values (?)');
  const started = performance.now();
  let n = 0;
  while (performance.now() - started < 2000) {
    insert.run(`row ${n}`); // autocommit: one transaction per row
    n++;
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return n / seconds;
}

async function startServer(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (c: Buffer) => String(c).includes('Mutua is running') && resolve());
    server.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  return server;
}

async function stopServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return;
  const exited = new Promise((r) => server.once('exit', r));
  server.kill('SIGTERM');
  await exited;
}

async function countRequests(config: ReturnType<typeof loadConfig>): Promise<number> {
  const { createDb } = await import('../src/server/db/database.ts');
  const db = createDb(config);
  const row = await db
    .selectFrom('requests')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  await db.destroy();
  return Number(row.n);
}
