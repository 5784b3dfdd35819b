// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to an answer as ${name}, inside plain strings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ExprError, isExprError } from '../../../src/domain/surveys/expression/ast.ts';
import { checkExpression } from '../../../src/domain/surveys/expression/check.ts';
import {
  type EvalEnv,
  evaluate,
  references,
} from '../../../src/domain/surveys/expression/evaluate.ts';
import { MAX_EXPRESSION_LENGTH } from '../../../src/domain/surveys/expression/lexer.ts';
import { MAX_DEPTH, parseExpression } from '../../../src/domain/surveys/expression/parser.ts';
import { DateValue, type Value } from '../../../src/domain/surveys/expression/values.ts';

const answers: Record<string, Value> = {
  age: 34,
  name: 'Ana',
  empty: '',
  needs: 'food rides',
  region: 'north',
  born: new DateValue(Date.UTC(1990, 0, 15) / 86_400_000),
  half: 2.5,
};

function env(self: Value = '', attrs: Record<string, string> = {}): EvalEnv {
  return {
    today: '2025-03-31',
    ref: (n) => answers[n] ?? '',
    self: () => self,
    attr: (n) => attrs[n] ?? '',
    choiceLabel: (q, c) => (q === 'region' && c === 'north' ? 'Norte' : ''),
  };
}

const run = (src: string, self?: Value, attrs?: Record<string, string>) =>
  evaluate(parseExpression(src), env(self, attrs));

function parseError(src: string): ExprError {
  try {
    parseExpression(src);
  } catch (e) {
    if (isExprError(e)) return e;
    throw e;
  }
  assert.fail(`expected a parse error for ${src}`);
}

describe('expression language: evaluation', () => {
  it('reads answers, compares and combines them with and/or/not', () => {
    assert.equal(run('${age} > 18 and ${name} = "Ana"'), true);
    assert.equal(run("${age} < 18 or ${name} != 'Ana'"), false);
    assert.equal(run('not(${age} >= 34)'), false);
    assert.equal(run('${age} <= 34'), true);
  });

  it('does arithmetic with div and mod and XPath precedence', () => {
    assert.equal(run('1 + 2 * 3'), 7);
    assert.equal(run('(1 + 2) * 3'), 9);
    assert.equal(run('7 div 2'), 3.5);
    assert.equal(run('7 mod 3'), 1);
    assert.equal(run('-7 mod 3'), -1);
    assert.equal(run('1 div 0'), Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(run('0 div 0') as number));
    assert.equal(run('- - 2'), 2);
    assert.equal(run('${half} * 2'), 5);
  });

  it('treats an unanswered question as empty: false, NaN, equal only to the empty string', () => {
    assert.equal(run("${empty} = ''"), true);
    assert.equal(run('${empty} > 3'), false);
    assert.equal(run('${empty} < 3'), false);
    assert.equal(run('${empty} = 0'), false);
    assert.equal(run('${empty} != 0'), true);
    assert.equal(run('${unknown} = ""'), true);
    assert.equal(run('not(${empty})'), true);
    assert.ok(Number.isNaN(run('${empty} + 1') as number));
  });

  it("reads '.' as the answer being checked (constraints)", () => {
    assert.equal(run('. >= 0 and . < 120', 42), true);
    assert.equal(run('. >= 0', -1), false);
  });

  it('selected() and count-selected() read a multiple-choice answer', () => {
    assert.equal(run("selected(${needs}, 'rides')"), true);
    assert.equal(run("selected(${needs}, 'ride')"), false);
    assert.equal(run("selected(${empty}, 'rides')"), false);
    assert.equal(run('count-selected(${needs})'), 2);
    assert.equal(run('count-selected(${empty})'), 0);
    assert.equal(run('selected-at(${needs}, 1)'), 'rides');
  });

  it('has the text functions', () => {
    assert.equal(run("string-length('ñandú')"), 5);
    assert.equal(run("concat(${name}, '-', ${age})"), 'Ana-34');
    assert.equal(run("coalesce(${empty}, 'none')"), 'none');
    assert.equal(run("coalesce(${name}, 'none')"), 'Ana');
    assert.equal(run("if(${age} > 30, 'older', 'younger')"), 'older');
    assert.equal(run("contains(${name}, 'n')"), true);
    assert.equal(run("substr('abcdef', 1, 3)"), 'bc');
    assert.equal(run("normalize-space('  a   b ')"), 'a b');
    assert.equal(run("jr:choice-name(${region}, '${region}')"), 'Norte');
  });

  it('matches regex() anywhere in the text, as ODK does', () => {
    assert.equal(run("regex('call 555-1234', '[0-9]{3}-[0-9]{4}')"), true);
    assert.equal(run("regex('555-1234x', '^[0-9]{3}-[0-9]{4}$')"), false);
    assert.equal(run("regex(., '^[A-Z]{2}[0-9]+$')", 'AB123'), true);
    // A pattern built at run time that the engine refuses simply does not match.
    assert.equal(run("regex('aa', concat('(a)', '\\\\1'))"), false);
  });

  it('has dates: today(), date(), comparisons and day arithmetic', () => {
    assert.equal(run("today() = date('2025-03-31')"), true);
    assert.equal(run('${born} < today()'), true);
    assert.equal(run("${born} = '1990-01-15'"), true);
    assert.equal(run("today() - date('2025-03-01')"), 30);
    assert.equal(run('. <= today()', new DateValue(Date.UTC(2026, 0, 1) / 86_400_000)), false);
    assert.equal(run("string(date('2024-02-30'))"), '');
    assert.equal(run("date('2024-02-29') > date('2024-02-28')"), true);
  });

  it('reads bare names as columns of the choice being filtered', () => {
    assert.equal(run('region = ${region}', '', { region: 'north' }), true);
    assert.equal(run('region = ${region}', '', { region: 'south' }), false);
  });

  it('lists the questions an expression reads', () => {
    assert.deepEqual(references(parseExpression('${a} > 1 and selected(${b}, "x") or ${a} = 2')), [
      'a',
      'b',
    ]);
  });
});

describe('expression language: parse errors carry a code and a position', () => {
  it('points at the character that is wrong', () => {
    const cases: [string, string, number][] = [
      ['${x} = ‘yes’', 'curly_quote', 7],
      ["instance('a')/root", 'unsupported_path', 13],
      ['${x}[1]', 'unsupported_path', 4],
      ['foo(1)', 'unknown_function', 0],
      ['selected(${x})', 'wrong_arity', 0],
      ['(1 + 2', 'unexpected_end', 6],
      ['1 + + ', 'unexpected_token', 4],
      ['1 +', 'unexpected_end', 3],
      ['1 2', 'unexpected_token', 2],
      ["'abc", 'unterminated_string', 0],
      ['${abc', 'unterminated_reference', 0],
      ['${a b} = 1', 'invalid_reference_name', 0],
      ['$x', 'unexpected_character', 0],
      ['1 # 2', 'unexpected_character', 2],
      ['.. = 1', 'unsupported_path', 0],
      ['   ', 'empty', 0],
    ];
    for (const [src, code, position] of cases) {
      const e = parseError(src);
      assert.equal(e.code, code, src);
      assert.equal(e.position, position, src);
      assert.equal(e.toMessage().key, `survey.expression.${code}`);
      assert.equal(e.toMessage().params.column, position + 1);
    }
  });

  it('refuses too long and too deep expressions before they can exhaust anything', () => {
    assert.equal(parseError('1+'.repeat(MAX_EXPRESSION_LENGTH)).code, 'too_long');
    assert.equal(
      parseError(`${'('.repeat(MAX_DEPTH + 1)}1${')'.repeat(MAX_DEPTH + 1)}`).code,
      'too_deep',
    );
    assert.equal(parseError(`${'-'.repeat(MAX_DEPTH + 1)}1`).code, 'too_deep');
    assert.equal(
      parseError(`${'not('.repeat(MAX_DEPTH + 1)}1${')'.repeat(MAX_DEPTH + 1)}`).code,
      'too_deep',
    );
    // Just inside the limit parses.
    assert.equal(run(`${'('.repeat(MAX_DEPTH - 1)}1${')'.repeat(MAX_DEPTH - 1)}`), 1);
  });

  it('keeps and/or/div/mod as names where no operator can stand', () => {
    assert.equal(run('mod = "x"', '', { mod: 'x' }), true);
    assert.equal(run('div div 2', '', { div: '8' }), 4);
  });
});

describe('expression checks in their role', () => {
  const scope = { questions: new Set(['age', 'region']), choiceColumns: new Set(['region']) };
  it('refuses unknown questions, `.` outside constraints and bare names outside choice filters', () => {
    const codes = (src: string, role: 'relevant' | 'constraint' | 'choice_filter') =>
      checkExpression(src, role, scope).problems.map((p) => [p.code, p.position]);
    assert.deepEqual(codes('${agee} > 3', 'relevant'), [['unknown_reference', 0]]);
    assert.deepEqual(codes('. > 3', 'relevant'), [['self_not_allowed', 0]]);
    assert.deepEqual(codes('. > 3', 'constraint'), []);
    assert.deepEqual(codes('region = 1', 'relevant'), [['bare_name', 0]]);
    assert.deepEqual(codes('region = ${region}', 'choice_filter'), []);
    assert.deepEqual(codes('district = ${region}', 'choice_filter'), [
      ['unknown_choice_column', 0],
    ]);
    assert.deepEqual(codes("jr:choice-name(${region}, 'region')", 'relevant'), [
      ['choice_name_argument', 26],
    ]);
  });

  it('refuses regex patterns the bounded engine does not run, pointing into the pattern', () => {
    const p = checkExpression("regex(., '(a)\\1')", 'constraint', scope).problems;
    assert.equal(p[0]?.code, 'regex_backreference');
    assert.equal(p[0]?.position, 13);
    assert.equal(
      checkExpression("regex(., '(?=a)')", 'constraint', scope).problems[0]?.code,
      'regex_lookaround',
    );
    assert.equal(
      checkExpression("regex(., '[a-')", 'constraint', scope).problems[0]?.code,
      'regex_invalid',
    );
    assert.deepEqual(checkExpression("regex(., '^(a+)+$')", 'constraint', scope).problems, []);
  });
});
