import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { en } from '../../src/i18n/en.ts';
import { contactIndex } from '../../src/server/privacy/person-contact.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';

const GOOD_PASSWORD = 'a long enough sentence';

/** The text of a field's error message, as the page shows it under the field. */
function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`<p class="error" id="field-${name}-error">([^<]*)</p>`).exec(html);
  return m ? text(m[1] ?? '') : null;
}

describe('open sign-up through /n/:slug/join', () => {
  let ctx: TestContext;
  let open: Awaited<ReturnType<typeof makeNetwork>>;
  let closed: Awaited<ReturnType<typeof makeNetwork>>;

  const accounts = async () => (await ctx.db.selectFrom('people').select('id').execute()).length;

  before(async () => {
    ctx = await createTestContext();
    open = await makeNetwork(ctx, { name: 'Open Street' });
    closed = await makeNetwork(ctx, { name: 'Closed Yard', signupMode: 'invite' });
  });
  after(() => ctx.close());

  it('creates an account and a neighbour membership, and signs in', async () => {
    const a = agent(ctx.app);
    const join = `/n/${open.network.slug}/join`;
    assert.equal((await a.get(join)).statusCode, 200);
    const res = await a.post(join, {
      displayName: 'Marisol',
      email: 'Marisol@Example.org',
      password: GOOD_PASSWORD,
      language: 'en',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/n/${open.network.slug}?done=joined`);
    assert.ok(a.cookie('mutua_session'), 'signed in');

    const person = await ctx.db
      .selectFrom('people')
      .selectAll()
      .where(
        'email_index',
        '=',
        contactIndex(ctx.config.keys, { kind: 'email', value: 'marisol@example.org' }),
      )
      .executeTakeFirstOrThrow();
    assert.equal(person.display_name, 'Marisol');
    assert.notEqual(person.password_hash, GOOD_PASSWORD);
    const membership = await ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('network_id', '=', open.network.id)
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    assert.equal(membership.role, 'neighbour');

    const home = await a.get(`/n/${open.network.slug}?done=joined`);
    assert.equal(home.statusCode, 200);
    assert.ok(text(home.body).includes(en['done.joined']));
    assert.ok(text(home.body).includes('Your role here: Neighbour.'));
    assert.equal((await a.get('/account')).statusCode, 200);
  });

  it('a form with mistakes comes back with each at its field, what was typed kept, the password not', async () => {
    const before = await accounts();
    const a = agent(ctx.app);
    const res = await a.submit(`/n/${open.network.slug}/join`, `/n/${open.network.slug}/join`, {
      displayName: 'Lucía Pérez',
      email: 'lucia-at-example',
      password: 'pw-9xq',
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'email'), en['field.emailInvalid']);
    assert.equal(fieldError(res.body, 'password'), en['field.tooShort'].replace('{min}', '10'));
    assert.equal(fieldError(res.body, 'displayName'), null, 'the name was fine');
    assert.match(res.body, /href="#field-email"/, 'the summary links to the field');
    assert.match(res.body, /<input[^>]*name="displayName"[^>]*value="Lucía Pérez"/);
    assert.match(res.body, /<input[^>]*name="email"[^>]*value="lucia-at-example"/);
    assert.doesNotMatch(res.body, /<input[^>]*name="password"[^>]*value=/);
    assert.ok(!res.body.includes('pw-9xq'), 'the password is not sent back');
    assert.equal(a.cookie('mutua_session'), undefined);
    assert.equal(await accounts(), before);
  });

  it('no email and no phone: the error is at the email field', async () => {
    const before = await accounts();
    const a = agent(ctx.app);
    const res = await a.submit(`/n/${open.network.slug}/join`, `/n/${open.network.slug}/join`, {
      displayName: 'Nadie',
      email: '',
      phone: '',
      password: GOOD_PASSWORD,
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'email'), en['field.emailOrPhone']);
    assert.match(res.body, /value="Nadie"/);
    assert.ok(!res.body.includes(GOOD_PASSWORD));
    assert.equal(await accounts(), before);
  });

  it('a phone that is not a phone: the error is at the phone field', async () => {
    const a = agent(ctx.app);
    const res = await a.submit(`/n/${open.network.slug}/join`, `/n/${open.network.slug}/join`, {
      displayName: 'Tel',
      phone: 'call me maybe',
      password: GOOD_PASSWORD,
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'phone'), en['field.phoneInvalid']);
    assert.match(res.body, /value="call me maybe"/);
  });

  it('an email already in use: the error is at the email field, and no second account', async () => {
    const before = await accounts();
    const a = agent(ctx.app);
    const res = await a.submit(`/n/${open.network.slug}/join`, `/n/${open.network.slug}/join`, {
      displayName: 'Copycat',
      email: open.members.volunteer.email.toUpperCase(),
      password: GOOD_PASSWORD,
    });
    assert.ok([409, 422].includes(res.statusCode), String(res.statusCode));
    assert.equal(fieldError(res.body, 'email'), en['error.emailTaken']);
    assert.match(res.body, /value="Copycat"/);
    assert.ok(!res.body.includes(GOOD_PASSWORD));
    assert.equal(a.cookie('mutua_session'), undefined);
    assert.equal(await accounts(), before);
  });

  it('an invite-only network refuses /join (403), and its form post makes no account', async () => {
    const before = await accounts();
    const a = agent(ctx.app);
    const page = await a.get(`/n/${closed.network.slug}/join`);
    assert.equal(page.statusCode, 403);
    assert.ok(text(page.body).includes(en['error.signupInviteOnly']));
    assert.doesNotMatch(page.body, /name="password"/);

    await a.get('/sign-in');
    const post = await a.post(`/n/${closed.network.slug}/join`, {
      displayName: 'Gatecrasher',
      email: 'gatecrasher@example.org',
      password: GOOD_PASSWORD,
    });
    assert.equal(post.statusCode, 403);
    assert.equal(a.cookie('mutua_session'), undefined);
    assert.equal(await accounts(), before);
  });

  it('a signed-in person is sent from /join to the network page', async () => {
    const a = agent(ctx.app);
    assert.equal((await a.signIn(open.members.neighbour.email)).statusCode, 303);
    const res = await a.get(`/n/${open.network.slug}/join`);
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, `/n/${open.network.slug}`);
  });

  it("the sign-up is in the network's audit log, for its admin", async () => {
    const a = agent(ctx.app);
    assert.equal((await a.signIn(open.admin.email)).statusCode, 303);
    const res = await a.get(`/n/${open.network.slug}/audit?action=auth.sign_up`);
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    assert.ok(body.includes(en['audit.action.auth.sign_up']), body);
    assert.ok(body.includes('Marisol'));
    assert.ok(body.includes('role: Neighbour'));
    assert.ok(!body.includes('Gatecrasher'), 'a refused sign-up left no entry');
    assert.ok(!body.includes('marisol@example.org'), 'no contact details in the log');
  });
});
