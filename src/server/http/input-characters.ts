import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';

/**
 * Characters no one types and no database keeps: NUL (PostgreSQL refuses it in text, "invalid
 * byte sequence 0x00") and a lone UTF-16 surrogate (half of a character; not text at all).
 * A path segment (an id, a slug, a code) may hold no control character whatsoever.
 */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds
const CONTROL = /[\u0000-\u001F\u007F]/;

export function unstorable(s: string): boolean {
  return UNSTORABLE.test(s);
}

/** The fields of a form whose bad characters were taken out (read by forms.ts#parseForm). */
export const STRIPPED: unique symbol = Symbol('mutua.stripped');
export type WithStripped = { [STRIPPED]?: string[] };

/** A path into the value as JSON Pointer, with anything unprintable in a key replaced. */
const pointer = (path: string, key: string) =>
  `${path}/${key.replace(UNSTORABLE_ALL, '\uFFFD').replace(/~/g, '~0').replace(/\//g, '~1')}`;

function find(value: unknown, path: string, out: string[], bad: RegExp): void {
  if (typeof value === 'string') {
    if (bad.test(value)) out.push(path || '/');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      find(v, `${path}/${i}`, out, bad);
    });
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (bad.test(k)) out.push(pointer(path, k));
      else find(v, pointer(path, k), out, bad);
    }
  }
}

function isForm(req: FastifyRequest): boolean {
  return String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
}

/**
 * One hook for every route, after the body is parsed and before anything reads it. The JSON
 * API and every path or query answer 400 BAD_CHARACTERS naming where (`in` and `path`). A form
 * of a page is not refused here, since the page must come back filled in: the characters are
 * taken out of the typed values, and the fields are marked so that parseForm refuses them at
 * their place, with the rest of what was typed kept.
 */
export function registerInputCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const fields: FieldErrors = {};
    const report = (where: 'params' | 'querystring' | 'body', paths: string[]) => {
      for (const p of paths)
        fields[`${where}:${p}`] = { key: 'field.badCharacters', in: where, path: p };
    };
    const inParams: string[] = [];
    find(req.params, '', inParams, CONTROL);
    report('params', inParams);
    const inQuery: string[] = [];
    find(req.query, '', inQuery, UNSTORABLE);
    report('querystring', inQuery);
    if (req.body !== undefined && req.body !== null) {
      if (!req.ctx.isApi && isForm(req) && typeof req.body === 'object') {
        const body = req.body as Record<string, unknown> & WithStripped;
        const stripped: string[] = [];
        for (const [k, v] of Object.entries(body)) {
          const clean = (s: string) => s.replace(UNSTORABLE_ALL, '');
          if (typeof v === 'string' && unstorable(v)) {
            body[k] = clean(v);
            stripped.push(k);
          } else if (Array.isArray(v) && v.some((x) => typeof x === 'string' && unstorable(x))) {
            body[k] = v.map((x) => (typeof x === 'string' ? clean(x) : x));
            stripped.push(k);
          }
          if (unstorable(k)) {
            delete body[k];
            report('body', [pointer('', k)]);
          }
        }
        if (stripped.length > 0) body[STRIPPED] = stripped;
      } else {
        const inBody: string[] = [];
        find(req.body, '', inBody, UNSTORABLE);
        report('body', inBody);
      }
    }
    if (Object.keys(fields).length > 0) throw new AppError('BAD_CHARACTERS', {}, fields);
  });
}
