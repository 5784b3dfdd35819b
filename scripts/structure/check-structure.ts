/**
 * The structure check: rules about which part of `src/` may import which, and where SQL may
 * be written. A pure function over a list of files and their text, so the tests can plant
 * violations in a made-up tree; `main.ts` runs it over the real `src/`.
 *
 * Rules (each names what it found, file by file):
 * - no import cycle between the folders of `src/server/` (strongly connected components of
 *   the folder graph, Tarjan), except through the edges listed as known exceptions;
 * - `src/domain` never imports `src/server`;
 * - `src/server/core` imports no feature folder;
 * - SQL (Kysely's query builder, `sql` templates, schema changes) only in `*.repository.ts`,
 *   in `src/server/db/` and in files listed as exceptions;
 * - no feature imports another feature's `*.repository.ts` (`core/` repositories are shared),
 *   except the imports listed;
 * - services, jobs, pages and routes (`*.service.ts`, `*.job.ts`, `*.pages.tsx`,
 *   `*.routes.ts`) name no database column: a snake_case property of a `…Table` interface
 *   of `src/server/db/schema.ts` (`network_id`, `created_at`) is not used there as an
 *   object-literal key, a destructured name or a property access. Repositories map rows to
 *   domain values, so a column name above them means a row leaked out (keys of an audit
 *   entry's `details: { … }` are a stored JSON format and do not count), except the names listed;
 * - files over 500 lines are warnings, not failures.
 *
 * The exceptions may only shrink: an exception that no longer occurs is itself a failure,
 * which says to remove it from the list.
 */
import { posix } from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Path from the repository root, with forward slashes: `src/server/goods/stock.service.ts`. */
  readonly path: string;
  readonly text: string;
}

/** An import between two folders that closes a loop, tolerated until it is cut. */
export interface FolderEdgeException {
  /** A unit as the check names it: `src/server/requests`, `src/server/deps.ts`, `src/config.ts`. */
  readonly from: string;
  readonly to: string;
  readonly why: string;
}

export interface FileException {
  readonly file: string;
  readonly why: string;
}

export interface ImportException {
  /** The importing file. */
  readonly from: string;
  /** The other feature's repository file it imports. */
  readonly to: string;
  readonly why?: string;
}

/** The database column names a file above the repositories still names, tolerated until moved. */
export interface ColumnNamesException {
  readonly file: string;
  /** Each column name the file uses, once (sorted): a name no longer used is stale. */
  readonly columns: readonly string[];
  readonly why?: string;
}

export interface StructureExceptions {
  readonly folderCycleEdges: readonly FolderEdgeException[];
  readonly sqlOutsideRepositories: readonly FileException[];
  readonly crossFeatureRepositoryImports: readonly ImportException[];
  readonly columnNamesAboveRepositories: readonly ColumnNamesException[];
}

export type RuleName =
  | 'folder-cycle'
  | 'domain-imports-server'
  | 'core-imports-feature'
  | 'sql-outside-repository'
  | 'cross-feature-repository'
  | 'column-name-above-repository'
  | 'stale-exception'
  | 'long-file';

export interface Finding {
  readonly rule: RuleName;
  readonly message: string;
}

export interface StructureCounts {
  readonly files: number;
  /** Strongly connected groups (two units or more) of the whole folder graph, exceptions included. */
  readonly cycles: number;
  /** The units of the largest of them. */
  readonly largestCycle: number;
  /** Folder edges that close a loop and are tolerated by the exceptions list. */
  readonly toleratedCycleEdges: number;
  /** Groups left once the tolerated edges are taken out: each is a failure. */
  readonly untoleratedCycles: number;
  readonly crossFeatureRepositoryImports: number;
  readonly sqlFilesOutsideRepositories: number;
  readonly sqlCallsOutsideRepositories: number;
  /** Files above the repositories that name a database column, and how many distinct names. */
  readonly filesNamingColumns: number;
  readonly columnNamesAboveRepositories: number;
  readonly longFiles: number;
}

export interface StructureReport {
  /** Failures: new violations and stale exceptions. */
  readonly errors: readonly Finding[];
  readonly warnings: readonly Finding[];
  readonly counts: StructureCounts;
}

export const LONG_FILE_LINES = 500;

const SERVER = 'src/server/';
const CORE = 'src/server/core';
const DOMAIN = 'src/domain/';
const SCHEMA = 'src/server/db/schema.ts';
/** Files that sit above the repositories and must take and give domain values, not rows. */
const ABOVE_REPOSITORIES = /\.(service|job|routes)\.ts$|\.pages\.tsx$/;

/** Folders of `src/server/` that are not features: core may import these. */
const CORE_MAY_IMPORT = new Set(['src/server/core', 'src/server/db', 'src/server/delivery']);

/** Method names of Kysely's query builder and schema builder that start a query. */
const SQL_METHODS = new Set([
  'selectFrom',
  'selectNoFrom',
  'insertInto',
  'replaceInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'withRecursive',
  'executeQuery',
  'createTable',
  'alterTable',
  'dropTable',
  'createIndex',
  'dropIndex',
  'createView',
  'dropView',
]);
/** `sql.raw(…)`, `sql.ref(…)` and friends. */
const SQL_HELPERS = new Set(['raw', 'ref', 'table', 'id', 'lit', 'val', 'join']);

/** An import of one file by another, both as paths from the root. */
export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly typeOnly: boolean;
}

interface ParsedFile {
  readonly path: string;
  readonly lines: number;
  readonly imports: readonly ImportEdge[];
  /** How many SQL calls, with the first line of each. */
  readonly sqlLines: readonly number[];
  /**
   * The snake_case names (with an underscore) used as object-literal keys, destructured
   * names or property accesses, each with the first line it is used on.
   */
  readonly snakeNames: ReadonlyMap<string, number>;
}

function scriptKind(path: string): ts.ScriptKind {
  return path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
}

function resolveSpecifier(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return posix.normalize(posix.join(posix.dirname(from), specifier));
}

/** The imports (static, re-exports and dynamic) and the SQL calls of one file. */
export function parseFile(file: SourceFile): ParsedFile {
  const source = ts.createSourceFile(
    file.path,
    file.text,
    ts.ScriptTarget.Latest,
    true,
    scriptKind(file.path),
  );
  const imports: ImportEdge[] = [];
  const sqlLines: number[] = [];
  const snakeNames = new Map<string, number>();
  const lineOf = (node: ts.Node) =>
    source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const addImport = (specifier: ts.Expression | undefined, typeOnly: boolean) => {
    if (!specifier || !ts.isStringLiteral(specifier)) return;
    const to = resolveSpecifier(file.path, specifier.text);
    if (to) imports.push({ from: file.path, to, typeOnly });
  };
  const addName = (name: ts.Node | undefined) => {
    if (!name) return;
    const text =
      ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)
        ? name.text
        : null;
    if (text && /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/.test(text) && !snakeNames.has(text)) {
      snakeNames.set(text, lineOf(name));
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) || ts.isShorthandPropertyAssignment(node)) {
      if (!isAuditDetailsKey(node)) addName(node.name);
    } else if (ts.isPropertyAccessExpression(node)) {
      addName(node.name);
    } else if (ts.isElementAccessExpression(node)) {
      addName(node.argumentExpression);
    } else if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent)) {
      addName(node.propertyName ?? node.name);
    }
    if (ts.isImportDeclaration(node)) {
      addImport(node.moduleSpecifier, node.importClause?.isTypeOnly ?? false);
    } else if (ts.isExportDeclaration(node)) {
      addImport(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isCallExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        addImport(node.arguments[0], false);
      } else if (
        ts.isPropertyAccessExpression(node.expression) &&
        SQL_METHODS.has(node.expression.name.text)
      ) {
        sqlLines.push(lineOf(node.expression.name));
      } else if (
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === 'sql' &&
        SQL_HELPERS.has(node.expression.name.text)
      ) {
        sqlLines.push(lineOf(node));
      }
    } else if (ts.isTaggedTemplateExpression(node)) {
      if (ts.isIdentifier(node.tag) && node.tag.text === 'sql') sqlLines.push(lineOf(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  const newlines = file.text.split('\n').length - 1;
  const lines = file.text.endsWith('\n') || file.text === '' ? newlines : newlines + 1;
  return { path: file.path, lines, imports, sqlLines, snakeNames };
}

/**
 * A key of an object literal given as `details: { … }`, directly or spread into it
 * (`...(flag ? { many_from_address: true } : {})`): an audit entry's JSON details, whose
 * snake_case keys (`retention_days`) are a stored format of the log, not a row's columns.
 */
function isAuditDetailsKey(node: ts.ObjectLiteralElementLike): boolean {
  let at: ts.Node = node.parent;
  while (
    ts.isObjectLiteralExpression(at) ||
    ts.isSpreadAssignment(at) ||
    ts.isParenthesizedExpression(at) ||
    ts.isConditionalExpression(at) ||
    ts.isBinaryExpression(at)
  ) {
    at = at.parent;
  }
  return ts.isPropertyAssignment(at) && ts.isIdentifier(at.name) && at.name.text === 'details';
}

/** The snake_case column names of the tables declared in schema.ts (`…Table` interfaces). */
export function columnNames(schema: SourceFile): Set<string> {
  const source = ts.createSourceFile(schema.path, schema.text, ts.ScriptTarget.Latest, true);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) || !statement.name.text.endsWith('Table')) continue;
    for (const member of statement.members) {
      if (ts.isPropertySignature(member) && member.name) {
        const name =
          ts.isIdentifier(member.name) || ts.isStringLiteral(member.name) ? member.name.text : '';
        if (name.includes('_')) names.add(name);
      }
    }
  }
  return names;
}

/**
 * The unit a file belongs to in the folder graph: a folder of `src/server/`
 * (`src/server/goods`), a file directly in `src/server/` or `src/` (`src/server/deps.ts`,
 * `src/config.ts`), or a top folder of `src/` (`src/domain`).
 */
export function unitOf(path: string): string {
  const parts = path.split('/');
  if (path.startsWith(SERVER)) return parts.slice(0, 3).join('/');
  if (parts[0] === 'src' && parts.length > 2) return parts.slice(0, 2).join('/');
  return path;
}

/** A feature folder of `src/server/` (every folder but core), or null. */
function featureOf(path: string): string | null {
  if (!path.startsWith(SERVER)) return null;
  const parts = path.split('/');
  if (parts.length < 4) return null;
  const unit = parts.slice(0, 3).join('/');
  return unit === CORE ? null : unit;
}

function isRepository(path: string): boolean {
  return /\.repository\.tsx?$/.test(path);
}

function sqlAllowed(path: string): boolean {
  return isRepository(path) || path.startsWith('src/server/db/');
}

/** Strongly connected components (Tarjan), each sorted, in a stable order. */
export function stronglyConnected(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (v: string): void => {
    indexOf.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!indexOf.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      components.push(component.sort());
    }
  };
  for (const v of [...graph.keys()].sort()) if (!indexOf.has(v)) strongConnect(v);
  return components.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** A shortest loop through `start` inside one component: [start, …, start]. */
function shortestLoop(
  graph: ReadonlyMap<string, ReadonlySet<string>>,
  members: ReadonlySet<string>,
  start: string,
): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!;
    for (const w of [...(graph.get(v) ?? [])].sort()) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [v];
        for (let at = v; at !== start; ) {
          at = previous.get(at)!;
          path.unshift(at);
        }
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start];
}

function addEdge(graph: Map<string, Set<string>>, from: string, to: string): void {
  let targets = graph.get(from);
  if (!targets) {
    targets = new Set();
    graph.set(from, targets);
  }
  targets.add(to);
  if (!graph.has(to)) graph.set(to, new Set());
}

function edgeKey(from: string, to: string): string {
  return `${from} -> ${to}`;
}

function reaches(graph: ReadonlyMap<string, ReadonlySet<string>>, from: string, to: string) {
  const seen = new Set([from]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    for (const w of graph.get(queue[i]!) ?? []) {
      if (w === to) return true;
      if (!seen.has(w)) {
        seen.add(w);
        queue.push(w);
      }
    }
  }
  return false;
}

export function checkStructure(
  files: readonly SourceFile[],
  exceptions: StructureExceptions,
): StructureReport {
  const errors: Finding[] = [];
  const warnings: Finding[] = [];
  const parsed = files
    .filter((f) => f.path.startsWith('src/') && /\.tsx?$/.test(f.path))
    .map(parseFile)
    .sort((a, b) => a.path.localeCompare(b.path));
  const known = new Set(parsed.map((f) => f.path));
  const imports = parsed.flatMap((f) => f.imports.filter((i) => known.has(i.to)));

  const { graph, sample, edgeCount } = folderGraph(parsed);
  const allCycles = stronglyConnected(graph).filter((c) => c.length > 1);
  const tolerated = new Set(exceptions.folderCycleEdges.map((e) => edgeKey(e.from, e.to)));
  const cut = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    cut.set(from, new Set([...targets].filter((to) => !tolerated.has(edgeKey(from, to)))));
  }
  const cycles = stronglyConnected(cut).filter((c) => c.length > 1);
  for (const component of cycles) {
    const loop = shortestLoop(cut, new Set(component), component[0]!);
    const steps = loop.slice(1).map((to, n) => {
      const from = loop[n]!;
      const key = edgeKey(from, to);
      const example = sample.get(key)!;
      return `  ${key} (${edgeCount.get(key)} imports, e.g. ${example.from} imports ${example.to})`;
    });
    errors.push({
      rule: 'folder-cycle',
      message: [
        `import cycle between ${component.length} folders: ${component.join(', ')}`,
        `one loop: ${loop.join(' -> ')}`,
        ...steps,
      ].join('\n'),
    });
  }
  for (const e of exceptions.folderCycleEdges) {
    if (!graph.get(e.from)?.has(e.to)) {
      errors.push({
        rule: 'stale-exception',
        message: `${e.from} no longer imports ${e.to}: remove this edge from folderCycleEdges`,
      });
    } else if (!reaches(graph, e.to, e.from)) {
      errors.push({
        rule: 'stale-exception',
        message: `${e.from} -> ${e.to} closes no cycle any more: remove it from folderCycleEdges`,
      });
    }
  }

  // Layering: domain is pure; core imports no feature.
  for (const i of imports) {
    if (i.from.startsWith(DOMAIN) && i.to.startsWith(SERVER)) {
      errors.push({
        rule: 'domain-imports-server',
        message: `${i.from} imports ${i.to}: src/domain never imports src/server`,
      });
    }
    if (unitOf(i.from) === CORE && i.to.startsWith(SERVER) && !CORE_MAY_IMPORT.has(unitOf(i.to))) {
      errors.push({
        rule: 'core-imports-feature',
        message: `${i.from} imports ${i.to}: src/server/core imports no feature folder`,
      });
    }
  }

  // SQL only in repositories and db/.
  const sqlExceptions = new Set(exceptions.sqlOutsideRepositories.map((e) => e.file));
  let sqlFiles = 0;
  let sqlCalls = 0;
  for (const f of parsed) {
    if (sqlAllowed(f.path) || f.sqlLines.length === 0) continue;
    sqlFiles++;
    sqlCalls += f.sqlLines.length;
    if (!sqlExceptions.has(f.path)) {
      errors.push({
        rule: 'sql-outside-repository',
        message: `${f.path}: SQL outside a repository at line ${f.sqlLines.join(', ')} (move it into a *.repository.ts)`,
      });
    }
  }
  const byPath = new Map(parsed.map((f) => [f.path, f]));
  for (const e of exceptions.sqlOutsideRepositories) {
    const f = byPath.get(e.file);
    if (!f || f.sqlLines.length === 0 || sqlAllowed(f.path)) {
      errors.push({
        rule: 'stale-exception',
        message: `${e.file} has no SQL outside a repository any more: remove it from sqlOutsideRepositories`,
      });
    }
  }

  // No feature imports another feature's repository.
  const repoExceptions = new Set(
    exceptions.crossFeatureRepositoryImports.map((e) => edgeKey(e.from, e.to)),
  );
  const crossPairs = new Set<string>();
  for (const i of imports) {
    if (!isRepository(i.to)) continue;
    const owner = featureOf(i.to);
    if (owner === null || unitOf(i.from) === owner) continue;
    const key = edgeKey(i.from, i.to);
    if (crossPairs.has(key)) continue;
    crossPairs.add(key);
    if (!repoExceptions.has(key)) {
      errors.push({
        rule: 'cross-feature-repository',
        message: `${i.from} imports another feature's repository ${i.to} (use a core lookup or that feature's service)`,
      });
    }
  }
  for (const e of exceptions.crossFeatureRepositoryImports) {
    if (!crossPairs.has(edgeKey(e.from, e.to))) {
      errors.push({
        rule: 'stale-exception',
        message: `${e.from} no longer imports ${e.to}: remove it from crossFeatureRepositoryImports`,
      });
    }
  }

  // Services, jobs, pages and routes name no database column.
  const schema = files.find((f) => f.path === SCHEMA);
  const columns = schema ? columnNames(schema) : new Set<string>();
  const listedColumns = new Map(
    exceptions.columnNamesAboveRepositories.map((e) => [e.file, new Set(e.columns)]),
  );
  let filesNamingColumns = 0;
  let columnNamesAbove = 0;
  for (const f of parsed) {
    if (!f.path.startsWith(SERVER) || !ABOVE_REPOSITORIES.test(f.path)) continue;
    const used = [...f.snakeNames].filter(([name]) => columns.has(name));
    if (used.length === 0) continue;
    filesNamingColumns++;
    columnNamesAbove += used.length;
    const listed = listedColumns.get(f.path) ?? new Set<string>();
    const fresh = used.filter(([name]) => !listed.has(name)).sort(([a], [b]) => a.localeCompare(b));
    if (fresh.length > 0) {
      errors.push({
        rule: 'column-name-above-repository',
        message: `${f.path} names database column${fresh.length > 1 ? 's' : ''} ${fresh.map(([name, line]) => `${name} (line ${line})`).join(', ')}: map rows to domain values in the repository`,
      });
    }
  }
  for (const e of exceptions.columnNamesAboveRepositories) {
    const f = byPath.get(e.file);
    const stale = e.columns.filter((name) => !f?.snakeNames.has(name) || !columns.has(name));
    if (stale.length > 0) {
      errors.push({
        rule: 'stale-exception',
        message: `${e.file} no longer names ${stale.join(', ')}: remove ${stale.length > 1 ? 'them' : 'it'} from columnNamesAboveRepositories`,
      });
    }
  }

  // Long files: warnings.
  let longFiles = 0;
  for (const f of parsed) {
    if (f.lines > LONG_FILE_LINES) {
      longFiles++;
      warnings.push({ rule: 'long-file', message: `${f.path}: ${f.lines} lines` });
    }
  }

  return {
    errors,
    warnings,
    counts: {
      files: parsed.length,
      cycles: allCycles.length,
      largestCycle: Math.max(0, ...allCycles.map((c) => c.length)),
      toleratedCycleEdges: exceptions.folderCycleEdges.length,
      untoleratedCycles: cycles.length,
      crossFeatureRepositoryImports: crossPairs.size,
      sqlFilesOutsideRepositories: sqlFiles,
      sqlCallsOutsideRepositories: sqlCalls,
      filesNamingColumns,
      columnNamesAboveRepositories: columnNamesAbove,
      longFiles,
    },
  };
}

interface FolderGraph {
  readonly graph: Map<string, Set<string>>;
  /** One file import for each folder edge, to name in a finding. */
  readonly sample: Map<string, ImportEdge>;
  /** How many file imports make each folder edge. */
  readonly edgeCount: Map<string, number>;
}

/** The graph of units (see unitOf): an edge where a file of one imports a file of the other. */
function folderGraph(parsed: readonly ParsedFile[]): FolderGraph {
  const known = new Set(parsed.map((f) => f.path));
  const graph = new Map<string, Set<string>>();
  const sample = new Map<string, ImportEdge>();
  const edgeCount = new Map<string, number>();
  for (const f of parsed) if (!graph.has(unitOf(f.path))) graph.set(unitOf(f.path), new Set());
  for (const i of parsed.flatMap((f) => f.imports)) {
    const from = unitOf(i.from);
    const to = unitOf(i.to);
    if (!known.has(i.to) || from === to) continue;
    addEdge(graph, from, to);
    const key = edgeKey(from, to);
    if (!sample.has(key)) sample.set(key, i);
    edgeCount.set(key, (edgeCount.get(key) ?? 0) + 1);
  }
  return { graph, sample, edgeCount };
}

/** The edges of each loop of the folder graph, with how many imports make each: to choose cuts. */
export function cycleEdges(files: readonly SourceFile[]): { edge: string; imports: number }[][] {
  const parsed = files
    .filter((f) => f.path.startsWith('src/') && /\.tsx?$/.test(f.path))
    .map(parseFile);
  const { graph, edgeCount } = folderGraph(parsed);
  return stronglyConnected(graph)
    .filter((c) => c.length > 1)
    .map((component) => {
      const members = new Set(component);
      return component.flatMap((from) =>
        [...(graph.get(from) ?? [])]
          .filter((to) => members.has(to))
          .map((to) => ({
            edge: edgeKey(from, to),
            imports: edgeCount.get(edgeKey(from, to)) ?? 0,
          })),
      );
    });
}
