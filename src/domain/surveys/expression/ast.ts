/**
 * The syntax tree of an XLSForm expression, and the one error a parse can end in.
 * Every node keeps the offset (0-based, in UTF-16 units of the source) it starts at, so a
 * later check (an unknown question, `.` where it means nothing) can point at it too.
 */
export type BinaryOp =
  | 'or'
  | 'and'
  | '='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | 'div'
  | 'mod';

export type Expr =
  | { k: 'num'; v: number; pos: number }
  | { k: 'str'; v: string; pos: number }
  /** `${name}`: the answer to another question. */
  | { k: 'ref'; name: string; pos: number }
  /** `.`: the answer to the question the expression belongs to. */
  | { k: 'self'; pos: number }
  /** A bare name: a column of the choice being filtered (`region` in `region = ${region}`). */
  | { k: 'attr'; name: string; pos: number }
  | { k: 'call'; name: string; args: Expr[]; pos: number }
  | { k: 'bin'; op: BinaryOp; l: Expr; r: Expr; pos: number }
  | { k: 'neg'; e: Expr; pos: number };

export const EXPR_ERROR_CODES = [
  'empty',
  'too_long',
  'too_deep',
  'unexpected_character',
  'curly_quote',
  'unterminated_string',
  'unterminated_reference',
  'invalid_reference_name',
  'unsupported_path',
  'unexpected_token',
  'unexpected_end',
  'unknown_function',
  'wrong_arity',
] as const;
export type ExprErrorCode = (typeof EXPR_ERROR_CODES)[number];

/**
 * A parse error: its code names the message (`survey.expression.<code>` in the catalogue),
 * `position` is the 0-based offset of the offending character, and params fill the message
 * (the character, the function name, the expected argument count).
 */
export class ExprError extends Error {
  readonly code: ExprErrorCode;
  readonly position: number;
  readonly params: Readonly<Record<string, string | number>>;

  constructor(code: ExprErrorCode, position: number, params: Record<string, string | number> = {}) {
    super(`${code} at ${position}`);
    this.name = 'ExprError';
    this.code = code;
    this.position = position;
    this.params = params;
  }

  /** The message key and params for the translation catalogue (position shown 1-based). */
  toMessage(): { key: string; params: Record<string, string | number> } {
    return {
      key: `survey.expression.${this.code}`,
      params: { ...this.params, column: this.position + 1 },
    };
  }
}

export function isExprError(e: unknown): e is ExprError {
  return e instanceof ExprError;
}
