import type { Expr } from './ast.ts';
import { FUNCTIONS, type FunctionContext } from './functions.ts';
import { toBoolean, toNumber, type Value, valuesEqual } from './values.ts';

/** Where an expression reads its values. Lookups of unknown names give '' (empty). */
export interface EvalEnv extends FunctionContext {
  /** `${name}`: the answer to a question ('' when unanswered or not shown). */
  ref(name: string): Value;
  /** `.`: the answer being checked. */
  self(): Value;
  /** A bare name: a column of the choice being filtered. */
  attr(name: string): Value;
}

/**
 * Evaluates a parsed expression. Total: it never throws, whatever the answers (division by
 * zero is Infinity or NaN, a missing value is empty), so a survey can always be answered.
 */
export function evaluate(e: Expr, env: EvalEnv): Value {
  switch (e.k) {
    case 'num':
    case 'str':
      return e.v;
    case 'ref':
      return env.ref(e.name);
    case 'self':
      return env.self();
    case 'attr':
      return env.attr(e.name);
    case 'neg':
      return -toNumber(evaluate(e.e, env));
    case 'call': {
      const def = FUNCTIONS[e.name]!;
      return def.impl(
        e.args.map((a) => evaluate(a, env)),
        env,
      );
    }
    case 'bin': {
      if (e.op === 'and') return toBoolean(evaluate(e.l, env)) && toBoolean(evaluate(e.r, env));
      if (e.op === 'or') return toBoolean(evaluate(e.l, env)) || toBoolean(evaluate(e.r, env));
      const l = evaluate(e.l, env);
      const r = evaluate(e.r, env);
      switch (e.op) {
        case '=':
          return valuesEqual(l, r);
        case '!=':
          return !valuesEqual(l, r);
        case '<':
          return toNumber(l) < toNumber(r);
        case '<=':
          return toNumber(l) <= toNumber(r);
        case '>':
          return toNumber(l) > toNumber(r);
        case '>=':
          return toNumber(l) >= toNumber(r);
        case '+':
          return toNumber(l) + toNumber(r);
        case '-':
          return toNumber(l) - toNumber(r);
        case '*':
          return toNumber(l) * toNumber(r);
        case 'div':
          return toNumber(l) / toNumber(r);
        case 'mod':
          return toNumber(l) % toNumber(r);
      }
    }
  }
}

/** The names an expression reads with `${…}`, in order of first use. */
export function references(e: Expr): string[] {
  const out: string[] = [];
  const walk = (x: Expr): void => {
    if (x.k === 'ref' && !out.includes(x.name)) out.push(x.name);
    else if (x.k === 'neg') walk(x.e);
    else if (x.k === 'bin') {
      walk(x.l);
      walk(x.r);
    } else if (x.k === 'call') for (const a of x.args) walk(a);
  };
  walk(e);
  return out;
}

/** Every node of the tree, parents before children (for checks that point at a node). */
export function nodes(e: Expr): Expr[] {
  const out: Expr[] = [];
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop()!;
    out.push(x);
    if (x.k === 'neg') stack.push(x.e);
    else if (x.k === 'bin') stack.push(x.r, x.l);
    else if (x.k === 'call') stack.push(...[...x.args].reverse());
  }
  return out;
}
