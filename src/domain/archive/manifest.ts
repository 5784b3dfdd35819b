/**
 * What a full export holds, before encryption: JSON Lines, one section per table.
 *
 *   {"format":"mutua-export","version":1,"createdAt":…,"source":{…},"tables":[
 *      {"name":"networks","columns":["id","slug",…],"rows":1,"sealed":[]}, …]}
 *   {"table":"networks","rows":1}
 *   ["0193…","north",…]                      one line per row, values in column order
 *   {"table":"requests","rows":5210}
 *   …
 *   {"end":true,"sha256":"…"}                of every byte before this line
 *
 * The table list with its row counts comes first, so a restore knows what it will write
 * before it writes anything and can refuse a table it does not know; each section says its
 * count again and must hold exactly that many rows; the checksum closes the whole. Rows
 * are arrays, not objects: 100,000 rows do not repeat their column names 100,000 times.
 * Sealed columns hold plaintext here (see DRAFT-replication.md): the archive's own
 * encryption protects them, and a restore seals them again under the new deployment's keys.
 * Pure: lines in, lines out.
 */
import { createHash, type Hash } from 'node:crypto';

export type Scalar = string | number | boolean | null;

export interface TableEntry {
  name: string;
  columns: string[];
  rows: number;
  /** Columns that were sealed at the source and must be sealed again on restore. */
  sealed: string[];
}

export interface ManifestHead {
  format: 'mutua-export';
  version: 1;
  createdAt: string;
  source: { dialect: 'sqlite' | 'postgres'; schema: string; app: string };
  /** The network exported: its id and address. */
  network: { id: string; slug: string };
  tables: TableEntry[];
}

export type ManifestErrorCode =
  | 'MANIFEST_INVALID'
  | 'MANIFEST_VERSION_UNSUPPORTED'
  | 'MANIFEST_ORDER'
  | 'MANIFEST_ROW_COUNT'
  | 'MANIFEST_ROW_SHAPE'
  | 'MANIFEST_CHECKSUM'
  | 'MANIFEST_INCOMPLETE';

export class ManifestError extends Error {
  readonly code: ManifestErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ManifestErrorCode, params: Record<string, string | number> = {}) {
    super(code);
    this.name = 'ManifestError';
    this.code = code;
    this.params = params;
  }
}

const NAME = /^[a-z][a-z0-9_]{0,62}$/;

function checkHead(head: ManifestHead): void {
  const names = new Set<string>();
  for (const t of head.tables) {
    if (!t || typeof t.name !== 'string' || !Array.isArray(t.columns) || !Array.isArray(t.sealed))
      throw new ManifestError('MANIFEST_INVALID', { field: 'tables' });
    if (!NAME.test(t.name) || names.has(t.name))
      throw new ManifestError('MANIFEST_INVALID', { table: String(t.name) });
    names.add(t.name);
    if (!Number.isInteger(t.rows) || t.rows < 0)
      throw new ManifestError('MANIFEST_INVALID', { table: t.name, field: 'rows' });
    const cols = new Set(t.columns);
    if (
      t.columns.length === 0 ||
      cols.size !== t.columns.length ||
      !t.columns.every((c) => NAME.test(c))
    )
      throw new ManifestError('MANIFEST_INVALID', { table: t.name, field: 'columns' });
    if (!t.sealed.every((c) => cols.has(c)))
      throw new ManifestError('MANIFEST_INVALID', { table: t.name, field: 'sealed' });
  }
}

function isScalar(v: unknown): v is Scalar {
  return (
    v === null ||
    typeof v === 'string' ||
    typeof v === 'boolean' ||
    (typeof v === 'number' && Number.isFinite(v))
  );
}

/** Writes the lines of an export in order, checking counts as it goes. */
export class ManifestWriter {
  private readonly hash: Hash = createHash('sha256');
  private table = -1;
  private written = 0;
  private started = false;

  constructor(private readonly head: ManifestHead) {
    checkHead(head);
  }

  private line(value: unknown): string {
    const text = `${JSON.stringify(value)}\n`;
    this.hash.update(text, 'utf8');
    return text;
  }

  begin(): string {
    if (this.started) throw new ManifestError('MANIFEST_ORDER');
    this.started = true;
    return this.line(this.head);
  }

  /** Starts the next table of the list (by name, to catch a caller out of order). */
  section(name: string): string {
    this.closeSection();
    const t = this.head.tables[++this.table];
    if (!this.started || t?.name !== name)
      throw new ManifestError('MANIFEST_ORDER', { table: name });
    this.written = 0;
    return this.line({ table: t.name, rows: t.rows });
  }

  row(values: readonly Scalar[]): string {
    const t = this.head.tables[this.table];
    if (!t) throw new ManifestError('MANIFEST_ORDER');
    if (values.length !== t.columns.length || !values.every(isScalar))
      throw new ManifestError('MANIFEST_ROW_SHAPE', { table: t.name, row: this.written + 1 });
    if (++this.written > t.rows)
      throw new ManifestError('MANIFEST_ROW_COUNT', { table: t.name, rows: t.rows });
    return this.line(values);
  }

  private closeSection(): void {
    const t = this.head.tables[this.table];
    if (t && this.written !== t.rows)
      throw new ManifestError('MANIFEST_ROW_COUNT', {
        table: t.name,
        rows: t.rows,
        got: this.written,
      });
  }

  end(): string {
    this.closeSection();
    if (this.table !== this.head.tables.length - 1) throw new ManifestError('MANIFEST_INCOMPLETE');
    return `${JSON.stringify({ end: true, sha256: this.hash.digest('hex') })}\n`;
  }
}

export type ManifestEvent =
  | { kind: 'head'; head: ManifestHead }
  | { kind: 'table'; table: TableEntry }
  | { kind: 'row'; table: TableEntry; values: Scalar[] }
  | { kind: 'end' };

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ManifestError('MANIFEST_INVALID', { field: 'json' });
  }
}

/** Reads the lines of an export back, refusing anything out of order, short, or altered. */
export class ManifestReader {
  private readonly hash: Hash = createHash('sha256');
  private head: ManifestHead | null = null;
  private table = -1;
  private read = 0;
  private ended = false;

  /** One line, without its "\n". */
  push(line: string): ManifestEvent {
    if (this.ended) throw new ManifestError('MANIFEST_INVALID', { field: 'after-end' });
    const value = parseLine(line);
    if (!this.head) {
      const h = value as ManifestHead;
      if (h?.format !== 'mutua-export')
        throw new ManifestError('MANIFEST_INVALID', { field: 'format' });
      if (h.version !== 1)
        throw new ManifestError('MANIFEST_VERSION_UNSUPPORTED', { version: String(h.version) });
      if (!Array.isArray(h.tables))
        throw new ManifestError('MANIFEST_INVALID', { field: 'tables' });
      checkHead(h);
      this.head = h;
      this.hash.update(`${line}\n`, 'utf8');
      return { kind: 'head', head: h };
    }
    const current = this.head.tables[this.table];
    if (Array.isArray(value)) {
      if (!current) throw new ManifestError('MANIFEST_ORDER');
      if (value.length !== current.columns.length || !value.every(isScalar))
        throw new ManifestError('MANIFEST_ROW_SHAPE', { table: current.name, row: this.read + 1 });
      if (++this.read > current.rows)
        throw new ManifestError('MANIFEST_ROW_COUNT', { table: current.name, rows: current.rows });
      this.hash.update(`${line}\n`, 'utf8');
      return { kind: 'row', table: current, values: value };
    }
    if (current && this.read !== current.rows)
      throw new ManifestError('MANIFEST_ROW_COUNT', {
        table: current.name,
        rows: current.rows,
        got: this.read,
      });
    const v = value as { table?: string; rows?: number; end?: boolean; sha256?: string };
    if (v?.end === true) {
      if (this.table !== this.head.tables.length - 1)
        throw new ManifestError('MANIFEST_INCOMPLETE');
      if (v.sha256 !== this.hash.digest('hex')) throw new ManifestError('MANIFEST_CHECKSUM');
      this.ended = true;
      return { kind: 'end' };
    }
    const next = this.head.tables[this.table + 1];
    if (!next || v?.table !== next.name || v.rows !== next.rows)
      throw new ManifestError('MANIFEST_ORDER', { table: String(v?.table) });
    this.table++;
    this.read = 0;
    this.hash.update(`${line}\n`, 'utf8');
    return { kind: 'table', table: next };
  }

  /** Call at the end of input: an export without its closing line is incomplete. */
  finish(): void {
    if (!this.ended) throw new ManifestError('MANIFEST_INCOMPLETE');
  }
}

/** Splits bytes into lines at "\n" without cutting a UTF-8 letter; 64 MiB at most per line. */
export class LineSplitter {
  private rest: Buffer = Buffer.alloc(0);
  static readonly LINE_MAX = 64 * 1024 * 1024;

  push(bytes: Uint8Array): string[] {
    const data = this.rest.length ? Buffer.concat([this.rest, bytes]) : Buffer.from(bytes);
    const lines: string[] = [];
    let from = 0;
    for (let nl = data.indexOf(0x0a); nl >= 0; nl = data.indexOf(0x0a, from)) {
      lines.push(data.toString('utf8', from, nl));
      from = nl + 1;
    }
    this.rest = data.subarray(from);
    if (this.rest.length > LineSplitter.LINE_MAX)
      throw new ManifestError('MANIFEST_INVALID', { field: 'line-length' });
    return lines;
  }

  /** What is left: a last line without "\n" (an export always ends with one). */
  finish(): string | null {
    return this.rest.length ? this.rest.toString('utf8') : null;
  }
}
