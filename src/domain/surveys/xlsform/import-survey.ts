import { QUESTION_NAME } from '../expression/lexer.ts';
import type { Localised, Question } from '../survey.ts';
import type { Column, ColumnKind } from './columns.ts';
import { readQuestion, TRUE_WORDS } from './import-question.ts';
import { cellAt, cellIssues, columnOf, localisedAt, type Table, textAt } from './sheet-table.ts';
import { type ImportIssue, parseType } from './types-map.ts';
import type { SheetRow } from './workbook.ts';

/** An expression cell, kept with where it came from until every name is known. */
export interface ReadExpr {
  readonly field: 'relevant' | 'constraint' | 'choice_filter';
  readonly src: string;
  readonly row: number;
  readonly column: string;
}

export interface ReadQuestion {
  readonly row: number;
  /** The question without its expressions and default (added once they are checked). */
  readonly question: Question;
  readonly exprs: ReadExpr[];
  readonly defaultText?: { src: string; column: string };
  /** The list a select question reads; for yes/no and area, the generated list to ignore. */
  readonly list?: { name: string; column: string; generated: boolean };
}

export interface ReadSection {
  readonly baseName: string;
  readonly row: number;
  readonly label: Localised;
  readonly appearance?: string;
  /** The show-when of the group and of every group around it (all must hold). */
  readonly relevant: ReadExpr[];
  readonly questions: ReadQuestion[];
}

export interface ReadSurvey {
  readonly sections: ReadSection[];
  /** Names of rows that were not imported, with their row (to explain references to them). */
  readonly skipped: Map<string, number>;
}

const QUESTION_COLUMNS = new Set<ColumnKind>([
  'type',
  'name',
  'label',
  'hint',
  'required',
  'required_message',
  'relevant',
  'constraint',
  'constraint_message',
  'choice_filter',
  'default',
  'appearance',
  'parameters',
]);
const GROUP_COLUMNS = new Set<ColumnKind>(['type', 'name', 'label', 'relevant', 'appearance']);

type Frame = {
  name: string;
  row: number;
  label: Localised;
  appearance?: string;
  relevant?: ReadExpr;
  segments: number;
  used: boolean;
};

export function readSurvey(
  table: Table,
  defaultLanguage: string,
  issues: ImportIssue[],
): ReadSurvey {
  const col = (k: ColumnKind) => columnOf(table, k);
  const [typeCol, nameCol] = [col('type'), col('name')];
  const sections: ReadSection[] = [];
  const skipped = new Map<string, number>();
  const stack: Frame[] = [];
  let current: { owner: Frame | null; section: ReadSection } | null = null;
  let topLevel = 0;
  const issue = (
    row: number,
    column: Column | null | undefined,
    reason: string,
    severity: ImportIssue['severity'],
    params?: Record<string, string | number>,
  ) =>
    issues.push({
      sheet: table.sheet,
      row,
      column: column?.header ?? null,
      reason,
      severity,
      ...(params ? { params } : {}),
    });
  const exprAt = (
    row: SheetRow,
    field: ReadExpr['field'],
    kind: ColumnKind,
  ): ReadExpr | undefined => {
    const c = col(kind);
    const cell = c ? cellAt(row, c) : null;
    if (!c || !cell) return undefined;
    const src = cell.bool !== undefined ? (cell.bool ? 'true()' : 'false()') : cell.text.trim();
    return src === '' ? undefined : { field, src, row: row.row, column: c.header };
  };
  const unsupportedCells = (row: SheetRow, allowed: Set<ColumnKind>) => {
    for (const c of table.columns) {
      if (allowed.has(c.kind) || textAt(row, c) === '') continue;
      issue(row.row, c, 'column_unsupported', 'dropped', { column: c.header });
    }
  };
  if (!typeCol || !nameCol) {
    issue(table.headerRow, null, 'survey_header_missing', 'dropped');
    return { sections, skipped };
  }
  let repeatDepth = 0;
  const names = new Map<string, number>();
  for (const row of table.rows) {
    const typeText = textAt(row, typeCol);
    const name = textAt(row, nameCol);
    if (typeText === '') {
      if (name !== '' || table.columns.some((c) => textAt(row, c) !== ''))
        issue(row.row, typeCol, 'missing_type', 'dropped', { name });
      continue;
    }
    const t = parseType(typeText);
    if (repeatDepth > 0) {
      if (t.kind === 'end_repeat') repeatDepth--;
      else if (t.kind !== 'end_group') {
        if (t.kind === 'begin_repeat') repeatDepth++;
        issue(row.row, null, 'inside_repeat', 'dropped', { name });
        if (name) skipped.set(name, row.row);
      }
      continue;
    }
    issues.push(...cellIssues(table, row, table.columns));
    switch (t.kind) {
      case 'begin_repeat':
        issue(row.row, typeCol, 'repeat', 'dropped', { name });
        if (name) skipped.set(name, row.row);
        repeatDepth = 1;
        continue;
      case 'end_repeat':
        issue(row.row, typeCol, 'unmatched_end', 'info');
        continue;
      case 'begin_group': {
        if (stack.length > 0) issue(row.row, typeCol, 'group_flattened', 'changed', { name });
        unsupportedCells(row, GROUP_COLUMNS);
        const appearance = textAt(row, col('appearance'));
        const relevant = exprAt(row, 'relevant', 'relevant');
        stack.push({
          name: name || `group_${row.row}`,
          row: row.row,
          label: localisedAt(table, row, 'label', defaultLanguage) ?? {},
          ...(appearance ? { appearance } : {}),
          ...(relevant ? { relevant } : {}),
          segments: 0,
          used: false,
        });
        if (!name)
          issue(row.row, nameCol, 'missing_group_name', 'changed', { name: `group_${row.row}` });
        continue;
      }
      case 'end_group': {
        const frame = stack.pop();
        if (!frame) issue(row.row, typeCol, 'unmatched_end', 'info');
        else if (!frame.used)
          issue(frame.row, typeCol, 'empty_group', 'info', { name: frame.name });
        continue;
      }
      case 'metadata':
        issue(row.row, typeCol, 'metadata', 'info', { type: t.type, name });
        continue;
      case 'unsupported':
        issue(row.row, typeCol, t.reason, 'dropped', { type: t.type, name });
        if (name) skipped.set(name, row.row);
        continue;
    }
    if (!name) {
      issue(row.row, nameCol, 'missing_name', 'dropped', { type: typeText });
      continue;
    }
    if (!QUESTION_NAME.test(name)) {
      issue(row.row, nameCol, 'bad_name', 'dropped', { name: name.slice(0, 60) });
      continue;
    }
    if (names.has(name)) {
      issue(row.row, nameCol, 'duplicate_name', 'dropped', { name, first: names.get(name)! });
      continue;
    }
    names.set(name, row.row);
    if (table.columns.some((c) => c.base === 'calculation' && textAt(row, c) !== '')) {
      issue(row.row, typeCol, 'calculation', 'dropped', { type: typeText, name });
      skipped.set(name, row.row);
      continue;
    }
    const readOnly = table.columns.find((c) => c.base === 'read_only' || c.base === 'readonly');
    if (readOnly && TRUE_WORDS.has(textAt(row, readOnly).toLowerCase())) {
      issue(row.row, readOnly, 'read_only', 'dropped', { name });
      skipped.set(name, row.row);
      continue;
    }
    const read = readQuestion(table, row, t, name, defaultLanguage, issue, exprAt);
    if (!read) {
      skipped.set(name, row.row);
      continue;
    }
    unsupportedCells(row, QUESTION_COLUMNS);
    const owner = stack[stack.length - 1] ?? null;
    if (!current || current.owner !== owner) {
      let section: ReadSection;
      if (owner) {
        owner.used = true;
        const baseName = owner.segments === 0 ? owner.name : `${owner.name}_${owner.segments + 1}`;
        owner.segments++;
        section = {
          baseName,
          row: owner.row,
          label: owner.label,
          ...(owner.appearance ? { appearance: owner.appearance } : {}),
          relevant: stack.flatMap((f) => (f.relevant ? [f.relevant] : [])),
          questions: [],
        };
      } else {
        topLevel++;
        section = {
          baseName: `section_${topLevel}`,
          row: row.row,
          label: {},
          relevant: [],
          questions: [],
        };
      }
      sections.push(section);
      current = { owner, section };
    }
    current.section.questions.push(read);
  }
  for (const frame of stack)
    issue(frame.row, typeCol, 'unclosed_group', 'info', { name: frame.name });
  return { sections, skipped };
}
