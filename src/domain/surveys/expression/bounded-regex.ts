import { type CharSet, matches, type Node, Parser, RegexError } from './regex-syntax.ts';

/**
 * The regular expressions of XLSForm's `regex(value, pattern)`, matched by a Thompson NFA
 * simulated Pike-style: every input character advances all live states at once, so a match
 * costs at most (input length x program size) steps whatever the pattern. No pattern can
 * backtrack catastrophically ("(a+)+$" on "aaaa…!" is as fast as "a"), which JavaScript's
 * own RegExp cannot promise; so survey authors' patterns never run in RegExp.
 *
 * Supported: literals, `.`, `\d \D \w \W \s \S`, escaped punctuation, `\n \t \r \f \v`,
 * classes with ranges and negation, groups `( )`, `(?: )`, `(?<name> )`, alternation,
 * `* + ? {n} {n,} {n,m}` (lazy `?` accepted, it does not change whether a text matches),
 * anchors `^` `$`. Refused with a code: back-references and lookaround (they need
 * backtracking), `\b`, anything malformed. Like ODK (Java's `find()`), a pattern matches if
 * it matches anywhere in the text; anchor it with ^…$ to match the whole text.
 */
export const MAX_PATTERN_LENGTH = 500;
/** Compiled instructions; {n,m} is unrolled, so `(\d{1,1000}){1,1000}` is refused. */
export const MAX_PROGRAM_SIZE = 5000;
/** Longer texts do not match (the answer length cap of text questions is 2000 too). */
export const MAX_REGEX_INPUT = 2000;

type Inst =
  | { op: 'char'; set: CharSet }
  | { op: 'split'; x: number; y: number }
  | { op: 'jmp'; x: number }
  | { op: 'bol' }
  | { op: 'eol' }
  | { op: 'match' };

function compile(node: Node, prog: Inst[]): void {
  if (prog.length > MAX_PROGRAM_SIZE) throw new RegexError('regex_too_complex', 0);
  switch (node.t) {
    case 'char':
      prog.push({ op: 'char', set: node.set });
      return;
    case 'bol':
    case 'eol':
      prog.push({ op: node.t });
      return;
    case 'cat':
      for (const item of node.items) compile(item, prog);
      return;
    case 'alt': {
      const jumps: { op: 'jmp'; x: number }[] = [];
      node.alts.forEach((alt, k) => {
        const last = k === node.alts.length - 1;
        const split = { op: 'split' as const, x: prog.length + 1, y: -1 };
        if (!last) prog.push(split);
        compile(alt, prog);
        if (!last) {
          const jmp = { op: 'jmp' as const, x: -1 };
          prog.push(jmp);
          jumps.push(jmp);
          split.y = prog.length;
        }
      });
      for (const j of jumps) j.x = prog.length;
      return;
    }
    case 'rep': {
      for (let k = 0; k < node.min; k++) compile(node.e, prog);
      if (node.max === Infinity) {
        const split = { op: 'split' as const, x: prog.length + 1, y: -1 };
        const loop = prog.length;
        prog.push(split);
        compile(node.e, prog);
        prog.push({ op: 'jmp', x: loop });
        split.y = prog.length;
        return;
      }
      const splits: { op: 'split'; x: number; y: number }[] = [];
      for (let k = node.min; k < node.max; k++) {
        const split = { op: 'split' as const, x: prog.length + 1, y: -1 };
        prog.push(split);
        splits.push(split);
        compile(node.e, prog);
      }
      for (const s of splits) s.y = prog.length;
    }
  }
}

/** A compiled pattern: `test(text)` never takes more than input x program steps. */
export interface BoundedRegex {
  readonly source: string;
  /** The number of instructions of the compiled program. */
  readonly size: number;
  test(text: string): boolean;
  /** As test(), with the number of states visited (at most (text length + 1) x size). */
  measure(text: string): { matched: boolean; steps: number };
}

/** Compiles a pattern, or throws RegexError saying why it is refused. */
export function compileRegex(source: string): BoundedRegex {
  if (source.length > MAX_PATTERN_LENGTH)
    throw new RegexError('regex_too_long', MAX_PATTERN_LENGTH);
  const prog: Inst[] = [];
  compile(new Parser(source).parse(), prog);
  prog.push({ op: 'match' });
  if (prog.length > MAX_PROGRAM_SIZE) throw new RegexError('regex_too_complex', 0);
  return {
    source,
    size: prog.length,
    test: (text) => run(prog, text, { steps: 0 }),
    measure: (text) => {
      const meter = { steps: 0 };
      const matched = run(prog, text, meter);
      return { matched, steps: meter.steps };
    },
  };
}

function run(prog: readonly Inst[], text: string, meter: { steps: number }): boolean {
  if (text.length > MAX_REGEX_INPUT) return false;
  const input = Array.from(text, (c) => c.codePointAt(0)!);
  const n = input.length;
  const mark = new Int32Array(prog.length).fill(-1);
  const stack: number[] = [];
  let clist: number[] = [];
  // Follows jumps, splits and anchors from pc; true when the match state is reachable.
  const add = (list: number[], pc0: number, pos: number): boolean => {
    stack.push(pc0);
    while (stack.length > 0) {
      const pc = stack.pop()!;
      if (mark[pc] === pos) continue;
      mark[pc] = pos;
      meter.steps++;
      const inst = prog[pc]!;
      if (inst.op === 'match') {
        stack.length = 0;
        return true;
      }
      if (inst.op === 'jmp') stack.push(inst.x);
      else if (inst.op === 'split') stack.push(inst.y, inst.x);
      else if (inst.op === 'bol') {
        if (pos === 0) stack.push(pc + 1);
      } else if (inst.op === 'eol') {
        if (pos === n) stack.push(pc + 1);
      } else list.push(pc);
    }
    return false;
  };
  for (let pos = 0; pos <= n; pos++) {
    // A new thread at every position: the pattern may start matching anywhere.
    if (add(clist, 0, pos)) return true;
    if (pos === n) break;
    const cp = input[pos]!;
    const next: number[] = [];
    for (const pc of clist) {
      const inst = prog[pc] as { op: 'char'; set: CharSet };
      if (matches(inst.set, cp) && add(next, pc + 1, pos + 1)) return true;
    }
    clist = next;
  }
  return false;
}
