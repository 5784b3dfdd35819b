import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { HOUR } from '../../src/shared/clock.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeAccount } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { startSmtp } from '../helpers/smtp.ts';

const NEW_PASSWORD = 'a brand new sentence';

describe('password reset by a link sent over SMTP', () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  before(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext({ smtpUrl: smtp.url });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  const linkIn = (body: string) =>
    /http:\/\/mutua\.test(\/password\/reset\/[A-Za-z0-9_-]+)/.exec(body)?.[1];

  it('emails a one-hour link in the person’s language; the link sets a new password once and signs other devices out', async () => {
    const person = await makeAccount(ctx, { name: 'Lucía', language: 'es' });
    const other = agent(ctx.app);
    await other.signIn(person.email);
    assert.ok(other.cookie('mutua_session'));

    const a = agent(ctx.app);
    const res = await a.submit('/password/forgot', '/password/forgot', { email: person.email });
    assert.equal(res.statusCode, 303);
    assert.equal((await drainOutbox(ctx.deps)).sent, 1);
    const mail = smtp.inbox.find((m) => m.to.includes(person.email));
    assert.ok(mail, 'the email arrived at the SMTP server');
    assert.match(mail.subject, /contraseña/i, 'in Spanish, the person’s language');
    assert.match(mail.text, /Lucía/);
    const path = linkIn(mail.text);
    assert.ok(path, 'the email holds the link');

    const form = await a.get(path);
    assert.equal(form.statusCode, 200);
    const short = await a.post(path, { password: 'short' });
    assert.equal(short.statusCode, 422);
    assert.match(short.body, /id="field-password-error"/);

    const done = await a.post(path, { password: NEW_PASSWORD });
    assert.equal(done.statusCode, 303);
    assert.ok(a.cookie('mutua_session'), 'signed in with the new password');
    assert.equal((await other.get('/account')).statusCode, 302, 'the other device was signed out');
    assert.equal((await agent(ctx.app).signIn(person.email, NEW_PASSWORD)).statusCode, 303);

    const again = await agent(ctx.app).get(path);
    assert.equal(again.statusCode, 410, 'a used link no longer works');
  });

  it('answers the same for an unknown email and sends nothing', async () => {
    const before = smtp.inbox.length;
    const a = agent(ctx.app);
    const res = await a.submit('/password/forgot', '/password/forgot', {
      email: 'nobody@example.org',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/password/forgot?sent=1');
    assert.equal((await drainOutbox(ctx.deps)).sent, 0);
    assert.equal(smtp.inbox.length, before);
  });

  it('a link older than an hour has expired', async () => {
    const person = await makeAccount(ctx);
    await agent(ctx.app).submit('/password/forgot', '/password/forgot', { email: person.email });
    await drainOutbox(ctx.deps);
    const path = linkIn(smtp.inbox.find((m) => m.to.includes(person.email))!.text)!;
    ctx.clock.advance(HOUR + 1000);
    const res = await agent(ctx.app).get(path);
    assert.equal(res.statusCode, 410);
    assert.match(text(res.body), /expired/);
  });

  it('a malformed email comes back at the field with what was typed', async () => {
    const a = agent(ctx.app);
    const res = await a.submit('/password/forgot', '/password/forgot', { email: 'not-an-email' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /id="field-email-error"/);
    assert.match(res.body, /value="not-an-email"/);
  });
});
