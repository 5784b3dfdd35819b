import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/domain/access/roles.ts';
import { en } from '../../src/i18n/en.ts';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import type { Network } from '../../src/server/core/network.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

/** One network's staff against another network, and the rule that a network keeps an admin. */
describe('access across networks, and the last admin', () => {
  let ctx: TestContext;
  let a: Awaited<ReturnType<typeof makeNetwork>>;
  let b: Awaited<ReturnType<typeof makeNetwork>>;
  let adminA: Agent;
  let coordinatorA: Agent;
  /** A member of B only, with a name to look for in A's pages. */
  let bMember: { id: string; name: string };

  const roleIn = async (network: Network, personId: string): Promise<Role | undefined> =>
    (
      await ctx.db
        .selectFrom('memberships')
        .select('role')
        .where('network_id', '=', network.id)
        .where('person_id', '=', personId)
        .executeTakeFirst()
    )?.role;

  before(async () => {
    ctx = await createTestContext();
    a = await makeNetwork(ctx, { name: 'Alpha Street' });
    b = await makeNetwork(ctx, { name: 'Beta Square' });
    bMember = await addMember(ctx, b.network, 'volunteer', { name: 'Zoraida Beta-Only' });
    adminA = agent(ctx.app);
    assert.equal((await adminA.signIn(a.admin.email)).statusCode, 303);
    coordinatorA = agent(ctx.app);
    assert.equal((await coordinatorA.signIn(a.members.coordinator.email)).statusCode, 303);
  });
  after(() => ctx.close());

  for (const who of ['coordinator', 'admin'] as const) {
    for (const page of ['people', 'settings', 'audit', 'invitations', `people/:id`]) {
      it(`the ${who} of A gets 403 on B's ${page} page`, async () => {
        const client = who === 'admin' ? adminA : coordinatorA;
        const res = await client.get(`/n/${b.network.slug}/${page.replace(':id', bMember.id)}`);
        assert.equal(res.statusCode, 403);
        assert.doesNotMatch(res.body, /Zoraida/);
      });
    }
  }

  it("B's person id under A's address is not found, and the name does not leak", async () => {
    const res = await adminA.get(`/n/${a.network.slug}/people/${bMember.id}`);
    assert.equal(res.statusCode, 404);
    assert.doesNotMatch(res.body, /Zoraida/);
    assert.doesNotMatch(res.body, /Beta Square/);
  });

  it("an admin of A cannot change the role of, or remove, a B member through A's address", async () => {
    const role = await adminA.post(`/n/${a.network.slug}/people/${bMember.id}/role`, {
      role: 'admin',
    });
    assert.equal(role.statusCode, 404);
    assert.doesNotMatch(role.body, /Zoraida/);
    const removed = await adminA.post(`/n/${a.network.slug}/people/${bMember.id}/remove`, {});
    assert.equal(removed.statusCode, 404);
    assert.equal(await roleIn(b.network, bMember.id), 'volunteer');
    assert.equal(await roleIn(a.network, bMember.id), undefined, 'not made a member of A either');
  });

  it("an admin of A cannot act on B's forms through B's address", async () => {
    const role = await adminA.post(`/n/${b.network.slug}/people/${bMember.id}/role`, {
      role: 'neighbour',
    });
    assert.equal(role.statusCode, 403);
    const settings = await adminA.post(`/n/${b.network.slug}/settings`, {
      name: 'Taken Over',
      defaultLanguage: 'en',
      signupMode: 'open',
    });
    assert.equal(settings.statusCode, 403);
    assert.equal(await roleIn(b.network, bMember.id), 'volunteer');
    const n = await ctx.db
      .selectFrom('networks')
      .select('name')
      .where('id', '=', b.network.id)
      .executeTakeFirstOrThrow();
    assert.equal(n.name, 'Beta Square');
  });

  it("an admin token of A cannot read or change B's people through the API", async () => {
    const { token } = await createApiToken(ctx.deps, {
      actor: {
        kind: 'person',
        personId: a.admin.id,
        displayName: a.admin.name,
        isOperator: false,
        preferredLanguage: null,
        sessionId: 'test',
      },
      input: { name: 'sync', networkSlug: a.network.slug, role: 'admin' },
    });
    const auth = { authorization: `Bearer ${token}` };
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/networks/${b.network.slug}/people`,
      headers: auth,
    });
    assert.equal(list.statusCode, 403);
    assert.doesNotMatch(list.body, /Zoraida/);
    const viaA = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/networks/${a.network.slug}/people/${bMember.id}`,
      headers: auth,
    });
    assert.equal(viaA.statusCode, 404);
    assert.doesNotMatch(viaA.body, /Zoraida/);
    const put = await ctx.app.inject({
      method: 'PUT',
      url: `/api/v1/networks/${a.network.slug}/people/${bMember.id}/role`,
      headers: auth,
      payload: { role: 'admin' },
    });
    assert.equal(put.statusCode, 404);
    assert.equal(await roleIn(b.network, bMember.id), 'volunteer');
  });

  describe('the last admin', () => {
    it('cannot be demoted: 409 LAST_ADMIN, and stays admin', async () => {
      const res = await adminA.post(`/n/${a.network.slug}/people/${a.admin.id}/role`, {
        role: 'coordinator',
      });
      assert.equal(res.statusCode, 409);
      assert.ok(text(res.body).includes(en['error.lastAdmin']));
      assert.equal(await roleIn(a.network, a.admin.id), 'admin');
    });

    it('cannot be removed: 409 LAST_ADMIN, and stays admin', async () => {
      const res = await adminA.post(`/n/${a.network.slug}/people/${a.admin.id}/remove`, {});
      assert.equal(res.statusCode, 409);
      assert.ok(text(res.body).includes(en['error.lastAdmin']));
      assert.equal(await roleIn(a.network, a.admin.id), 'admin');
    });

    it('through the API too, the answer is 409 with the code LAST_ADMIN', async () => {
      const { token } = await createApiToken(ctx.deps, {
        actor: {
          kind: 'person',
          personId: a.admin.id,
          displayName: a.admin.name,
          isOperator: false,
          preferredLanguage: null,
          sessionId: 'test',
        },
        input: { name: 'last admin', networkSlug: a.network.slug, role: 'admin' },
      });
      const res = await ctx.app.inject({
        method: 'PUT',
        url: `/api/v1/networks/${a.network.slug}/people/${a.admin.id}/role`,
        headers: { authorization: `Bearer ${token}` },
        payload: { role: 'neighbour' },
      });
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'LAST_ADMIN');
      assert.equal(await roleIn(a.network, a.admin.id), 'admin');
    });

    it('with a second admin, the first can step down; then the second is the last', async () => {
      const second = a.members.coordinator;
      const promote = await adminA.post(`/n/${a.network.slug}/people/${second.id}/role`, {
        role: 'admin',
      });
      assert.equal(promote.statusCode, 303);
      const stepDown = await adminA.post(`/n/${a.network.slug}/people/${a.admin.id}/role`, {
        role: 'coordinator',
      });
      assert.equal(stepDown.statusCode, 303);
      assert.equal(await roleIn(a.network, a.admin.id), 'coordinator');

      const res = await coordinatorA.post(`/n/${a.network.slug}/people/${second.id}/remove`, {});
      assert.equal(res.statusCode, 409);
      assert.equal(await roleIn(a.network, second.id), 'admin');
    });
  });
});
