import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Answers } from '../../src/domain/surveys/answers.ts';
import { sealSurveyAnswers } from '../../src/server/privacy/privacy-gate.ts';
import { insertResponse } from '../../src/server/surveys/survey.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { openSurvey } from './survey-fixture.ts';

const EVIL = '=HYPERLINK("http://evil.example","click")';

describe(`surveys: results and export, and who may see them (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let base: string;
  let coordinator: Agent;
  let neighbour: Agent;
  let volunteer: Agent;
  let outsider: Agent;
  let otherSlug: string;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Barrio Este' });
    const other = await makeNetwork(ctx, { name: 'Elsewhere' });
    otherSlug = other.network.slug;
    const id = await openSurvey(ctx, net.network.id);
    base = `/n/${net.network.slug}/surveys/${id}`;
    // 8 answers: everybody needs food, 6 medicine, 1 something else (with a comment).
    for (let i = 0; i < 8; i++) {
      const answers: Answers = {
        people: i + 1,
        needs: i === 0 ? ['food', 'other'] : i < 7 ? ['food', 'medicine'] : ['food'],
        ...(i === 0 ? { other_need: 'A wheelchair ramp', comment: EVIL } : {}),
        helped: i < 6 ? 'yes' : 'no',
      };
      const rid = newId();
      await insertResponse(ctx.db, {
        id: rid,
        surveyId: id,
        personId: null,
        phoneIndex: null,
        channel: i < 5 ? 'web' : 'sms',
        language: 'en',
        areaKey: null,
        answersSealed: sealSurveyAnswers(
          ctx.config.keys,
          'survey_responses',
          rid,
          JSON.stringify(answers),
        ),
        submittedOn: '2026-11-23',
      });
    }
    const sign = async (email: string) => {
      const a = agent(ctx.app);
      await a.signIn(email);
      return a;
    };
    coordinator = await sign(net.members.coordinator.email);
    neighbour = await sign(net.members.neighbour.email);
    volunteer = await sign(net.members.volunteer.email);
    outsider = await sign(other.members.coordinator.email);
  });
  after(() => ctx.close());

  it('a neighbour and a volunteer get no results, no answers, no export', async () => {
    for (const who of [neighbour, volunteer]) {
      for (const path of ['/results', '/answers.csv', '/form.xlsx', '']) {
        const res = await who.get(`${base}${path}`);
        assert.equal(res.statusCode, 403, `${path}: ${res.statusCode}`);
        assert.doesNotMatch(res.body, /wheelchair|HYPERLINK/);
      }
    }
  });

  it("another network's coordinator: refused here, and not found through their own network", async () => {
    for (const path of ['/results', '/answers.csv']) {
      const here = await outsider.get(`${base}${path}`);
      assert.equal(here.statusCode, 403);
      const theirs = await outsider.get(`${base}${path}`.replace(net.network.slug, otherSlug));
      assert.equal(theirs.statusCode, 404);
      for (const r of [here, theirs]) assert.doesNotMatch(r.body, /wheelchair|HYPERLINK/);
    }
  });

  it('results: counts of 5 or more shown, smaller cells as "fewer than 5", free text apart', async () => {
    const res = await coordinator.get(`${base}/results`);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const words = text(res.body);
    assert.match(words, /Answers: 8 \(5 on the web, 3 by text, 0 on paper\)/);
    const row = (label: string) =>
      new RegExp(`<td>${label}</td><td>([^<]*)</td>`).exec(res.body)?.[1];
    assert.equal(row('Food'), '8');
    assert.equal(row('Medicine'), '6');
    assert.equal(row('Something else'), 'fewer than 5');
    // Yes 6 and no 2 of 8: "no" is small, and never the only cell of its question not
    // shown (8 − 6 − "no answer" would give it away).
    assert.equal(row('No'), 'fewer than 5');
    const helped = /<section aria-labelledby="r-helped">([\s\S]*?)<\/section>/.exec(res.body)?.[1];
    assert.ok(helped);
    assert.ok((helped.match(/<td>fewer than 5<\/td>/g) ?? []).length >= 2, helped);
    assert.doesNotMatch(helped, /<td>2<\/td>/);
    // Free text for coordinators, escaped.
    assert.match(words, /A wheelchair ramp/);
    assert.doesNotMatch(res.body, /<a[^>]*evil/);
  });

  it('CSV: audited, no person column, a formula neutralised', async () => {
    const before = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'survey.exported')
      .execute();
    const res = await coordinator.get(`${base}/answers.csv`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    const lines = res.body.trim().split(/\r?\n/);
    assert.equal(lines.length, 9);
    assert.doesNotMatch(lines[0]!, /person|phone|email/i);
    assert.ok(res.body.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`), res.body);
    assert.ok(!/(^|,)=HYPERLINK/m.test(res.body));
    const afterRows = await ctx.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'survey.exported')
      .execute();
    assert.equal(afterRows.length, before.length + 1);
  });
});
