import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  checkStructure,
  type Finding,
  type SourceFile,
  type StructureExceptions,
} from '../../scripts/structure/check-structure.ts';
import { readSourceTree } from '../../scripts/structure/source-tree.ts';
import { STRUCTURE_EXCEPTIONS } from '../../scripts/structure/structure-exceptions.ts';

const NONE: StructureExceptions = {
  folderCycleEdges: [],
  sqlOutsideRepositories: [],
  crossFeatureRepositoryImports: [],
  columnNamesAboveRepositories: [],
};

/** A small tree that breaks no rule: features import core, core imports db. */
const CLEAN: SourceFile[] = [
  { path: 'src/config.ts', text: 'export const port = 3000;\n' },
  { path: 'src/domain/rules.ts', text: 'export const least = 1;\n' },
  {
    path: 'src/server/db/database.ts',
    text: "import { port } from '../../config.ts';\nexport const db = { port };\n",
  },
  {
    path: 'src/server/db/migrations/0001_people.ts',
    text: "export async function up(db) { await db.schema.createTable('people').execute(); }\n",
  },
  {
    path: 'src/server/core/person.repository.ts',
    text: [
      "import { db } from '../db/database.ts';",
      "export const personById = (id: string) => db.selectFrom('people').where('id', '=', id);",
      '',
    ].join('\n'),
  },
  {
    path: 'src/server/goods/stock.repository.ts',
    text: "export const levels = (db) => db.selectFrom('stock_levels').selectAll().execute();\n",
  },
  {
    path: 'src/server/goods/stock.service.ts',
    text: [
      "import { personById } from '../core/person.repository.ts';",
      "import { levels } from './stock.repository.ts';",
      "import { least } from '../../domain/rules.ts';",
      '// a comment that mentions db.selectFrom(...) is no SQL',
      "const help = 'call insertInto( on a repository';",
      'export const show = (db) => [personById, levels(db), least, help];',
      '',
    ].join('\n'),
  },
  {
    path: 'src/server/requests/request.service.ts',
    text: "import { show } from '../goods/stock.service.ts';\nexport const ask = show;\n",
  },
];

function withFiles(...changes: SourceFile[]): SourceFile[] {
  const byPath = new Map(CLEAN.map((f) => [f.path, f]));
  for (const f of changes) byPath.set(f.path, f);
  return [...byPath.values()];
}

function only(findings: readonly Finding[], rule: Finding['rule']): string[] {
  return findings.filter((f) => f.rule === rule).map((f) => f.message);
}

describe('structure check', () => {
  it('passes a tree that keeps every rule, and counts nothing', () => {
    const report = checkStructure(CLEAN, NONE);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(report.warnings, []);
    assert.equal(report.counts.files, CLEAN.length);
    assert.equal(report.counts.cycles, 0);
    assert.equal(report.counts.crossFeatureRepositoryImports, 0);
    assert.equal(report.counts.sqlFilesOutsideRepositories, 0);
  });

  it('reports an import cycle between server folders with the loop and an import of each step', () => {
    const files = withFiles({
      path: 'src/server/goods/goods.pages.tsx',
      text: "import { ask } from '../requests/request.service.ts';\nexport const page = ask;\n",
    });
    const report = checkStructure(files, NONE);
    const [cycle, ...more] = only(report.errors, 'folder-cycle');
    assert.equal(more.length, 0);
    assert.match(
      cycle!,
      /import cycle between 2 folders: src\/server\/goods, src\/server\/requests/,
    );
    assert.match(
      cycle!,
      /one loop: src\/server\/goods -> src\/server\/requests -> src\/server\/goods/,
    );
    assert.match(
      cycle!,
      /src\/server\/goods\/goods\.pages\.tsx imports src\/server\/requests\/request\.service\.ts/,
    );
    assert.match(
      cycle!,
      /src\/server\/requests\/request\.service\.ts imports src\/server\/goods\/stock\.service\.ts/,
    );
    assert.equal(report.counts.cycles, 1);
  });

  it('finds a longer loop through a file of src/ outside the server, by a type-only import too', () => {
    const files = withFiles({
      path: 'src/config.ts',
      text: "import type { show } from './server/goods/stock.service.ts';\nexport type S = typeof show;\n",
    });
    const [cycle] = only(checkStructure(files, NONE).errors, 'folder-cycle');
    assert.match(cycle!, /src\/config\.ts/);
    assert.match(cycle!, /src\/server\/db/);
    assert.match(cycle!, /src\/server\/goods/);
  });

  it('tolerates a listed cycle edge, and fails when the listed edge no longer closes a loop', () => {
    const cyclic = withFiles({
      path: 'src/server/goods/goods.pages.tsx',
      text: "import { ask } from '../requests/request.service.ts';\nexport const page = ask;\n",
    });
    const tolerated: StructureExceptions = {
      ...NONE,
      folderCycleEdges: [{ from: 'src/server/goods', to: 'src/server/requests', why: 'test' }],
    };
    const report = checkStructure(cyclic, tolerated);
    assert.deepEqual(report.errors, []);
    assert.equal(report.counts.cycles, 1, 'the loop is still counted');
    assert.equal(report.counts.untoleratedCycles, 0);

    // requests no longer imports goods: the goods -> requests edge closes no loop.
    const cut = withFiles(cyclic.find((f) => f.path === 'src/server/goods/goods.pages.tsx')!, {
      path: 'src/server/requests/request.service.ts',
      text: 'export const ask = 1;\n',
    });
    assert.deepEqual(only(checkStructure(cut, tolerated).errors, 'stale-exception'), [
      'src/server/goods -> src/server/requests closes no cycle any more: remove it from folderCycleEdges',
    ]);
    // And an edge that is gone altogether.
    assert.deepEqual(only(checkStructure(CLEAN, tolerated).errors, 'stale-exception'), [
      'src/server/goods no longer imports src/server/requests: remove this edge from folderCycleEdges',
    ]);
  });

  it('refuses src/domain importing src/server', () => {
    const files = withFiles({
      path: 'src/domain/rules.ts',
      text: "import type { db } from '../server/db/database.ts';\nexport const least = 1;\n",
    });
    assert.deepEqual(only(checkStructure(files, NONE).errors, 'domain-imports-server'), [
      'src/domain/rules.ts imports src/server/db/database.ts: src/domain never imports src/server',
    ]);
  });

  it('refuses core importing a feature folder, not db', () => {
    const files = withFiles({
      path: 'src/server/core/scope.ts',
      text: [
        "import { db } from '../db/database.ts';",
        "import { levels } from '../goods/stock.repository.ts';",
        'export const scope = [db, levels];',
        '',
      ].join('\n'),
    });
    assert.deepEqual(only(checkStructure(files, NONE).errors, 'core-imports-feature'), [
      'src/server/core/scope.ts imports src/server/goods/stock.repository.ts: src/server/core imports no feature folder',
    ]);
  });

  it('refuses SQL outside repositories and db/: query builder calls and sql templates', () => {
    const files = withFiles(
      {
        path: 'src/server/goods/stock.service.ts',
        text: [
          'export async function take(deps) {',
          '  await deps.db',
          "    .updateTable('stock_levels')",
          '    .set({ quantity: 0 })',
          '    .execute();',
          '}',
          '',
        ].join('\n'),
      },
      {
        path: 'src/server/health/health.routes.ts',
        text: "import { sql } from 'kysely';\nexport const ping = (db) => sql`select 1`.execute(db);\n",
      },
      {
        path: 'src/server/goods/stock.pages.tsx',
        text: "export const Page = ({ db }) => <p>{db.deleteFrom('x').compile().sql}</p>;\n",
      },
    );
    const report = checkStructure(files, NONE);
    assert.deepEqual(only(report.errors, 'sql-outside-repository'), [
      'src/server/goods/stock.pages.tsx: SQL outside a repository at line 1 (move it into a *.repository.ts)',
      'src/server/goods/stock.service.ts: SQL outside a repository at line 3 (move it into a *.repository.ts)',
      'src/server/health/health.routes.ts: SQL outside a repository at line 2 (move it into a *.repository.ts)',
    ]);
    assert.equal(report.counts.sqlFilesOutsideRepositories, 3);
    assert.equal(report.counts.sqlCallsOutsideRepositories, 3);
  });

  it('tolerates listed SQL files, and fails when a listed file has no SQL any more', () => {
    const files = withFiles({
      path: 'src/server/health/health.routes.ts',
      text: "import { sql } from 'kysely';\nexport const ping = (db) => sql`select 1`.execute(db);\n",
    });
    const listed: StructureExceptions = {
      ...NONE,
      sqlOutsideRepositories: [{ file: 'src/server/health/health.routes.ts', why: 'test' }],
    };
    assert.deepEqual(checkStructure(files, listed).errors, []);
    assert.deepEqual(only(checkStructure(CLEAN, listed).errors, 'stale-exception'), [
      'src/server/health/health.routes.ts has no SQL outside a repository any more: remove it from sqlOutsideRepositories',
    ]);
  });

  it("refuses a feature importing another feature's repository, but not its own nor core's", () => {
    const files = withFiles({
      path: 'src/server/requests/request.service.ts',
      text: [
        "import { levels } from '../goods/stock.repository.ts';",
        "import { personById } from '../core/person.repository.ts';",
        'export const ask = [levels, personById];',
        '',
      ].join('\n'),
    });
    const report = checkStructure(files, NONE);
    assert.deepEqual(only(report.errors, 'cross-feature-repository'), [
      "src/server/requests/request.service.ts imports another feature's repository src/server/goods/stock.repository.ts (use a core lookup or that feature's service)",
    ]);
    assert.equal(report.counts.crossFeatureRepositoryImports, 1);
  });

  it('tolerates a listed repository import, and fails when it is gone (the list only shrinks)', () => {
    const listed: StructureExceptions = {
      ...NONE,
      crossFeatureRepositoryImports: [
        {
          from: 'src/server/requests/request.service.ts',
          to: 'src/server/goods/stock.repository.ts',
        },
      ],
    };
    const files = withFiles({
      path: 'src/server/requests/request.service.ts',
      text: "import { levels } from '../goods/stock.repository.ts';\nexport const ask = levels;\n",
    });
    assert.deepEqual(checkStructure(files, listed).errors, []);
    assert.deepEqual(only(checkStructure(CLEAN, listed).errors, 'stale-exception'), [
      'src/server/requests/request.service.ts no longer imports src/server/goods/stock.repository.ts: remove it from crossFeatureRepositoryImports',
    ]);
  });

  const SCHEMA: SourceFile = {
    path: 'src/server/db/schema.ts',
    text: [
      'export interface StockLevelTable {',
      '  id: string;',
      '  network_id: string;',
      "  'item_id': string;",
      '  created_at: string;',
      '}',
      '/** Not a table: its snake_case members are no columns. */',
      'export interface Options { dry_run: boolean }',
      '',
    ].join('\n'),
  };

  it('refuses a service, job, page or route naming a database column: keys, accesses, destructuring', () => {
    const files = withFiles(
      SCHEMA,
      {
        path: 'src/server/goods/stock.service.ts',
        text: [
          "import { insertLevel } from './stock.repository.ts';",
          'export async function add(db, input) {',
          '  // network_id in a comment, and in a string, is no use',
          "  const label = 'network_id';",
          '  await insertLevel(db, { id: input.id, network_id: input.networkId, label });',
          '}',
          '',
        ].join('\n'),
      },
      {
        path: 'src/server/goods/stock.pages.tsx',
        text: 'export const Row = ({ level }) => <td>{level.created_at}</td>;\n',
      },
      {
        path: 'src/server/goods/expiry.job.ts',
        text: "export const run = (row) => { const { item_id: id } = row; return [id, row['created_at']]; };\n",
      },
      {
        path: 'src/server/goods/goods.routes.ts',
        // Not a column (Options is no table), and an audit entry's details keys are its JSON format.
        text: 'export const r = (o, audit) => [o.dry_run, audit({ details: { network_id: 1, ...(o.x ? { item_id: 1 } : {}) } })];\n',
      },
      {
        // Repositories and other files may map rows.
        path: 'src/server/goods/stock.repository.ts',
        text: 'export const levelFromRow = (row) => ({ networkId: row.network_id });\n',
      },
      {
        path: 'src/server/goods/goods-components.tsx',
        text: 'export const Cell = ({ row }) => <td>{row.created_at}</td>;\n',
      },
    );
    const report = checkStructure(files, NONE);
    assert.deepEqual(only(report.errors, 'column-name-above-repository'), [
      'src/server/goods/expiry.job.ts names database columns created_at (line 1), item_id (line 1): map rows to domain values in the repository',
      'src/server/goods/stock.pages.tsx names database column created_at (line 1): map rows to domain values in the repository',
      'src/server/goods/stock.service.ts names database column network_id (line 5): map rows to domain values in the repository',
    ]);
    assert.equal(report.counts.filesNamingColumns, 3);
    assert.equal(report.counts.columnNamesAboveRepositories, 4);
  });

  it('tolerates listed column names per file, fails on a new one and on a listed one gone', () => {
    const service: SourceFile = {
      path: 'src/server/goods/stock.service.ts',
      text: 'export const add = (insert, input) => insert({ network_id: input.networkId, created_at: input.at });\n',
    };
    const listed: StructureExceptions = {
      ...NONE,
      columnNamesAboveRepositories: [
        { file: 'src/server/goods/stock.service.ts', columns: ['created_at', 'network_id'] },
      ],
    };
    assert.deepEqual(checkStructure(withFiles(SCHEMA, service), listed).errors, []);

    // A column name the list does not hold for this file is a new violation.
    const more = withFiles(SCHEMA, {
      ...service,
      text: service.text.replace(
        'created_at: input.at',
        'created_at: input.at, item_id: input.item',
      ),
    });
    assert.deepEqual(only(checkStructure(more, listed).errors, 'column-name-above-repository'), [
      'src/server/goods/stock.service.ts names database column item_id (line 1): map rows to domain values in the repository',
    ]);

    // The service now passes a domain value: the names it no longer uses are stale.
    const moved = withFiles(SCHEMA, {
      ...service,
      text: 'export const add = (insert, input) => insert({ networkId: input.networkId, created_at: input.at });\n',
    });
    assert.deepEqual(only(checkStructure(moved, listed).errors, 'stale-exception'), [
      'src/server/goods/stock.service.ts no longer names network_id: remove it from columnNamesAboveRepositories',
    ]);
  });

  it('lists files over 500 lines as warnings, not failures', () => {
    const long = `${Array.from({ length: 501 }, (_, i) => `export const n${i} = ${i};`).join('\n')}\n`;
    const files = withFiles(
      { path: 'src/server/goods/stock.pages.tsx', text: long },
      {
        path: 'src/server/goods/report.pages.tsx',
        text: `${Array.from({ length: 500 }, () => '//').join('\n')}\n`,
      },
    );
    const report = checkStructure(files, NONE);
    assert.deepEqual(report.errors, []);
    assert.deepEqual(only(report.warnings, 'long-file'), [
      'src/server/goods/stock.pages.tsx: 501 lines',
    ]);
    assert.equal(report.counts.longFiles, 1);
  });

  it('passes the real src/ with the current exceptions list', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const report = checkStructure(readSourceTree(root), STRUCTURE_EXCEPTIONS);
    assert.deepEqual(
      report.errors.map((e) => e.message),
      [],
    );
    assert.ok(report.counts.files > 300, 'the whole of src/ was read');
  });
});
