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
/** Compiled instructions; {n,m} is unrolled, so `\d{1,1000}{1,1000}` is refused here. */
export const MAX_PROGRAM_SIZE = 5000;
/** Longer texts do not match (the answer length cap of text questions is 2000 too). */
export const MAX_REGEX_INPUT = 2000;
const MAX_REPEAT = 1000;

export type RegexErrorCode =
  | 'regex_too_long'
  | 'regex_too_complex'
  | 'regex_invalid'
  | 'regex_backreference'
  | 'regex_lookaround'
  | 'regex_word_boundary';

export class RegexError extends Error {
  constructor(
    readonly code: RegexErrorCode,
    readonly position: number,
  ) {
    super(`${code} at ${position}`);
    this.name = 'RegexError';
  }
}

type Range = readonly [number, number];
type CharSet = { ranges: Range[]; not: Range[][]; negate: boolean };
type Node =
  | { t: 'char'; set: CharSet }
  | { t: 'bol' }
  | { t: 'eol' }
  | { t: 'cat'; items: Node[] }
  | { t: 'alt'; alts: Node[] }
  | { t: 'rep'; e: Node; min: number; max: number };

const DIGIT: Range[] = [[48, 57]];
const WORD: Range[] = [
  [48, 57],
  [65, 90],
  [95, 95],
  [97, 122],
];
// JavaScript's \s: the ASCII spaces and Unicode's space separators, line breaks and BOM.
const SPACE: Range[] = [
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const LINE_BREAKS: Range[] = [
  [10, 10],
  [13, 13],
  [0x2028, 0x2029],
];
const CONTROL: Record<string, number> = { n: 10, t: 9, r: 13, f: 12, v: 11 };
const SYNTAX = '^$\\.*+?()[]{}|/-';

function inRanges(cp: number, ranges: readonly Range[]): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

function matches(set: CharSet, cp: number): boolean {
  const hit = inRanges(cp, set.ranges) || set.not.some((r) => !inRanges(cp, r));
  return hit !== set.negate;
}

const single = (cp: number): CharSet => ({ ranges: [[cp, cp]], not: [], negate: false });

class Parser {
  private i = 0;
  private readonly cps: number[];
  constructor(src: string) {
    this.cps = Array.from(src, (c) => c.codePointAt(0)!);
  }
  private peek(): string | undefined {
    const c = this.cps[this.i];
    return c === undefined ? undefined : String.fromCodePoint(c);
  }
  private fail(code: RegexErrorCode = 'regex_invalid'): never {
    throw new RegexError(code, this.i);
  }

  parse(): Node {
    const node = this.alt();
    if (this.i < this.cps.length) this.fail();
    return node;
  }

  private alt(): Node {
    const alts = [this.seq()];
    while (this.peek() === '|') {
      this.i++;
      alts.push(this.seq());
    }
    return alts.length === 1 ? alts[0]! : { t: 'alt', alts };
  }

  private seq(): Node {
    const items: Node[] = [];
    for (let c = this.peek(); c !== undefined && c !== '|' && c !== ')'; c = this.peek()) {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { t: 'cat', items };
  }

  private quantified(atom: Node): Node {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      [min, max] = this.braces();
    } else {
      return atom;
    }
    if (atom.t === 'bol' || atom.t === 'eol') this.fail();
    if (this.peek() === '?') this.i++;
    const after = this.peek();
    if (after === '*' || after === '+' || after === '?' || after === '{') this.fail();
    return { t: 'rep', e: atom, min, max };
  }

  private braces(): [number, number] {
    this.i++;
    const min = this.int();
    let max = min;
    if (this.peek() === ',') {
      this.i++;
      max = this.peek() === '}' ? Infinity : this.int();
    }
    if (this.peek() !== '}') this.fail();
    this.i++;
    if (max < min) this.fail();
    if (min > MAX_REPEAT || (max !== Infinity && max > MAX_REPEAT)) this.fail('regex_too_complex');
    return [min, max];
  }

  private int(): number {
    const start = this.i;
    while (/[0-9]/.test(this.peek() ?? '')) this.i++;
    if (this.i === start || this.i - start > 6) this.fail();
    return Number(String.fromCodePoint(...this.cps.slice(start, this.i)));
  }

  private atom(): Node {
    const c = this.peek()!;
    this.i++;
    switch (c) {
      case '.':
        return { t: 'char', set: { ranges: LINE_BREAKS, not: [], negate: true } };
      case '^':
        return { t: 'bol' };
      case '$':
        return { t: 'eol' };
      case '(':
        return this.group();
      case '[':
        return { t: 'char', set: this.charClass() };
      case '\\':
        return { t: 'char', set: this.escape(false) };
      case '*':
      case '+':
      case '?':
      case '{':
      case '}':
      case ']':
        this.i--;
        return this.fail();
      default:
        return { t: 'char', set: single(c.codePointAt(0)!) };
    }
  }

  private group(): Node {
    if (this.peek() === '?') {
      this.i++;
      const k = this.peek();
      if (k === ':') this.i++;
      else if (k === '=' || k === '!') this.fail('regex_lookaround');
      else if (k === '<') {
        this.i++;
        if (this.peek() === '=' || this.peek() === '!') this.fail('regex_lookaround');
        const start = this.i;
        while (/[A-Za-z0-9_$]/.test(this.peek() ?? '')) this.i++;
        if (this.i === start || this.peek() !== '>') this.fail();
        this.i++;
      } else this.fail();
    }
    const inner = this.alt();
    if (this.peek() !== ')') this.fail();
    this.i++;
    return inner;
  }

  private charClass(): CharSet {
    const set: CharSet = { ranges: [], not: [], negate: false };
    if (this.peek() === '^') {
      set.negate = true;
      this.i++;
    }
    while (this.peek() !== ']') {
      if (this.peek() === undefined) this.fail();
      const lo = this.classAtom();
      if (
        this.peek() === '-' &&
        this.cps[this.i + 1] !== undefined &&
        this.cps[this.i + 1] !== 93
      ) {
        this.i++;
        const hi = this.classAtom();
        if (typeof lo !== 'number' || typeof hi !== 'number' || hi < lo) this.fail();
        set.ranges.push([lo, hi]);
      } else if (typeof lo === 'number') set.ranges.push([lo, lo]);
      else {
        set.ranges.push(...lo.ranges);
        set.not.push(...lo.not);
      }
    }
    this.i++;
    return set;
  }

  private classAtom(): number | CharSet {
    const c = this.peek()!;
    this.i++;
    if (c !== '\\') return c.codePointAt(0)!;
    const set = this.escape(true);
    const only = set.ranges[0];
    return !set.negate && set.not.length === 0 && set.ranges.length === 1 && only![0] === only![1]
      ? only![0]
      : set.negate
        ? { ranges: [], not: [set.ranges], negate: false }
        : set;
  }

  private escape(inClass: boolean): CharSet {
    const c = this.peek();
    if (c === undefined) this.fail();
    this.i++;
    if (c === 'd' || c === 'D') return { ranges: DIGIT, not: [], negate: c === 'D' };
    if (c === 'w' || c === 'W') return { ranges: WORD, not: [], negate: c === 'W' };
    if (c === 's' || c === 'S') return { ranges: SPACE, not: [], negate: c === 'S' };
    if (c in CONTROL) return single(CONTROL[c]!);
    if (c === 'b' && inClass) return single(8);
    if (c === 'b' && !inClass) this.fail('regex_word_boundary');
    if (c === 'B') this.fail('regex_word_boundary');
    if (/[1-9]/.test(c) || c === 'k') this.fail('regex_backreference');
    if (SYNTAX.includes(c)) return single(c.codePointAt(0)!);
    return this.fail();
  }
}

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
  test(text: string): boolean;
}

/** Compiles a pattern, or throws RegexError saying why it is refused. */
export function compileRegex(source: string): BoundedRegex {
  if (source.length > MAX_PATTERN_LENGTH)
    throw new RegexError('regex_too_long', MAX_PATTERN_LENGTH);
  const prog: Inst[] = [];
  compile(new Parser(source).parse(), prog);
  prog.push({ op: 'match' });
  if (prog.length > MAX_PROGRAM_SIZE) throw new RegexError('regex_too_complex', 0);
  return { source, test: (text) => run(prog, text) };
}

function run(prog: readonly Inst[], text: string): boolean {
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
