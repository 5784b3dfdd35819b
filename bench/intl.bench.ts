/**
 * `npm run bench -- intl`: what a page pays to format values. The baseline builds an
 * Intl formatter for every value, as the pages did (issue 19 measured 38 % of the door's
 * check-in page in it); the figure uses `shared/intl.ts`, built once per language and options.
 */
import { dateFormat, numberFormat } from '../src/shared/intl.ts';

const N = 20_000;
const ROUNDS = 5;
const opts: Intl.DateTimeFormatOptions = {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'America/Chicago',
};

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export async function run(): Promise<void> {
  const when = new Date('2026-12-02T15:04:05Z');
  let sink = 0;
  const fresh: number[] = [];
  const reused: number[] = [];
  // Interleaved rounds after a warm-up, so both see the same machine.
  for (let r = -1; r < ROUNDS; r++) {
    const a = time(() => {
      for (let i = 0; i < N; i++) {
        sink += new Intl.DateTimeFormat('es', opts).format(when).length;
        sink += new Intl.NumberFormat('es', { maximumFractionDigits: 2 }).format(i / 3).length;
      }
    });
    const b = time(() => {
      for (let i = 0; i < N; i++) {
        sink += dateFormat('es', opts).format(when).length;
        sink += numberFormat('es', { maximumFractionDigits: 2 }).format(i / 3).length;
      }
    });
    if (r >= 0) {
      fresh.push(a);
      reused.push(b);
    }
  }
  const perFresh = (median(fresh) * 1000) / N;
  const perReused = (median(reused) * 1000) / N;
  console.log(`a date and a number per row, ${N} rows, median of ${ROUNDS} rounds`);
  console.log(
    `  baseline, new formatters per value: ${perFresh.toFixed(1)} µs/row (range ${Math.min(...fresh).toFixed(0)}-${Math.max(...fresh).toFixed(0)} ms)`,
  );
  console.log(
    `  shared/intl.ts, reused:             ${perReused.toFixed(1)} µs/row (range ${Math.min(...reused).toFixed(0)}-${Math.max(...reused).toFixed(0)} ms)`,
  );
  console.log(`  ratio: ${(perFresh / perReused).toFixed(1)}x (${sink > 0 ? 'ok' : ''})`);
}
