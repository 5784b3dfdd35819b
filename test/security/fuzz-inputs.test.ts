import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/access/roles.ts';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/server/demo/seed-demo.ts';
import { findAccount } from '../../src/server/people/person.repository.ts';
import { createEvent } from '../../src/server/volunteering/event.service.ts';
import { makeGoods } from '../goods/helpers.ts';
import { type Operation, operations, sample, withRaw } from '../helpers/api-fuzz.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import {
  type Crawl,
  crawl,
  idSegments,
  type PageForm,
  parseForms,
  pattern,
  valueIn,
} from '../helpers/crawler.ts';
import { makeNetwork } from '../helpers/factories.ts';
import {
  FORM_VALUES,
  JSON_VALUES,
  nothingId,
  ONE_MB,
  plausible,
  rotate,
  URL_VALUES,
} from '../helpers/fuzz-values.ts';
import { type Agent, agent } from '../helpers/http.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';

/**
 * The walker: every operation of the OpenAPI document and every form of every page (found by
 * crawling the pages as each role, so a new route or form is walked without this test naming
 * it), sent bad values (Infinity, 1e400, NaN, NUL, lone surrogates, 1 MB, wrong types, ids of
 * nothing and of another network, redirect targets with tabs and newlines) as anonymous,
 * neighbour, volunteer, coordinator, admin and a member of another network. No answer may be
 * a 5xx, and a form that comes back refused must still hold what was typed in its other fields.
 */

type Who = 'anonymous' | Role | 'outsider';
const WHO: Who[] = ['anonymous', 'neighbour', 'volunteer', 'coordinator', 'admin', 'outsider'];
/** Forms that end the walk for their agent, not inputs to check. */
const NOT_WALKED = /^\/sign-out$/;
/** Fields a page makes for itself; never typed. */
const MACHINE = new Set(['_csrf']);
const TYPED = new Set([
  'text',
  'email',
  'tel',
  'number',
  'date',
  'time',
  'textarea',
  'select',
  'url',
  'search',
]);

describe('the walker: bad values into every operation and every form, as every role', () => {
  let ctx: TestContext;
  const agents = new Map<Who, Agent>();
  const tokens = new Map<Who, string>();
  const crawls = new Map<Who, Crawl>();
  const failures: string[] = [];
  let foreignIds: string[] = [];
  let foreignSlug = '';
  let requests = 0;
  /** Each agent's own CSRF token: a form found by another role is sent with the sender's. */
  const csrfOf = new Map<Who, string>();

  const note = (who: Who, what: string, res: LightMyRequestResponse) => {
    requests++;
    if (res.statusCode >= 500)
      failures.push(`${who} ${what} -> ${res.statusCode} ${res.body.slice(0, 160)}`);
  };

  before(async () => {
    ctx = await createTestContext({ env: { MUTUA_DEMO: '1' } });
    await seedDemo(ctx.deps);
    // Another network with records of its own, so that its ids can be sent to Riverside.
    const other = await makeNetwork(ctx);
    foreignSlug = other.network.slug;
    const oc = other.members.coordinator;
    await addArea(ctx, other.network);
    await makeGoods(ctx, other.network, oc.id);
    await makeRequest(ctx, other.network);
    const { event } = await createEvent(ctx.deps, {
      actor: asPerson(oc.id),
      scope: (await makeGoods(ctx, other.network, oc.id)).as.scope,
      input: {
        kind: 'distribution',
        title: 'Elsewhere',
        visibility: 'members',
        date: '2026-12-01',
        startTime: '10:00',
        endTime: '12:00',
        repeat: 'none',
        role: 'packer',
        slots: 2,
      },
    });
    agents.set('anonymous', agent(ctx.app));
    for (const a of DEMO_ACCOUNTS) {
      const x = agent(ctx.app);
      assert.equal((await x.signIn(a.email, DEMO_PASSWORD)).statusCode, 303);
      agents.set(a.role, x);
      const person = (await findAccount(ctx.db, { kind: 'email', value: a.email }))!.person;
      tokens.set(
        a.role,
        (
          await createApiToken(ctx.deps, {
            actor: asPerson(person.id),
            input: { name: 'walker', networkSlug: 'riverside', role: a.role },
          })
        ).token,
      );
    }
    const outsider = agent(ctx.app);
    await outsider.signIn(oc.email);
    agents.set('outsider', outsider);
    tokens.set(
      'outsider',
      (
        await createApiToken(ctx.deps, {
          actor: asPerson(oc.id),
          input: { name: 'walker', networkSlug: foreignSlug, role: 'coordinator' },
        })
      ).token,
    );
    const theirs = await crawl(
      outsider,
      [`/n/${foreignSlug}`, `/n/${foreignSlug}/events/${event.id}`],
      {
        maxPages: 60,
      },
    );
    foreignIds = [...theirs.ids];
    for (const who of WHO) {
      const a = agents.get(who)!;
      await a.get(who === 'anonymous' ? '/sign-in' : '/account');
      csrfOf.set(who, a.csrf());
      assert.ok(csrfOf.get(who), `${who} has a CSRF token`);
      crawls.set(
        who,
        await crawl(agents.get(who)!, ['/', '/n/riverside', '/n/riverside/ask', '/account'], {
          maxPages: 150,
          // Riverside and the pages of no network; the demo admin's other network is the same code.
          within: /^\/(?!n\/)|^\/n\/riverside(?:[/?]|$)/,
        }),
      );
    }
  });
  after(() => ctx.close());

  const foreignId = (i: number) => foreignIds[i % Math.max(1, foreignIds.length)] ?? nothingId();

  /** What the form sends as it stands, with empty typed fields filled plausibly. */
  function baseOf(form: PageForm): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of form.fields) {
      if (MACHINE.has(f.name)) continue;
      if (f.type === 'checkbox') out[f.name] = f.value || '1';
      else if (f.type === 'radio') out[f.name] = f.value || f.options[0] || '';
      else if (f.type === 'select') out[f.name] = f.value;
      else out[f.name] = f.value || (f.type === 'hidden' ? '' : plausible(f.name, f.type));
    }
    const submit = form.submitters[0];
    if (submit) out[submit.name] = submit.value;
    return out;
  }

  /** The bad values one field gets: a few in turn, and ids of nothing and elsewhere for ids. */
  function badFor(form: PageForm, i: number): string[] {
    const f = form.fields[i]!;
    const values = rotate(FORM_VALUES, i, 3);
    if (/id$/i.test(f.name) || /^[0-9a-f-]{36}$/.test(f.value) || f.type === 'select')
      values.push(nothingId(), foreignId(i));
    if (i === form.fields.findIndex((x) => x.type === 'text' || x.type === 'textarea'))
      values.push(ONE_MB);
    return values;
  }

  const slow = new Map<string, number>();
  async function post(who: Who, form: PageForm, action: string, fields: Record<string, string>) {
    const t0 = performance.now();
    try {
      return await postTimed(who, form, action, fields);
    } finally {
      const k = `${form.method} ${pattern(form.action)}`;
      slow.set(k, (slow.get(k) ?? 0) + performance.now() - t0);
    }
  }
  async function postTimed(
    who: Who,
    form: PageForm,
    action: string,
    fields: Record<string, string>,
  ) {
    const a = agents.get(who)!;
    if (form.method === 'get') {
      const q = new URLSearchParams(fields).toString();
      const res = await a.get(`${action.split('?')[0]}?${q}`);
      note(who, `GET ${action} ${q.slice(0, 80)}`, res);
      return res;
    }
    const res = await a.post(action, fields, { csrf: csrfOf.get(who) ?? '' });
    note(who, `POST ${action} ${JSON.stringify(fields).slice(0, 120)}`, res);
    return res;
  }

  /** A refused form that comes back must still hold what was typed in the other fields. */
  function checkKept(
    who: Who,
    form: PageForm,
    action: string,
    sent: Record<string, string>,
    fuzzed: string,
    res: LightMyRequestResponse,
  ) {
    if (res.statusCode < 400 || res.statusCode >= 500) return;
    if (!String(res.headers['content-type'] ?? '').startsWith('text/html')) return;
    const back = parseForms(res.body, action).find(
      (f) => f.action === action && f.method === form.method,
    );
    const typed = form.fields.filter(
      (f) => f.name !== fuzzed && TYPED.has(f.type) && (sent[f.name] ?? '') !== '',
    );
    if (!back) {
      // A form refused for what was in it must come back; a refusal of the person may not.
      if (res.statusCode === 422 && typed.length > 0)
        failures.push(
          `${who} POST ${action} (${fuzzed}) -> 422 without the form: typed values lost`,
        );
      return;
    }
    for (const f of typed) {
      const kept = valueIn(back, f.name);
      if (kept !== sent[f.name])
        failures.push(
          `${who} POST ${action} (${fuzzed} bad) -> ${res.statusCode}: ${f.name} came back ${JSON.stringify(kept?.slice(0, 40))}, typed ${JSON.stringify(sent[f.name]?.slice(0, 40))}`,
        );
    }
  }

  it('every form of every page, as every role', async () => {
    const fuzzedOnce = new Set<string>();
    const allForms: PageForm[] = [];
    for (const who of WHO) {
      for (const form of crawls.get(who)!.forms) {
        if (NOT_WALKED.test(form.action.split('?')[0]!)) continue;
        const key = `${form.method} ${pattern(form.action)}`;
        if (fuzzedOnce.has(key)) continue;
        // The first role that finds a form sends it every field's bad values in turn.
        fuzzedOnce.add(key);
        allForms.push(form);
        const base = baseOf(form);
        const stems = new Set<string>();
        for (let i = 0; i < form.fields.length; i++) {
          const field = form.fields[i]!;
          // Repeated fields (a line per household, a box per item) are walked once per kind.
          const stem = field.name.replace(/[_-]?(?:[0-9a-f-]{36}|\d+)$/, '');
          if (MACHINE.has(field.name) || stems.has(stem)) continue;
          stems.add(stem);
          for (const bad of badFor(form, i)) {
            const sent = { ...base, [field.name]: bad };
            const res = await post(who, form, form.action, sent);
            checkKept(who, form, form.action, sent, field.name, res);
          }
        }
        // Ids in the form's address: of nothing, of another network, with a newline.
        for (const seg of idSegments(form.action)) {
          for (const id of [nothingId(), foreignId(seg), '%0A']) {
            const parts = form.action.split('?')[0]!.split('/');
            parts[seg] = id;
            await post(who, form, parts.join('/'), base);
          }
        }
      }
    }
    // Every role, and the member of another network, sends each form found by the others,
    // with every field spoiled at once (so no unchanged form is ever sent on their behalf).
    for (const who of WHO) {
      for (const form of allForms) {
        const spoiled = Object.fromEntries(
          Object.keys(baseOf(form)).map((k, i) => [k, FORM_VALUES[(i + 4) % FORM_VALUES.length]!]),
        );
        if (Object.keys(spoiled).length > 0) await post(who, form, form.action, spoiled);
      }
    }
    assert.ok(allForms.length >= 40, `only ${allForms.length} forms were found`);
    assert.deepEqual(failures.splice(0), [], `${requests} requests`);
  });

  it('every page, with bad query values, and the language switch with hostile targets', async () => {
    const names = [
      'page',
      'q',
      'from',
      'to',
      'week',
      'month',
      'status',
      'done',
      'lines',
      'k',
      'next',
      'category',
      'role',
      'day',
    ];
    for (const who of WHO) {
      const a = agents.get(who)!;
      for (const { url } of crawls.get(who)!.pages) {
        for (let v = 0; v < 3; v++) {
          const q = names
            .map((n, i) => `${n}=${URL_VALUES[(i + v * 5) % URL_VALUES.length]}`)
            .join('&');
          const target = `${url.split('?')[0]}?${q}`;
          note(who, `GET ${target.slice(0, 120)}`, await a.get(target));
        }
      }
      for (const next of ['/%09/evil.example/', '/%0A/x', '/%0D/x', '%0A', '/%5C%09evil']) {
        const res = await a.get(`/language?to=es&next=${next}`);
        note(who, `GET /language next=${next}`, res);
        const where = new URL(String(res.headers.location ?? '/'), 'http://mutua.test');
        if (where.origin !== 'http://mutua.test')
          failures.push(`${who} /language next=${next} -> ${where}`);
      }
    }
    assert.deepEqual(failures.splice(0), [], `${requests} requests`);
  });

  it('every operation of the OpenAPI document, with bad values in path, query and body', async () => {
    const doc = (await ctx.app.inject({ url: '/api/openapi.json' })).json();
    const ops = operations(doc);
    assert.ok(ops.length >= 30, `${ops.length} operations`);
    const ours = [...(crawls.get('admin')?.ids ?? [])];
    const send = async (who: Who, op: Operation, path: string, query: string, body?: string) => {
      const token = tokens.get(who);
      const res = await ctx.app.inject({
        method: op.method as 'GET',
        url: `${path}${query ? `?${query}` : ''}`,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: body } : {}),
      });
      note(
        who,
        `${op.method} ${path.slice(0, 100)} ${query.slice(0, 60)} ${(body ?? '').slice(0, 100)}`,
        res,
      );
      if (res.statusCode >= 400 && res.statusCode < 500) {
        const code = (() => {
          try {
            return (res.json() as { error?: { code?: unknown } }).error?.code;
          } catch {
            return undefined;
          }
        })();
        if (typeof code !== 'string')
          failures.push(
            `${who} ${op.method} ${path}: ${res.statusCode} not in the app's error format`,
          );
      }
    };
    for (const op of ops) {
      const pathWith = (over: Record<string, string> = {}, i = 0) =>
        op.path.replace(
          /\{(\w+)\}/g,
          (_m, name: string) =>
            over[name] ??
            (name === 'slug' ? 'riverside' : (ours[i % Math.max(1, ours.length)] ?? nothingId())),
        );
      const baseQuery = op.params
        .filter((p) => p.in === 'query')
        .map((p) => `${p.name}=${encodeURIComponent(String(sample(p.schema, p.name)))}`)
        .join('&');
      const body = op.body ? (sample(op.body) as Record<string, unknown>) : undefined;
      const bodyText = body ? JSON.stringify(body) : undefined;
      for (const who of WHO) {
        // The base as each role (authorisation paths), and everything spoiled at once.
        await send(who, op, pathWith(), baseQuery, bodyText);
        if (body) {
          const spoiled = Object.keys(body).reduce(
            (text, k, i) =>
              text.replace(`"${k}":`, `"${k}":${JSON_VALUES[i % JSON_VALUES.length]},"${k}_":`),
            JSON.stringify(body),
          );
          await send(who, op, pathWith(), baseQuery, spoiled);
        }
        if (op.path.includes('{slug}'))
          await send(who, op, pathWith({ slug: foreignSlug }), baseQuery, bodyText);
      }
      if (body) await send('admin', op, pathWith(), baseQuery, '[1e400]');
      for (let i = 1; i < 4 && op.path.includes('{id}'); i++)
        await send('coordinator', op, pathWith({}, i), baseQuery, bodyText);
      // One property, parameter or segment at a time, by the roles that may use it.
      for (const p of op.params.filter((x) => x.in === 'path' && x.name !== 'slug')) {
        for (const v of [...URL_VALUES.slice(0, 7), nothingId(), foreignId(0)])
          await send('admin', op, pathWith({ [p.name]: v }), baseQuery, bodyText);
      }
      for (const v of URL_VALUES.slice(4, 8))
        await send('outsider', op, pathWith({ slug: v }), baseQuery, bodyText);
      for (const p of op.params.filter((x) => x.in === 'query')) {
        for (const v of URL_VALUES)
          await send('admin', op, pathWith(), `${baseQuery}&${p.name}=${v}`, bodyText);
      }
      if (!body) continue;
      for (const [i, key] of Object.keys(body).entries()) {
        const values = [...rotate(JSON_VALUES, i, 6), `"${nothingId()}"`, `"${foreignId(i)}"`];
        if (i === 0) values.push(JSON.stringify(ONE_MB));
        for (const raw of values)
          await send('admin', op, pathWith(), baseQuery, withRaw(body, key, raw));
      }
    }
    assert.deepEqual(failures.splice(0), [], `${requests} requests`);
  });
});
