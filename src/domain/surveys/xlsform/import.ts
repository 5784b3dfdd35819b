import { parseAnswer } from '../answers.ts';
import { checkExpression } from '../expression/check.ts';
import { textReferences } from '../labels.ts';
import type { ChoiceList, Question, Section, Survey } from '../survey.ts';
import { checkSurvey, type SurveyProblem } from '../survey-check.ts';
import { type ReadList, readChoices } from './import-choices.ts';
import { collapseFormulas, languagesOf, settingsOf } from './import-settings.ts';
import { type ReadExpr, type ReadQuestion, readSurvey } from './import-survey.ts';
import { tableOf } from './sheet-table.ts';
import type { ImportIssue } from './types-map.ts';
import { readWorkbook } from './workbook.ts';

/**
 * XLSForm import: an .xlsx from KoboToolbox or ODK becomes a Mutua survey. Everything not
 * imported as it was is listed (`issues`, by sheet, row and column, with a reason key);
 * `problems` are what the builder would still refuse to publish (a question without a
 * label). Expressions are parsed by Mutua's own grammar; one that does not parse, or names
 * a question that was not imported, is listed and left out, never guessed at.
 */
export interface ImportOptions {
  /** The language of columns without `::Language` when settings name none (the network's). */
  readonly fallbackLanguage: string;
}

export type ImportResult =
  | {
      readonly ok: true;
      readonly survey: Survey;
      readonly issues: readonly ImportIssue[];
      readonly problems: readonly SurveyProblem[];
    }
  | { readonly ok: false; readonly reason: string; readonly issues: readonly ImportIssue[] };

export function importXlsForm(bytes: Uint8Array, opts: ImportOptions): ImportResult {
  const read = readWorkbook(bytes);
  if (!read.ok) return { ok: false, reason: read.reason, issues: [] };
  const issues: ImportIssue[] = [];
  const { sheets, sheetNames, truncated } = read.value;
  for (const name of sheetNames) {
    const key = name.trim().toLowerCase();
    if (key === 'survey' || key === 'choices' || key === 'settings') continue;
    const empty = key === 'entities' && (sheets.entities?.length ?? 0) <= 1;
    if (!empty)
      issues.push({
        sheet: name,
        row: null,
        column: null,
        reason: key === 'external_choices' || key === 'entities' ? `sheet_${key}` : 'sheet_ignored',
        severity: 'info',
      });
  }
  for (const name of truncated)
    issues.push({
      sheet: name,
      row: null,
      column: null,
      reason: 'sheet_truncated',
      severity: 'dropped',
    });
  const surveyTable = tableOf('survey', sheets.survey ?? []);
  if (!surveyTable) return { ok: false, reason: 'no_survey_sheet', issues };
  const choicesTable = tableOf('choices', sheets.choices ?? []);
  const settingsTable = tableOf('settings', sheets.settings ?? []);
  const settings = settingsOf(settingsTable, issues);
  const { languages, defaultLanguage } = languagesOf(
    [surveyTable, choicesTable],
    settings,
    opts,
    issues,
  );

  const lists = choicesTable
    ? readChoices(choicesTable, defaultLanguage, issues)
    : new Map<string, ReadList>();
  if (
    !surveyTable.columns.some((c) => c.kind === 'type') ||
    !surveyTable.columns.some((c) => c.kind === 'name')
  ) {
    return { ok: false, reason: 'survey_header_missing', issues };
  }
  const read2 = readSurvey(surveyTable, defaultLanguage, issues);
  const at = (
    row: number,
    column: string | null,
    reason: string,
    severity: ImportIssue['severity'],
    params?: Record<string, string | number>,
  ) =>
    issues.push({ sheet: 'survey', row, column, reason, severity, ...(params ? { params } : {}) });

  // Lists: a select question whose list is missing cannot be answered, so it is left out.
  const used = new Set<string>();
  const kept: ReadQuestion[][] = read2.sections.map((s) =>
    s.questions.filter((rq) => {
      if (!rq.list || rq.list.generated) return true;
      if (lists.has(rq.list.name)) {
        used.add(rq.list.name);
        return true;
      }
      at(rq.row, rq.list.column, 'unknown_list', 'dropped', {
        list: rq.list.name,
        name: rq.question.name,
      });
      read2.skipped.set(rq.question.name, rq.row);
      return false;
    }),
  );
  for (const rq of kept.flat()) if (rq.list?.generated) used.add(`\u0000${rq.list.name}`);
  for (const [name, list] of lists) {
    if (!used.has(name) && !used.has(`\u0000${name}`)) {
      issues.push({
        sheet: 'choices',
        row: list.firstRow,
        column: null,
        reason: 'unused_list',
        params: { list: name },
        severity: 'info',
      });
    }
  }
  const choiceLists: ChoiceList[] = [...lists.values()]
    .filter((l) => used.has(l.name))
    .map((l) => ({ name: l.name, choices: l.choices }));

  const names = new Set(kept.flat().map((rq) => rq.question.name));
  const choiceQuestions = new Set(
    kept
      .flat()
      .filter((rq) => rq.list)
      .map((rq) => rq.question.name),
  );
  const checked = (e: ReadExpr, columns?: ReadonlySet<string>): boolean => {
    const scope = columns
      ? { questions: names, choiceQuestions, choiceColumns: columns }
      : { questions: names, choiceQuestions };
    const role = e.field === 'choice_filter' ? 'choice_filter' : e.field;
    const { problems } = checkExpression(e.src, role, scope);
    for (const p of problems) {
      const skippedRow =
        p.code === 'unknown_reference' ? read2.skipped.get(String(p.params.name)) : undefined;
      at(e.row, e.column, `expression.${p.code}`, 'dropped', {
        ...p.params,
        position: p.position + 1,
        expression: e.src.slice(0, 200),
        ...(skippedRow ? { row: skippedRow } : {}),
      });
    }
    return problems.length === 0;
  };

  const taken = new Set(names);
  const sections: Section[] = [];
  read2.sections.forEach((rs, si) => {
    const questions = kept[si]!.map((rq) => finishQuestion(rq, lists, checked, at));
    kept[si]!.forEach((rq, qi) => {
      const q = questions[qi]!;
      for (const ref of [...textReferences(q.label), ...textReferences(q.hint)]) {
        if (names.has(ref)) continue;
        const skippedRow = read2.skipped.get(ref);
        at(rq.row, null, 'label_reference_unknown', 'changed', {
          name: ref,
          ...(skippedRow ? { row: skippedRow } : {}),
        });
      }
    });
    if (questions.length === 0) return;
    let name = rs.baseName;
    for (let n = 2; taken.has(name); n++) name = `${rs.baseName}_${n}`;
    taken.add(name);
    const parts = rs.relevant.filter((e) => checked(e));
    const relevant =
      parts.length === 1
        ? parts[0]!.src
        : parts.length > 1
          ? parts.map((p) => `(${p.src})`).join(' and ')
          : undefined;
    sections.push({
      name,
      label: rs.label,
      ...(relevant ? { relevant } : {}),
      ...(rs.appearance ? { appearance: rs.appearance } : {}),
      questions,
    });
  });

  const survey: Survey = {
    title: settings.form_title ?? settings.form_id ?? '',
    formId: settings.form_id ?? '',
    version: settings.version ?? '',
    languages,
    defaultLanguage,
    sections,
    choiceLists,
  };
  return { ok: true, survey, issues: collapseFormulas(issues), problems: checkSurvey(survey) };
}
type At = (
  row: number,
  column: string | null,
  reason: string,
  severity: ImportIssue['severity'],
  params?: Record<string, string | number>,
) => void;

function finishQuestion(
  rq: ReadQuestion,
  lists: Map<string, ReadList>,
  checked: (e: ReadExpr, columns?: ReadonlySet<string>) => boolean,
  at: At,
): Question {
  let q: Question = rq.question;
  const list = q.choiceList ? lists.get(q.choiceList) : undefined;
  const columns = new Set(list?.choices.flatMap((c) => Object.keys(c.columns)) ?? []);
  for (const e of rq.exprs) {
    if (!checked(e, e.field === 'choice_filter' ? columns : undefined)) continue;
    if (e.field === 'relevant') q = { ...q, relevant: e.src };
    else if (e.field === 'constraint') q = { ...q, constraint: e.src };
    else q = { ...q, choiceFilter: e.src };
  }
  if (q.constraint === undefined && q.constraintMessage !== undefined) {
    // The constraint was left out (listed above), so its message goes with it.
    const { constraintMessage: _gone, ...rest } = q;
    q = rest;
  }
  if (rq.defaultText) {
    const raw = q.type === 'multiple_choice' ? rq.defaultText.src.split(/\s+/) : rq.defaultText.src;
    const ok =
      q.type === 'area' ||
      parseAnswer(q, raw, list?.choices ?? [], { today: '2000-01-01', areas: [] }).ok;
    if (ok) q = { ...q, default: rq.defaultText.src };
    else
      at(rq.row, rq.defaultText.column, 'bad_default', 'dropped', {
        name: q.name,
        value: rq.defaultText.src.slice(0, 60),
      });
  }
  return q;
}
