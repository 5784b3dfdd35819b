/**
 * A strict little XML well-formedness check for the map's SVG (the test has no XML parser and
 * an SVG loaded as an image is parsed as XML: one stray `&` or `<` and nothing shows). Checks
 * names, quoted attributes, entity references, characters XML 1.0 allows, and that elements
 * nest; returns the elements seen, in order, with their attributes and text.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;

function checkText(s: string, where: string): string {
  if (/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(s))
    throw new Error(`a character XML forbids in ${where}`);
  if (/[<]/.test(s)) throw new Error(`a raw < in ${where}`);
  if (/&/.test(s.replace(ENTITY, ''))) throw new Error(`a bare & in ${where}: ${s.slice(0, 60)}`);
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

export function parseXml(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text) {
      if (stack.length === 0 && text.trim()) throw new Error('text outside the root element');
      const top = stack[stack.length - 1];
      if (top) top.text += checkText(text, `<${top.name}>`);
    }
    if (lt === -1) break;
    const gt = xml.indexOf('>', lt);
    if (gt === -1) throw new Error('an unclosed tag');
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([^\s/>]+)/.exec(body);
    if (!m || !NAME.test(m[1]!)) throw new Error(`a bad element name: <${body.slice(0, 20)}`);
    const el: XmlElement = { name: m[1]!, attrs: {}, text: '' };
    let rest = body.slice(m[1]!.length);
    const ATTR = /^\s+([A-Za-z_][\w.:-]*)="([^"]*)"/;
    while (rest.trim()) {
      const a = ATTR.exec(rest);
      if (!a) throw new Error(`a bad attribute in <${el.name}: ${rest.slice(0, 40)}`);
      if (a[1]! in el.attrs) throw new Error(`attribute ${a[1]} twice in <${el.name}>`);
      el.attrs[a[1]!] = checkText(a[2]!, `${el.name}@${a[1]}`);
      rest = rest.slice(a[0].length);
    }
    if (stack.length === 0 && out.length > 0) throw new Error('two root elements');
    out.push(el);
    if (!selfClosing) stack.push(el);
  }
  if (stack.length > 0) throw new Error(`<${stack[stack.length - 1]!.name}> never closed`);
  return out;
}
