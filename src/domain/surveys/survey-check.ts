import { listChoices, parseAnswer } from './answers.ts';
import {
  type CheckScope,
  checkExpression,
  compiled,
  type ExpressionRole,
} from './expression/check.ts';
import { references } from './expression/evaluate.ts';
import { QUESTION_NAME } from './expression/lexer.ts';
import {
  allQuestions,
  findChoiceList,
  isChoiceType,
  type Localised,
  MAX_SCALE_POINTS,
  pick,
  QUESTION_TYPES,
  type Question,
  type Survey,
} from './survey.ts';

/**
 * What is wrong with a survey, for the builder (each problem at its field) and for an
 * import (mapped back to its row). A survey with problems is not published.
 */
export interface SurveyProblem {
  readonly section?: string;
  readonly question?: string;
  readonly list?: string;
  /** relevant, constraint, choice_filter, default, label, name, type, choices, scale, … */
  readonly field: string;
  /** `survey.check.<code>` or, for expressions, `survey.expression.<code>`. */
  readonly key: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** For an expression: the 0-based offset of the problem in it. */
  readonly position?: number;
}

/** More sections, questions or choices than this make a survey nobody finishes by text. */
export const MAX_QUESTIONS = 500;
export const MAX_CHOICES_PER_LIST = 2000;

/** Columns of the choices sheet with a meaning of their own: not usable as filter columns. */
const RESERVED_CHOICE_COLUMNS = new Set([
  'list_name',
  'list name',
  'name',
  'label',
  'image',
  'audio',
  'video',
  'order',
  'and',
  'or',
  'div',
  'mod',
]);

export function checkSurvey(survey: Survey): SurveyProblem[] {
  const out: SurveyProblem[] = [];
  const codes = survey.languages.map((l) => l.code);
  if (new Set(codes).size !== codes.length)
    out.push({ field: 'languages', key: 'survey.check.duplicate_language' });
  if (!codes.includes(survey.defaultLanguage)) {
    out.push({ field: 'languages', key: 'survey.check.default_language_missing' });
  }
  if (survey.sections.length === 0)
    out.push({ field: 'sections', key: 'survey.check.no_questions' });

  const seen = new Set<string>();
  for (const s of survey.sections) {
    if (!QUESTION_NAME.test(s.name))
      out.push({ section: s.name, field: 'name', key: 'survey.check.bad_name' });
    if (seen.has(s.name))
      out.push({ section: s.name, field: 'name', key: 'survey.check.duplicate_name' });
    seen.add(s.name);
    if (s.questions.length === 0)
      out.push({ section: s.name, field: 'questions', key: 'survey.check.empty_section' });
    for (const q of s.questions) {
      if (!QUESTION_NAME.test(q.name))
        out.push({ question: q.name, field: 'name', key: 'survey.check.bad_name' });
      if (seen.has(q.name))
        out.push({ question: q.name, field: 'name', key: 'survey.check.duplicate_name' });
      seen.add(q.name);
    }
  }
  const questions = allQuestions(survey);
  if (questions.length > MAX_QUESTIONS) {
    out.push({
      field: 'sections',
      key: 'survey.check.too_many_questions',
      params: { max: MAX_QUESTIONS },
    });
  }
  const names = new Set(questions.map((q) => q.name));
  const choiceQuestions = new Set(
    questions
      .filter((q) => isChoiceType(q.type) || q.type === 'area' || q.type === 'yes_no')
      .map((q) => q.name),
  );
  const scope: CheckScope = { questions: names, choiceQuestions };
  const expr = (
    src: string | undefined,
    role: ExpressionRole,
    where: { section?: string; question?: string },
    field: string,
    sc: CheckScope = scope,
  ) => {
    if (src === undefined) return;
    for (const p of checkExpression(src, role, sc).problems) {
      out.push({
        ...where,
        field,
        key: `survey.expression.${p.code}`,
        params: p.params,
        position: p.position,
      });
    }
  };
  for (const s of survey.sections) {
    expr(s.relevant, 'relevant', { section: s.name }, 'relevant');
    for (const q of s.questions) checkQuestion(survey, q, out, expr);
  }
  // Texts only in languages the survey has (an export writes a column per language, so a
  // text in another one would be lost on the way through XLSForm).
  const texts: [string, Localised | undefined][] = [];
  for (const s of survey.sections) {
    texts.push([s.name, s.label]);
    for (const q of s.questions)
      texts.push(
        [q.name, q.label],
        [q.name, q.hint],
        [q.name, q.requiredMessage],
        [q.name, q.constraintMessage],
      );
  }
  for (const l of survey.choiceLists) for (const c of l.choices) texts.push([l.name, c.label]);
  for (const [owner, t] of texts) {
    const stray = Object.keys(t ?? {}).find((code) => !codes.includes(code));
    if (stray)
      out.push({
        field: 'languages',
        key: 'survey.check.unknown_language',
        params: { code: stray, name: owner },
      });
  }
  for (const list of survey.choiceLists) {
    const seenChoice = new Set<string>();
    for (const column of new Set(list.choices.flatMap((c) => Object.keys(c.columns)))) {
      // A filter column is a name a choice filter reads, and a column of the choices sheet.
      if (!QUESTION_NAME.test(column) || RESERVED_CHOICE_COLUMNS.has(column.toLowerCase())) {
        out.push({
          list: list.name,
          field: 'choices',
          key: 'survey.check.bad_choice_column',
          params: { column },
        });
      }
    }
    if (list.choices.length === 0)
      out.push({ list: list.name, field: 'choices', key: 'survey.check.empty_list' });
    if (list.choices.length > MAX_CHOICES_PER_LIST) {
      out.push({
        list: list.name,
        field: 'choices',
        key: 'survey.check.too_many_choices',
        params: { max: MAX_CHOICES_PER_LIST },
      });
    }
    for (const c of list.choices) {
      if (c.name === '')
        out.push({ list: list.name, field: 'choices', key: 'survey.check.empty_choice_name' });
      if (seenChoice.has(c.name)) {
        out.push({
          list: list.name,
          field: 'choices',
          key: 'survey.check.duplicate_choice',
          params: { name: c.name },
        });
      }
      seenChoice.add(c.name);
      if (pick(c.label, survey.defaultLanguage, survey.defaultLanguage) === '') {
        out.push({
          list: list.name,
          field: 'choices',
          key: 'survey.check.choice_label_missing',
          params: { name: c.name },
        });
      }
    }
  }
  return out;
}

type ExprCheck = (
  src: string | undefined,
  role: ExpressionRole,
  where: { section?: string; question?: string },
  field: string,
  sc?: CheckScope,
) => void;

function checkQuestion(survey: Survey, q: Question, out: SurveyProblem[], expr: ExprCheck): void {
  const at = { question: q.name };
  const push = (field: string, key: string, params?: Record<string, string | number>): void => {
    out.push(params ? { ...at, field, key, params } : { ...at, field, key });
  };
  if (!(QUESTION_TYPES as readonly string[]).includes(q.type)) {
    push('type', 'survey.check.bad_type');
    return;
  }
  if (pick(q.label, survey.defaultLanguage, survey.defaultLanguage) === '')
    push('label', 'survey.check.label_missing');
  expr(q.relevant, 'relevant', at, 'relevant');
  const rel = q.relevant === undefined ? null : compiled(q.relevant);
  if (rel && references(rel).includes(q.name)) push('relevant', 'survey.check.self_reference');
  if (q.type === 'note') {
    if (q.required) push('required', 'survey.check.note_required');
    if (q.constraint !== undefined) push('constraint', 'survey.check.note_constraint');
    return;
  }
  expr(q.constraint, 'constraint', at, 'constraint');
  const list = findChoiceList(survey, q.choiceList);
  if (isChoiceType(q.type)) {
    if (!list) push('choices', 'survey.check.unknown_list', { name: q.choiceList ?? '' });
    else if (q.type === 'multiple_choice' && list.choices.some((c) => /\s/.test(c.name))) {
      // A multiple-choice answer is its names separated by spaces (XForms), so none may hold one.
      push('choices', 'survey.check.choice_name_with_space');
    }
    if (q.choiceFilter !== undefined) {
      const columns = new Set(list?.choices.flatMap((c) => Object.keys(c.columns)) ?? []);
      const names = new Set(allQuestions(survey).map((x) => x.name));
      expr(q.choiceFilter, 'choice_filter', at, 'choice_filter', {
        questions: names,
        choiceColumns: columns,
      });
    }
  } else {
    if (q.choiceList !== undefined) push('choices', 'survey.check.list_not_allowed');
    if (q.choiceFilter !== undefined) push('choice_filter', 'survey.check.filter_not_allowed');
  }
  if (q.type === 'rating') {
    const sc = q.scale ?? { min: 1, max: 5 };
    const ok =
      Number.isInteger(sc.min) &&
      Number.isInteger(sc.max) &&
      sc.min >= 0 &&
      sc.max > sc.min &&
      sc.max - sc.min + 1 <= MAX_SCALE_POINTS;
    if (!ok) push('scale', 'survey.check.bad_scale', { max: MAX_SCALE_POINTS });
  } else if (q.scale !== undefined) push('scale', 'survey.check.scale_not_allowed');
  if (q.integer !== undefined && q.type !== 'number')
    push('integer', 'survey.check.integer_not_allowed');
  if (q.default !== undefined) {
    const raw = q.type === 'multiple_choice' ? q.default.split(/\s+/) : q.default;
    // Areas belong to the network: a default area is checked when the survey is sent.
    if (
      q.type !== 'area' &&
      !parseAnswer(q, raw, listChoices(survey, q), { today: '2000-01-01', areas: [] }).ok
    ) {
      push('default', 'survey.check.bad_default');
    }
  }
}
