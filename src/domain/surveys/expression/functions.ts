import { type BoundedRegex, compileRegex } from './bounded-regex.ts';
import {
  DateValue,
  isoToDays,
  toBoolean,
  toDate,
  toNumber,
  toStringValue,
  type Value,
} from './values.ts';

/** What a function may need beyond its arguments. */
export interface FunctionContext {
  /** Today's date in the network's time zone, YYYY-MM-DD (a pure function takes it in). */
  readonly today: string;
  /** The label, in the answering language, of `choice` of the question named `question`. */
  choiceLabel(question: string, choice: string): string;
}

type Impl = (args: Value[], ctx: FunctionContext) => Value;
interface FunctionDef {
  readonly min: number;
  readonly max: number;
  readonly impl: Impl;
}

/** A select_multiple answer is its choice names separated by spaces, as in XForms. */
export function selectedNames(v: Value): string[] {
  return toStringValue(v).split(/\s+/).filter(Boolean);
}

// Compiled patterns are kept: a constraint is checked on every answer of a survey.
const REGEX_CACHE = new Map<string, BoundedRegex | null>();
const REGEX_CACHE_SIZE = 200;

function cachedRegex(pattern: string): BoundedRegex | null {
  const hit = REGEX_CACHE.get(pattern);
  if (hit !== undefined) return hit;
  let compiled: BoundedRegex | null;
  try {
    compiled = compileRegex(pattern);
  } catch {
    // A pattern refused by the check (see checkExpression) cannot reach here from a saved
    // survey; one built at run time (concat) that is refused simply does not match.
    compiled = null;
  }
  if (REGEX_CACHE.size >= REGEX_CACHE_SIZE) REGEX_CACHE.clear();
  REGEX_CACHE.set(pattern, compiled);
  return compiled;
}

const str = (v: Value | undefined) => (v === undefined ? '' : toStringValue(v));
const num = (v: Value | undefined) => (v === undefined ? Number.NaN : toNumber(v));

function round(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const d = Number.isFinite(digits) ? Math.trunc(digits) : 0;
  if (d < -15 || d > 15) return x;
  const f = 10 ** d;
  // XPath rounds halves up (towards positive infinity), as Math.round does.
  return Math.round(x * f) / f;
}

function substr(s: string, start: number, end: number | undefined): string {
  const chars = Array.from(s);
  const from = Number.isFinite(start) ? Math.max(0, Math.trunc(start)) : 0;
  const to = end === undefined || !Number.isFinite(end) ? chars.length : Math.trunc(end);
  return chars.slice(from, Math.max(from, to)).join('');
}

function extreme(args: Value[], pick: (a: number, b: number) => number): number {
  let acc = Number.NaN;
  for (const a of args) {
    const x = toNumber(a);
    if (Number.isNaN(x)) return Number.NaN;
    acc = Number.isNaN(acc) ? x : pick(acc, x);
  }
  return acc;
}

/** `${name}` as text (the second argument of jr:choice-name), or null. */
function refText(s: string): string | null {
  const m = /^\s*\$\{([^}]+)\}\s*$/.exec(s);
  return m ? m[1]! : null;
}

export const FUNCTIONS: Readonly<Record<string, FunctionDef>> = {
  // logic
  true: { min: 0, max: 0, impl: () => true },
  false: { min: 0, max: 0, impl: () => false },
  not: { min: 1, max: 1, impl: ([a]) => !toBoolean(a!) },
  boolean: { min: 1, max: 1, impl: ([a]) => toBoolean(a!) },
  if: { min: 3, max: 3, impl: ([c, a, b]) => (toBoolean(c!) ? a! : b!) },
  coalesce: {
    min: 2,
    max: 2,
    impl: ([a, b]) => (str(a) !== '' ? a! : b!),
  },
  // choices
  selected: { min: 2, max: 2, impl: ([list, v]) => selectedNames(list!).includes(str(v).trim()) },
  'count-selected': { min: 1, max: 1, impl: ([list]) => selectedNames(list!).length },
  'selected-at': {
    min: 2,
    max: 2,
    impl: ([list, i]) => {
      const names = selectedNames(list!);
      const k = num(i);
      return Number.isInteger(k) && k >= 0 && k < names.length ? names[k]! : '';
    },
  },
  'jr:choice-name': {
    min: 2,
    max: 2,
    impl: ([value, question], ctx) => {
      const name = refText(str(question));
      return name ? ctx.choiceLabel(name, str(value).trim()) : '';
    },
  },
  // text
  'string-length': { min: 1, max: 1, impl: ([s]) => Array.from(str(s)).length },
  concat: { min: 1, max: 64, impl: (args) => args.map(str).join('') },
  contains: { min: 2, max: 2, impl: ([a, b]) => str(a).includes(str(b)) },
  'starts-with': { min: 2, max: 2, impl: ([a, b]) => str(a).startsWith(str(b)) },
  'ends-with': { min: 2, max: 2, impl: ([a, b]) => str(a).endsWith(str(b)) },
  substr: {
    min: 2,
    max: 3,
    impl: ([s, a, b]) => substr(str(s), num(a), b === undefined ? undefined : num(b)),
  },
  'normalize-space': {
    min: 1,
    max: 1,
    impl: ([s]) => str(s).trim().replace(/\s+/g, ' '),
  },
  regex: {
    min: 2,
    max: 2,
    impl: ([s, p]) => cachedRegex(str(p))?.test(str(s)) ?? false,
  },
  string: { min: 1, max: 1, impl: ([a]) => str(a) },
  // numbers
  number: { min: 1, max: 1, impl: ([a]) => num(a) },
  int: { min: 1, max: 1, impl: ([a]) => Math.trunc(num(a)) },
  round: { min: 1, max: 2, impl: ([a, d]) => round(num(a), d === undefined ? 0 : num(d)) },
  floor: { min: 1, max: 1, impl: ([a]) => Math.floor(num(a)) },
  ceiling: { min: 1, max: 1, impl: ([a]) => Math.ceil(num(a)) },
  abs: { min: 1, max: 1, impl: ([a]) => Math.abs(num(a)) },
  pow: { min: 2, max: 2, impl: ([a, b]) => num(a) ** num(b) },
  min: { min: 1, max: 64, impl: (args) => extreme(args, Math.min) },
  max: { min: 1, max: 64, impl: (args) => extreme(args, Math.max) },
  // dates
  today: { min: 0, max: 0, impl: (_args, ctx) => new DateValue(isoToDays(ctx.today)) },
  date: { min: 1, max: 1, impl: ([a]) => toDate(a!) },
};

export function isKnownFunction(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name);
}
