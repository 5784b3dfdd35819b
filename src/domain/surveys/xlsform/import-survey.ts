import { QUESTION_NAME } from '../expression/lexer.ts';
import type { Localised, Question, QuestionType } from '../survey.ts';
import type { Column, ColumnKind } from './columns.ts';
import { cellAt, cellIssues, columnOf, localisedAt, type Table, textAt } from './sheet-table.ts';
import { type ImportIssue, parseType, rangeScale } from './types-map.ts';
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

/** Appearance words Mutua writes on export to keep its own types through XLSForm. */
export const YES_NO_APPEARANCE = 'mutua-yes-no';
export const AREA_APPEARANCE = 'mutua-area';
export const RATING_APPEARANCE = 'rating';

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

const TRUE_WORDS = new Set(['yes', 'true', 'true()', '1']);
const FALSE_WORDS = new Set(['no', 'false', 'false()', '0', '']);

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
      if (t.kind === 'begin_repeat') repeatDepth++;
      else if (t.kind === 'end_repeat') repeatDepth--;
      else if (t.kind !== 'end_group') {
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

type IssueFn = (
  row: number,
  column: Column | null | undefined,
  reason: string,
  severity: ImportIssue['severity'],
  params?: Record<string, string | number>,
) => void;

function readQuestion(
  table: Table,
  row: SheetRow,
  t: ReturnType<typeof parseType>,
  name: string,
  defaultLanguage: string,
  issue: IssueFn,
  exprAt: (row: SheetRow, field: ReadExpr['field'], kind: ColumnKind) => ReadExpr | undefined,
): ReadQuestion | null {
  const col = (k: ColumnKind) => columnOf(table, k);
  const typeCol = col('type')!;
  const words = textAt(row, col('appearance')).split(/\s+/).filter(Boolean);
  let type: QuestionType;
  const extra: Partial<{ -readonly [K in keyof Question]: Question[K] }> = {};
  let list: ReadQuestion['list'];
  switch (t.kind) {
    case 'text':
    case 'date':
    case 'note':
      type = t.kind;
      break;
    case 'number':
      type = 'number';
      extra.integer = t.integer;
      break;
    case 'range': {
      const scale = rangeScale(textAt(row, col('parameters')));
      if (!scale) {
        issue(row.row, col('parameters') ?? typeCol, 'range_parameters', 'dropped', { name });
        return null;
      }
      type = 'rating';
      extra.scale = scale;
      break;
    }
    case 'select': {
      const yesNo = !t.multiple && words.includes(YES_NO_APPEARANCE);
      const area = !t.multiple && words.includes(AREA_APPEARANCE);
      type = yesNo ? 'yes_no' : area ? 'area' : t.multiple ? 'multiple_choice' : 'single_choice';
      list = { name: t.list, column: typeCol.header, generated: yesNo || area };
      if (!yesNo && !area) extra.choiceList = t.list;
      if (t.orOther) issue(row.row, typeCol, 'or_other', 'changed', { name });
      break;
    }
    default:
      return null;
  }
  const own = new Set([
    YES_NO_APPEARANCE,
    AREA_APPEARANCE,
    ...(type === 'rating' ? [RATING_APPEARANCE] : []),
  ]);
  const appearance = words.filter((w) => !own.has(w)).join(' ');
  const reqCell = col('required') ? cellAt(row, col('required')!) : null;
  const reqText =
    reqCell?.bool !== undefined ? String(reqCell.bool) : (reqCell?.text.trim().toLowerCase() ?? '');
  let required = TRUE_WORDS.has(reqText);
  if (!required && !FALSE_WORDS.has(reqText))
    issue(row.row, col('required'), 'required_expression', 'changed', { name });
  if (type === 'note' && required) {
    issue(row.row, col('required'), 'note_required', 'changed', { name });
    required = false;
  }
  const exprs: ReadExpr[] = [];
  for (const [field, kind] of [
    ['relevant', 'relevant'],
    ['constraint', 'constraint'],
    ['choice_filter', 'choice_filter'],
  ] as const) {
    const e = exprAt(row, field, kind);
    if (!e) continue;
    const allowed =
      field === 'relevant' ||
      (field === 'constraint' && type !== 'note') ||
      (field === 'choice_filter' && (type === 'single_choice' || type === 'multiple_choice'));
    if (allowed) exprs.push(e);
    else
      issue(row.row, col(kind), 'column_not_for_type', 'dropped', {
        column: e.column,
        type: t.kind,
      });
  }
  if (type !== 'rating' && textAt(row, col('parameters')) !== '')
    issue(row.row, col('parameters'), 'column_unsupported', 'dropped', {
      column: col('parameters')!.header,
    });
  const hint = localisedAt(table, row, 'hint', defaultLanguage);
  const requiredMessage = localisedAt(table, row, 'required_message', defaultLanguage);
  const constraintMessage = localisedAt(table, row, 'constraint_message', defaultLanguage);
  const defaultSrc = textAt(row, col('default'));
  let defaultText: ReadQuestion['defaultText'];
  if (defaultSrc !== '') {
    if (/\$\{|\(/.test(defaultSrc))
      issue(row.row, col('default'), 'dynamic_default', 'dropped', { name });
    else defaultText = { src: defaultSrc, column: col('default')!.header };
  }
  if (requiredMessage && !required)
    issue(row.row, col('required_message'), 'message_without_rule', 'info', { name });
  if (constraintMessage && !exprs.some((e) => e.field === 'constraint')) {
    issue(row.row, col('constraint_message'), 'message_without_rule', 'info', { name });
  }
  const question: Question = {
    name,
    type,
    label: localisedAt(table, row, 'label', defaultLanguage) ?? {},
    ...(hint ? { hint } : {}),
    required,
    ...(required && requiredMessage ? { requiredMessage } : {}),
    ...(constraintMessage && exprs.some((e) => e.field === 'constraint')
      ? { constraintMessage }
      : {}),
    ...extra,
    ...(appearance ? { appearance } : {}),
  };
  return {
    row: row.row,
    question,
    exprs,
    ...(defaultText ? { defaultText } : {}),
    ...(list ? { list } : {}),
  };
}
