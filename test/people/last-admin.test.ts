import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Actor } from '../../src/server/core/actor.ts';
import { countAdmins } from '../../src/server/core/membership.repository.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { changeRole } from '../../src/server/people/person.service.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeNetwork } from '../helpers/factories.ts';

const asPerson = (personId: string): Actor => ({
  kind: 'person',
  personId,
  displayName: 'x',
  isOperator: false,
  preferredLanguage: null,
  sessionId: 's',
});

describe(`two admins demoting each other at the same moment (${DIALECT})`, () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  it('leaves exactly one admin: one change wins, the other is refused as the last admin', async () => {
    for (let round = 0; round < 5; round++) {
      const { network, admin } = await makeNetwork(ctx);
      const second = await addMember(ctx, network, 'admin');
      const a = asPerson(admin.id);
      const b = asPerson(second.id);
      const [sa, sb] = await Promise.all([
        resolveScope(ctx.db, a, network.slug),
        resolveScope(ctx.db, b, network.slug),
      ]);
      const results = await Promise.allSettled([
        changeRole(ctx.deps, { actor: a, scope: sa, personId: second.id, role: 'volunteer' }),
        changeRole(ctx.deps, { actor: b, scope: sb, personId: admin.id, role: 'volunteer' }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, `round ${round}`);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      assert.equal(refused.reason.code, 'LAST_ADMIN');
      assert.equal(await countAdmins(ctx.db, network.id), 1);
    }
  });
});
