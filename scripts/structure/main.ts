/**
 * Runs the structure check over `src/` (see check-structure.ts for the rules) and prints
 * the counts, the warnings and the failures. Exits 1 on a new violation or a stale exception.
 *
 *   npm run structure            the check
 *   npm run structure -- --loops each loop of the folder graph, edge by edge (to choose cuts)
 *   npm run structure -- --columns each file's database column names above the repositories
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStructure, cycleEdges } from './check-structure.ts';
import { readSourceTree } from './source-tree.ts';
import { STRUCTURE_EXCEPTIONS } from './structure-exceptions.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const files = readSourceTree(root);

if (process.argv.includes('--columns')) {
  // The column names each file above the repositories uses, as entries for the exceptions list.
  const report = checkStructure(files, {
    ...STRUCTURE_EXCEPTIONS,
    columnNamesAboveRepositories: [],
  });
  for (const e of report.errors)
    if (e.rule === 'column-name-above-repository') console.log(e.message);
  process.exit(0);
}

if (process.argv.includes('--loops')) {
  for (const [n, edges] of cycleEdges(files).entries()) {
    console.log(`loop group ${n + 1}:`);
    for (const e of edges.sort((a, b) => a.imports - b.imports)) {
      console.log(`  ${String(e.imports).padStart(3)}  ${e.edge}`);
    }
  }
  process.exit(0);
}

const report = checkStructure(files, STRUCTURE_EXCEPTIONS);
const c = report.counts;
console.log(`structure of src/: ${c.files} files`);
console.log(
  `  folder cycles: ${c.cycles} (largest: ${c.largestCycle} folders), ${c.toleratedCycleEdges} edges tolerated, ${c.untoleratedCycles} not`,
);
console.log(`  cross-feature repository imports: ${c.crossFeatureRepositoryImports}`);
console.log(
  `  SQL outside repositories: ${c.sqlCallsOutsideRepositories} calls in ${c.sqlFilesOutsideRepositories} files`,
);
console.log(
  `  database column names above the repositories: ${c.columnNamesAboveRepositories} in ${c.filesNamingColumns} files`,
);
console.log(`  files over 500 lines: ${c.longFiles}`);
for (const w of report.warnings) console.log(`warning (${w.rule}): ${w.message}`);
for (const e of report.errors) console.error(`error (${e.rule}): ${e.message}`);
if (report.errors.length > 0) {
  console.error(
    `structure check failed: ${report.errors.length} finding(s); the exceptions are in scripts/structure/structure-exceptions.ts`,
  );
  process.exit(1);
}
console.log('structure check passed');
