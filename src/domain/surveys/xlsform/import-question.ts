import type { Question, QuestionType } from '../survey.ts';
import type { Column, ColumnKind } from './columns.ts';
import type { ReadExpr, ReadQuestion } from './import-survey.ts';
import { cellAt, columnOf, localisedAt, type Table, textAt } from './sheet-table.ts';
import { type ImportIssue, type parseType, rangeScale } from './types-map.ts';
import type { SheetRow } from './workbook.ts';

/**
 * One question row of the survey sheet as a Mutua question: its type (with Mutua's own
 * types recognised by their appearance word), labels, hints and messages in every
 * language, required, and its expressions kept aside until every name is known.
 */

/** Appearance words Mutua writes on export to keep its own types through XLSForm. */
export const YES_NO_APPEARANCE = 'mutua-yes-no';
export const AREA_APPEARANCE = 'mutua-area';
export const RATING_APPEARANCE = 'rating';

export const TRUE_WORDS = new Set(['yes', 'true', 'true()', '1']);
const FALSE_WORDS = new Set(['no', 'false', 'false()', '0', '']);

export type IssueFn = (
  row: number,
  column: Column | null | undefined,
  reason: string,
  severity: ImportIssue['severity'],
  params?: Record<string, string | number>,
) => void;

export function readQuestion(
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
