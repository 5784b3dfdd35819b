import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MINUTE } from '../../src/shared/clock.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeAccount, PASSWORD } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';

describe('sign-in, sessions and sign-out', () => {
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext();
  });
  after(() => ctx.close());

  it('signs in with email, sets an httpOnly SameSite session cookie, and signs out', async () => {
    const person = await makeAccount(ctx, { name: 'Ana' });
    const a = agent(ctx.app);
    const res = await a.signIn(person.email.toUpperCase());
    assert.equal(res.statusCode, 303);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /mutua_session=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const home = await a.get('/account');
    assert.equal(home.statusCode, 200);
    assert.match(text(home.body), /My account/);

    const out = await a.post('/sign-out', {});
    assert.equal(out.statusCode, 303);
    const after = await a.get('/account');
    assert.equal(after.statusCode, 302, 'the account page sends a signed-out person to sign in');
  });

  it('signs in with a phone number typed another way', async () => {
    const person = await makeAccount(ctx, { phone: '+1 555 010 7777' });
    const a = agent(ctx.app);
    const res = await a.signIn('+1 (555) 010-7777');
    assert.equal(res.statusCode, 303);
    assert.ok(a.cookie('mutua_session'));
    assert.ok(person.id);
  });

  it('a wrong password comes back at the field, keeps the identifier, and never echoes the password', async () => {
    const person = await makeAccount(ctx);
    const a = agent(ctx.app);
    const res = await a.signIn(person.email, 'wrong password here');
    assert.equal(res.statusCode, 401);
    assert.match(res.body, /id="field-password-error"/);
    assert.match(res.body, new RegExp(`value="${person.email}"`));
    assert.doesNotMatch(res.body, /wrong password here/);
    assert.equal(a.cookie('mutua_session'), undefined);
  });

  it('an empty form names each missing field and keeps what was typed', async () => {
    const a = agent(ctx.app);
    const res = await a.submit('/sign-in', '/sign-in', {
      identifier: 'someone@example.org',
      password: '',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#field-password"/);
    assert.match(res.body, /value="someone@example.org"/);
  });

  it('five wrong passwords lock the account for the window, even for the right password; then it opens again', async () => {
    const person = await makeAccount(ctx);
    const a = agent(ctx.app);
    for (let i = 0; i < 5; i++) {
      const res = await a.signIn(person.email, `wrong-${i}-password`);
      assert.equal(res.statusCode, 401, `attempt ${i + 1} is an ordinary failure`);
    }
    const locked = await a.signIn(person.email, PASSWORD);
    assert.equal(locked.statusCode, 429);
    assert.match(text(locked.body), /Too many tries\. Please wait 15 minutes/);
    assert.equal(a.cookie('mutua_session'), undefined);

    // Another person's account is not affected.
    const other = await makeAccount(ctx);
    assert.equal((await agent(ctx.app).signIn(other.email)).statusCode, 303);

    ctx.clock.advance(16 * MINUTE);
    assert.equal((await a.signIn(person.email, PASSWORD)).statusCode, 303);
  });

  it('refuses a form post without the CSRF token, and with a token from another visitor', async () => {
    const person = await makeAccount(ctx);
    const a = agent(ctx.app);
    await a.get('/sign-in');
    const none = await a.post(
      '/sign-in',
      { identifier: person.email, password: PASSWORD },
      { csrf: null },
    );
    assert.equal(none.statusCode, 403);
    assert.match(text(none.body), /This form had expired/);

    const b = agent(ctx.app);
    await b.get('/sign-in');
    const foreign = await a.post(
      '/sign-in',
      { identifier: person.email, password: PASSWORD },
      { csrf: b.csrf() },
    );
    assert.equal(foreign.statusCode, 403);
  });

  it('lists sessions on the account page and ends another one, which then stops working', async () => {
    const person = await makeAccount(ctx);
    const phone = agent(ctx.app, { 'user-agent': 'Old phone' });
    await phone.signIn(person.email);
    const laptop = agent(ctx.app, { 'user-agent': 'Laptop' });
    await laptop.signIn(person.email);

    const page = await laptop.get('/account');
    assert.match(page.body, /Old phone/);
    const id = /action="\/account\/sessions\/([^/]+)\/revoke"/.exec(page.body)?.[1];
    assert.ok(id, 'the other session has an end button');
    const res = await laptop.post(`/account/sessions/${id}/revoke`, {});
    assert.equal(res.statusCode, 303);
    assert.equal((await phone.get('/account')).statusCode, 302, 'the ended session is signed out');
    assert.equal((await laptop.get('/account')).statusCode, 200, 'this session goes on');
  });

  it('does not follow a next= that leaves the site', async () => {
    const person = await makeAccount(ctx);
    const a = agent(ctx.app);
    await a.get('/sign-in');
    const res = await a.post('/sign-in?next=//evil.example/x', {
      identifier: person.email,
      password: PASSWORD,
    });
    assert.equal(res.headers.location, '/');
  });
});
