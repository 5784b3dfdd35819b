import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolveScope } from '../../src/server/core/scope.ts';
import { qrMatrix } from '../../src/server/printables/flyer.pdf.ts';
import { flyer } from '../../src/server/printables/printables.service.ts';
import { claimTask } from '../../src/server/requests/task.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import {
  decodeQr,
  HAS_ZBAR,
  inkShare,
  POPPLER_SKIP,
  pdfPages,
  pdfText,
  renderPage,
} from '../helpers/pdf.ts';
import { addArea, asPerson, makeRequest } from '../helpers/requests.ts';

const SMS_FROM = '+15551234567';
const flat = (s: string) => s.replace(/\s+/g, ' ');

describe(`printables (${DIALECT})`, { skip: POPPLER_SKIP }, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let areaId: string;
  let askUrl: string;
  before(async () => {
    ctx = await createTestContext({
      env: {
        SMS_GATEWAY_URL: 'http://127.0.0.1:9',
        SMS_ACCOUNT_SID: 'AC123',
        SMS_AUTH_TOKEN: 'token',
        SMS_FROM,
      },
    });
    net = await makeNetwork(ctx, { name: 'Red Vecinal Peñalolén' });
    areaId = await addArea(ctx, net.network);
    askUrl = `http://mutua.test/n/${net.network.slug}/ask`;
  });
  after(() => ctx.close());

  const coordinator = async (lang?: 'es') => {
    const a = agent(ctx.app);
    await a.signIn(net.members.coordinator.email);
    if (lang) await a.get(`/language?to=${lang}&next=/`);
    return a;
  };

  it('a coordinator finds the printables page and gets a flyer in English and Spanish, QR code and SMS word included', async () => {
    const c = await coordinator();
    const home = await c.get(`/n/${net.network.slug}`);
    assert.match(home.body, new RegExp(`href="/n/${net.network.slug}/print"`));
    const page = await c.get(`/n/${net.network.slug}/print`);
    assert.equal(page.statusCode, 200);
    assert.match(text(page.body), /Flyer: how to ask for help/);

    const res = await c.get(
      `/n/${net.network.slug}/print/flyer.pdf?lang_en=1&lang_es=1&layout=sections`,
    );
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="flyer-/);
    const pdf = res.rawPayload;
    assert.equal(pdfPages(pdf), 1, 'both languages on one page');
    const words = flat(pdfText(pdf));
    assert.match(words, /Need help\?/);
    assert.match(words, /¿Necesita ayuda\?/, 'accents and the opening question mark survive');
    assert.match(words, /Red Vecinal Peñalolén/);
    assert.ok(words.includes(`Text HELP to ${SMS_FROM}`), words);
    assert.ok(words.includes(`Envíe AYUDA al ${SMS_FROM}`), words);
    assert.ok(words.includes(askUrl));

    // Rendered, the page carries ink (text and the code), and the code reads as the form's address.
    const image = renderPage(pdf, 1, 150);
    assert.ok(inkShare(image) > 0.02, `ink ${inkShare(image)}`);
    if (HAS_ZBAR) {
      const codes = decodeQr(image);
      assert.ok(codes.length >= 2, 'one code per language');
      assert.ok(
        codes.every((c) => c === askUrl),
        codes.join(', '),
      );
    }
    // Drawn from this matrix: it must be the one the qrcode library makes for the address.
    const m = qrMatrix(askUrl);
    assert.ok(m.size >= 21 && m.dark(0, 0) && m.dark(6, 6), 'a finder pattern in the corner');

    const pages = await c.get(
      `/n/${net.network.slug}/print/flyer.pdf?lang_es=1&lang_en=1&layout=pages`,
    );
    assert.equal(pdfPages(pages.rawPayload), 2, 'one page per language');
    const second = flat(pdfText(pages.rawPayload, 2));
    assert.match(second, /¿Necesita ayuda\?/);
    assert.doesNotMatch(second, /Need help/);
  });

  it('without an SMS number the flyer leaves the texting part out', async () => {
    const scope = await resolveScope(
      ctx.db,
      asPerson(net.members.coordinator.id),
      net.network.slug,
    );
    const pdf = await flyer(
      { config: { ...ctx.config, sms: null } },
      { scope, languages: ['es'], layout: 'sections' },
    );
    const words = flat(pdfText(pdf));
    assert.match(words, /¿Necesita ayuda\?/);
    assert.doesNotMatch(words, /AYUDA|Envíe|\+1555/);
    if (HAS_ZBAR) assert.deepEqual(decodeQr(renderPage(pdf, 1, 150)), [askUrl]);
  });

  it('a sign-in sheet prints the title, date and place typed, in the chosen language, with numbered lines over pages', async () => {
    const c = await coordinator();
    const q = new URLSearchParams({
      title: 'Reparto del sábado',
      date: '2026-12-05',
      place: 'Salón Ñandú, calle Peña 3',
      rows: '40',
      language: 'es',
    });
    const res = await c.get(`/n/${net.network.slug}/print/sign-in-sheet.pdf?${q}`);
    assert.equal(res.statusCode, 200);
    const pdf = res.rawPayload;
    assert.equal(pdfPages(pdf), 2);
    const first = flat(pdfText(pdf, 1));
    for (const s of [
      'Reparto del sábado',
      'sábado, 5 de diciembre de 2026',
      'Salón Ñandú, calle Peña 3',
      'Firma',
      'Personas en casa',
      'Página 1 de 2',
    ])
      assert.ok(first.includes(s), `${s} in: ${first}`);
    const second = flat(pdfText(pdf, 2));
    assert.ok(second.includes('Reparto del sábado'), 'every page says what it is');
    assert.match(second, /\b40\b/);
    assert.ok(inkShare(renderPage(pdf, 2)) > 0.005, 'the table is drawn');
  });

  it('bad input comes back as the form with a translated message at the field, never a 500', async () => {
    const c = await coordinator();
    const base = `/n/${net.network.slug}/print`;
    const unknown = await c.get(`${base}/flyer.pdf?lang_fr=1`);
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.headers['content-type'] as string, /text\/html/);
    assert.match(text(unknown.body), /Please choose at least one of the languages offered/);
    const none = await c.get(`${base}/flyer.pdf?layout=pages`);
    assert.equal(none.statusCode, 422);

    const bad = new URLSearchParams({
      title: 'Distribution',
      date: '2026-02-30',
      place: 'Hall',
      rows: '0',
      language: 'fr',
    });
    const sheet = await c.get(`${base}/sign-in-sheet.pdf?${bad}`);
    assert.equal(sheet.statusCode, 422);
    const body = text(sheet.body);
    assert.match(body, /Please give a real date as year-month-day/);
    assert.match(body, /Please give a number of lines from 1 to 200/);
    assert.match(body, /Please choose one of the languages offered/);
    assert.match(sheet.body, /value="Distribution"/, 'what was typed is kept');

    const es = await coordinator('es');
    const enEs = await es.get(`${base}/sign-in-sheet.pdf?${bad}`);
    assert.match(text(enEs.body), /Escriba una fecha real como año-mes-día/);
    const route = await es.get(
      `/n/${net.network.slug}/tasks/route-sheet.pdf?date=ayer&language=es`,
    );
    assert.equal(route.statusCode, 422);
    assert.match(text(route.body), /Escriba una fecha real/);
  });

  it('only coordinators print for the network; neighbours get no route sheet', async () => {
    const v = agent(ctx.app);
    await v.signIn(net.members.volunteer.email);
    assert.equal((await v.get(`/n/${net.network.slug}/print`)).statusCode, 403);
    assert.equal((await v.get(`/n/${net.network.slug}/print/flyer.pdf?lang_en=1`)).statusCode, 403);
    const n = agent(ctx.app);
    await n.signIn(net.members.neighbour.email);
    assert.equal(
      (await n.get(`/n/${net.network.slug}/tasks/route-sheet.pdf?date=2026-11-23&language=en`))
        .statusCode,
      403,
    );
  });

  it('a route sheet holds the volunteer’s own tasks with address and phone, audited; another volunteer never sees them', async () => {
    const mine = await makeRequest(ctx, net.network, {
      areaId,
      name: 'Ñandú Peña',
      address: 'Calle Mayor 7, 2.º izquierda',
      phone: '+34 600 111 222',
      details: 'Llamar al timbre dos veces',
    });
    const theirs = await makeRequest(ctx, net.network, {
      areaId,
      name: 'Zoë Öztürk',
      address: '99 Birch Lane',
      phone: '+1 555 010 9999',
    });
    const other = await addMember(ctx, net.network, 'volunteer');
    const claim = async (personId: string, requestId: string) =>
      claimTask(ctx.deps, {
        actor: asPerson(personId),
        scope: await resolveScope(ctx.db, asPerson(personId), net.network.slug),
        requestId,
      });
    await claim(net.members.volunteer.id, mine.summary.id);
    await claim(other.id, theirs.summary.id);

    const v = agent(ctx.app);
    await v.signIn(net.members.volunteer.email);
    const feed = await v.get(`/n/${net.network.slug}/tasks`);
    assert.match(feed.body, new RegExp(`href="/n/${net.network.slug}/tasks/route-sheet"`));
    assert.equal((await v.get(`/n/${net.network.slug}/tasks/route-sheet`)).statusCode, 200);
    const res = await v.get(
      `/n/${net.network.slug}/tasks/route-sheet.pdf?date=2026-11-23&language=es`,
    );
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const words = flat(pdfText(res.rawPayload));
    for (const s of ['Ñandú Peña', 'Calle Mayor 7, 2.º izquierda', '+34600111222', 'Hoja de ruta'])
      assert.ok(words.includes(s), `${s} in: ${words}`);
    assert.ok(!words.includes('Birch') && !words.includes('Öztürk'), 'nothing of another’s task');
    assert.ok(inkShare(renderPage(res.rawPayload)) > 0.005);

    // From the other volunteer's side: their own task only, never the first one's.
    const o = agent(ctx.app);
    await o.signIn(other.email);
    const theirsPdf = await o.get(
      `/n/${net.network.slug}/tasks/route-sheet.pdf?date=2026-11-23&language=en`,
    );
    const theirWords = flat(pdfText(theirsPdf.rawPayload));
    assert.ok(theirWords.includes('99 Birch Lane') && theirWords.includes('Zoë Öztürk'));
    assert.ok(!theirWords.includes('Calle Mayor') && !theirWords.includes('Ñandú'), theirWords);

    const views = await ctx.db
      .selectFrom('audit_events')
      .select(['actor_id', 'subject_id', 'details'])
      .where('action', '=', 'request.private_viewed')
      .where('subject_id', 'in', [mine.summary.id, theirs.summary.id])
      .execute();
    assert.deepEqual(
      views.map((e) => [e.actor_id, e.subject_id, JSON.parse(e.details).purpose]).sort(),
      [
        [net.members.volunteer.id, mine.summary.id, 'route_sheet'],
        [other.id, theirs.summary.id, 'route_sheet'],
      ].sort(),
    );
    const prints = await ctx.db
      .selectFrom('audit_events')
      .select(['actor_id', 'details'])
      .where('action', '=', 'route_sheet.printed')
      .where('actor_id', '=', net.members.volunteer.id)
      .execute();
    assert.equal(prints.length, 1);
    assert.equal(JSON.parse(prints[0]!.details).tasks, 1);

    // A volunteer with nothing on today gets a sheet that says so.
    const idle = await addMember(ctx, net.network, 'volunteer');
    const i = agent(ctx.app);
    await i.signIn(idle.email);
    const empty = await i.get(
      `/n/${net.network.slug}/tasks/route-sheet.pdf?date=2026-11-23&language=en`,
    );
    assert.match(flat(pdfText(empty.rawPayload)), /You hold no tasks right now/);
  });
});
