import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { makeRequest } from '../helpers/requests.ts';

/** The coordinator's overview on /n/:slug and the queue's count, through HTTP. */
describe('the overview says what needs doing', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Awaited<ReturnType<typeof addMember>>;
  let volunteer: Awaited<ReturnType<typeof addMember>>;

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx);
    coordinator = await addMember(ctx, net.network, 'coordinator');
    volunteer = await addMember(ctx, net.network, 'volunteer');
    await makeRequest(ctx, net.network, {});
    await makeRequest(ctx, net.network, {});
  });
  after(() => ctx?.close());

  it('counts new requests nobody has, in words, with a link to the queue', async () => {
    const a = agent(ctx.app);
    await a.signIn(coordinator.email);
    const res = await a.get(`/n/${net.network.slug}`);
    assert.equal(res.statusCode, 200);
    assert.match(text(res.body), /2 new requests nobody has taken/);
    assert.match(res.body, /requests\?status=new&amp;owner=none/);
    const q = await a.get(`/n/${net.network.slug}/requests`);
    assert.match(text(q.body), /2 requests/);
  });

  it('is hidden from a volunteer, whose page still works', async () => {
    const a = agent(ctx.app);
    await a.signIn(volunteer.email);
    const res = await a.get(`/n/${net.network.slug}`);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /overview-title/);
  });
});
