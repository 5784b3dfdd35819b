import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatCode } from '../../src/domain/requests/request-code.ts';
import { ALL_WEEK } from '../../src/domain/time/weekly-slots.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { upsertProfile } from '../../src/server/offers/volunteer-profile.repository.ts';
import { newId } from '../../src/shared/ids.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';
import { makeRequest } from '../helpers/requests.ts';

const HERE = { lat: 45.5231, lng: -122.6705 };

/** Match many: each request's language; a needed language is never paired with a non-speaker. */
describe(`match many and languages (${DIALECT})`, () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Agent;
  let needs: { id: string; code: string };
  let open: { id: string; code: string };
  let helper: { id: string; name: string };
  let page: string;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Barrio Sur' });
    // Both in Spanish: one needs it (the neighbour speaks nothing else), one does not.
    needs = (await makeRequest(ctx, net.network, { point: HERE, languageRequired: true })).summary;
    open = (await makeRequest(ctx, net.network, { point: HERE, languageRequired: false })).summary;
    const v = await addMember(ctx, net.network, 'volunteer');
    helper = { id: v.id, name: v.name };
    await upsertProfile(
      ctx.db,
      {
        id: newId(),
        networkId: net.network.id,
        personId: v.id,
        input: {
          categories: ['groceries'],
          skills: '',
          languages: ['en'],
          transport: 'car',
          hasCar: true,
          homeAreaId: null,
          homeLat: HERE.lat,
          homeLng: HERE.lng,
          radiusKm: 10,
          availability: ALL_WEEK,
          weeklyHourCap: 40,
        },
      },
      new Date().toISOString(),
    );
    coordinator = agent(ctx.app);
    await coordinator.signIn(net.members.coordinator.email);
    page = `/n/${net.network.slug}/dispatch`;
  });
  after(() => ctx.close());

  it('shows each language; the English speaker is proposed only where Spanish is not needed, and Why says so', async () => {
    const res = await coordinator.get(page);
    assert.equal(res.statusCode, 200);
    const proposed = /<table.*?<\/table>/s.exec(res.body)?.[0] ?? '';
    assert.ok(text(proposed).includes(formatCode(open.code)));
    assert.ok(!text(proposed).includes(formatCode(needs.code)), 'never paired without Spanish');
    assert.ok(text(proposed).includes(en['dispatch.language']));
    assert.ok(text(proposed).includes('Spanish'));
    assert.ok(
      text(proposed).includes(en['dispatch.noSharedLanguage'].replace('{language}', 'Spanish')),
    );
    const waiting = text(res.body.slice(res.body.indexOf('</table>')));
    assert.ok(waiting.includes(formatCode(needs.code)), 'still waiting, with the reason');
    assert.match(waiting, /speaks Spanish/);
    const b = agent(ctx.app, { 'accept-language': 'es' });
    await b.signIn(net.members.coordinator.email);
    const esPage = await b.get(page);
    assert.ok(text(esPage.body).includes(es['dispatch.language']));
  });

  it('after confirming, the page lists who got what: code → volunteer', async () => {
    const res = await coordinator.submit(page, page, { p0: `${open.id}:${helper.id}` });
    assert.equal(res.statusCode, 303);
    const after = await coordinator.get(res.headers.location as string);
    assert.equal(after.statusCode, 200);
    const words = text(after.body);
    assert.ok(words.includes(en['dispatch.given'].replace('{count}', '1')));
    assert.ok(words.includes(`${formatCode(open.code)} → ${helper.name}`), words);
  });
});
