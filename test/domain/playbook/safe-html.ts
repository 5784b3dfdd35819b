import { classifyLink } from '../../../src/domain/playbook/links.ts';

/** Tags and attributes the playbook renderer may produce; anything else is a defect. */
const ALLOWED: Record<string, readonly string[]> = {
  p: [],
  h1: ['id'],
  h2: ['id'],
  h3: ['id'],
  h4: ['id'],
  h5: ['id'],
  h6: ['id'],
  em: [],
  strong: [],
  s: [],
  code: ['class'],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  hr: [],
  br: [],
  a: ['href', 'rel', 'title'],
  img: ['src', 'alt', 'title', 'loading'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['style'],
  td: ['style'],
};

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z-]+(?:="[^"<>]*")?)*)\s*\/?>/g;
const ATTR = /\s+([a-zA-Z-]+)(?:="([^"]*)")?/g;

function unescapeAttr(v: string): string {
  return v
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/**
 * Problems of an HTML fragment against the allow-list: unknown tags or attributes, an href
 * or src the link policy refuses, style other than table alignment, a stray "<" (markup
 * that a browser would read but this scanner did not recognise). Empty: safe.
 */
export function unsafeParts(html: string, origin?: string): string[] {
  const problems: string[] = [];
  const rest = html.replace(TAG, (_m, _close: string, name: string, attrs: string) => {
    const tag = name.toLowerCase();
    const allowed = ALLOWED[tag];
    if (!allowed) {
      problems.push(`tag <${tag}>`);
      return '';
    }
    for (const [, attr = '', raw = ''] of attrs.matchAll(ATTR)) {
      const a = attr.toLowerCase();
      const value = unescapeAttr(raw);
      if (!allowed.includes(a)) problems.push(`attribute ${a} on <${tag}>`);
      if ((a === 'href' || a === 'src') && classifyLink(value, origin) === null)
        problems.push(`${a}="${value}"`);
      if (a === 'style' && !/^text-align:(left|right|center)$/.test(value))
        problems.push(`style="${value}"`);
      if (a === 'src' && !value.startsWith('/') && !(origin && value.startsWith(origin)))
        problems.push(`outside image ${value}`);
    }
    return '';
  });
  if (rest.includes('<'))
    problems.push(`stray markup: ${rest.slice(rest.indexOf('<'), rest.indexOf('<') + 40)}`);
  return problems;
}
