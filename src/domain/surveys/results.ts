import { protectLinked, type ShownCount } from '../announcements/small-counts.ts';
import type { AnswerContext, Answers } from './answers.ts';
import {
  allQuestions,
  findChoiceList,
  isFreeText,
  type Question,
  type QuestionType,
  type Survey,
  scaleOf,
} from './survey.ts';

/**
 * Results of a survey for everyone who may see them: counts per question, and the same
 * counts by the respondent's area and by the language they answered in. Any count under
 * SURVEY_MIN_CELL is shown as "fewer than 5", to everyone, coordinators included (they see
 * free text apart, `freeTextAnswers`). Every table carries a "no answer" column, so each
 * row adds up to the respondents of its group (the same on every question: the differences
 * between questions then say nothing about who skipped what), and `protectLinked` hides a
 * second count wherever one hidden count could be worked out from the totals.
 */
export const SURVEY_MIN_CELL = 5;

/** A response as results read it: its final answers, the respondent's area and language. */
export interface CountedResponse {
  readonly answers: Answers;
  /** The respondent's area key (from their profile or the survey's area question), or null. */
  readonly area: string | null;
  readonly language: string;
}

export interface GroupCount {
  readonly group: string | null;
  readonly respondents: ShownCount;
}

export interface CrossRow {
  readonly group: string | null;
  /** One per column of the question, then "no answer" last. */
  readonly cells: readonly ShownCount[];
}

export interface QuestionResult {
  readonly name: string;
  readonly type: QuestionType;
  /** Choice names, 'yes'/'no', rating points, area keys, or ['answered'] for a number. */
  readonly columns: readonly string[];
  /** One per column, then "no answer" last. */
  readonly overall: readonly ShownCount[];
  readonly byArea: readonly CrossRow[];
  readonly byLanguage: readonly CrossRow[];
  /**
   * Number and rating: the mean of the answers, 2 decimals; null when fewer than 5
   * answered, or (rating) when a count is hidden, since a mean and a total are two sums
   * that together could give two hidden counts back.
   */
  readonly mean: number | null;
}

export interface SurveyResults {
  readonly respondents: ShownCount;
  readonly byArea: readonly GroupCount[];
  readonly byLanguage: readonly GroupCount[];
  readonly questions: readonly QuestionResult[];
}

function columnsOf(survey: Survey, q: Question, ctx: AnswerContext): string[] | null {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return (findChoiceList(survey, q.choiceList)?.choices ?? []).map((c) => c.name);
    case 'yes_no':
      return ['yes', 'no'];
    case 'rating': {
      const { min, max } = scaleOf(q);
      return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
    }
    case 'area':
      return ctx.areas.map((a) => a.key);
    case 'number':
      return ['answered'];
    default:
      return null; // text, date, note: not counted
  }
}

/** The columns (indexes) a response's answer falls in; the last index is "no answer". */
function columnHits(q: Question, answers: Answers, columns: readonly string[]): number[] {
  const v = answers[q.name];
  const none = [columns.length];
  if (v === undefined) return none;
  if (q.type === 'number') return [0];
  const names = Array.isArray(v) ? v : [String(v)];
  const hits = names.map((n) => columns.indexOf(n)).filter((i) => i >= 0);
  return hits.length > 0 ? hits : none;
}

function groupsOf(
  responses: readonly CountedResponse[],
  known: readonly string[],
  key: (r: CountedResponse) => string | null,
) {
  const groups: (string | null)[] = [...known];
  for (const r of responses) {
    const g = key(r);
    if (!groups.includes(g)) groups.push(g);
  }
  return groups;
}

export function surveyResults(
  survey: Survey,
  responses: readonly CountedResponse[],
  ctx: AnswerContext,
): SurveyResults {
  const k = SURVEY_MIN_CELL;
  const areaOf = (r: CountedResponse) =>
    r.area !== null && ctx.areas.some((a) => a.key === r.area) ? r.area : null;
  const dims = [
    {
      groups: groupsOf(
        responses,
        ctx.areas.map((a) => a.key),
        areaOf,
      ),
      key: areaOf,
    },
    {
      groups: groupsOf(
        responses,
        survey.languages.map((l) => l.code),
        (r) => r.language,
      ),
      key: (r: CountedResponse) => r.language,
    },
  ];
  // Respondents overall and per group, protected once for the whole survey (index 0 is the
  // total); every question then shows these same numbers the same way.
  const totals = [responses.length];
  const totalLines: number[][] = [];
  const groupIndex = dims.map((d) => {
    const idx = d.groups.map((g) => {
      totals.push(responses.filter((r) => d.key(r) === g).length);
      return totals.length - 1;
    });
    totalLines.push([0, ...idx]);
    return idx;
  });
  const shownTotals = protectLinked(totals, totalLines, k);

  const questions: QuestionResult[] = [];
  for (const q of allQuestions(survey)) {
    if (isFreeText(q) || q.type === 'note') continue;
    const columns = columnsOf(survey, q, ctx)!;
    const width = columns.length + 1;
    const values: number[] = [...totals];
    const fixed = new Map<number, ShownCount>(shownTotals.map((s, i) => [i, s]));
    const overallAt = values.length;
    values.push(...new Array<number>(width).fill(0));
    const cellAt = dims.map((d) =>
      d.groups.map(() => {
        const at = values.length;
        values.push(...new Array<number>(width).fill(0));
        return at;
      }),
    );
    for (const r of responses) {
      for (const c of columnHits(q, r.answers, columns)) {
        values[overallAt + c]!++;
        dims.forEach((d, di) => {
          values[cellAt[di]![d.groups.indexOf(d.key(r))]! + c]!++;
        });
      }
    }
    const singleValued = q.type !== 'multiple_choice';
    const lines: number[][] = [];
    dims.forEach((d, di) => {
      for (let c = 0; c < width; c++)
        lines.push([overallAt + c, ...cellAt[di]!.map((at) => at + c)]);
      if (singleValued) {
        d.groups.forEach((_, gi) => {
          const at = cellAt[di]![gi]!;
          lines.push([groupIndex[di]![gi]!, ...Array.from({ length: width }, (_, c) => at + c)]);
        });
      }
    });
    if (singleValued) lines.push([0, ...Array.from({ length: width }, (_, c) => overallAt + c)]);
    const out = protectLinked(values, lines, k, fixed);
    const overall = out.slice(overallAt, overallAt + width);
    const rows = (di: number): CrossRow[] =>
      dims[di]!.groups.map((group, gi) => {
        const at = cellAt[di]![gi]!;
        return { group, cells: out.slice(at, at + width) };
      });
    questions.push({
      name: q.name,
      type: q.type,
      columns,
      overall,
      byArea: rows(0),
      byLanguage: rows(1),
      mean: meanOf(q, responses, overall),
    });
  }
  const groupCounts = (di: number): GroupCount[] =>
    dims[di]!.groups.map((group, gi) => ({
      group,
      respondents: shownTotals[groupIndex[di]![gi]!]!,
    }));
  return {
    respondents: shownTotals[0]!,
    byArea: groupCounts(0),
    byLanguage: groupCounts(1),
    questions,
  };
}

function meanOf(
  q: Question,
  responses: readonly CountedResponse[],
  overall: readonly ShownCount[],
): number | null {
  if (q.type !== 'number' && q.type !== 'rating') return null;
  const xs = responses
    .map((r) => r.answers[q.name])
    .filter((v): v is number => typeof v === 'number');
  if (xs.length < SURVEY_MIN_CELL) return null;
  if (q.type === 'rating' && overall.some((c) => c.kind !== 'count')) return null;
  return Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
}

/**
 * The free-text and date answers, for coordinators only: per question, the answers sorted
 * by their text (never in the order they came, which could match a response to the time
 * someone was seen answering).
 */
export function freeTextAnswers(
  survey: Survey,
  responses: readonly CountedResponse[],
): { name: string; answers: string[] }[] {
  return allQuestions(survey)
    .filter((q) => isFreeText(q))
    .map((q) => ({
      name: q.name,
      answers: responses
        .map((r) => r.answers[q.name])
        .filter((v): v is string => typeof v === 'string' && v !== '')
        .sort((a, b) => a.localeCompare(b)),
    }));
}
