import { ExprError } from './ast.ts';

/** The longest expression accepted: real XLSForm relevants and constraints stay well under. */
export const MAX_EXPRESSION_LENGTH = 2000;

export type Punct = '(' | ')' | ',' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*';

export type Token =
  | { t: 'num'; v: number; pos: number; end: number }
  | { t: 'str'; v: string; pos: number; end: number }
  | { t: 'ref'; v: string; pos: number; end: number }
  | { t: 'name'; v: string; pos: number; end: number }
  | { t: 'dot'; pos: number; end: number }
  | { t: 'punct'; v: Punct; pos: number; end: number }
  | { t: 'eof'; pos: number; end: number };

/** A question name inside `${...}`: an XML name, as XLSForm requires (dots and dashes allowed). */
export const QUESTION_NAME = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;

const NAME_START = /[\p{L}_]/u;
const NAME_CHAR = /[\p{L}\p{N}_.-]/u;
const DIGIT = /[0-9]/;
const SPACE = /\s/u;
const CURLY_QUOTES = '\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb';
/** XPath location paths and predicates: not part of what Mutua evaluates. */
const PATH_CHARS = '/[]@|';

/** Splits an expression into tokens; throws ExprError (never anything else). */
export function tokenize(src: string): Token[] {
  if (src.length > MAX_EXPRESSION_LENGTH) {
    throw new ExprError('too_long', MAX_EXPRESSION_LENGTH, { max: MAX_EXPRESSION_LENGTH });
  }
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (DIGIT.test(c) || (c === '.' && i + 1 < n && DIGIT.test(src[i + 1]!))) {
      while (i < n && DIGIT.test(src[i]!)) i++;
      if (src[i] === '.') {
        i++;
        while (i < n && DIGIT.test(src[i]!)) i++;
      }
      out.push({ t: 'num', v: Number(src.slice(start, i)), pos: start, end: i });
      continue;
    }
    if (c === "'" || c === '"') {
      const close = src.indexOf(c, i + 1);
      if (close < 0) throw new ExprError('unterminated_string', start, { quote: c });
      out.push({ t: 'str', v: src.slice(i + 1, close), pos: start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === '$') {
      if (src[i + 1] !== '{') throw new ExprError('unexpected_character', start, { char: c });
      const close = src.indexOf('}', i + 2);
      if (close < 0) throw new ExprError('unterminated_reference', start);
      const name = src.slice(i + 2, close);
      if (!QUESTION_NAME.test(name)) {
        throw new ExprError('invalid_reference_name', start, { name: name.slice(0, 60) });
      }
      out.push({ t: 'ref', v: name, pos: start, end: close + 1 });
      i = close + 1;
      continue;
    }
    if (c === '.') {
      if (src[i + 1] === '.') throw new ExprError('unsupported_path', start, { char: '..' });
      out.push({ t: 'dot', pos: start, end: i + 1 });
      i++;
      continue;
    }
    if (NAME_START.test(c)) {
      i = readName(src, i);
      if (src[i] === ':' && src[i + 1] !== ':' && i + 1 < n && NAME_START.test(src[i + 1]!)) {
        i = readName(src, i + 1);
      }
      if (src[i] === ':' && src[i + 1] === ':') {
        throw new ExprError('unsupported_path', i, { char: '::' });
      }
      out.push({ t: 'name', v: src.slice(start, i), pos: start, end: i });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=') {
      out.push({ t: 'punct', v: two, pos: start, end: i + 2 });
      i += 2;
      continue;
    }
    if ('(),=<>+-*'.includes(c)) {
      out.push({ t: 'punct', v: c as Punct, pos: start, end: i + 1 });
      i++;
      continue;
    }
    if (CURLY_QUOTES.includes(c)) throw new ExprError('curly_quote', start, { char: c });
    if (PATH_CHARS.includes(c)) throw new ExprError('unsupported_path', start, { char: c });
    throw new ExprError('unexpected_character', start, {
      char: String.fromCodePoint(src.codePointAt(i)!),
    });
  }
  out.push({ t: 'eof', pos: n, end: n });
  return out;
}

function readName(src: string, from: number): number {
  let i = from + 1;
  while (i < src.length && NAME_CHAR.test(src[i]!)) i++;
  return i;
}
