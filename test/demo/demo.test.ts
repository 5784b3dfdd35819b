import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/server/demo/seed-demo.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { agent, text } from '../helpers/http.ts';

describe('the demo network', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ env: { MUTUA_DEMO: '1' } });
    assert.equal(await seedDemo(ctx.deps), true);
  });
  after(() => ctx.close());

  it('is seeded once', async () => {
    assert.equal(await seedDemo(ctx.deps), false);
  });

  it('shows a living network on the home page', async () => {
    const page = text((await agent(ctx.app).get('/')).body);
    assert.match(page, /Riverside Mutual Aid/);
    assert.match(page, /Hillcrest/);
  });

  for (const account of DEMO_ACCOUNTS) {
    it(`lets the ${account.role} sign in with the README's password and see the matching menu`, async () => {
      const a = agent(ctx.app);
      assert.equal((await a.signIn(account.email, DEMO_PASSWORD)).statusCode, 303);
      const page = (await a.get('/n/riverside')).body;
      // Coordinators reach the settings page for its one setting of theirs (requests per
      // address and hour); the audit log stays the admin's.
      assert.equal(
        /href="\/n\/riverside\/settings"/.test(page),
        account.role === 'coordinator' || account.role === 'admin',
        'settings for coordinators and the admin',
      );
      assert.equal(
        /href="\/n\/riverside\/audit"/.test(page),
        account.role === 'admin',
        'the audit log only for the admin',
      );
      assert.equal(
        /href="\/n\/riverside\/people"/.test(page),
        account.role === 'coordinator' || account.role === 'admin',
      );
    });
  }

  it('has open needs in the queue, and the demo volunteer holds one with its address', async () => {
    const c = agent(ctx.app);
    await c.signIn('coordinator@demo.mutua.test', DEMO_PASSWORD);
    const queue = await c.get('/n/riverside/requests');
    assert.equal(queue.statusCode, 200, queue.body.slice(0, 200));
    assert.equal(queue.body.match(/href="\/n\/riverside\/requests\/[0-9a-f-]{36}"/g)?.length, 7);
    const v = agent(ctx.app);
    await v.signIn('volunteer@demo.mutua.test', DEMO_PASSWORD);
    const tasks = await v.get('/n/riverside/tasks');
    const mine = /href="(\/n\/riverside\/tasks\/[0-9a-f-]{36})"/.exec(tasks.body)![1]!;
    assert.match((await v.get(mine)).body, /10 Demo Street/);
  });

  it('refuses to seed outside demo mode', async () => {
    const prod = await createTestContext();
    try {
      await assert.rejects(seedDemo(prod.deps), /MUTUA_DEMO=1/);
    } finally {
      await prod.close();
    }
  });
});
