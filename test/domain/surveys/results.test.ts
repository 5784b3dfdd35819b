import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { protectLinked, type ShownCount } from '../../../src/domain/announcements/small-counts.ts';
import type { Answers } from '../../../src/domain/surveys/answers.ts';
import {
  type CountedResponse,
  freeTextAnswers,
  SURVEY_MIN_CELL,
  surveyResults,
} from '../../../src/domain/surveys/results.ts';
import { rng } from '../seeded-rng.ts';
import { ctx, needsSurvey as survey } from './needs-survey.ts';

const r = (answers: Answers, area: string | null, language = 'en'): CountedResponse => ({
  answers,
  area,
  language,
});
const n = (c: ShownCount | undefined) => (c?.kind === 'count' ? c.n : c?.kind);

describe('survey results: counts with small cells hidden', () => {
  const responses = [
    ...Array.from({ length: 7 }, (_, i) => r({ car: 'yes', mood: 4, comments: `c${i}` }, 'centro')),
    ...Array.from({ length: 5 }, () => r({ car: 'no', mood: 5 }, 'riverside', 'es')),
    r({ car: 'no', mood: 1, comments: 'aaa' }, 'centro'),
    r({ mood: 2 }, null, 'es'),
  ];
  const res = surveyResults(survey, responses, ctx);
  const car = res.questions.find((q) => q.name === 'car')!;

  it('counts per value, with a "no answer" column, and shows cells under 5 as "fewer than 5"', () => {
    assert.equal(n(res.respondents), 14);
    assert.deepEqual(car.columns, ['yes', 'no']);
    // 7 yes, 6 no, 1 no answer. By language, en has 7 yes and 1 no, es 5 no: the 1 would
    // follow from 6 - 5, so the 5 is hidden too, and then the 6 (from 14 - 7 - 1).
    assert.deepEqual(car.overall.map(n), [7, 'hidden', 'few']);
    const byArea = Object.fromEntries(
      car.byArea.map((row) => [row.group ?? '-', row.cells.map(n)]),
    );
    assert.deepEqual(byArea.centro, [7, 'few', 'few']);
    assert.deepEqual(byArea.riverside, ['few', 5, 'few']);
    assert.deepEqual(byArea['-'], ['few', 'few', 'few']);
    const byLanguage = Object.fromEntries(
      car.byLanguage.map((row) => [row.group, row.cells.map(n)]),
    );
    assert.deepEqual(byLanguage, { en: ['hidden', 'few', 'few'], es: ['few', 'hidden', 'few'] });
    assert.deepEqual(
      res.byArea.map((g) => [g.group, n(g.respondents)]),
      [
        ['centro', 8],
        // 14 - 8 would give riverside and the unknown area together: riverside is hidden too.
        ['riverside', 'hidden'],
        [null, 'few'],
      ],
    );
  });

  it('never lets a hidden count be worked out from the totals shown', () => {
    for (const q of res.questions) {
      for (const rows of [q.byArea, q.byLanguage]) {
        for (let c = 0; c < q.overall.length; c++) {
          const line = [q.overall[c], ...rows.map((row) => row.cells[c])];
          assert.notEqual(
            line.filter((x) => x?.kind !== 'count').length,
            1,
            `${q.name} column ${c}`,
          );
        }
      }
    }
  });

  it('shows a mean only with 5 answers or more, and for ratings only when no count is hidden', () => {
    assert.equal(res.questions.find((q) => q.name === 'mood')!.mean, null);
    // Five of every point, and five who did not answer (a "no answer" under 5 would be
    // protected by hiding a point, and then the mean too).
    const answered = Array.from({ length: 25 }, (_, i) =>
      r({ mood: (i % 5) + 1, people: i + 1 }, 'centro'),
    );
    const many = surveyResults(
      survey,
      [...answered, ...Array.from({ length: 5 }, () => r({}, 'centro'))],
      ctx,
    );
    assert.equal(many.questions.find((q) => q.name === 'mood')!.mean, 3);
    assert.equal(many.questions.find((q) => q.name === 'people')!.mean, 13);
    // Ten answers, two per point: the counts are hidden, so is the mean.
    const ten = surveyResults(
      survey,
      Array.from({ length: 10 }, (_, i) => r({ mood: (i % 5) + 1 }, 'centro')),
      ctx,
    );
    assert.equal(ten.questions.find((q) => q.name === 'mood')!.mean, null);
    assert.deepEqual(many.questions.find((q) => q.name === 'people')!.columns, ['answered']);
  });

  it('keeps free text and dates out of the counts, for coordinators apart, sorted (not in arrival order)', () => {
    assert.ok(
      !res.questions.some((q) => q.name === 'comments' || q.name === 'when' || q.name === 'thanks'),
    );
    const text = freeTextAnswers(survey, responses);
    assert.deepEqual(
      text.map((t) => t.name),
      ['when', 'comments'],
    );
    assert.deepEqual(text[1]!.answers, ['aaa', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });

  it('shows group totals the same way on every question (fixed once per survey)', () => {
    const few = surveyResults(
      survey,
      [r({ car: 'yes' }, 'centro'), r({ car: 'no' }, 'centro')],
      ctx,
    );
    assert.equal(few.respondents.kind, 'few');
    for (const q of few.questions) for (const c of q.overall) assert.notEqual(c.kind, 'count');
  });
});

/** What an outsider can work out: repeatedly solve every sum with exactly one unknown. */
function attack(values: number[], shownAs: ShownCount[], lines: number[][]): number[] {
  const known = shownAs.map((s) => s.kind === 'count');
  const learned: number[] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const line of lines) {
      const unknown = line.filter((i) => !known[i]);
      if (unknown.length !== 1) continue;
      known[unknown[0]!] = true;
      learned.push(unknown[0]!);
      progress = true;
    }
  }
  return learned.filter((i) => values[i]! < SURVEY_MIN_CELL);
}

describe('small-cell protection (property)', () => {
  it('random tables: no count under 5 is shown or can be worked out, every shown count is true', () => {
    for (let s = 1; s <= 400; s++) {
      const g = rng(s);
      const rows = g.int(1, 5);
      const cols = g.int(2, 5);
      const cells = Array.from({ length: rows }, () =>
        Array.from({ length: cols }, () => (g.next() < 0.4 ? g.int(0, 4) : g.int(0, 30))),
      );
      // Layout: cells, then row totals, then column totals, then the grand total.
      const values = cells.flat();
      const at = (i: number, j: number) => i * cols + j;
      const rowTotal = (i: number) => rows * cols + i;
      const colTotal = (j: number) => rows * cols + rows + j;
      const grand = rows * cols + rows + cols;
      for (let i = 0; i < rows; i++) values.push(cells[i]!.reduce((a, b) => a + b, 0));
      for (let j = 0; j < cols; j++) values.push(cells.reduce((a, row) => a + row[j]!, 0));
      values.push(cells.flat().reduce((a, b) => a + b, 0));
      const lines: number[][] = [];
      for (let i = 0; i < rows; i++)
        lines.push([rowTotal(i), ...Array.from({ length: cols }, (_, j) => at(i, j))]);
      for (let j = 0; j < cols; j++)
        lines.push([colTotal(j), ...Array.from({ length: rows }, (_, i) => at(i, j))]);
      lines.push([grand, ...Array.from({ length: rows }, (_, i) => rowTotal(i))]);
      lines.push([grand, ...Array.from({ length: cols }, (_, j) => colTotal(j))]);
      const out = protectLinked(values, lines, SURVEY_MIN_CELL);
      out.forEach((c, i) => {
        if (c.kind === 'count') {
          assert.ok(c.n >= SURVEY_MIN_CELL, `seed ${s}: ${c.n} shown`);
          assert.equal(c.n, values[i], `seed ${s}`);
        }
        if (c.kind === 'few')
          assert.ok(values[i]! < SURVEY_MIN_CELL, `seed ${s}: "few" for ${values[i]}`);
      });
      assert.deepEqual(attack(values, out, lines), [], `seed ${s}`);
    }
  });

  it('random survey answers: the same holds in every table of the results', () => {
    for (let s = 1; s <= 150; s++) {
      const g = rng(1000 + s);
      const responses = Array.from({ length: g.int(0, 40) }, () =>
        r(
          {
            ...(g.next() < 0.8 ? { car: g.pick(['yes', 'no']) } : {}),
            ...(g.next() < 0.9
              ? {
                  needs: g
                    .shuffle(['food', 'rides', 'medicine', 'childcare'])
                    .slice(0, g.int(1, 3)),
                }
              : {}),
            ...(g.next() < 0.7 ? { mood: g.int(1, 5) } : {}),
          },
          g.pick(['centro', 'riverside', null]),
          g.pick(['en', 'es']),
        ),
      );
      const res = surveyResults(survey, responses, ctx);
      for (const q of res.questions) {
        for (const row of [...q.byArea, ...q.byLanguage]) {
          for (const c of row.cells)
            if (c.kind === 'count') assert.ok(c.n >= SURVEY_MIN_CELL, `seed ${s} ${q.name}`);
        }
        for (const rows of [q.byArea, q.byLanguage]) {
          for (let c = 0; c < q.overall.length; c++) {
            const line = [q.overall[c], ...rows.map((row) => row.cells[c])];
            assert.notEqual(
              line.filter((x) => x?.kind !== 'count').length,
              1,
              `seed ${s} ${q.name} col ${c}`,
            );
          }
          if (q.type === 'multiple_choice') continue;
          const totals = rows === q.byArea ? res.byArea : res.byLanguage;
          rows.forEach((row, gi) => {
            const line = [totals[gi]!.respondents, ...row.cells];
            assert.notEqual(
              line.filter((x) => x.kind !== 'count').length,
              1,
              `seed ${s} ${q.name} row ${gi}`,
            );
          });
        }
      }
    }
  });
});
