import {
  type AnswerContext,
  type Answers,
  type AnswerValue,
  answerToValue,
  listChoices,
} from './answers.ts';
import { compiled } from './expression/check.ts';
import { type EvalEnv, evaluate } from './expression/evaluate.ts';
import { toBoolean, type Value } from './expression/values.ts';
import {
  type Choice,
  findChoiceList,
  findQuestion,
  isChoiceType,
  pick,
  type Question,
  type Survey,
} from './survey.ts';

/**
 * Skip logic, decided on the server for every channel. Questions are decided in document
 * order: a hidden question's answer counts as empty for everything after it (so changing
 * an early answer never leaves a stale later answer steering the survey); an expression
 * that reads a later question sees that question's answer as given.
 */
export interface Shown {
  /** The names of the questions shown, in document order. */
  readonly questions: readonly string[];
  /** The names of the sections shown (a section with none of its questions shown is not). */
  readonly sections: readonly string[];
  /**
   * The answers that count: those of shown questions whose value is still possible (a
   * district whose region changed no longer counts). This is what a response keeps.
   */
  readonly answers: Answers;
}

export function envFor(
  survey: Survey,
  answers: Answers,
  language: string,
  ctx: AnswerContext,
  self: Value = '',
): EvalEnv {
  return {
    today: ctx.today,
    ref: (name) => answerToValue(findQuestion(survey, name), answers[name]),
    self: () => self,
    attr: () => '',
    choiceLabel: (question, choice) => {
      const q = findQuestion(survey, question);
      if (!q) return '';
      if (q.type === 'area') {
        return pick(
          ctx.areas.find((a) => a.key === choice)?.label,
          language,
          survey.defaultLanguage,
        );
      }
      const c = findChoiceList(survey, q.choiceList)?.choices.find((x) => x.name === choice);
      return c ? pick(c.label, language, survey.defaultLanguage) : '';
    },
  };
}

/** Whether an expression holds; an absent or unparseable expression holds. */
export function holds(src: string | undefined, env: EvalEnv): boolean {
  if (src === undefined || src.trim() === '') return true;
  const expr = compiled(src);
  return expr === null ? true : toBoolean(evaluate(expr, env));
}

/**
 * The choices a question offers now: its list filtered by its choice filter (where a bare
 * name reads the choice's column and `name` its name), or the network's areas.
 */
export function offeredChoices(
  survey: Survey,
  q: Question,
  answers: Answers,
  language: string,
  ctx: AnswerContext,
): Choice[] {
  if (q.type === 'area')
    return ctx.areas.map((a) => ({ name: a.key, label: a.label, columns: {} }));
  if (!isChoiceType(q.type)) return [];
  const all = listChoices(survey, q);
  if (!q.choiceFilter) return [...all];
  const base = envFor(survey, answers, language, ctx);
  return all.filter((c) =>
    holds(q.choiceFilter, {
      ...base,
      attr: (name) => (name === 'name' ? c.name : (c.columns[name] ?? '')),
    }),
  );
}

function stillPossible(
  q: Question,
  v: AnswerValue,
  offered: () => Choice[],
): AnswerValue | undefined {
  if (q.type !== 'single_choice' && q.type !== 'multiple_choice' && q.type !== 'area') return v;
  const names = new Set(offered().map((c) => c.name));
  if (Array.isArray(v)) {
    const kept = v.filter((n) => names.has(n));
    return kept.length > 0 ? kept : undefined;
  }
  return names.has(v as string) ? v : undefined;
}

export function shown(
  survey: Survey,
  answers: Answers,
  language: string,
  ctx: AnswerContext,
): Shown {
  // Starts as everything given; hidden questions are taken out as they are decided.
  const current: Record<string, AnswerValue> = { ...answers };
  const questions: string[] = [];
  const sections: string[] = [];
  const hide = (name: string) => {
    delete current[name];
  };
  for (const section of survey.sections) {
    const sectionOn = holds(section.relevant, envFor(survey, current, language, ctx));
    let any = false;
    for (const q of section.questions) {
      const own = answerToValue(q, current[q.name]);
      const on = sectionOn && holds(q.relevant, envFor(survey, current, language, ctx, own));
      if (!on) {
        hide(q.name);
        continue;
      }
      questions.push(q.name);
      any = true;
      const v = current[q.name];
      if (v === undefined) continue;
      const kept = stillPossible(q, v, () => offeredChoices(survey, q, current, language, ctx));
      if (kept === undefined) hide(q.name);
      else current[q.name] = kept;
    }
    if (any) sections.push(section.name);
  }
  const known = new Set(questions);
  const counted: Record<string, AnswerValue> = {};
  for (const [k, v] of Object.entries(current)) if (known.has(k)) counted[k] = v;
  return { questions, sections, answers: counted };
}
