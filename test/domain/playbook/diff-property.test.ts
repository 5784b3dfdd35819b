import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type DiffOp,
  diffHunks,
  diffLines,
  diffStats,
  splitLines,
} from '../../../src/domain/playbook/diff.ts';

/** A small seeded generator (mulberry32): the same seed, the same cases. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int };
}

/** Lines from a small alphabet, so that versions share many lines and the diff has work. */
function randomText(r: ReturnType<typeof rng>, maxLines: number): string {
  const n = r.int(0, maxLines);
  return Array.from({ length: n }, () => 'abcde'[r.int(0, 4)]).join('\n');
}

/** The length of a longest common subsequence, by the textbook table (the reference). */
function lcsLength(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      t[i]![j] =
        a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

const oldSide = (ops: DiffOp[]) => ops.filter((o) => o.kind !== 'add').map((o) => o.text);
const newSide = (ops: DiffOp[]) => ops.filter((o) => o.kind !== 'del').map((o) => o.text);

describe('line diff properties (seeded random cases)', () => {
  it('rebuilds both versions, and keeps as many lines as can be kept', () => {
    for (let s = 1; s <= 500; s++) {
      const r = rng(s);
      const a = randomText(r, 30);
      const b = r.next() < 0.2 ? a : randomText(r, 30);
      const ops = diffLines(a, b);
      assert.deepEqual(oldSide(ops), splitLines(a), `seed ${s}`);
      assert.deepEqual(newSide(ops), splitLines(b), `seed ${s}`);
      const same = ops.filter((o) => o.kind === 'same').length;
      assert.equal(same, lcsLength(splitLines(a), splitLines(b)), `seed ${s}: not minimal`);
    }
  });

  it('numbers lines of each side 1, 2, 3 … in order', () => {
    for (let s = 1; s <= 200; s++) {
      const r = rng(s);
      const ops = diffLines(randomText(r, 20), randomText(r, 20));
      let o = 0;
      let n = 0;
      for (const op of ops) {
        if (op.kind !== 'add') assert.equal(op.oldLine, ++o);
        if (op.kind !== 'del') assert.equal(op.newLine, ++n);
      }
    }
  });

  it('hunks hold every change, and their headers count their lines', () => {
    for (let s = 1; s <= 300; s++) {
      const r = rng(s);
      const a = randomText(r, 40);
      const b = randomText(r, 40);
      const hunks = diffHunks(a, b, 2);
      const changes = diffLines(a, b).filter((o) => o.kind !== 'same').length;
      assert.equal(
        hunks.flatMap((h) => h.ops).filter((o) => o.kind !== 'same').length,
        changes,
        `seed ${s}`,
      );
      for (const h of hunks) {
        assert.equal(h.oldLines, h.ops.filter((o) => o.kind !== 'add').length);
        assert.equal(h.newLines, h.ops.filter((o) => o.kind !== 'del').length);
        const firstOld = h.ops.find((o) => o.kind !== 'add');
        if (firstOld && 'oldLine' in firstOld) assert.equal(h.oldStart, firstOld.oldLine);
      }
      for (let i = 1; i < hunks.length; i++)
        assert.ok(hunks[i]!.oldStart > hunks[i - 1]!.oldStart + hunks[i - 1]!.oldLines - 1);
    }
  });
});

describe('line diff examples', () => {
  it('equal texts have no hunks', () => {
    assert.deepEqual(diffHunks('a\nb\n', 'a\nb'), []);
  });

  it('shows a changed line as removed then added, with context', () => {
    const old = 'Bring bags\nArrive at 9\nCheck the list\nSay hello\nClose at 12\n';
    const next = 'Bring bags\nArrive at 8:30\nCheck the list\nSay hello\nClose at 12\n';
    const [h] = diffHunks(old, next, 1);
    assert.deepEqual(
      h?.ops.map((o) => `${o.kind === 'same' ? ' ' : o.kind === 'add' ? '+' : '-'}${o.text}`),
      [' Bring bags', '-Arrive at 9', '+Arrive at 8:30', ' Check the list'],
    );
    assert.deepEqual([h?.oldStart, h?.oldLines, h?.newStart, h?.newLines], [1, 3, 1, 3]);
    assert.deepEqual(diffStats(old, next), { added: 1, removed: 1 });
  });

  it('a page written from nothing is all added, CRLF or not', () => {
    const ops = diffLines('', 'one\r\ntwo\r\n');
    assert.deepEqual(
      ops.map((o) => o.kind),
      ['add', 'add'],
    );
    const [h] = diffHunks('', 'one\ntwo');
    assert.deepEqual([h?.oldStart, h?.oldLines, h?.newStart, h?.newLines], [0, 0, 1, 2]);
  });

  it('a rewrite past the edit limit is all out then all in, still correct', () => {
    const a = Array.from({ length: 2500 }, (_, i) => `old ${i}`).join('\n');
    const b = Array.from({ length: 2500 }, (_, i) => `new ${i}`).join('\n');
    const ops = diffLines(a, b);
    assert.deepEqual(oldSide(ops), splitLines(a));
    assert.deepEqual(newSide(ops), splitLines(b));
  });

  it('a long page with a few edits stays minimal', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const edited = [...lines];
    edited.splice(100, 1, 'changed');
    edited.splice(2000, 0, 'inserted');
    const ops = diffLines(lines.join('\n'), edited.join('\n'));
    assert.equal(ops.filter((o) => o.kind !== 'same').length, 3);
  });
});
