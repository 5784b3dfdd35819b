// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to an answer as ${name}, inside plain strings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type BinaryOp,
  type Expr,
  isExprError,
} from '../../../src/domain/surveys/expression/ast.ts';
import { checkExpression } from '../../../src/domain/surveys/expression/check.ts';
import { type EvalEnv, evaluate } from '../../../src/domain/surveys/expression/evaluate.ts';
import { parseExpression } from '../../../src/domain/surveys/expression/parser.ts';
import { DateValue, type Value } from '../../../src/domain/surveys/expression/values.ts';
import { type Rng, rng } from '../seeded-rng.ts';

const RUNS = 3000;

const PIECES = [
  '${a}',
  '${b}',
  '${',
  '}',
  '$',
  '(',
  ')',
  "'",
  '"',
  "'x'",
  '.',
  ',',
  '=',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '+',
  '-',
  '*',
  '/',
  '[',
  ']',
  '@',
  '|',
  '::',
  'and',
  'or',
  'div',
  'mod',
  'not(',
  'selected(',
  'count-selected(',
  'regex(',
  "'(a+)+'",
  'if(',
  'today()',
  'date(',
  'jr:choice-name(',
  'foo(',
  '1',
  '2.5',
  '.5',
  ' ',
  '  ',
  '‘',
  '’',
  '\u00a0',
  '\n',
  'é',
  '😀',
  'x',
  'region',
  '${a b}',
  '0',
];

const randomValue = (r: Rng): Value =>
  r.pick<() => Value>([
    () => '',
    () => 'a b',
    () => r.int(-5, 5),
    () => r.next() * 10,
    () => r.next() < 0.5,
    () => new DateValue(r.int(-1000, 30000)),
    () => new DateValue(Number.NaN),
    () => Number.NaN,
  ])();

function randomEnv(r: Rng): EvalEnv {
  const vals = new Map<string, Value>();
  const get = (k: string) => {
    if (!vals.has(k)) vals.set(k, randomValue(r));
    return vals.get(k)!;
  };
  return {
    today: '2025-01-01',
    ref: get,
    self: () => get('.'),
    attr: (n) => get(`@${n}`),
    choiceLabel: () => 'L',
  };
}

const soup = (r: Rng) =>
  Array.from({ length: r.int(0, 14) }, () => r.pick(PIECES)).join(r.next() < 0.5 ? '' : ' ');

function mutate(r: Rng, src: string): string {
  let out = src;
  for (let k = r.int(0, 2); k > 0; k--) {
    const at = r.int(0, out.length);
    const piece = r.pick(PIECES);
    out = r.pick([
      () => out.slice(0, at) + piece + out.slice(at),
      () => out.slice(0, at) + out.slice(at + 1),
      () => out.slice(0, at) + piece + out.slice(at + 1),
    ])();
  }
  return out;
}

describe('expression fuzzing: nothing but a parse error ever comes out', () => {
  it('random token soups parse to a tree or fail with ExprError, and trees evaluate without throwing', () => {
    let parsed = 0;
    for (let s = 1; s <= RUNS; s++) {
      const r = rng(s);
      // Half token soups, half printed trees with a few characters changed (near misses).
      const src = s % 2 === 0 ? soup(r) : mutate(r, print(randomTree(r, 4)));
      let expr: Expr | null = null;
      try {
        expr = parseExpression(src);
      } catch (e) {
        assert.ok(isExprError(e), `seed ${s}: ${JSON.stringify(src)} threw ${String(e)}`);
        assert.ok(e.position >= 0 && e.position <= src.length, `seed ${s}: position ${e.position}`);
      }
      if (expr) {
        parsed++;
        evaluate(expr, randomEnv(r));
      }
      const checked = checkExpression(
        src,
        r.pick(['relevant', 'constraint', 'choice_filter'] as const),
        {
          questions: new Set(['a', 'b']),
        },
      );
      assert.equal(checked.expr === null, expr === null, `seed ${s}`);
    }
    // The soup must reach the evaluator often enough for this test to mean something.
    assert.ok(parsed > RUNS / 10, `only ${parsed} parsed`);
  });

  it('random code points never throw anything but ExprError', () => {
    for (let s = 1; s <= 1000; s++) {
      const r = rng(10_000 + s);
      const src = String.fromCodePoint(
        ...Array.from({ length: r.int(0, 40) }, () =>
          r.next() < 0.7 ? r.int(32, 126) : r.int(0, 0x10ffff) & ~0x800,
        ),
      );
      try {
        parseExpression(src);
      } catch (e) {
        assert.ok(isExprError(e), `seed ${s}: ${JSON.stringify(src)} threw ${String(e)}`);
      }
    }
  });
});

// A random tree of the grammar, and a printer that parenthesises everything.
const OPS: BinaryOp[] = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', 'div', 'mod'];

function randomTree(r: Rng, depth: number): Expr {
  const leaf = depth <= 0 || r.next() < 0.3;
  if (leaf) {
    return r.pick<() => Expr>([
      () => ({ k: 'num', v: r.pick([0, 1, 2.5, 10, 0.125]), pos: 0 }),
      () => ({ k: 'str', v: r.pick(['', 'a', 'yes', 'x y', "it's"]), pos: 0 }),
      () => ({ k: 'ref', name: r.pick(['a', 'b', 'q.1', 'long_name']), pos: 0 }),
      () => ({ k: 'self', pos: 0 }),
      () => ({ k: 'attr', name: r.pick(['region', 'and', 'mod', 'name']), pos: 0 }),
    ])();
  }
  return r.pick<() => Expr>([
    () => ({
      k: 'bin',
      op: r.pick(OPS),
      l: randomTree(r, depth - 1),
      r: randomTree(r, depth - 1),
      pos: 0,
    }),
    () => ({ k: 'neg', e: randomTree(r, depth - 1), pos: 0 }),
    () => ({ k: 'call', name: 'not', args: [randomTree(r, depth - 1)], pos: 0 }),
    () => ({
      k: 'call',
      name: 'concat',
      args: [randomTree(r, depth - 1), randomTree(r, depth - 1)],
      pos: 0,
    }),
    () => ({
      k: 'call',
      name: 'if',
      args: [randomTree(r, depth - 1), randomTree(r, depth - 1), randomTree(r, depth - 1)],
      pos: 0,
    }),
  ])();
}

function print(e: Expr): string {
  switch (e.k) {
    case 'num':
      return String(e.v);
    case 'str':
      return e.v.includes("'") ? `"${e.v}"` : `'${e.v}'`;
    case 'ref':
      return `\${${e.name}}`;
    case 'self':
      return '.';
    case 'attr':
      return e.name;
    case 'neg':
      return `-(${print(e.e)})`;
    case 'call':
      return `${e.name}(${e.args.map(print).join(', ')})`;
    case 'bin':
      return `(${print(e.l)} ${e.op} ${print(e.r)})`;
  }
}

function strip(e: Expr): unknown {
  switch (e.k) {
    case 'neg':
      return { k: 'neg', e: strip(e.e) };
    case 'call':
      return { k: 'call', name: e.name, args: e.args.map(strip) };
    case 'bin':
      return { k: 'bin', op: e.op, l: strip(e.l), r: strip(e.r) };
    default: {
      const { pos: _pos, ...rest } = e;
      return rest;
    }
  }
}

function arithmetic(r: Rng, depth: number): { expr: Expr; value: number } {
  if (depth <= 0 || r.next() < 0.3) {
    const v = r.int(0, 9);
    return { expr: { k: 'num', v, pos: 0 }, value: v };
  }
  if (r.next() < 0.15) {
    const inner = arithmetic(r, depth - 1);
    return { expr: { k: 'neg', e: inner.expr, pos: 0 }, value: -inner.value };
  }
  const op = r.pick(['+', '-', '*', 'div', 'mod'] as const);
  const a = arithmetic(r, depth - 1);
  const b = arithmetic(r, depth - 1);
  const js = {
    '+': a.value + b.value,
    '-': a.value - b.value,
    '*': a.value * b.value,
    div: a.value / b.value,
    mod: a.value % b.value,
  };
  return { expr: { k: 'bin', op, l: a.expr, r: b.expr, pos: 0 }, value: js[op] };
}

describe('expression grammar properties', () => {
  it('printing a tree and parsing it back gives the same tree', () => {
    for (let s = 1; s <= 1500; s++) {
      const tree = randomTree(rng(s), 5);
      const src = print(tree);
      assert.deepEqual(strip(parseExpression(src)), strip(tree), `seed ${s}: ${src}`);
    }
  });

  it('arithmetic agrees with a direct computation of the same tree, at every precedence', () => {
    for (let s = 1; s <= 1500; s++) {
      const { expr, value } = arithmetic(rng(s), 5);
      const got = evaluate(parseExpression(print(expr)), randomEnv(rng(s)));
      assert.ok(
        Object.is(got, value) || got === value,
        `seed ${s}: ${print(expr)} = ${String(got)}, expected ${value}`,
      );
    }
    // Without parentheses, precedence decides: * div mod before + -, left to right.
    const flat = (src: string) => evaluate(parseExpression(src), randomEnv(rng(1)));
    assert.equal(flat('2 + 3 * 4 - 10 div 5 mod 3'), 2 + 3 * 4 - ((10 / 5) % 3));
    assert.equal(flat('10 - 4 - 3'), 3);
    assert.equal(flat('1 < 2 = 2 > 1'), true);
    assert.equal(flat('1 = 1 or 1 = 2 and 1 = 3'), true);
  });
});
