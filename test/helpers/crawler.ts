import type { Agent } from './http.ts';

/**
 * A small crawler for the walker test (test/security/fuzz-inputs.test.ts): it reads our own
 * server-rendered HTML (Preact's output: double-quoted attributes, escaped text), follows
 * same-site links and collects every <form> with its fields, so a new page or form is walked
 * without the test naming it.
 */

export interface FormField {
  name: string;
  /** input type, or 'select' / 'textarea' */
  type: string;
  value: string;
  options: string[];
  checked: boolean;
}

export interface PageForm {
  /** The page the form was found on. */
  page: string;
  action: string;
  method: string;
  fields: FormField[];
  /** Named submit buttons (`<button name="outcome" value="attended">`). */
  submitters: { name: string; value: string }[];
  csrf: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
      );
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

interface Tag {
  name: string;
  close: boolean;
  attrs: Record<string, string>;
  start: number;
  end: number;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:="[^"]*")?)*)\s*\/?>/g;
const ATTR = /([^\s=>/]+)(?:="([^"]*)")?/g;

function tags(html: string): Tag[] {
  const out: Tag[] = [];
  for (const m of html.matchAll(TAG)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decode(a[2] ?? '');
    out.push({
      name: m[2]!.toLowerCase(),
      close: m[1] === '/',
      attrs,
      start: m.index,
      end: m.index + m[0].length,
    });
  }
  return out;
}

/** Every form of a page, with what a browser would send from it as it stands. */
export function parseForms(html: string, page: string): PageForm[] {
  const forms: PageForm[] = [];
  const all = tags(html);
  let form: PageForm | null = null;
  let select: FormField | null = null;
  for (let i = 0; i < all.length; i++) {
    const tag = all[i]!;
    if (tag.name === 'form' && !tag.close) {
      form = {
        page,
        action: tag.attrs.action ?? page,
        method: (tag.attrs.method ?? 'get').toLowerCase(),
        fields: [],
        submitters: [],
        csrf: '',
      };
    } else if (tag.name === 'form' && tag.close && form) {
      forms.push(form);
      form = null;
    } else if (!form) {
    } else if (tag.name === 'input' && tag.attrs.name) {
      const type = (tag.attrs.type ?? 'text').toLowerCase();
      if (tag.attrs.name === '_csrf') form.csrf = tag.attrs.value ?? '';
      else if (type === 'submit')
        form.submitters.push({ name: tag.attrs.name, value: tag.attrs.value ?? '' });
      else if (type === 'radio' && form.fields.some((f) => f.name === tag.attrs.name)) {
        const f = form.fields.find((x) => x.name === tag.attrs.name)!;
        f.options.push(tag.attrs.value ?? '');
        if ('checked' in tag.attrs) f.value = tag.attrs.value ?? '';
      } else
        form.fields.push({
          name: tag.attrs.name,
          type,
          value: type === 'radio' && !('checked' in tag.attrs) ? '' : (tag.attrs.value ?? ''),
          options: type === 'radio' ? [tag.attrs.value ?? ''] : [],
          checked: 'checked' in tag.attrs,
        });
    } else if (tag.name === 'textarea' && !tag.close && tag.attrs.name) {
      const closing = all.slice(i + 1).find((t) => t.name === 'textarea' && t.close);
      form.fields.push({
        name: tag.attrs.name,
        type: 'textarea',
        value: closing ? decode(html.slice(tag.end, closing.start)) : '',
        options: [],
        checked: false,
      });
    } else if (tag.name === 'select' && !tag.close && tag.attrs.name) {
      select = { name: tag.attrs.name, type: 'select', value: '', options: [], checked: false };
      form.fields.push(select);
    } else if (tag.name === 'select' && tag.close) {
      if (select && select.value === '') select.value = select.options.find((o) => o) ?? '';
      select = null;
    } else if (tag.name === 'option' && !tag.close && select) {
      const value = tag.attrs.value ?? '';
      select.options.push(value);
      if ('selected' in tag.attrs) select.value = value;
    } else if (tag.name === 'button' && !tag.close && tag.attrs.name) {
      form.submitters.push({ name: tag.attrs.name, value: tag.attrs.value ?? '' });
    }
  }
  return forms;
}

/** The value a field holds in the form as it came back (for "was what was typed kept?"). */
export function valueIn(form: PageForm, name: string): string | undefined {
  const f = form.fields.find((x) => x.name === name);
  if (!f) return undefined;
  if (f.type === 'checkbox') return f.checked ? f.value : '';
  return f.value;
}

/** Same-site links of a page, without their fragment. */
export function parseLinks(html: string): string[] {
  const out = new Set<string>();
  for (const tag of tags(html)) {
    if (tag.name !== 'a' || tag.close) continue;
    const href = tag.attrs.href;
    if (!href?.startsWith('/') || href.startsWith('//')) continue;
    out.add(href.split('#')[0]!);
  }
  return [...out];
}

const ID_SEGMENT =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Z0-9]{4,8}|[A-Za-z0-9_-]{20,})$/;

/**
 * A page's shape: the network's slug becomes `:net`, ids, codes and tokens in the path `:id`,
 * and the query is dropped (the same page of two networks is one shape).
 */
export function pattern(url: string): string {
  const path = url.split('?')[0]!;
  return path
    .split('/')
    .map((s, i, all) => (i === 2 && all[1] === 'n' ? ':net' : ID_SEGMENT.test(s) ? ':id' : s))
    .join('/');
}

/** The segments of a path that are ids (for replacing them with ids of nothing). */
export function idSegments(url: string): number[] {
  return url
    .split('?')[0]!
    .split('/')
    .flatMap((s, i) => (ID_SEGMENT.test(s) ? [i] : []));
}

export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export interface Crawl {
  pages: { url: string; status: number }[];
  forms: PageForm[];
  /** Every id seen in links and in form fields. */
  ids: Set<string>;
}

/**
 * Breadth first from `start`, as the agent (so as its role), visiting at most `perPattern`
 * pages of each shape and `maxPages` in all. Skips what is not a page (files, feeds, PDFs).
 */
export async function crawl(
  agent: Agent,
  start: string[],
  opts: { maxPages?: number; perPattern?: number; skip?: RegExp; within?: RegExp } = {},
): Promise<Crawl> {
  const maxPages = opts.maxPages ?? 200;
  const perPattern = opts.perPattern ?? 1;
  const skip = opts.skip ?? /\.(ics|pdf|csv|css|js|svg|png)(\?|$)|^\/static\/|^\/language\?/;
  const seen = new Set<string>();
  const shapes = new Map<string, number>();
  const queue = [...start];
  const result: Crawl = { pages: [], forms: [], ids: new Set() };
  const formKeys = new Set<string>();
  while (queue.length > 0 && result.pages.length < maxPages) {
    const url = queue.shift()!;
    if (seen.has(url) || skip.test(url) || (opts.within && !opts.within.test(url))) continue;
    seen.add(url);
    const shape = pattern(url);
    const n = shapes.get(shape) ?? 0;
    if (n >= perPattern) continue;
    shapes.set(shape, n + 1);
    const res = await agent.get(url);
    result.pages.push({ url, status: res.statusCode });
    if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) continue;
    for (const id of res.body.match(UUID) ?? []) result.ids.add(id);
    for (const form of parseForms(res.body, url)) {
      const key = `${form.method} ${pattern(form.action)} ${form.fields.map((f) => f.name).join(',')}`;
      if (formKeys.has(key)) continue;
      formKeys.add(key);
      result.forms.push(form);
    }
    for (const link of parseLinks(res.body)) if (!seen.has(link)) queue.push(link);
  }
  return result;
}
