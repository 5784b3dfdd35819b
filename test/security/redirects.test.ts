import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeAccount } from '../helpers/factories.ts';
import { agent } from '../helpers/http.ts';

/**
 * Where a person is sent back to after a form or a language switch is theirs to choose, but
 * only among our own pages: a target with a tab, a newline or a backslash that a browser
 * reads as another site must not leave, and must never reach the Location header as is
 * (Node refuses a newline there with an untranslated 500).
 */
const HOSTILE = [
  '/%09/evil.example/',
  '/%0A/evil.example/',
  '/%0D/evil.example/',
  '/%0A/x',
  '/%0D%0ASet-Cookie:%20a=b',
  '//evil.example/',
  '/%5Cevil.example/',
  '/%5C%5Cevil.example/',
  '/%09%5Cevil.example/',
  'https://evil.example/',
  'https:evil.example',
  'javascript:alert(1)',
  '%2F%2Fevil.example',
  `/${'a'.repeat(5000)}`,
];

describe('redirect targets', () => {
  let ctx: TestContext;
  const BASE = 'http://mutua.test';
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  /** Where a browser would go: the Location resolved the way a browser resolves it. */
  function lands(location: unknown): URL {
    assert.equal(typeof location, 'string');
    return new URL(location as string, BASE);
  }

  it('/language sends hostile targets home, keeps our own pages, and never answers 500', async () => {
    for (const next of HOSTILE) {
      const res = await ctx.app.inject({ url: `/language?to=es&next=${next}` });
      assert.equal(res.statusCode, 303, `${next}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      assert.equal(lands(res.headers.location).origin, BASE, `${next} -> ${res.headers.location}`);
      assert.doesNotMatch(String(res.headers.location), /[\t\r\n\\]/);
      assert.ok(res.headers['content-security-policy'], next);
    }
    const ok = await ctx.app.inject({
      url: `/language?to=es&next=${encodeURIComponent('/n/riverside?done=1#x')}`,
    });
    assert.equal(ok.headers.location, '/n/riverside?done=1#x');
  });

  it('sign-in with a hostile next signs in and sends the person to one of our pages', async () => {
    const person = await makeAccount(ctx);
    for (const next of ['/%0A/x', '/%09/evil.example/', '/%0D/x', '//evil.example']) {
      const a = agent(ctx.app);
      await a.get(`/sign-in?next=${next}`);
      const action = /<form method="post" action="(\/sign-in[^"]*)"/.exec(a.lastHtml)?.[1];
      assert.equal(action, '/sign-in?next=%2F', 'the form does not carry it on');
      const res = await a.post(`/sign-in?next=${next}`, {
        identifier: person.email,
        password: 'correct horse battery',
      });
      assert.equal(res.statusCode, 303, `${next}: ${res.body.slice(0, 200)}`);
      assert.equal(lands(res.headers.location).origin, BASE, `${next} -> ${res.headers.location}`);
      assert.ok(a.cookie('mutua_session'), 'signed in');
      // Signed in already, the sign-in page sends them on: the same check.
      const again = await a.get(`/sign-in?next=${next}`);
      assert.ok(again.statusCode >= 300 && again.statusCode < 400, String(again.statusCode));
      assert.equal(lands(again.headers.location).origin, BASE);
    }
  });
});
