import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeAccount, makeNetwork, PASSWORD } from '../helpers/factories.ts';
import { agent } from '../helpers/http.ts';
import { startSmtp } from '../helpers/smtp.ts';

describe('security basics', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const log: string[] = [];
  before(async () => {
    smtp = await startSmtp();
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => log.push(c.toString('utf8')));
    ctx = await createTestContext({
      smtpUrl: smtp.url,
      logStream: stream,
      env: { LOG_LEVEL: 'info' },
    });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('sends a strict Content-Security-Policy and the other security headers on pages and errors', async () => {
    for (const url of ['/', '/sign-in', '/no/such/page', '/api/v1/networks/none']) {
      const res = await ctx.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['x-frame-options'], 'DENY');
      assert.equal(res.headers['referrer-policy'], 'same-origin');
    }
  });

  it('pages carry no inline script or style, so the CSP costs them nothing', async () => {
    const res = await ctx.app.inject({ url: '/sign-in' });
    assert.doesNotMatch(res.body, /<script|style=|<style/);
  });

  it('a body too large, or a broken path, is a translated error without internals', async () => {
    const broken = await ctx.app.inject({
      url: '/n/%E0%A4%A/people',
      headers: { 'accept-language': 'es' },
    });
    assert.ok(broken.statusCode >= 400 && broken.statusCode < 500, `status ${broken.statusCode}`);
    assert.match(broken.headers['content-type'] as string, /text\/html/);
    assert.doesNotMatch(broken.body, /FST_|Error:|\.ts:\d/);
    const big = await ctx.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'es' },
      payload: `identifier=${'a'.repeat(3_000_000)}`,
    });
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /demasiado/i);
    assert.doesNotMatch(big.body, /FST_|Error:|\.ts:\d/);
  });

  it('a failure of our own (the database gone) is a plain translated 500 page, and healthz says 503', async () => {
    const broken = await createTestContext();
    try {
      await broken.db.destroy();
      const res = await broken.app.inject({ url: '/', headers: { 'accept-language': 'es' } });
      assert.equal(res.statusCode, 500);
      assert.match(res.body, /<html lang="es"/);
      assert.doesNotMatch(res.body, /Error:|\.ts:\d|at /);
      const health = await broken.app.inject({ url: '/healthz' });
      assert.equal(health.statusCode, 503);
    } finally {
      await broken.close();
    }
  });

  it('writes no password, session token, cookie or one-time link into the log', async () => {
    const person = await makeAccount(ctx);
    const { network, admin } = await makeNetwork(ctx);
    const a = agent(ctx.app);
    await a.signIn(person.email);
    const session = a.cookie('mutua_session')!;
    await a.get('/account');
    await agent(ctx.app).submit('/password/forgot', '/password/forgot', { email: person.email });
    await drainOutbox(ctx.deps);
    const link = /\/password\/reset\/[A-Za-z0-9_-]+/.exec(smtp.inbox.at(-1)!.text)![0];
    await agent(ctx.app).get(link);
    const adminAgent = agent(ctx.app);
    await adminAgent.signIn(admin.email);
    const inv = await adminAgent.submit(
      `/n/${network.slug}/invitations`,
      `/n/${network.slug}/invitations`,
      { role: 'volunteer' },
    );
    const invite = /\/invite\/[A-Za-z0-9_-]+/.exec(inv.body)![0];
    await agent(ctx.app).get(invite);

    const all = log.join('');
    assert.ok(all.includes('"url":"/account"'), 'requests are logged');
    for (const secret of [PASSWORD, session, link.split('/').pop()!, invite.split('/').pop()!]) {
      assert.ok(!all.includes(secret), `the log holds a secret: ${secret.slice(0, 6)}…`);
    }
    assert.ok(all.includes('/password/reset/[redacted]'));
  });

  it('marks cookies Secure when served over https', async () => {
    const https = await createTestContext({ env: { BASE_URL: 'https://aid.example.org' } });
    try {
      const person = await makeAccount(https);
      const res = await agent(https.app).signIn(person.email);
      assert.match(String(res.headers['set-cookie']), /Secure/);
      assert.match(String(res.headers['strict-transport-security']), /max-age=/);
    } finally {
      await https.close();
    }
  });
});
