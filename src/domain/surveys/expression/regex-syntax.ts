/**
 * The syntax of the patterns `regex()` accepts (see bounded-regex.ts for what and why):
 * a small recursive-descent parser from a pattern to a tree of character sets, anchors,
 * sequences, alternations and repetitions. Anything it does not know is refused.
 */
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

export type Range = readonly [number, number];
export type CharSet = { ranges: Range[]; not: Range[][]; negate: boolean };
export type Node =
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

export function matches(set: CharSet, cp: number): boolean {
  const hit = inRanges(cp, set.ranges) || set.not.some((r) => !inRanges(cp, r));
  return hit !== set.negate;
}

const single = (cp: number): CharSet => ({ ranges: [[cp, cp]], not: [], negate: false });

export class Parser {
  private i = 0;
  private readonly cps: number[];
  constructor(src: string) {
    this.cps = Array.from(src, (c) => c.codePointAt(0)!);
  }
  private peek(): string | undefined {
    const c = this.cps[this.i];
    return c === undefined ? undefined : String.fromCodePoint(c);
  }
  /** Refuses the pattern; `at` is the code-point offset to point at (default: here). */
  private fail(code: RegexErrorCode = 'regex_invalid', at = this.i): never {
    throw new RegexError(code, at);
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
    const at = this.i - 1; // the backslash
    const c = this.peek();
    if (c === undefined) this.fail('regex_invalid', at);
    this.i++;
    if (c === 'd' || c === 'D') return { ranges: DIGIT, not: [], negate: c === 'D' };
    if (c === 'w' || c === 'W') return { ranges: WORD, not: [], negate: c === 'W' };
    if (c === 's' || c === 'S') return { ranges: SPACE, not: [], negate: c === 'S' };
    if (c in CONTROL) return single(CONTROL[c]!);
    if (c === 'b' && inClass) return single(8);
    if (c === 'b' && !inClass) this.fail('regex_word_boundary', at);
    if (c === 'B') this.fail('regex_word_boundary', at);
    if (/[1-9]/.test(c) || c === 'k') this.fail('regex_backreference', at);
    if (SYNTAX.includes(c)) return single(c.codePointAt(0)!);
    return this.fail('regex_invalid', at);
  }
}
