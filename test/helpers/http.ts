import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/app.ts';
import { PASSWORD } from './factories.ts';

/**
 * A browser-like client over app.inject: keeps cookies, finds the CSRF token in the page
 * that holds the form, and posts forms the way a browser without JavaScript would.
 */
export class Agent {
  private cookies = new Map<string, string>();
  lastHtml = '';

  constructor(
    private app: App,
    private headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private keep(res: LightMyRequestResponse): void {
    for (const c of res.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = res.body;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'GET',
      url,
      headers: { ...this.headers, cookie: this.cookieHeader(), ...headers },
    });
    this.keep(res);
    return res;
  }

  /** The CSRF token of the last page, or of `page` if given. */
  csrf(page?: string): string {
    const m = /name="_csrf" value="([^"]*)"/.exec(page ?? this.lastHtml);
    return m?.[1] ?? '';
  }

  async post(
    url: string,
    fields: Record<string, string>,
    opts: { csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams(fields);
    const token = opts.csrf === undefined ? this.csrf() : opts.csrf;
    if (token !== null) body.set('_csrf', token);
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: body.toString(),
    });
    this.keep(res);
    return res;
  }

  /** Posts multipart/form-data (text fields and files), the way a browser sends a file. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: Record<string, { name: string; type: string; bytes: Uint8Array }>,
    opts: { csrf?: string | null } = {},
  ): Promise<LightMyRequestResponse> {
    const boundary = `----mutua${Date.now().toString(36)}`;
    const parts: Buffer[] = [];
    const token = opts.csrf === undefined ? this.csrf() : opts.csrf;
    const all = token !== null ? { _csrf: token, ...fields } : fields;
    for (const [k, v] of Object.entries(all))
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
      );
    for (const [k, f] of Object.entries(files)) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${k}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
        Buffer.from(f.bytes),
        Buffer.from('\r\n'),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: {
        ...this.headers,
        cookie: this.cookieHeader(),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat(parts),
    });
    this.keep(res);
    return res;
  }

  /** Opens the page with the form, then submits it, as a person would. */
  async submit(
    pageUrl: string,
    action: string,
    fields: Record<string, string>,
  ): Promise<LightMyRequestResponse> {
    await this.get(pageUrl);
    return this.post(action, fields);
  }

  async signIn(identifier: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    return this.submit('/sign-in', '/sign-in', { identifier, password });
  }
}

export function agent(app: App, headers?: Record<string, string>): Agent {
  return new Agent(app, headers);
}

/** The visible text of an HTML fragment, for assertions on what a person reads. */
export function text(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
