import { type Expr, isExprError } from './ast.ts';
import { compileRegex } from './bounded-regex.ts';
import { nodes } from './evaluate.ts';
import { parseExpression } from './parser.ts';
import { RegexError } from './regex-syntax.ts';

/**
 * Where an expression stands decides what it may read:
 * - `relevant` ("show when") and `constraint` read other answers with `${name}`;
 * - only a `constraint` (and a question's own default) means anything by `.`;
 * - only a `choice_filter` reads bare names, the columns of the choice being filtered.
 */
export type ExpressionRole = 'relevant' | 'constraint' | 'choice_filter';

export interface ExprProblem {
  /** `survey.expression.<code>` in the catalogue. */
  readonly code: string;
  /** 0-based offset in the expression. */
  readonly position: number;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface CheckScope {
  /** The questions the expression may refer to. */
  readonly questions: ReadonlySet<string>;
  /** Questions whose answers are choices (for jr:choice-name). */
  readonly choiceQuestions?: ReadonlySet<string>;
  /** For a choice_filter: the columns of the filtered list (`name` is always one). */
  readonly choiceColumns?: ReadonlySet<string>;
}

export interface CheckResult {
  readonly expr: Expr | null;
  readonly problems: readonly ExprProblem[];
}

/** Parses and checks an expression for its role; problems come in order of position. */
export function checkExpression(src: string, role: ExpressionRole, scope: CheckScope): CheckResult {
  let expr: Expr;
  try {
    expr = parseExpression(src);
  } catch (e) {
    if (isExprError(e)) {
      return { expr: null, problems: [{ code: e.code, position: e.position, params: e.params }] };
    }
    throw e;
  }
  const problems: ExprProblem[] = [];
  const add = (code: string, position: number, params: Record<string, string | number> = {}) =>
    problems.push({ code, position, params });
  for (const node of nodes(expr)) {
    if (node.k === 'ref' && !scope.questions.has(node.name)) {
      add('unknown_reference', node.pos, { name: node.name });
    } else if (node.k === 'self' && role !== 'constraint') {
      add('self_not_allowed', node.pos);
    } else if (node.k === 'attr') {
      if (role !== 'choice_filter') add('bare_name', node.pos, { name: node.name });
      else if (node.name !== 'name' && !scope.choiceColumns?.has(node.name)) {
        add('unknown_choice_column', node.pos, { name: node.name });
      }
    } else if (node.k === 'call' && node.name === 'regex') {
      const pattern = node.args[1]!;
      if (pattern.k === 'str') {
        try {
          compileRegex(pattern.v);
        } catch (e) {
          if (!(e instanceof RegexError)) throw e;
          // +1: the pattern starts after the opening quote.
          add(e.code, pattern.pos + 1 + Math.min(e.position, pattern.v.length));
        }
      }
    } else if (node.k === 'call' && node.name === 'jr:choice-name') {
      const q = node.args[1]!;
      const m = q.k === 'str' ? /^\s*\$\{([^}]+)\}\s*$/.exec(q.v) : null;
      if (!m) add('choice_name_argument', q.pos);
      else if (!(scope.choiceQuestions ?? scope.questions).has(m[1]!)) {
        add('unknown_reference', q.pos, { name: m[1]! });
      }
    }
  }
  problems.sort((a, b) => a.position - b.position);
  return { expr, problems };
}

// Saved surveys keep expressions as text; each is parsed once per process.
const CACHE = new Map<string, Expr | null>();
const CACHE_SIZE = 5000;

/**
 * The tree of an expression that was checked when its survey was saved. A text that does not
 * parse (which a checked survey never holds) gives null, and the caller treats it as absent.
 */
export function compiled(src: string): Expr | null {
  const hit = CACHE.get(src);
  if (hit !== undefined) return hit;
  let expr: Expr | null;
  try {
    expr = parseExpression(src);
  } catch (e) {
    if (!isExprError(e)) throw e;
    expr = null;
  }
  if (CACHE.size >= CACHE_SIZE) CACHE.clear();
  CACHE.set(src, expr);
  return expr;
}
