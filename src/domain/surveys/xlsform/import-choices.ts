import type { Choice } from '../survey.ts';
import { cellIssues, columnOf, localisedAt, type Table, textAt } from './sheet-table.ts';
import type { ImportIssue } from './types-map.ts';

/** A choice list as read, with the rows it came from (to point at them in issues). */
export interface ReadList {
  readonly name: string;
  readonly firstRow: number;
  readonly choices: Choice[];
  readonly rowOf: Map<string, number>;
}

/** Columns of the choices sheet that are not filter columns and that Mutua does not keep. */
const MEDIA = /^(media::)?(image|audio|video|big-image)(::|$)/;

/**
 * Reads the choices sheet: one row per choice (list name, name, labels), other columns kept
 * as the choice's columns for choice filters (`region` of a district). A row without a list
 * or a name, or repeating a name in its list, is reported and left out.
 */
export function readChoices(
  table: Table,
  defaultLanguage: string,
  issues: ImportIssue[],
): Map<string, ReadList> {
  const lists = new Map<string, ReadList>();
  const listCol = columnOf(table, 'list_name');
  const nameCol = columnOf(table, 'name');
  const at = (
    row: number,
    column: string | null,
    reason: string,
    params?: Record<string, string | number>,
  ) =>
    issues.push({
      sheet: table.sheet,
      row,
      column,
      reason,
      severity: 'dropped',
      ...(params ? { params } : {}),
    });
  if (!listCol || !nameCol) {
    issues.push({
      sheet: table.sheet,
      row: table.headerRow,
      column: null,
      reason: 'choices_header_missing',
      severity: 'dropped',
    });
    return lists;
  }
  const filterCols = table.columns.filter(
    (c) => c.kind === 'other' && !MEDIA.test(c.base) && c.base !== 'order',
  );
  const mediaCols = table.columns.filter((c) => c.kind === 'other' && MEDIA.test(c.base));
  const otherKnown = table.columns.filter(
    (c) => c.kind !== 'other' && c.kind !== 'list_name' && c.kind !== 'name' && c.kind !== 'label',
  );
  for (const row of table.rows) {
    issues.push(...cellIssues(table, row, table.columns));
    const listName = textAt(row, listCol);
    const name = textAt(row, nameCol);
    if (listName === '') {
      at(row.row, listCol.header, 'missing_list_name');
      continue;
    }
    if (name === '') {
      at(row.row, nameCol.header, 'missing_choice_name');
      continue;
    }
    let list = lists.get(listName);
    if (!list) {
      list = { name: listName, firstRow: row.row, choices: [], rowOf: new Map() };
      lists.set(listName, list);
    }
    if (list.rowOf.has(name)) {
      at(row.row, nameCol.header, 'duplicate_choice', { name, first: list.rowOf.get(name)! });
      continue;
    }
    for (const col of [...mediaCols, ...otherKnown]) {
      if (textAt(row, col) !== '')
        at(row.row, col.header, 'column_unsupported', { column: col.header });
    }
    const columns: Record<string, string> = {};
    for (const col of filterCols) {
      const v = textAt(row, col);
      if (v !== '') columns[col.header] = v;
    }
    const label = localisedAt(table, row, 'label', defaultLanguage) ?? {};
    list.rowOf.set(name, row.row);
    list.choices.push({ name, label, columns });
  }
  return lists;
}
