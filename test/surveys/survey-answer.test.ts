import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { addArea } from '../helpers/requests.ts';
import { startSmsGateway, textIn } from '../helpers/sms-gateway.ts';
import { openSurvey } from './survey-fixture.ts';

describe(`surveys: answering on the web and by text (${DIALECT})`, () => {
  let ctx: TestContext;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let surveyId: string;
  let url: string;
  let coordinator: Agent;

  before(async () => {
    gateway = await startSmsGateway();
    ctx = await createTestContext({ env: gateway.env });
    net = await makeNetwork(ctx, { name: 'Barrio Norte' });
    await addArea(ctx, net.network, 'Old Town');
    surveyId = await openSurvey(ctx, net.network.id);
    url = `/n/${net.network.slug}/surveys/${surveyId}/answer`;
    coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
  });

  const responses = async (channel?: string) => {
    let q = ctx.db
      .selectFrom('survey_responses')
      .select((e) => e.fn.countAll().as('n'))
      .where('survey_id', '=', surveyId);
    if (channel) q = q.where('channel', '=', channel);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('web: one section per page, messages translated, answers kept, skip logic on the server', async () => {
    const person = await addMember(ctx, net.network, 'neighbour', { language: 'es' });
    const me = agent(ctx.app);
    await me.signIn(person.email);
    const first = await me.get(url);
    assert.equal(first.statusCode, 200, first.body.slice(0, 300));
    let words = text(first.body);
    assert.match(words, /¿Cuántas personas viven con usted\?/);
    assert.match(words, /¿Qué necesita\?/);
    // Only the first section is on the page.
    assert.doesNotMatch(words, /¿Qué más necesita\?|¿La red le ha ayudado\?/);

    // Nothing given: both required, in Spanish.
    let res = await me.post(url, { people: '' });
    assert.equal(res.statusCode, 422);
    words = text(res.body);
    assert.match(words, /Esta pregunta necesita una respuesta\./);
    assert.doesNotMatch(words, /survey\.answer\./);

    // Not a number: Mutua's message, and what was typed comes back.
    res = await me.post(url, { people: 'tres', needs: 'other' });
    assert.equal(res.statusCode, 422);
    assert.match(text(res.body), /Escriba un número\./);
    assert.match(res.body, /name="people"[^>]*value="tres"|value="tres"[^>]*name="people"/);
    assert.match(res.body, /value="other"[^>]*checked|checked[^>]*value="other"/);

    // The constraint's own message, in the person's language.
    res = await me.post(url, { people: '40', needs: 'other' });
    assert.equal(res.statusCode, 422);
    assert.match(text(res.body), /Entre 1 y 29 personas/);
    assert.match(res.body, /value="40"/);

    // "Other" chosen: the section shown only then comes next.
    res = await me.post(url, { people: '3', needs: 'other' });
    assert.equal(res.statusCode, 200, text(res.body).slice(0, 300));
    assert.match(text(res.body), /¿Qué más necesita\?/);

    // Back: the first page with the answers given.
    res = await me.post(url, { _back: '1' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /value="3"/);

    // Food only: the "other" section is skipped.
    res = await me.post(url, { people: '3', needs: 'food' });
    assert.equal(res.statusCode, 200);
    words = text(res.body);
    assert.doesNotMatch(words, /¿Qué más necesita\?/);
    assert.match(words, /¿La red le ha ayudado\?/);

    // Resumable: leaving and coming back shows the same page.
    assert.match(text((await me.get(url)).body), /¿La red le ha ayudado\?/);

    res = await me.post(url, { helped: 'yes', score: '9' });
    assert.equal(res.statusCode, 422);
    assert.match(text(res.body), /Elija de 1 a 5\.|1 a 5/);

    res = await me.post(url, { helped: 'yes', score: '4', comment: 'Gracias' });
    assert.equal(res.statusCode, 200, text(res.body).slice(0, 300));
    assert.match(text(res.body), /Gracias\. Sus respuestas quedaron guardadas\./);
    assert.equal(await responses('web'), 1);

    // The same last page sent again (a back button, a reload): not counted twice.
    res = await me.post(url, { helped: 'yes', score: '4', comment: 'Gracias' });
    assert.ok(res.statusCode < 500, String(res.statusCode));
    assert.equal(await responses('web'), 1);
    assert.match(text((await me.get(url)).body), /Sus respuestas quedaron guardadas/);
  });

  it('web: two last pages sent at once make one response, and no 500', async () => {
    const person = await addMember(ctx, net.network, 'neighbour');
    const me = agent(ctx.app);
    await me.signIn(person.email);
    await me.get(url);
    await me.post(url, { people: '2', needs: 'medicine' });
    const before = await responses('web');
    const both = await Promise.all([
      me.post(url, { helped: 'no' }),
      me.post(url, { helped: 'no' }),
    ]);
    for (const r of both) assert.ok(r.statusCode < 500, `${r.statusCode} ${r.body.slice(0, 200)}`);
    assert.equal(await responses('web'), before + 1);
  });

  it('SMS: sent by a coordinator, answered one question per text through the gateway', async () => {
    const phone = '+15550401001';
    await addMember(ctx, net.network, 'neighbour', { phone, language: 'en' });
    const detail = `/n/${net.network.slug}/surveys/${surveyId}`;
    await coordinator.get(detail);
    const sent = await coordinator.post(`${detail}/send`, { role: 'neighbour', language: 'en' });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 300));
    await drainOutbox(ctx.deps);
    const firstText = gateway.to(phone).map((m) => m.body);
    assert.equal(firstText.length, 1, JSON.stringify(firstText));
    assert.match(firstText[0]!, /How many people live with you\?/);

    const converse = async (body: string) => {
      const before = gateway.to(phone).length;
      const res = await textIn(ctx.app, ctx.config.baseUrl, { from: phone, body });
      assert.equal(res.statusCode, 200, res.body);
      await drainOutbox(ctx.deps);
      const got = gateway
        .to(phone)
        .slice(before)
        .map((m) => m.body);
      assert.equal(got.length, 1, JSON.stringify(got));
      return got[0]!;
    };

    assert.match(await converse('40'), /Between 1 and 29 people/);
    const needs = await converse('4');
    assert.match(needs, /What do you need\?/);
    assert.match(needs, /1 Food/);
    assert.match(needs, /3 Something else/);
    // BACK goes to the question before, with the answer kept.
    assert.match(await converse('back'), /How many people live with you\?/);
    assert.match(await converse('4'), /What do you need\?/);
    assert.match(await converse('9'), /1 to 3|1-3/);
    // Skip logic: "other" not chosen, the next question is from the last section.
    assert.match(await converse('1,2'), /Has the network helped you\?/);
    assert.match(await converse('skip'), /How well are we doing\?/);
    assert.match(await converse('5'), /Where do you live\?/);
    assert.match(await converse('1'), /Anything else\?/);
    assert.match(await converse('skip'), /Thank you, your answers are saved/);
    assert.equal(await responses('sms'), 1);

    // After the survey, a text is an ordinary one again (not an answer).
    await converse('help');
    assert.equal(await responses('sms'), 1);
  });

  it('SMS: STOP ends the survey in progress; nothing more is asked', async () => {
    const phone = '+15550401002';
    await addMember(ctx, net.network, 'volunteer', { phone, language: 'en' });
    const detail = `/n/${net.network.slug}/surveys/${surveyId}`;
    await coordinator.get(detail);
    await coordinator.post(`${detail}/send`, { role: 'volunteer', language: '' });
    await drainOutbox(ctx.deps);
    assert.equal(gateway.to(phone).length, 1);
    await textIn(ctx.app, ctx.config.baseUrl, { from: phone, body: 'STOP' });
    await drainOutbox(ctx.deps);
    const sessions = await ctx.db
      .selectFrom('survey_sessions')
      .select('id')
      .where('survey_id', '=', surveyId)
      .where('channel', '=', 'sms')
      .execute();
    // The first phone finished, this one stopped: no text conversation is left.
    assert.equal(sessions.length, 0);
    // Sent again: a number that said STOP gets nothing.
    await coordinator.get(detail);
    await coordinator.post(`${detail}/send`, { role: 'volunteer', language: '' });
    await drainOutbox(ctx.deps);
    assert.equal(gateway.to(phone).length, 1);
  });
});
