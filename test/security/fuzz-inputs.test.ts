import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { kindAfter } from '../helpers/api-fuzz.ts';
import { idSegments, type PageForm, parseForms, pattern, valueIn } from '../helpers/crawler.ts';
import {
  FORM_VALUES,
  nothingId,
  ONE_MB,
  plausible,
  rotate,
  URL_VALUES,
} from '../helpers/fuzz-values.ts';
import { setUpWalk, type Walk, WHO, type Who } from '../helpers/walker.ts';

/**
 * The walker, pages and forms (the JSON API is fuzz-api.test.ts): every form of every page,
 * found by crawling the pages as anonymous, neighbour, volunteer, coordinator, admin and a
 * member of another network (so a new page or form is walked without this test naming it),
 * sent bad values one field at a time: Infinity, 1e400, NaN, NUL, lone surrogates, 1 MB, ids
 * of nothing and of another network, redirect targets with tabs and newlines. No answer may
 * be a 5xx, and a form that comes back refused must still hold what was typed in its other
 * fields.
 */

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

describe('the walker: bad values into every form of every page, as every role', () => {
  let w: Walk;
  before(async () => {
    w = await setUpWalk();
  });
  after(() => w.ctx.close());

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
      values.push(nothingId(), w.foreignId(f.name, i));
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
    const a = w.agents.get(who)!;
    if (form.method === 'get') {
      const q = new URLSearchParams(fields).toString();
      const res = await a.get(`${action.split('?')[0]}?${q}`);
      w.note(who, `GET ${action} ${q.slice(0, 80)}`, res);
      return res;
    }
    const res = await a.post(action, fields, { csrf: w.csrf.get(who) ?? '' });
    w.note(who, `POST ${action} ${JSON.stringify(fields).slice(0, 120)}`, res);
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
        w.failures.push(
          `${who} POST ${action} (${fuzzed}) -> 422 without the form: typed values lost`,
        );
      return;
    }
    for (const f of typed) {
      const kept = valueIn(back, f.name);
      if (kept !== sent[f.name])
        w.failures.push(
          `${who} POST ${action} (${fuzzed} bad) -> ${res.statusCode}: ${f.name} came back ${JSON.stringify(kept?.slice(0, 40))}, typed ${JSON.stringify(sent[f.name]?.slice(0, 40))}`,
        );
    }
  }

  it('every form of every page, as every role', async () => {
    const fuzzedOnce = new Set<string>();
    const allForms: PageForm[] = [];
    for (const who of WHO) {
      for (const form of w.crawls.get(who)!.forms) {
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
          for (const id of [
            nothingId(),
            w.foreignId(kindAfter(form.action.split('/')[seg - 1] ?? ''), seg),
            '%0A',
          ]) {
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
    assert.deepEqual(w.failures.splice(0), [], `${w.requests()} requests`);
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
      const a = w.agents.get(who)!;
      for (const { url } of w.crawls.get(who)!.pages) {
        for (let v = 0; v < 3; v++) {
          const q = names
            .map((n, i) => `${n}=${URL_VALUES[(i + v * 5) % URL_VALUES.length]}`)
            .join('&');
          const target = `${url.split('?')[0]}?${q}`;
          w.note(who, `GET ${target.slice(0, 120)}`, await a.get(target));
        }
      }
      for (const next of ['/%09/evil.example/', '/%0A/x', '/%0D/x', '%0A', '/%5C%09evil']) {
        const res = await a.get(`/language?to=es&next=${next}`);
        w.note(who, `GET /language next=${next}`, res);
        const where = new URL(String(res.headers.location ?? '/'), 'http://mutua.test');
        if (where.origin !== 'http://mutua.test')
          w.failures.push(`${who} /language next=${next} -> ${where}`);
      }
    }
    assert.deepEqual(w.failures.splice(0), [], `${w.requests()} requests`);
  });
});
