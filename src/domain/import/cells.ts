/**
 * One cell read as its field's type. Each reader gives a value, or a problem as a message
 * key with params (for the catalogue: `import.problem.phone` "This is not a phone number:
 * {value}"), and a warning may come with a value (the row is imported, the coordinator is
 * told what was assumed). Pure.
 */
import { normaliseEmail, normalisePhone } from '../people/contact.ts';
import { fold } from '../text/fold.ts';
import { parseAvailability } from './availability.ts';
import { type DateOrder, instantOf, parseDate } from './dates.ts';
import type { FieldDef } from './fields.ts';
import { languageCode, languageCodes } from './languages.ts';

export interface Problem {
  key: string;
  params: Record<string, string | number>;
}

export type CellValue = string | number | boolean | string[] | null;

export type CellResult =
  | { ok: true; value: CellValue; warning?: Problem }
  | { ok: false; problem: Problem };

/** A category a network uses, with its labels and the extra words that mean it. */
export interface CategoryOption {
  key: string;
  labels: Record<string, string>;
  words?: readonly string[];
}

export interface NamedRef {
  id: string;
  name: string;
}

/** What reading a cell needs to know of the network and of the file. */
export interface CellContext {
  dateOrder: DateOrder;
  /** The decimal mark of the file's numbers. */
  decimal: '.' | ',';
  timeZone: string;
  categories: readonly CategoryOption[];
  areas: readonly NamedRef[];
  sites: readonly NamedRef[];
}

const ok = (value: CellValue, warning?: Problem): CellResult =>
  warning ? { ok: true, value, warning } : { ok: true, value };
const fail = (key: string, params: Record<string, string | number>): CellResult => ({
  ok: false,
  problem: { key: `import.problem.${key}`, params },
});

/** A number written with the file's decimal mark; thousands groups of the other mark allowed. */
export function parseNumber(raw: string, decimal: '.' | ','): number | null {
  const group = decimal === '.' ? ',' : '.';
  let s = raw.replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return null;
  const sign = s.startsWith('-') ? -1 : 1;
  s = s.replace(/^[-+]/, '');
  const g = group === '.' ? '\\.' : ',';
  const d = decimal === '.' ? '\\.' : ',';
  const re = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const m = re.exec(s);
  if (!m) {
    const bare = new RegExp(`^${d}(\\d+)$`).exec(s);
    return bare ? sign * Number(`0.${bare[1]}`) : null;
  }
  const whole = (m[1] ?? '').split(group).join('');
  return sign * Number(m[2] ? `${whole}.${m[2]}` : whole);
}

const TRUE_WORDS = new Set(
  'yes y true 1 si s x ✓ ✔ checked ticked ok sure claro vale verdadero'.split(' '),
);
const FALSE_WORDS = new Set('no n false 0 falso'.split(' '));

export function parseBoolean(raw: string): boolean | null {
  const s = fold(raw).replace(/[.!]/g, '').trim();
  if (TRUE_WORDS.has(s) || /^(yes|si)\b/.test(s)) return true;
  if (FALSE_WORDS.has(s) || /^no\b/.test(s)) return false;
  return null;
}

const cleanText = (text: string) =>
  fold(text)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface CategoryIndex {
  exact: Map<string, string>;
  words: { key: string; words: string[] }[];
}

/** The folded names of each option, made once per list (a sheet asks 100,000 times). */
const categoryIndexes = new WeakMap<readonly CategoryOption[], CategoryIndex>();

function categoryIndex(options: readonly CategoryOption[]): CategoryIndex {
  let index = categoryIndexes.get(options);
  if (index) return index;
  index = { exact: new Map(), words: [] };
  for (const o of options) {
    const names = [o.key, ...Object.values(o.labels), ...(o.words ?? [])];
    for (const n of names) if (!index.exact.has(cleanText(n))) index.exact.set(cleanText(n), o.key);
    const words = names.flatMap((n) => cleanText(n).split(' ')).filter((w) => w.length >= 4);
    index.words.push({ key: o.key, words });
  }
  categoryIndexes.set(options, index);
  return index;
}

function categoryMatch(text: string, options: readonly CategoryOption[]): string | null {
  const t = cleanText(text);
  if (!t) return null;
  const index = categoryIndex(options);
  const exact = index.exact.get(t);
  if (exact) return exact;
  // A word of the text that starts a label word (or the other way), when only one option has it.
  const words = t.split(' ').filter((w) => w.length >= 4);
  const hits = index.words.filter((o) =>
    o.words.some((lw) => words.some((w) => w.startsWith(lw) || lw.startsWith(w))),
  );
  return hits.length === 1 ? hits[0]!.key : null;
}

/** Categories named in a cell: "Groceries, Rides", "Compras / Medicinas", a form's ticks. */
export function parseCategories(
  raw: string,
  options: readonly CategoryOption[],
): { keys: string[]; unknown: string[] } {
  const whole = categoryMatch(raw, options);
  if (whole) return { keys: [whole], unknown: [] };
  const keys: string[] = [];
  const unknown: string[] = [];
  for (const part of raw.split(/[,;/|\n]/)) {
    if (!part.trim()) continue;
    const key = categoryMatch(part, options);
    if (key) {
      if (!keys.includes(key)) keys.push(key);
    } else unknown.push(part.trim());
  }
  return { keys, unknown };
}

function byName(raw: string, refs: readonly NamedRef[]): string | null {
  const t = fold(raw).trim();
  return refs.find((r) => fold(r.name).trim() === t)?.id ?? null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function choice(raw: string, choices: Record<string, readonly string[]>): string | null {
  const t = fold(raw).replace(/[.!?]/g, '').trim();
  for (const [key, words] of Object.entries(choices))
    if (key === t || words.includes(t)) return key;
  for (const [key, words] of Object.entries(choices))
    if (words.some((w) => w.length >= 3 && new RegExp(`\\b${escapeRe(w)}\\b`).test(t))) return key;
  return null;
}

/**
 * Values that repeat down a column ("English, Spanish", "Groceries", "Northside") are read
 * once per sheet and context: the same text gives the same result. Personal fields (phones,
 * emails, names) are never kept here; they are cheap to read and must not linger.
 */
const MEMO_TYPES = new Set<FieldDef['type']>([
  'boolean',
  'category',
  'categories',
  'language',
  'languages',
  'availability',
  'area',
  'site',
  'choice',
]);
/** Distinct values remembered per field: a column of free text is not worth more. */
const MEMO_MAX = 2000;
const memos = new WeakMap<CellContext, Map<FieldDef, Map<string, CellResult>>>();

function copy(r: CellResult): CellResult {
  return r.ok && Array.isArray(r.value) ? { ...r, value: [...r.value] } : r;
}

export function readCell(field: FieldDef, raw: string, ctx: CellContext): CellResult {
  if (!MEMO_TYPES.has(field.type)) return readCellOnce(field, raw, ctx);
  let byField = memos.get(ctx);
  if (!byField) {
    byField = new Map();
    memos.set(ctx, byField);
  }
  let memo = byField.get(field);
  if (!memo) {
    memo = new Map();
    byField.set(field, memo);
  }
  const hit = memo.get(raw);
  if (hit) return copy(hit);
  const result = readCellOnce(field, raw, ctx);
  if (memo.size < MEMO_MAX) memo.set(raw, result);
  return copy(result);
}

function readCellOnce(field: FieldDef, raw: string, ctx: CellContext): CellResult {
  const value = raw.trim();
  if (value === '') return ok(null);
  if (
    field.max !== undefined &&
    ['text', 'email', 'url'].includes(field.type) &&
    [...value].length > field.max
  )
    return fail('tooLong', { max: field.max });
  switch (field.type) {
    case 'text':
      return ok(value.replace(/\r\n?/g, '\n'));
    case 'phone': {
      const phone = normalisePhone(value);
      return phone ? ok(phone) : fail('phone', { value });
    }
    case 'email': {
      const email = normaliseEmail(value.replace(/^mailto:/i, ''));
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? ok(email) : fail('email', { value });
    }
    case 'url': {
      const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
      try {
        const u = new URL(url);
        return u.hostname.includes('.') ? ok(u.toString()) : fail('url', { value });
      } catch {
        return fail('url', { value });
      }
    }
    case 'date':
    case 'datetime': {
      const r = parseDate(value, ctx.dateOrder);
      if (!r.ok) return { ok: false, problem: r.problem };
      return ok(field.type === 'date' ? r.value.date : instantOf(r.value, ctx.timeZone));
    }
    case 'integer':
    case 'decimal': {
      const n = parseNumber(value, ctx.decimal);
      if (n === null)
        return fail(/^\d+[.,]\d+$/.test(value) ? 'decimalMark' : 'number', {
          value,
          decimal: ctx.decimal,
        });
      if (field.type === 'integer' && !Number.isInteger(n)) return fail('wholeNumber', { value });
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max))
        return fail('range', { value, min: field.min ?? '', max: field.max ?? '' });
      return ok(n);
    }
    case 'boolean': {
      const b = parseBoolean(value);
      return b === null ? fail('yesNo', { value }) : ok(b);
    }
    case 'category': {
      const { keys, unknown } = parseCategories(value, ctx.categories);
      if (keys.length === 0) return fail('category', { value });
      if (keys.length > 1)
        return ok(keys[0]!, {
          key: 'import.problem.extraCategories',
          params: { kept: keys[0]!, dropped: keys.slice(1).join(', ') },
        });
      return unknown.length
        ? ok(keys[0]!, {
            key: 'import.problem.categoryPartly',
            params: { value: unknown.join(', ') },
          })
        : ok(keys[0]!);
    }
    case 'categories': {
      const { keys, unknown } = parseCategories(value, ctx.categories);
      if (keys.length === 0) return fail('category', { value });
      return unknown.length
        ? ok(keys, { key: 'import.problem.categoryPartly', params: { value: unknown.join(', ') } })
        : ok(keys);
    }
    case 'language': {
      const code = languageCode(value) ?? languageCodes(value).codes[0] ?? null;
      return code ? ok(code) : fail('language', { value });
    }
    case 'languages': {
      const { codes, unknown } = languageCodes(value);
      if (codes.length === 0) return fail('language', { value });
      return unknown.length
        ? ok(codes, { key: 'import.problem.languagePartly', params: { value: unknown.join(', ') } })
        : ok(codes);
    }
    case 'availability': {
      const { mask, unknown } = parseAvailability(value);
      if (mask === 0) return fail('availability', { value });
      return unknown.length
        ? ok(mask, {
            key: 'import.problem.availabilityPartly',
            params: { value: unknown.join(', ') },
          })
        : ok(mask);
    }
    case 'area':
    case 'site': {
      const id = byName(value, field.type === 'area' ? ctx.areas : ctx.sites);
      // An unknown place is not a reason to lose the row: it is imported without one.
      return id
        ? ok(id)
        : ok(null, { key: `import.problem.${field.type}Unknown`, params: { value } });
    }
    case 'choice': {
      const key = field.choices ? choice(value, field.choices) : null;
      return key ? ok(key) : fail('choice', { value });
    }
  }
}
