import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ResponseState, restoreState } from '../../../src/domain/surveys/flow.ts';
import {
  formatSmsQuestion,
  type SmsStep,
  smsReply,
  smsResume,
  smsStart,
} from '../../../src/domain/surveys/sms-flow.ts';
import { shown } from '../../../src/domain/surveys/visibility.ts';
import {
  backPage,
  currentPage,
  type Inputs,
  startWeb,
  submitPage,
} from '../../../src/domain/surveys/web-flow.ts';
import { rng } from '../seeded-rng.ts';
import { ctx, needsSurvey as survey } from './needs-survey.ts';

const names = (state: ResponseState) =>
  currentPage(survey, state, ctx)?.questions.map((q) => q.question.name) ?? null;

function submit(state: ResponseState, inputs: Inputs): ResponseState {
  const out = submitPage(survey, state, inputs, ctx);
  assert.ok(out.ok, `page refused: ${JSON.stringify(!out.ok && out.errors)}`);
  return out.state;
}

describe('web: one section per page, skip logic on the server, nothing typed lost', () => {
  it('goes section by section, skipping a section whose condition fails', () => {
    let s = startWeb(survey, 'en', ctx);
    assert.deepEqual(names(s), ['people', 'home', 'needs', 'car']);
    s = submit(s, { people: '3', home: 'centro', needs: ['rides'] });
    // Food is skipped (no food needed); the place section stops before the district,
    // whose choices depend on the region on the same page.
    assert.deepEqual(names(s), ['region']);
    s = submit(s, { region: 'south' });
    assert.deepEqual(names(s), ['district']);
    assert.deepEqual(
      currentPage(survey, s, ctx)!.questions[0]!.choices.map((c) => c.name),
      ['s1'],
    );
    s = submit(s, { district: 's1' });
    assert.deepEqual(names(s), ['thanks', 'mood', 'when', 'comments']);
    s = submit(s, { mood: '4' });
    assert.equal(s.at, null);
    assert.equal(currentPage(survey, s, ctx), null);
    assert.deepEqual(shown(survey, s.answers, 'en', ctx).answers, {
      people: 3,
      home: 'centro',
      needs: ['rides'],
      region: 'south',
      district: 's1',
      mood: 4,
    });
  });

  it('brings a page back with every error at its field, what was typed, and the valid answers kept', () => {
    const s = startWeb(survey, 'es', ctx);
    const out = submitPage(survey, s, { people: '30', home: 'centro', needs: [] }, ctx);
    assert.equal(out.ok, false);
    if (out.ok) return;
    assert.deepEqual(out.errors, {
      people: { key: 'survey.answer.constraint', authorMessage: 'Entre 1 y 20' },
      needs: { key: 'survey.answer.required' },
    });
    assert.equal(out.state.answers.home, 'centro');
    assert.equal(out.state.answers.people, undefined);
    const page = currentPage(survey, out.state, ctx, { inputs: out.inputs, errors: out.errors })!;
    assert.deepEqual(
      page.questions.map((x) => [x.question.name, x.input, x.error?.key ?? null]),
      [
        ['people', '30', 'survey.answer.constraint'],
        ['home', 'centro', null],
        ['needs', [], 'survey.answer.required'],
        ['car', '', null],
      ],
    );
    assert.equal(page.questions[0]!.label, '¿Cuántas personas viven con usted?');
  });

  it('fills labels with earlier answers and goes back with the answers kept', () => {
    let s = submit(startWeb(survey, 'en', ctx), { people: '2', home: 'centro', needs: ['food'] });
    const page = currentPage(survey, s, ctx)!;
    assert.equal(page.section.name, 'food');
    assert.equal(page.questions[0]!.label, 'Any diet for 2 people?');
    assert.equal(page.canGoBack, true);
    s = backPage(s);
    assert.deepEqual(names(s), ['people', 'home', 'needs', 'car']);
    assert.deepEqual(currentPage(survey, s, ctx)!.questions[2]!.input, ['food']);
  });

  it('resumes from stored plain data, dropping what no longer fits the survey', () => {
    const s = submit(startWeb(survey, 'en', ctx), {
      people: '2',
      home: 'centro',
      needs: ['rides'],
    });
    const stored = JSON.parse(JSON.stringify(s));
    assert.deepEqual(restoreState(survey, stored), s);
    const tampered = {
      ...stored,
      language: 'xx',
      answers: { ...stored.answers, people: 'two', gone: 1 },
      at: 'removed',
    };
    const back = restoreState(survey, tampered)!;
    assert.equal(back.language, 'en');
    assert.equal(back.answers.people, undefined);
    assert.equal((back.answers as Record<string, unknown>).gone, undefined);
    assert.equal(back.at, 'people');
    assert.equal(restoreState(survey, 'nonsense'), null);
  });
});

const t = (key: string, params?: Readonly<Record<string, string | number>>) =>
  params && Object.keys(params).length > 0 ? `[${key} ${JSON.stringify(params)}]` : `[${key}]`;

function ask(step: SmsStep): string {
  assert.equal(step.kind, 'ask');
  return step.kind === 'ask' ? step.question.name : '';
}

describe('SMS: one question per text, numbered choices, SKIP and BACK', () => {
  it('renders a question as a short text with numbered choices and how to reply', () => {
    let step = smsStart(survey, 'es', ctx);
    step = smsReply(survey, step.state, '3', ctx);
    assert.equal(ask(step), 'home');
    assert.equal(
      step.kind === 'ask' ? formatSmsQuestion(step.question, t) : '',
      '(2/9) ¿Dónde vive?\n1 Centro\n2 Ribera\n[survey.sms.how.area] [survey.sms.back_hint]',
    );
  });

  it('reads numbers, words, "1,3", yes/no words in English and Spanish, SKIP and BACK', () => {
    let step = smsStart(survey, 'es', ctx);
    assert.equal(ask(step), 'people');
    step = smsReply(survey, step.state, 'saltar', ctx);
    assert.equal(step.kind === 'ask' && step.error?.key, 'survey.sms.cannot_skip');
    step = smsReply(survey, step.state, '25', ctx);
    assert.equal(step.kind === 'ask' && step.error?.authorMessage, 'Entre 1 y 20');
    assert.equal(
      step.kind === 'ask' && formatSmsQuestion(step.question, t, step.error).split('\n')[0],
      'Entre 1 y 20',
    );
    step = smsReply(survey, step.state, '2', ctx);
    step = smsReply(survey, step.state, 'ribera', ctx);
    assert.equal(ask(step), 'needs');
    step = smsReply(survey, step.state, '1, 3', ctx);
    assert.equal(ask(step), 'car');
    step = smsReply(survey, step.state, 'atrás', ctx);
    assert.equal(ask(step), 'needs');
    step = smsReply(survey, step.state, '1 2', ctx);
    step = smsReply(survey, step.state, 'Sí', ctx);
    assert.equal(ask(step), 'diet');
    assert.equal(step.kind === 'ask' && step.question.label, '¿Alguna dieta para 2 personas?');
    step = smsReply(survey, step.state, 'vegetariana', ctx);
    step = smsReply(survey, step.state, '1', ctx);
    step = smsReply(survey, step.state, '5', ctx);
    assert.equal(step.kind === 'ask' && step.error?.key, 'survey.sms.unknown_choice');
    step = smsReply(survey, step.state, '2', ctx);
    // The note comes with the next question; optional questions can be skipped.
    assert.equal(ask(step), 'mood');
    assert.deepEqual(step.kind === 'ask' && step.question.notes, ['¡Gracias!']);
    step = smsReply(survey, step.state, 'skip', ctx);
    step = smsReply(survey, step.state, '2025/4/1', ctx);
    step = smsReply(survey, step.state, 'Nada, gracias', ctx);
    assert.equal(step.kind, 'done');
    assert.deepEqual(shown(survey, step.state.answers, 'es', ctx).answers, {
      people: 2,
      home: 'riverside',
      needs: ['food', 'rides'],
      car: 'yes',
      diet: 'vegetarian',
      region: 'north',
      district: 'n2',
      when: '2025-04-01',
      comments: 'Nada, gracias',
    });
  });

  it('resumes after a pause at the same question, and BACK at the first question says so', () => {
    const first = smsStart(survey, 'en', ctx);
    const again = smsReply(survey, first.state, 'back', ctx);
    assert.equal(again.kind === 'ask' && again.info, 'survey.sms.at_first');
    const later = smsReply(survey, first.state, '4', ctx);
    const stored = JSON.parse(JSON.stringify(later.state));
    assert.equal(ask(smsResume(survey, restoreState(survey, stored)!, ctx)), 'home');
  });
});

describe('every channel reaches the same answers (property)', () => {
  it('random answer scripts give the same final answers by web pages and by texts', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const needs = r.shuffle(['food', 'rides', 'medicine', 'childcare']).slice(0, r.int(1, 3));
      const region = r.pick(['north', 'south']);
      const script: Record<string, string | string[]> = {
        people: String(r.int(1, 20)),
        home: r.pick(['centro', 'riverside']),
        needs,
        car: r.pick(['yes', 'no', '']),
        diet: r.pick(['none', 'halal', 'vegetarian']),
        region,
        district: region === 'north' ? r.pick(['n1', 'n2']) : 's1',
        mood: r.pick(['', '1', '3', '5']),
        when: r.pick(['', '2025-03-31', '2026-01-01']),
        comments: r.pick(['', 'ok', 'gracias']),
      };
      // Web: fill every page from the script.
      let web = startWeb(survey, 'en', ctx);
      for (let guard = 0; web.at !== null && guard < 20; guard++) {
        const page = currentPage(survey, web, ctx)!;
        const inputs = Object.fromEntries(
          page.questions.map((x) => [x.question.name, script[x.question.name] ?? '']),
        );
        web = submit(web, inputs);
      }
      // SMS: answer each question as a person would text it (choice numbers, yes/no words).
      let sms = smsStart(survey, 'en', ctx);
      for (let guard = 0; sms.kind === 'ask' && guard < 20; guard++) {
        const { name, choices } = sms.question;
        const v = script[name] ?? '';
        let text: string;
        if (Array.isArray(v)) {
          text = v
            .map((c) => String(choices.findIndex((x) => x.label === labelOf(c)) + 1))
            .join(',');
        } else if (v === '') text = 'skip';
        else if (name === 'car') text = v === 'yes' ? 'YES' : 'no';
        else if (choices.length > 0)
          text = String(choices.findIndex((x) => x.label === labelOf(v)) + 1);
        else text = v;
        sms = smsReply(survey, sms.state, text, ctx);
        assert.ok(
          !(sms.kind === 'ask' && sms.error),
          `seed ${seed}: ${name} <- ${text}: ${JSON.stringify(sms.kind === 'ask' && sms.error)}`,
        );
      }
      assert.equal(sms.kind, 'done', `seed ${seed}`);
      assert.deepEqual(
        shown(survey, sms.state.answers, 'en', ctx).answers,
        shown(survey, web.answers, 'en', ctx).answers,
        `seed ${seed}`,
      );
    }
  });
});

function labelOf(choice: string): string {
  const all = [
    ...survey.choiceLists.flatMap((l) => l.choices),
    ...ctx.areas.map((a) => ({ name: a.key, label: a.label })),
  ];
  return all.find((c) => c.name === choice)?.label.en ?? choice;
}
