import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compileRegex,
  MAX_REGEX_INPUT,
} from '../../../src/domain/surveys/expression/bounded-regex.ts';
import { RegexError } from '../../../src/domain/surveys/expression/regex-syntax.ts';
import { type Rng, rng } from '../seeded-rng.ts';

// Random patterns of the supported subset, over a small alphabet so matches happen.
function randomPattern(r: Rng, depth: number): string {
  const atom = (): string => {
    if (depth > 0 && r.next() < 0.25)
      return `(${r.next() < 0.5 ? '?:' : ''}${randomPattern(r, depth - 1)})`;
    return r.pick([
      'a',
      'b',
      'c',
      '.',
      '[ab]',
      '[^a]',
      '[a-c]',
      '\\d',
      '\\w',
      '\\s',
      '\\.',
      '[\\d\\s]',
      '[^\\W]',
    ]);
  };
  const seq = () =>
    Array.from(
      { length: r.int(1, 3) },
      () => atom() + r.pick(['', '', '', '*', '+', '?', '{2}', '{1,3}', '{0,}', '*?', '+?']),
    ).join('');
  let p = seq();
  while (r.next() < 0.25) p += `|${seq()}`;
  if (r.next() < 0.2) p = `^${p}`;
  if (r.next() < 0.2) p = `${p}$`;
  return p;
}

describe('bounded regex', () => {
  it('agrees with JavaScript RegExp on random patterns and texts', () => {
    let matched = 0;
    for (let s = 1; s <= 1500; s++) {
      const r = rng(s);
      const pattern = randomPattern(r, 2);
      const mine = compileRegex(pattern);
      const js = new RegExp(pattern, 'u');
      for (let t = 0; t < 8; t++) {
        const text = Array.from({ length: r.int(0, 10) }, () =>
          r.pick(['a', 'b', 'c', '1', ' ', '.', '\n', 'é']),
        ).join('');
        const want = js.test(text);
        if (want) matched++;
        assert.equal(mine.test(text), want, `seed ${s}: /${pattern}/ on ${JSON.stringify(text)}`);
      }
    }
    assert.ok(matched > 1000, `only ${matched} matches`);
  });

  it('stays linear on patterns that make backtracking engines hang', () => {
    const evil = [
      '(a+)+$',
      '(a|a)*b',
      '(a*)*b',
      '^(([a-z])+.)+[A-Z]([a-z])+$',
      '(a|aa)+$',
      '^(\\w+\\s?)+$',
    ];
    const text = `${'a'.repeat(MAX_REGEX_INPUT - 1)}!`;
    for (const p of evil) {
      const re = compileRegex(p);
      const { matched, steps } = re.measure(text);
      assert.equal(matched, false, p);
      assert.ok(steps <= (text.length + 1) * re.size, `${p}: ${steps} steps`);
    }
    // UCL's phone pattern (nested quantifiers) runs, and is right.
    const phone = compileRegex('^(([0-9]{1})*[- .(]*([0-9]{3})[- .)]*[0-9]{3}[- .]*[0-9]{4})+$');
    assert.equal(phone.test('(555) 123-4567'), true);
    assert.equal(phone.test('555-12-4567'), false);
  });

  it('refuses what needs backtracking, and what is malformed, with a code and a position', () => {
    const refused: [string, string, number][] = [
      ['(a)\\1', 'regex_backreference', 3],
      ['a(?=b)', 'regex_lookaround', 3],
      ['(?<!a)b', 'regex_lookaround', 3],
      ['\\bword', 'regex_word_boundary', 0],
      ['[a-', 'regex_invalid', 3],
      ['a**', 'regex_invalid', 2],
      ['(ab', 'regex_invalid', 3],
      ['a{3,1}', 'regex_invalid', 6],
      ['(\\d{1,1000}){1,1000}', 'regex_too_complex', 0],
      ['x'.repeat(501), 'regex_too_long', 500],
    ];
    for (const [p, code, position] of refused) {
      assert.throws(
        () => compileRegex(p),
        (e: unknown) => e instanceof RegexError && e.code === code && e.position === position,
        p,
      );
    }
    // A text over the input cap does not match at all.
    assert.equal(compileRegex('a').test('a'.repeat(MAX_REGEX_INPUT + 1)), false);
  });
});
