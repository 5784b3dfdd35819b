import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prepareSetupLink } from '../../src/server/setup/setup.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { agent, text } from '../helpers/http.ts';

describe('first start: the one-time setup link', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  it('creates the first operator and network once; the link then stops working', async () => {
    const link = await prepareSetupLink(ctx.deps);
    assert.ok(link);
    const path = new URL(link).pathname;
    const a = agent(ctx.app);
    assert.equal((await a.get(path)).statusCode, 200);

    const bad = await a.post(path, {
      name: 'Eastside',
      slug: 'Bad Slug!',
      defaultLanguage: 'en',
      displayName: 'Olu',
      email: 'olu@example.org',
      password: 'short',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /id="field-slug-error"/);
    assert.match(bad.body, /id="field-password-error"/);
    assert.match(bad.body, /value="Eastside"/, 'what was typed is kept');

    const ok = await a.post(path, {
      name: 'Eastside',
      slug: 'eastside',
      defaultLanguage: 'en',
      displayName: 'Olu',
      email: 'olu@example.org',
      password: 'a long enough password',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/n/eastside/settings?done=created');
    const settings = await a.get('/n/eastside/settings');
    assert.equal(settings.statusCode, 200, 'the new operator administers the network');
    assert.match(text((await a.get('/')).body), /New network/);

    assert.equal((await agent(ctx.app).get(path)).statusCode, 410);
    assert.equal(await prepareSetupLink(ctx.deps), null, 'no new link once an operator exists');
  });

  it('a made-up setup token is refused', async () => {
    assert.equal((await agent(ctx.app).get('/setup/not-a-real-token')).statusCode, 410);
  });
});
