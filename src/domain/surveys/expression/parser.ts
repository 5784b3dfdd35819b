import { type BinaryOp, type Expr, ExprError } from './ast.ts';
import { FUNCTIONS } from './functions.ts';
import { type Punct, type Token, tokenize } from './lexer.ts';

/**
 * A recursive-descent parser for the XLSForm expression language (an XPath 1.0 subset):
 *
 *   or      := and ('or' and)*
 *   and     := eq ('and' eq)*
 *   eq      := rel (('=' | '!=') rel)*
 *   rel     := add (('<' | '<=' | '>' | '>=') add)*
 *   add     := mul (('+' | '-') mul)*
 *   mul     := unary (('*' | 'div' | 'mod') unary)*
 *   unary   := '-' unary | primary
 *   primary := number | string | '${' name '}' | '.' | name '(' args? ')' | name | '(' or ')'
 *
 * As in XPath, `and`, `or`, `div` and `mod` are operators only where an operator can stand,
 * so a choice column called `mod` still reads as a name. Location paths, predicates and
 * unions are refused with `unsupported_path`. Nesting is capped (MAX_DEPTH) so no input can
 * exhaust the stack: every failure is an ExprError with the offset where it was noticed.
 */
export const MAX_DEPTH = 64;

const EQ: Record<string, BinaryOp> = { '=': '=', '!=': '!=' };
const REL: Record<string, BinaryOp> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const ADD: Record<string, BinaryOp> = { '+': '+', '-': '-' };

export function parseExpression(src: string): Expr {
  if (src.trim() === '') throw new ExprError('empty', 0);
  return new Parser(tokenize(src)).parse();
}

function describe(tok: Token): string {
  switch (tok.t) {
    case 'num':
      return String(tok.v);
    case 'str':
      return `'${tok.v.slice(0, 20)}'`;
    case 'ref':
      return `\${${tok.v}}`;
    case 'name':
    case 'punct':
      return tok.v;
    case 'dot':
      return '.';
    case 'eof':
      return '';
  }
}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly toks: Token[]) {}

  private get tok(): Token {
    return this.toks[this.i]!;
  }

  private unexpected(): never {
    const tok = this.tok;
    if (tok.t === 'eof') throw new ExprError('unexpected_end', tok.pos);
    throw new ExprError('unexpected_token', tok.pos, { token: describe(tok) });
  }

  private isPunct(v: Punct): boolean {
    const tok = this.tok;
    return tok.t === 'punct' && tok.v === v;
  }

  private expect(v: Punct): void {
    if (!this.isPunct(v)) this.unexpected();
    this.i++;
  }

  parse(): Expr {
    const e = this.or();
    if (this.tok.t !== 'eof') this.unexpected();
    return e;
  }

  private enter(pos: number): void {
    if (++this.depth > MAX_DEPTH) throw new ExprError('too_deep', pos, { max: MAX_DEPTH });
  }

  /** A binary level whose operators are words (`or`, `and`, `div`, `mod`) or punctuation. */
  private level(next: () => Expr, ops: (tok: Token) => BinaryOp | undefined): Expr {
    let l = next();
    for (let op = ops(this.tok); op !== undefined; op = ops(this.tok)) {
      const pos = this.tok.pos;
      this.i++;
      const r = next();
      l = { k: 'bin', op, l, r, pos };
    }
    return l;
  }

  private or(): Expr {
    return this.level(
      () => this.and(),
      (t) => (t.t === 'name' && t.v === 'or' ? 'or' : undefined),
    );
  }
  private and(): Expr {
    return this.level(
      () => this.eq(),
      (t) => (t.t === 'name' && t.v === 'and' ? 'and' : undefined),
    );
  }
  private eq(): Expr {
    return this.level(
      () => this.rel(),
      (t) => (t.t === 'punct' ? EQ[t.v] : undefined),
    );
  }
  private rel(): Expr {
    return this.level(
      () => this.add(),
      (t) => (t.t === 'punct' ? REL[t.v] : undefined),
    );
  }
  private add(): Expr {
    return this.level(
      () => this.mul(),
      (t) => (t.t === 'punct' ? ADD[t.v] : undefined),
    );
  }
  private mul(): Expr {
    return this.level(
      () => this.unary(),
      (t) =>
        t.t === 'punct' && t.v === '*'
          ? '*'
          : t.t === 'name' && (t.v === 'div' || t.v === 'mod')
            ? t.v
            : undefined,
    );
  }

  private unary(): Expr {
    if (this.isPunct('-')) {
      const pos = this.tok.pos;
      this.i++;
      this.enter(pos);
      const e = this.unary();
      this.depth--;
      return { k: 'neg', e, pos };
    }
    return this.primary();
  }

  private primary(): Expr {
    const tok = this.tok;
    switch (tok.t) {
      case 'num':
        this.i++;
        return { k: 'num', v: tok.v, pos: tok.pos };
      case 'str':
        this.i++;
        return { k: 'str', v: tok.v, pos: tok.pos };
      case 'ref':
        this.i++;
        return { k: 'ref', name: tok.v, pos: tok.pos };
      case 'dot':
        this.i++;
        return { k: 'self', pos: tok.pos };
      case 'name': {
        this.i++;
        if (!this.isPunct('(')) return { k: 'attr', name: tok.v, pos: tok.pos };
        return this.call(tok.v, tok.pos);
      }
      case 'punct':
        if (tok.v === '(') {
          this.i++;
          this.enter(tok.pos);
          const e = this.or();
          this.depth--;
          this.expect(')');
          return e;
        }
        return this.unexpected();
      case 'eof':
        return this.unexpected();
    }
  }

  private call(name: string, pos: number): Expr {
    const def = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!def) throw new ExprError('unknown_function', pos, { name });
    this.i++; // (
    this.enter(pos);
    const args: Expr[] = [];
    if (!this.isPunct(')')) {
      args.push(this.or());
      while (this.isPunct(',')) {
        this.i++;
        args.push(this.or());
      }
    }
    this.expect(')');
    this.depth--;
    if (args.length < def.min || args.length > def.max) {
      throw new ExprError('wrong_arity', pos, {
        name,
        min: def.min,
        max: def.max === def.min ? def.min : def.max,
        given: args.length,
      });
    }
    return { k: 'call', name, args, pos };
  }
}
