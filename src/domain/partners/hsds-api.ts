/**
 * The read-only HSDS API's `/services` list, pure over a (public) Directory: the query
 * parameters its OpenAPI description names (`search`, `page`, `per_page`, `format`,
 * `taxonomy_term_id`, `taxonomy_id`, `organization_id`, `modified_after`, `minimal`, `full`),
 * parsed with a message key per bad parameter, and the page in the shape of its `Page`
 * schema (`total_items`, `total_pages`, `page_number`, `size`, `first_page`, `last_page`,
 * `empty`, `contents`).
 */

import { DirectoryIndex, serviceFullJson, serviceListJson } from './hsds-json-export.ts';
import type { Directory } from './hsds-model.ts';
import { isUuid } from './hsds-values.ts';

export const DEFAULT_PER_PAGE = 50;
/** A page of fully nested services is ~20 KB each: 200 keeps one answer under ~4 MB. */
export const MAX_PER_PAGE = 200;

export interface ServicesQuery {
  search: string | null;
  page: number;
  perPage: number;
  format: 'json' | 'ndjson';
  taxonomyTermId: string | null;
  taxonomyId: string | null;
  organizationId: string | null;
  modifiedAfter: string | null;
  minimal: boolean;
  full: boolean;
}

export type QueryParse =
  | { ok: true; query: ServicesQuery }
  | {
      ok: false;
      errors: { param: string; key: string; params: Record<string, string | number> }[];
    };

type Raw = Record<string, string | string[] | undefined>;

function one(raw: Raw, name: string): string | undefined {
  const v = raw[name];
  return Array.isArray(v) ? v[v.length - 1] : v;
}

export function parseServicesQuery(raw: Raw): QueryParse {
  const errors: { param: string; key: string; params: Record<string, string | number> }[] = [];
  const fail = (param: string, code: string, params: Record<string, string | number> = {}) =>
    errors.push({ param, key: `partners.hsds.query.${code}`, params: { param, ...params } });
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const v = one(raw, name);
    if (v === undefined || v === '') return fallback;
    if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      fail(name, 'integer_range', { min, max });
      return fallback;
    }
    return Number(v);
  };
  const bool = (name: string): boolean => {
    const v = one(raw, name);
    if (v === undefined || v === '') return false;
    if (v === 'true' || v === '1') return true;
    if (v !== 'false' && v !== '0') fail(name, 'boolean');
    return false;
  };
  const id = (name: string): string | null => {
    const v = one(raw, name)?.trim().toLowerCase();
    if (!v) return null;
    if (!isUuid(v)) fail(name, 'uuid');
    return v;
  };
  const page = int('page', 1, 1, 1_000_000);
  const perPage = int('per_page', DEFAULT_PER_PAGE, 1, MAX_PER_PAGE);
  const formatRaw = one(raw, 'format') || 'json';
  if (formatRaw !== 'json' && formatRaw !== 'ndjson') fail('format', 'format');
  const modifiedRaw = one(raw, 'modified_after')?.trim() || null;
  let modifiedAfter: string | null = null;
  if (modifiedRaw) {
    const t = Date.parse(modifiedRaw);
    if (Number.isNaN(t) || !/^\d{4}-\d{2}-\d{2}/.test(modifiedRaw))
      fail('modified_after', 'datetime');
    else modifiedAfter = new Date(t).toISOString();
  }
  const search = one(raw, 'search')?.trim() || null;
  const query: ServicesQuery = {
    search: search && search.length > 200 ? search.slice(0, 200) : search,
    page,
    perPage,
    format: formatRaw === 'ndjson' ? 'ndjson' : 'json',
    taxonomyTermId: id('taxonomy_term_id'),
    taxonomyId: id('taxonomy_id'),
    organizationId: id('organization_id'),
    modifiedAfter,
    minimal: bool('minimal'),
    full: bool('full'),
  };
  return errors.length ? { ok: false, errors } : { ok: true, query };
}

/** Lower case, accents off, so "Despensa" finds "despensa" and "Café" finds "cafe". */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function matches(
  index: DirectoryIndex,
  q: ServicesQuery,
  s: Directory['service'][number],
): boolean {
  if (q.organizationId && s.organization_id !== q.organizationId) return false;
  if (
    q.modifiedAfter &&
    !(s.last_modified && Date.parse(s.last_modified) >= Date.parse(q.modifiedAfter))
  )
    return false;
  if (q.taxonomyTermId || q.taxonomyId) {
    const terms = index
      .childrenOf('attribute', 'link_id', s.id)
      .map((a) => index.get('taxonomy_term', a.taxonomy_term_id))
      .filter((t) => t !== undefined);
    if (q.taxonomyTermId && !terms.some((t) => t.id === q.taxonomyTermId)) return false;
    if (q.taxonomyId && !terms.some((t) => t.taxonomy_id === q.taxonomyId)) return false;
  }
  if (q.search) {
    const org = index.get('organization', s.organization_id);
    const hay = foldText(
      [s.name, s.alternate_name, s.description, org?.name, org?.alternate_name]
        .filter(Boolean)
        .join(' '),
    );
    if (
      !foldText(q.search)
        .split(/\s+/)
        .every((word) => hay.includes(word))
    )
      return false;
  }
  return true;
}

export interface ServicesPage {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: Record<string, unknown>[];
}

/** The services matching the query, by name then id (a stable order for paging). */
export function matchingServices(dir: Directory, q: ServicesQuery): Directory['service'] {
  const index = new DirectoryIndex(dir);
  return dir.service
    .filter((s) => matches(index, q, s))
    .sort((a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function item(index: DirectoryIndex, q: ServicesQuery, s: Directory['service'][number]) {
  if (q.minimal)
    return { id: s.id, ...(s.last_modified ? { last_modified: s.last_modified } : {}) };
  return q.full
    ? serviceFullJson(index, s.id)!
    : serviceListJson(index, s as unknown as Record<string, unknown>);
}

export function servicesPage(dir: Directory, q: ServicesQuery): ServicesPage {
  const index = new DirectoryIndex(dir);
  const all = matchingServices(dir, q);
  const totalPages = Math.ceil(all.length / q.perPage);
  const slice = all.slice((q.page - 1) * q.perPage, q.page * q.perPage);
  return {
    total_items: all.length,
    total_pages: totalPages,
    page_number: q.page,
    size: slice.length,
    first_page: q.page === 1,
    last_page: q.page >= totalPages,
    empty: slice.length === 0,
    contents: slice.map((s) => item(index, q, s)),
  };
}

/** `format=ndjson`: every matching service, one JSON per line, no paging (as HSDS says). */
export function servicesNdjson(dir: Directory, q: ServicesQuery): string {
  const index = new DirectoryIndex(dir);
  return matchingServices(dir, q)
    .map((s) => `${JSON.stringify(item(index, q, s))}\n`)
    .join('');
}
