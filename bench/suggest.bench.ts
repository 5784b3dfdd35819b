import { URGENCY_FIRST } from '../src/domain/matching/score.ts';
import { suggest } from '../src/domain/matching/suggest.ts';
import { syntheticCity } from '../src/domain/matching/synthetic.ts';
import { indexVolunteers } from '../src/domain/matching/volunteer-index.ts';

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
}

/**
 * Suggestions for 1,000 requests placed at random anywhere in a seeded 100 × 100 km city, among
 * 100,000 volunteers (half of them around six towns, the rest anywhere):
 * through the grid index against a plain scan of every volunteer, in the same run, checking
 * that both give the same suggestions.
 */
export async function run(): Promise<void> {
  const { requests, volunteers } = syntheticCity(7, {
    requests: 1_000,
    volunteers: 100_000,
    requestsInTowns: 0,
  });
  const t0 = performance.now();
  const index = indexVolunteers(volunteers);
  const build = performance.now() - t0;
  // Warm both paths up.
  for (const r of requests.slice(0, 50)) {
    suggest(r, index, URGENCY_FIRST);
    suggest(r, volunteers, URGENCY_FIRST);
  }
  const grid: number[] = [];
  const scan: number[] = [];
  let found = 0;
  for (const r of requests) {
    let t = performance.now();
    const a = suggest(r, index, URGENCY_FIRST);
    grid.push(performance.now() - t);
    t = performance.now();
    const b = suggest(r, volunteers, URGENCY_FIRST);
    scan.push(performance.now() - t);
    if (a.map((s) => s.volunteerId).join() !== b.map((s) => s.volunteerId).join()) {
      throw new Error(`grid and scan disagree for ${r.id}`);
    }
    found += a.length;
  }
  grid.sort((x, y) => x - y);
  scan.sort((x, y) => x - y);
  const row = (name: string, t: number[]) =>
    console.log(
      `${name.padEnd(28)} p50 ${percentile(t, 0.5).toFixed(3).padStart(7)} ms   p95 ${percentile(t, 0.95).toFixed(3).padStart(7)} ms`,
    );
  console.log(
    `100,000 volunteers, 1,000 requests; index built in ${build.toFixed(0)} ms; ${(found / requests.length).toFixed(1)} suggestions per request (limit 10)`,
  );
  row('baseline: plain scan', scan);
  row('grid index', grid);
  console.log(
    `speed-up: p50 ${(percentile(scan, 0.5) / percentile(grid, 0.5)).toFixed(1)}×   p95 ${(percentile(scan, 0.95) / percentile(grid, 0.95)).toFixed(1)}×   total ${(scan.reduce((a, b) => a + b) / grid.reduce((a, b) => a + b)).toFixed(1)}×`,
  );
}
