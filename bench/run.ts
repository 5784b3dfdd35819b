/**
 * `npm run bench -- <name>`: runs one benchmark (or all) and prints its figures beside the
 * baseline they are compared with, measured in the same run.
 */
const BENCHES: Record<string, () => Promise<void>> = {
  pages: async () => (await import('./pages.bench.ts')).run(),
  http: async () => (await import('./http.bench.ts')).run(),
  matching: async () => (await import('./matching.bench.ts')).run(),
  suggest: async () => (await import('./suggest.bench.ts')).run(),
  allocation: async () => (await import('./allocation.bench.ts')).run(),
  intl: async () => (await import('./intl.bench.ts')).run(),
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : Object.keys(BENCHES);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  console.log(`== ${name}`);
  await bench();
}
process.exit(0);
