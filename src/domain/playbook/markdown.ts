/**
 * Playbook pages are Markdown, rendered to HTML that is safe to put in a page as it is:
 *  - no raw HTML at all (markdown-it with `html: false`: a `<script>` is shown as text);
 *  - links only to http(s), mailto:, tel: or this deployment (`links.ts`); a refused link
 *    is shown as its text, and the author is told which;
 *  - external links get `rel="nofollow noopener"` (no ranking given away, no window.opener);
 *  - images only from this deployment, else their description as text;
 *  - every heading gets an id (prefixed, so an author's "main" cannot clobber the page's
 *    own ids), listed for a table of contents.
 * Pure: the same text gives the same HTML, no I/O.
 */

import type { StateCore, Token } from 'markdown-it';
import MarkdownIt from 'markdown-it';
import { slugify } from '../text/fold.ts';
import { classifyLink, imageAllowed } from './links.ts';

/** 100,000 characters: a long handbook chapter; the editor refuses more before it gets here. */
export const MARKDOWN_MAX = 100_000;

export interface RenderOptions {
  /** This deployment's public address, e.g. "https://aid.example.org". */
  origin?: string;
  /** Prefix of heading ids; the page's own ids never start with it. */
  idPrefix?: string;
}

export interface Heading {
  level: number;
  id: string;
  text: string;
}

export interface RenderProblem {
  key: 'playbook.linkRefused' | 'playbook.imageRefused' | 'playbook.tooLong';
  params: Record<string, string | number>;
}

export interface Rendered {
  html: string;
  headings: Heading[];
  /** For the author, next to the editor; readers just see the text. */
  problems: RenderProblem[];
}

type RenderEnv = {
  origin?: string;
  idPrefix: string;
  headings: Heading[];
  problems: RenderProblem[];
};

/** A refused address as the author will see it named: cut, never empty. */
function shown(url: string): string {
  if (!url) return '?';
  return url.length > 120 ? `${url.slice(0, 120)}…` : url;
}

function inlineText(token: Token | undefined): string {
  if (!token?.children) return token?.content ?? '';
  return token.children
    .filter((c) => c.type === 'text' || c.type === 'code_inline')
    .map((c) => c.content)
    .join('');
}

/** Turns refused links into their text and refused images into their description. */
function checkInline(state: StateCore, tokens: Token[], env: RenderEnv): Token[] {
  const out: Token[] = [];
  const dropClose: boolean[] = [];
  for (const t of tokens) {
    if (t.type === 'link_open') {
      const href = String(t.attrGet('href') ?? '');
      const kind = href ? classifyLink(href, env.origin) : null;
      if (kind === null) {
        env.problems.push({ key: 'playbook.linkRefused', params: { url: shown(href) } });
        dropClose.push(true);
        continue;
      }
      if (kind === 'external') t.attrSet('rel', 'nofollow noopener');
      dropClose.push(false);
      out.push(t);
      continue;
    }
    if (t.type === 'link_close') {
      if (!dropClose.pop()) out.push(t);
      continue;
    }
    if (t.type === 'image') {
      const src = String(t.attrGet('src') ?? '');
      const alt = inlineText(t) || t.content;
      if (!src || !imageAllowed(src, env.origin)) {
        env.problems.push({ key: 'playbook.imageRefused', params: { url: shown(src) } });
        const text = new state.Token('text', '', 0);
        text.content = alt;
        out.push(text);
        continue;
      }
      t.attrSet('loading', 'lazy');
    }
    out.push(t);
  }
  return out;
}

function coreRule(state: StateCore): void {
  const env = state.env as unknown as RenderEnv;
  const used = new Set<string>();
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type === 'inline' && t.children) t.children = checkInline(state, t.children, env);
    if (t.type === 'heading_open') {
      const text = inlineText(tokens[i + 1]).trim();
      const base = slugify(text) || 'section';
      let id = base;
      for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
      used.add(id);
      t.attrSet('id', env.idPrefix + id);
      env.headings.push({ level: Number(t.tag.slice(1)), id: env.idPrefix + id, text });
    }
  }
}

function makeRenderer() {
  const md = new MarkdownIt('default', {
    html: false,
    linkify: true,
    typographer: false,
    breaks: false,
  });
  // Links are checked once, after parsing, so that a refused link can be reported and shown
  // as text rather than silently becoming <a href="">; here every candidate is let through.
  // Reference definitions and autolinks with an unparseable target are still plain text.
  md.validateLink = (url: string) => url.length <= 2000;
  md.core.ruler.push('mutua_safety', coreRule);
  return md;
}

const md = makeRenderer();

/** Markdown to safe HTML, with its headings and what the author should fix. */
export function renderMarkdown(source: string, options: RenderOptions = {}): Rendered {
  const env: RenderEnv = {
    origin: options.origin,
    idPrefix: options.idPrefix ?? 'pb-',
    headings: [],
    problems: [],
  };
  let text = source.replace(/\r\n?/g, '\n');
  if (text.length > MARKDOWN_MAX) {
    env.problems.push({ key: 'playbook.tooLong', params: { max: MARKDOWN_MAX } });
    text = text.slice(0, MARKDOWN_MAX);
  }
  const html = md.render(text, env);
  return { html, headings: env.headings, problems: env.problems };
}

/** The plain text of a page (no markup), for search and for the excerpt in a list. */
export function plainText(source: string): string {
  const tokens = md.parse(source.slice(0, MARKDOWN_MAX), {
    idPrefix: '',
    headings: [],
    problems: [],
  } satisfies RenderEnv);
  const parts: string[] = [];
  for (const t of tokens) {
    if (t.type === 'inline') parts.push(inlineText(t));
    else if (t.type === 'fence' || t.type === 'code_block') parts.push(t.content);
  }
  return parts
    .join('\n')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The first words of a page, cut at a word, for lists and search results. */
export function excerpt(source: string, maxLength = 200): string {
  const text = plainText(source).replace(/\s+/g, ' ');
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
