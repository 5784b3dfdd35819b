/**
 * What changed between two versions of a playbook page, line by line, for its history view:
 * the shortest edit script (Myers' O(ND) algorithm, after the common head and tail are set
 * aside), then hunks with a few lines of context, as `diff -u` shows them. Pure.
 */

export type DiffOp =
  | { kind: 'same'; text: string; oldLine: number; newLine: number }
  | { kind: 'del'; text: string; oldLine: number }
  | { kind: 'add'; text: string; newLine: number };

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  ops: DiffOp[];
}

/**
 * 2,000 changed lines: the trace of the search grows with the square of the changes (about
 * 16 MB here), so beyond that the history shows the page as rewritten (the whole old text
 * out, the whole new text in). A playbook page is a few hundred lines.
 */
export const DIFF_EDIT_MAX = 2000;

export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The middle of the edit script, by Myers' greedy forward search with a trace. */
function myers(a: readonly string[], b: readonly string[]): ('same' | 'del' | 'add')[] | null {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, DIFF_EDIT_MAX);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    // Only diagonals -d-1..d+1 are read at step d: keep that window, not the whole array.
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], n: number, m: number) {
  const ops: ('same' | 'del' | 'add')[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number) => v[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('same');
      x--;
      y--;
    }
    if (d > 0) ops.push(x === prevX ? 'add' : 'del');
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

/** Every line of both versions, marked same, deleted or added, in reading order. */
export function diffLines(oldText: string, newText: string): DiffOp[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = myers(midA, midB) ?? [
    ...midA.map(() => 'del' as const),
    ...midB.map(() => 'add' as const),
  ];
  const kinds = [
    ...Array<'same'>(head).fill('same'),
    ...middle,
    ...Array<'same'>(tail).fill('same'),
  ];
  const out: DiffOp[] = [];
  let i = 0;
  let j = 0;
  for (const kind of kinds) {
    if (kind === 'same') out.push({ kind, text: a[i]!, oldLine: ++i, newLine: ++j });
    else if (kind === 'del') out.push({ kind, text: a[i]!, oldLine: ++i });
    else out.push({ kind, text: b[j]!, newLine: ++j });
  }
  return out;
}

/** The changes with `context` unchanged lines around each; nothing when the texts are equal. */
export function diffHunks(oldText: string, newText: string, context = 3): Hunk[] {
  const ops = diffLines(oldText, newText);
  const changed = ops.map((op, i) => (op.kind === 'same' ? -1 : i)).filter((i) => i >= 0);
  const hunks: Hunk[] = [];
  let k = 0;
  while (k < changed.length) {
    const from = Math.max(0, changed[k]! - context);
    let to = Math.min(ops.length - 1, changed[k]! + context);
    // Changes closer than two contexts apart share one hunk, as diff -u does.
    while (k + 1 < changed.length && changed[k + 1]! - context <= to + 1) {
      k++;
      to = Math.min(ops.length - 1, changed[k]! + context);
    }
    k++;
    const slice = ops.slice(from, to + 1);
    const before = ops.slice(0, from);
    const oldBefore = before.filter((o) => o.kind !== 'add').length;
    const newBefore = before.filter((o) => o.kind !== 'del').length;
    const oldLines = slice.filter((o) => o.kind !== 'add').length;
    const newLines = slice.filter((o) => o.kind !== 'del').length;
    hunks.push({
      oldStart: oldLines === 0 ? oldBefore : oldBefore + 1,
      oldLines,
      newStart: newLines === 0 ? newBefore : newBefore + 1,
      newLines,
      ops: slice,
    });
  }
  return hunks;
}

/** Lines added and removed, for the one-line summary of a version in the history list. */
export function diffStats(oldText: string, newText: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const op of diffLines(oldText, newText)) {
    if (op.kind === 'add') added++;
    else if (op.kind === 'del') removed++;
  }
  return { added, removed };
}
