import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  harvestJson,
  idFor,
  kindAfter,
  type Operation,
  operations,
  sample,
  withRaw,
} from '../helpers/api-fuzz.ts';
import { JSON_VALUES, nothingId, ONE_MB, rotate, URL_VALUES } from '../helpers/fuzz-values.ts';
import { setUpWalk, type Walk, WHO, type Who } from '../helpers/walker.ts';

/**
 * The walker, JSON API (pages and forms are fuzz-inputs.test.ts): every operation of the
 * OpenAPI document the server serves, so a new operation is walked without this test naming
 * it. Each starts from a request that fits its schema, with ids of the right kind taken from
 * the API's own answers, and is then spoiled one path segment, query parameter or body
 * property at a time (Infinity, 1e400, NaN, NUL, lone surrogates, 1 MB, wrong types, ids of
 * nothing and of another network), as every role. No answer may be a 5xx, and every refusal
 * is in the app's error shape.
 */
describe('the walker: bad values into every operation of the API, as every role', () => {
  let w: Walk;
  let ops: Operation[];
  before(async () => {
    w = await setUpWalk();
    // Reads first, changes after, removals and role changes last: what one step changes
    // (a role taken away) must not leave the rest of the walk nothing to reach.
    const order = (o: Operation) =>
      o.path.endsWith('/role') ? 4 : ['GET', 'POST', 'PUT', 'DELETE'].indexOf(o.method);
    ops = operations((await w.ctx.app.inject({ url: '/api/openapi.json' })).json()).sort(
      (a, b) => order(a) - order(b),
    );
    // Ids by kind from the API's own lists, for Riverside (admin) and for the other network.
    for (const [who, slug, ids] of [
      ['admin', 'riverside', w.ours],
      ['outsider', w.foreignSlug, w.theirs],
    ] as const) {
      for (const op of ops.filter((o) => o.method === 'GET' && !/\{(?!slug\})/.test(o.path))) {
        const res = await w.ctx.app.inject({
          url: op.path.replace('{slug}', slug),
          headers: { authorization: `Bearer ${w.tokens.get(who)}` },
        });
        if (res.statusCode === 200) harvestJson(res.json(), ids);
      }
    }
  });
  after(() => w.ctx.close());

  async function send(who: Who, op: Operation, path: string, query: string, body?: string) {
    const token = w.tokens.get(who);
    const res = await w.ctx.app.inject({
      method: op.method as 'GET',
      url: `${path}${query ? `?${query}` : ''}`,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: body } : {}),
    });
    w.note(
      who,
      `${op.method} ${path.slice(0, 100)} ${query.slice(0, 60)} ${(body ?? '').slice(0, 100)}`,
      res,
    );
    if (res.statusCode >= 400 && res.statusCode < 500) {
      let code: unknown;
      try {
        code = (res.json() as { error?: { code?: unknown } }).error?.code;
      } catch {}
      if (typeof code !== 'string')
        w.failures.push(
          `${who} ${op.method} ${path}: ${res.statusCode} not in the app's error shape`,
        );
    }
    return res;
  }

  /** The path with its parameters: this network, and ids of the kind the path names. */
  function pathOf(op: Operation, over: Record<string, string> = {}, n = 0): string {
    const parts = op.path.split('/');
    return parts
      .map((part, i) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return part;
        if (over[name] !== undefined) return over[name];
        if (name === 'slug') return 'riverside';
        const kind = name === 'id' ? kindAfter(parts[i - 1] ?? '') : name;
        return encodeURIComponent(idFor(w.ours, kind, n) ?? nothingId());
      })
      .join('/');
  }

  /**
   * A body the schema takes: every property sampled, then the optional ones the server still
   * refuses (an area's polygon that is not one) left out, so the walk reaches the service.
   */
  async function fittingBody(op: Operation): Promise<Record<string, unknown> | undefined> {
    if (!op.body) return undefined;
    const body = sample(op.body, '', w.ours) as Record<string, unknown>;
    const required = new Set(op.body.required ?? []);
    for (let round = 0; round < 3; round++) {
      const res = await send('admin', op, pathOf(op), '', JSON.stringify(body));
      const fields = (res.json() as { error?: { fields?: { path: string }[] } }).error?.fields;
      const drop = (fields ?? [])
        .map((f) => f.path.slice(1))
        .filter((k) => k in body && !required.has(k));
      if (res.statusCode !== 400 || drop.length === 0) break;
      for (const k of drop) delete body[k];
    }
    return body;
  }

  it('every operation answers every role without a 5xx, in the error shape', async () => {
    assert.ok(ops.length >= 30, `${ops.length} operations`);
    for (const op of ops) {
      const body = await fittingBody(op);
      const bodyText = body ? JSON.stringify(body) : undefined;
      const query = op.params
        .filter((p) => p.in === 'query' && (p.name === 'page' || p.required))
        .map((p) => `${p.name}=${String(sample(p.schema, p.name))}`)
        .join('&');
      for (const who of WHO) {
        // As each role (the authorisation paths), everything spoiled at once, another network.
        await send(who, op, pathOf(op), query, bodyText);
        if (body) {
          const spoiled = Object.keys(body).reduce(
            (text, k, i) =>
              text.replace(`"${k}":`, `"${k}":${JSON_VALUES[i % JSON_VALUES.length]},"${k}_":`),
            JSON.stringify(body),
          );
          await send(who, op, pathOf(op), query, spoiled);
        }
        if (op.path.includes('{slug}'))
          await send(who, op, pathOf(op, { slug: w.foreignSlug }), query, bodyText);
      }
      if (body) await send('admin', op, pathOf(op), query, '[1e400]');
      // One segment, parameter or property at a time, by the most capable role.
      for (const p of op.params.filter((x) => x.in === 'path' && x.name !== 'slug')) {
        const kind =
          p.name === 'id' ? kindAfter(op.path.split(`/{id}`)[0]!.split('/').pop()!) : p.name;
        for (const v of [...URL_VALUES.slice(0, 7), nothingId(), w.foreignId(kind)])
          await send('admin', op, pathOf(op, { [p.name]: v }), query, bodyText);
      }
      for (const v of URL_VALUES.slice(4, 8))
        await send('outsider', op, pathOf(op, { slug: v }), query, bodyText);
      for (const p of op.params.filter((x) => x.in === 'query')) {
        for (const v of URL_VALUES)
          await send('admin', op, pathOf(op), `${query}&${p.name}=${v}`, bodyText);
      }
      if (!body) continue;
      for (const [i, key] of Object.keys(body).entries()) {
        const values = [
          ...rotate(JSON_VALUES, i, 6),
          `"${nothingId()}"`,
          `"${w.foreignId(key, i)}"`,
        ];
        if (i === 0) values.push(JSON.stringify(ONE_MB));
        for (const raw of values)
          await send('admin', op, pathOf(op), query, withRaw(body, key, raw));
      }
    }
    assert.deepEqual(w.failures.splice(0), [], `${w.requests()} requests`);
  });
});
