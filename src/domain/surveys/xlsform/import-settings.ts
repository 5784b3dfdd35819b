import type { Language } from '../survey.ts';
import { hasUnknownLanguage, languageName, parseLanguage } from './columns.ts';
import type { ImportOptions } from './import.ts';
import { cellIssues, type Table, textAt } from './sheet-table.ts';
import type { ImportIssue } from './types-map.ts';

/** The settings sheet, the languages of the form, and the tidying of the issue list. */
const SETTINGS = new Set(['form_title', 'form_id', 'version', 'default_language']);

export function settingsOf(table: Table | null, issues: ImportIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  const row = table?.rows[0];
  if (!table || !row) return out;
  issues.push(...cellIssues(table, row, table.columns));
  for (const c of table.columns) {
    const v = textAt(row, c);
    if (v === '') continue;
    if (SETTINGS.has(c.base)) out[c.base] = v;
    else {
      issues.push({
        sheet: table.sheet,
        row: row.row,
        column: c.header,
        reason: 'setting_unsupported',
        params: { setting: c.header },
        severity: 'info',
      });
    }
  }
  return out;
}

export function languagesOf(
  tables: (Table | null)[],
  settings: Record<string, string>,
  opts: ImportOptions,
  issues: ImportIssue[],
) {
  const languages: Language[] = [];
  let plain = false;
  for (const t of tables) {
    for (const c of t?.columns ?? []) {
      if (!['label', 'hint', 'required_message', 'constraint_message'].includes(c.kind)) continue;
      if (c.language === null) {
        plain = true;
        continue;
      }
      if (!languages.some((l) => l.code === c.language!.code)) {
        languages.push(c.language);
        if (hasUnknownLanguage(c)) {
          issues.push({
            sheet: t!.sheet,
            row: t!.headerRow,
            column: c.header,
            reason: 'language_without_code',
            params: { code: c.language.code },
            severity: 'changed',
          });
        }
      }
    }
  }
  let def: Language;
  if (settings.default_language) def = parseLanguage(settings.default_language).language;
  else if (plain || languages.length === 0)
    def = { code: opts.fallbackLanguage, name: languageName(opts.fallbackLanguage) };
  else def = languages[0]!;
  const known = languages.find((l) => l.code === def.code);
  if (!known) languages.unshift(def);
  return { languages, defaultLanguage: def.code };
}

/**
 * A column computed by formulas (a translation column filled by a spreadsheet function) is
 * one issue, at its first row with the number of cells, not one per cell.
 */
export function collapseFormulas(issues: ImportIssue[]): ImportIssue[] {
  const out: ImportIssue[] = [];
  const seen = new Map<string, { at: number; count: number }>();
  for (const i of issues) {
    if (i.reason !== 'formula_value') {
      out.push(i);
      continue;
    }
    const key = `${i.sheet}\u0000${i.column}`;
    const hit = seen.get(key);
    if (hit) {
      hit.count++;
      const first = out[hit.at]!;
      out[hit.at] = { ...first, params: { ...first.params, count: hit.count } };
      continue;
    }
    seen.set(key, { at: out.length, count: 1 });
    out.push({ ...i, params: { ...i.params, count: 1 } });
  }
  return out;
}
