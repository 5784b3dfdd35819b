/**
 * Which column is which field: suggestions from the header words (a Google Form's headers
 * are its questions, "What do you need help with?"; a hand-kept sheet says "Teléfono"), and
 * the check of the mapping the coordinator settles on. Pure.
 */
import { fold, foldedWords } from '../text/fold.ts';
import { type FieldDef, fieldsOf, type ImportKind } from './fields.ts';

/** Words that say nothing about which field a header is. */
const NOISE = new Set(
  'a an and are as be can de del do does el en es for how if in is it la las los me mi my of on optional opcional or por favor please que se su the this to tu tus we what which you your'.split(
    ' ',
  ),
);

function words(text: string): string[] {
  return foldedWords(text).filter((w) => !NOISE.has(w));
}

/** The words of a header without noise, in a single folded string ("¿Teléfono?" → "telefono"). */
export function headerKey(header: string): string {
  return foldedWords(header).join(' ');
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++)
    if (needle.every((w, j) => haystack[i + j] === w)) return true;
  return false;
}

/**
 * How well a header names a field, 0 to 1: the same words as one of its synonyms (1), a
 * synonym found word for word inside the header (0.6 to 0.9, longer synonyms count more),
 * or shared words (at most 0.5).
 */
export function headerScore(header: string, field: FieldDef): number {
  const key = headerKey(header);
  const hw = foldedWords(header);
  const meaningful = words(header);
  let best = 0;
  for (const synonym of field.headers) {
    const sk = headerKey(synonym);
    if (sk === key || (sk === headerKey(meaningful.join(' ')) && sk !== '')) return 1;
    const sw = foldedWords(synonym);
    if (containsRun(hw, sw)) {
      const coverage = sw.length / Math.max(hw.length, 1);
      best = Math.max(best, 0.6 + 0.3 * coverage);
      continue;
    }
    const smeaningful = new Set(words(synonym));
    if (smeaningful.size === 0 || meaningful.length === 0) continue;
    const shared = meaningful.filter((w) => smeaningful.has(w)).length;
    const union = new Set([...meaningful, ...smeaningful]).size;
    best = Math.max(best, (0.5 * shared) / union);
  }
  return best;
}

export type Confidence = 'exact' | 'likely' | 'guess';

export interface ColumnSuggestion {
  column: number;
  header: string;
  field: string | null;
  score: number;
  confidence: Confidence | null;
}

/** Below this a column is left unmapped: a wrong guess costs more than a choice to make. */
export const SUGGEST_MIN = 0.3;

function confidenceOf(score: number): Confidence {
  if (score >= 1) return 'exact';
  return score >= 0.6 ? 'likely' : 'guess';
}

/**
 * A field for each column where the headers say so, each field used once: the best pairs
 * are taken first, so "Email address" goes to email even though it says "address".
 */
export function suggestMapping(kind: ImportKind, headers: readonly string[]): ColumnSuggestion[] {
  const pairs: { column: number; field: string; score: number }[] = [];
  headers.forEach((h, column) => {
    for (const f of fieldsOf(kind)) {
      const score = headerScore(h, f);
      if (score >= SUGGEST_MIN) pairs.push({ column, field: f.key, score });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, { field: string; score: number }>();
  const usedFields = new Set<string>();
  for (const p of pairs) {
    if (byColumn.has(p.column) || usedFields.has(p.field)) continue;
    byColumn.set(p.column, p);
    usedFields.add(p.field);
  }
  return headers.map((header, column) => {
    const hit = byColumn.get(column);
    return {
      column,
      header,
      field: hit?.field ?? null,
      score: hit ? Math.round(hit.score * 100) / 100 : 0,
      confidence: hit ? confidenceOf(hit.score) : null,
    };
  });
}

/** A mapping: for each column, the field it fills, or null to leave it out. */
export type Mapping = readonly (string | null)[];

export type MappingProblem =
  | { key: 'import.mapping.unknownField'; params: { column: number; field: string } }
  | { key: 'import.mapping.fieldTwice'; params: { field: string; columns: string } }
  | { key: 'import.mapping.requiredMissing'; params: { field: string } }
  | { key: 'import.mapping.contactMissing'; params: Record<string, never> }
  | { key: 'import.mapping.wrongLength'; params: { expected: number; got: number } };

/** Fields at least one of which a kind needs, so that the person can be reached again. */
export const CONTACT_FIELDS: Partial<Record<ImportKind, readonly string[]>> = {
  volunteers: ['email', 'phone'],
  requests: ['phone', 'email', 'address'],
};

/** What is wrong with a mapping before any row is read. */
export function checkMapping(
  kind: ImportKind,
  headers: readonly string[],
  mapping: Mapping,
): MappingProblem[] {
  const problems: MappingProblem[] = [];
  if (mapping.length !== headers.length)
    problems.push({
      key: 'import.mapping.wrongLength',
      params: { expected: headers.length, got: mapping.length },
    });
  const fields = fieldsOf(kind);
  const columnsOf = new Map<string, number[]>();
  mapping.forEach((f, column) => {
    if (f === null) return;
    if (!fields.some((d) => d.key === f)) {
      problems.push({
        key: 'import.mapping.unknownField',
        params: { column: column + 1, field: f },
      });
      return;
    }
    columnsOf.set(f, [...(columnsOf.get(f) ?? []), column + 1]);
  });
  for (const [field, cols] of columnsOf)
    if (cols.length > 1)
      problems.push({
        key: 'import.mapping.fieldTwice',
        params: { field, columns: cols.join(', ') },
      });
  for (const f of fields)
    if (f.required && !columnsOf.has(f.key))
      problems.push({ key: 'import.mapping.requiredMissing', params: { field: f.key } });
  const contact = CONTACT_FIELDS[kind];
  if (contact && !contact.some((f) => columnsOf.has(f)))
    problems.push({ key: 'import.mapping.contactMissing', params: {} });
  return problems;
}

/** The mapping of the suggestions, as the starting point of the mapping form. */
export function mappingFrom(suggestions: readonly ColumnSuggestion[]): Mapping {
  return suggestions.map((s) => s.field);
}

/** The header of a column in folded form, to remember a mapping for the next import of a sheet. */
export function mappingMemoryKey(headers: readonly string[]): string {
  return headers.map((h) => fold(h).trim()).join('\u001f');
}
