/**
 * The part of Structured Field Values for HTTP (RFC 8941) that HTTP Message Signatures
 * (RFC 9421) and Digest Fields (RFC 9530) use: dictionaries whose members are items or inner
 * lists, with parameters; items that are strings, tokens, integers, byte sequences or
 * booleans. Parsing is strict (a malformed header is refused, never half-read), and
 * serialising gives the canonical form the signature base needs.
 */

export type BareItem =
  | { type: 'string'; value: string }
  | { type: 'token'; value: string }
  | { type: 'integer'; value: number }
  | { type: 'binary'; value: Buffer }
  | { type: 'boolean'; value: boolean };

export type Params = [string, BareItem][];
export interface Item {
  item: BareItem;
  params: Params;
}
export interface InnerList {
  list: Item[];
  params: Params;
}
export type Member = Item | InnerList;
export type Dictionary = [string, Member][];

export const isInnerList = (m: Member): m is InnerList => 'list' in m;

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  peek(): string {
    return this.s[this.i] ?? '';
  }
  done(): boolean {
    return this.i >= this.s.length;
  }
  skipSp(): void {
    while (this.peek() === ' ') this.i++;
  }
  skipOws(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.i++;
  }
  fail(): never {
    throw new SyntaxError(`structured field: unexpected "${this.peek()}" at ${this.i}`);
  }
  key(): string {
    const m = /^[a-z*][a-z0-9_\-.*]*/.exec(this.s.slice(this.i));
    if (!m) this.fail();
    this.i += m[0].length;
    return m[0];
  }
  bareItem(): BareItem {
    const c = this.peek();
    if (c === '"') return { type: 'string', value: this.string() };
    if (c === ':') return { type: 'binary', value: this.binary() };
    if (c === '?') {
      this.i++;
      const b = this.peek();
      if (b !== '0' && b !== '1') this.fail();
      this.i++;
      return { type: 'boolean', value: b === '1' };
    }
    if (c === '-' || /\d/.test(c)) {
      const m = /^-?\d{1,15}(?![.\d])/.exec(this.s.slice(this.i));
      if (!m) this.fail(); // decimals are not used by either RFC here
      this.i += m[0].length;
      return { type: 'integer', value: Number(m[0]) };
    }
    const m = /^[A-Za-z*][!#$%&'*+\-.^_`|~:/\w]*/.exec(this.s.slice(this.i));
    if (!m) this.fail();
    this.i += m[0].length;
    return { type: 'token', value: m[0] };
  }
  string(): string {
    this.i++;
    let out = '';
    for (;;) {
      const c = this.s[this.i++];
      if (c === undefined) this.fail();
      if (c === '\\') {
        const n = this.s[this.i++];
        if (n !== '"' && n !== '\\') this.fail();
        out += n;
      } else if (c === '"') return out;
      else if (c < ' ' || c > '~') this.fail();
      else out += c;
    }
  }
  binary(): Buffer {
    this.i++;
    const end = this.s.indexOf(':', this.i);
    if (end < 0) this.fail();
    const b64 = this.s.slice(this.i, end);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64) || b64.length % 4 !== 0) this.fail();
    this.i = end + 1;
    return Buffer.from(b64, 'base64');
  }
  params(): Params {
    const out: Params = [];
    while (this.peek() === ';') {
      this.i++;
      this.skipSp();
      const k = this.key();
      let v: BareItem = { type: 'boolean', value: true };
      if (this.peek() === '=') {
        this.i++;
        v = this.bareItem();
      }
      const at = out.findIndex(([x]) => x === k);
      if (at >= 0) out[at] = [k, v];
      else out.push([k, v]);
    }
    return out;
  }
  member(): Member {
    if (this.peek() === '(') {
      this.i++;
      const list: Item[] = [];
      for (;;) {
        this.skipSp();
        if (this.peek() === ')') {
          this.i++;
          return { list, params: this.params() };
        }
        list.push({ item: this.bareItem(), params: this.params() });
        const c = this.peek();
        if (c !== ' ' && c !== ')') this.fail();
      }
    }
    return { item: this.bareItem(), params: this.params() };
  }
}

/** A dictionary header (Signature-Input, Signature, Content-Digest); throws SyntaxError if malformed. */
export function parseDictionary(text: string): Dictionary {
  const p = new Parser(text.trim());
  const out: Dictionary = [];
  while (!p.done()) {
    const k = p.key();
    let m: Member = { item: { type: 'boolean', value: true }, params: [] };
    if (p.peek() === '=') {
      p.i++;
      m = p.member();
    } else m = { item: m.item, params: p.params() };
    const at = out.findIndex(([x]) => x === k);
    if (at >= 0) out[at] = [k, m];
    else out.push([k, m]);
    p.skipOws();
    if (p.done()) break;
    if (p.peek() !== ',') p.fail();
    p.i++;
    p.skipOws();
    if (p.done()) p.fail();
  }
  return out;
}

export function serializeBareItem(b: BareItem): string {
  switch (b.type) {
    case 'string':
      if (/[^\x20-\x7e]/.test(b.value)) throw new TypeError('structured field strings are ASCII');
      return `"${b.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    case 'token':
      return b.value;
    case 'integer':
      if (!Number.isInteger(b.value) || Math.abs(b.value) > 999_999_999_999_999)
        throw new TypeError('integer out of range');
      return String(b.value);
    case 'binary':
      return `:${b.value.toString('base64')}:`;
    case 'boolean':
      return b.value ? '?1' : '?0';
  }
}

export function serializeParams(params: Params): string {
  return params
    .map(([k, v]) => (v.type === 'boolean' && v.value ? `;${k}` : `;${k}=${serializeBareItem(v)}`))
    .join('');
}

export function serializeMember(m: Member): string {
  if (isInnerList(m))
    return `(${m.list.map((x) => serializeBareItem(x.item) + serializeParams(x.params)).join(' ')})${serializeParams(m.params)}`;
  return serializeBareItem(m.item) + serializeParams(m.params);
}

export function serializeDictionary(d: Dictionary): string {
  return d
    .map(([k, m]) =>
      !isInnerList(m) && m.item.type === 'boolean' && m.item.value
        ? k + serializeParams(m.params)
        : `${k}=${serializeMember(m)}`,
    )
    .join(', ');
}
