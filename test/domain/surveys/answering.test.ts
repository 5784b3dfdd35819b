// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm writes a reference to an answer as ${name}, inside plain strings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAnswer } from '../../../src/domain/surveys/answers.ts';
import { findQuestion, type Question, type Survey } from '../../../src/domain/surveys/survey.ts';
import { checkSurvey } from '../../../src/domain/surveys/survey-check.ts';
import { answerQuestion, initialAnswers, problems } from '../../../src/domain/surveys/validate.ts';
import { offeredChoices, shown } from '../../../src/domain/surveys/visibility.ts';
import { ctx, needsSurvey as survey } from './needs-survey.ts';

const q = (name: string): Question => findQuestion(survey, name)!;
const parse = (name: string, raw: string | string[]) =>
  parseAnswer(q(name), raw, offeredChoices(survey, q(name), {}, 'en', ctx), ctx);

describe('the test survey itself', () => {
  it('passes the survey checks', () => {
    assert.deepEqual(checkSurvey(survey), []);
  });

  it('the checks find what a builder must fix, at its field', () => {
    const broken: Survey = {
      ...survey,
      sections: [
        {
          name: 'a',
          label: {},
          questions: [
            {
              name: 'x',
              type: 'single_choice',
              choiceList: 'nope',
              label: { en: 'X' },
              required: false,
            },
            { name: 'x', type: 'text', label: {}, required: false, relevant: '${y} = 1' },
            { name: 'n', type: 'note', label: { en: 'N' }, required: true },
            {
              name: 'r',
              type: 'rating',
              scale: { min: 0, max: 20 },
              label: { en: 'R' },
              required: false,
            },
            { name: 'd', type: 'number', label: { en: 'D' }, required: false, default: 'many' },
            {
              name: 'c',
              type: 'text',
              label: { en: 'C' },
              required: false,
              constraint: "regex(., '(a)\\1')",
            },
          ],
        },
      ],
    };
    const strays: Survey = {
      ...survey,
      sections: [
        { ...survey.sections[0]!, label: { en: 'x', fr: 'y' } },
        ...survey.sections.slice(1),
      ],
      choiceLists: survey.choiceLists.map((l) =>
        l.name === 'district'
          ? {
              ...l,
              choices: l.choices.map((c) => ({ ...c, columns: { ...c.columns, label: 'x' } })),
            }
          : l,
      ),
    };
    assert.deepEqual(
      checkSurvey(strays).map((p) => p.key),
      ['survey.check.unknown_language', 'survey.check.bad_choice_column'],
    );
    const found = checkSurvey(broken).map((p) => [
      p.question ?? p.section ?? p.list ?? '',
      p.field,
      p.key,
    ]);
    for (const want of [
      ['x', 'choices', 'survey.check.unknown_list'],
      ['x', 'name', 'survey.check.duplicate_name'],
      ['x', 'label', 'survey.check.label_missing'],
      ['x', 'relevant', 'survey.expression.unknown_reference'],
      ['n', 'required', 'survey.check.note_required'],
      ['r', 'scale', 'survey.check.bad_scale'],
      ['d', 'default', 'survey.check.bad_default'],
      ['c', 'constraint', 'survey.expression.regex_backreference'],
    ]) {
      assert.ok(
        found.some((f) => f.join('|') === want.join('|')),
        `missing ${want.join(' ')} in ${JSON.stringify(found)}`,
      );
    }
  });
});

describe('reading one answer by its type', () => {
  it('numbers: whole numbers, a decimal comma, and clear refusals', () => {
    assert.deepEqual(parse('people', ' 4 '), { ok: true, value: 4 });
    assert.deepEqual(parse('people', '4.5'), {
      ok: false,
      error: { key: 'survey.answer.not_whole_number' },
    });
    assert.deepEqual(parse('people', 'four'), {
      ok: false,
      error: { key: 'survey.answer.not_a_number' },
    });
    const decimal: Question = {
      name: 'kg',
      type: 'number',
      integer: false,
      label: { en: 'kg' },
      required: false,
    };
    assert.deepEqual(parseAnswer(decimal, '3,5', [], ctx), { ok: true, value: 3.5 });
    assert.deepEqual(parseAnswer(decimal, '1,000', [], ctx), {
      ok: false,
      error: { key: 'survey.answer.ambiguous_comma' },
    });
    assert.equal(parseAnswer(decimal, '1e9', [], ctx).ok, false);
    assert.equal(parseAnswer(decimal, '99999999999999', [], ctx).ok, false);
  });

  it('choices: only offered names, several in the order of the list', () => {
    assert.deepEqual(parse('needs', ['rides', 'food']), { ok: true, value: ['food', 'rides'] });
    assert.deepEqual(parse('needs', ['rides', 'flying']), {
      ok: false,
      error: { key: 'survey.answer.unknown_choice' },
    });
    assert.deepEqual(parse('home', 'riverside'), { ok: true, value: 'riverside' });
    assert.deepEqual(parse('home', 'elsewhere'), {
      ok: false,
      error: { key: 'survey.answer.unknown_area' },
    });
    assert.deepEqual(parse('car', 'yes'), { ok: true, value: 'yes' });
    assert.deepEqual(parse('car', 'maybe'), {
      ok: false,
      error: { key: 'survey.answer.yes_or_no' },
    });
    assert.deepEqual(parse('diet', ['none', 'halal']), {
      ok: false,
      error: { key: 'survey.answer.one_only' },
    });
  });

  it('ratings, dates, text and empty answers', () => {
    assert.deepEqual(parse('mood', '5'), { ok: true, value: 5 });
    assert.deepEqual(parse('mood', '6'), {
      ok: false,
      error: { key: 'survey.answer.out_of_scale', params: { min: 1, max: 5 } },
    });
    assert.deepEqual(parse('when', '2025-04-01'), { ok: true, value: '2025-04-01' });
    assert.deepEqual(parse('when', '2025-02-30'), {
      ok: false,
      error: { key: 'survey.answer.not_a_date' },
    });
    assert.deepEqual(parse('comments', '  hello  '), { ok: true, value: 'hello' });
    assert.equal(parse('comments', 'x'.repeat(2001)).ok, false);
    assert.deepEqual(parse('comments', '   '), { ok: true, value: undefined });
    assert.deepEqual(parse('needs', []), { ok: true, value: undefined });
  });
});

describe('checking an answer: required and constraint, with the author message in the language', () => {
  it('refuses an empty required answer and a failed constraint, in Spanish when asked', () => {
    assert.deepEqual(answerQuestion(survey, {}, 'people', '', 'es', ctx), {
      ok: false,
      error: { key: 'survey.answer.required' },
    });
    assert.deepEqual(answerQuestion(survey, {}, 'people', '30', 'es', ctx), {
      ok: false,
      error: { key: 'survey.answer.constraint', authorMessage: 'Entre 1 y 20' },
    });
    assert.deepEqual(
      answerQuestion(survey, {}, 'needs', ['food', 'rides', 'medicine', 'childcare'], 'en', ctx),
      {
        ok: false,
        error: { key: 'survey.answer.constraint', authorMessage: 'Three at most' },
      },
    );
    assert.deepEqual(answerQuestion(survey, { needs: ['food'] }, 'diet', '', 'es', ctx), {
      ok: false,
      error: { key: 'survey.answer.required', authorMessage: 'Elija una' },
    });
    assert.deepEqual(answerQuestion(survey, {}, 'when', '2025-01-01', 'en', ctx), {
      ok: false,
      error: { key: 'survey.answer.constraint', authorMessage: 'Today or later' },
    });
    assert.deepEqual(answerQuestion(survey, {}, 'when', '2025-03-31', 'en', ctx), {
      ok: true,
      value: '2025-03-31',
    });
  });

  it('refuses answers to questions that are not shown, or do not exist', () => {
    assert.deepEqual(answerQuestion(survey, { needs: ['rides'] }, 'diet', 'none', 'en', ctx), {
      ok: false,
      error: { key: 'survey.answer.not_shown' },
    });
    assert.equal(answerQuestion(survey, {}, 'nope', 'x', 'en', ctx).ok, false);
  });
});

describe('skip logic, decided on the server', () => {
  it('shows a section only when its condition holds, and drops the answers of hidden questions', () => {
    const noFood = shown(survey, { needs: ['rides'], diet: 'halal' }, 'en', ctx);
    assert.ok(!noFood.sections.includes('food'));
    assert.ok(!noFood.questions.includes('diet'));
    assert.equal(noFood.answers.diet, undefined);
    const food = shown(survey, { needs: ['food'], diet: 'halal' }, 'en', ctx);
    assert.ok(food.questions.includes('diet'));
    assert.equal(food.answers.diet, 'halal');
  });

  it('offers only the districts of the chosen region, and forgets a district the region no longer has', () => {
    const names = (region: string) =>
      offeredChoices(survey, q('district'), { region }, 'en', ctx).map((c) => c.name);
    assert.deepEqual(names('north'), ['n1', 'n2']);
    assert.deepEqual(names('south'), ['s1']);
    assert.deepEqual(offeredChoices(survey, q('district'), {}, 'en', ctx), []);
    assert.equal(
      shown(survey, { region: 'south', district: 'n1' }, 'en', ctx).answers.district,
      undefined,
    );
    assert.equal(
      shown(survey, { region: 'north', district: 'n1' }, 'en', ctx).answers.district,
      'n1',
    );
  });

  it('lists every problem of the answers as they stand (empty when complete)', () => {
    const given = { people: 3, home: 'centro', needs: ['food'], region: 'north', district: 'n2' };
    assert.deepEqual(Object.keys(problems(survey, given, 'en', ctx)), ['diet']);
    assert.deepEqual(problems(survey, { ...given, diet: 'none' }, 'en', ctx), {});
  });

  it('starts a response with the valid defaults', () => {
    const withDefaults: Survey = {
      ...survey,
      sections: [
        {
          ...survey.sections[0]!,
          questions: survey.sections[0]!.questions.map((x) =>
            x.name === 'people'
              ? { ...x, default: '2' }
              : x.name === 'needs'
                ? { ...x, default: 'food rides' }
                : x,
          ),
        },
        ...survey.sections.slice(1),
      ],
    };
    assert.deepEqual(initialAnswers(withDefaults, ctx), { people: 2, needs: ['food', 'rides'] });
  });
});
