import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { openSignupLink } from '../../src/server/auth/signup.service.ts';
import { messageFromRow } from '../../src/server/outbox/outbox.repository.ts';
import { openMessage } from '../../src/server/outbox/outbox.service.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { contactIndex } from '../../src/server/privacy/person-contact.ts';
import { rotateKeys } from '../../src/server/privacy/rotate-keys.ts';
import { DAY } from '../../src/shared/clock.ts';
import { newKeySpec, parseKeyRing } from '../../src/shared/crypto.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { addMember, makeAccount, makeNetwork } from '../helpers/factories.ts';
import { agent, text } from '../helpers/http.ts';
import { startSmsGateway } from '../helpers/sms-gateway.ts';
import { startSmtp } from '../helpers/smtp.ts';

const GOOD_PASSWORD = 'a long enough sentence';

/** The text of a field's error message, as the page shows it under the field. */
function fieldError(html: string, name: string): string | null {
  const m = new RegExp(`<p class="error" id="field-${name}-error">([^<]*)</p>`).exec(html);
  return m ? text(m[1] ?? '') : null;
}

/** The link to finish joining, from an email or a text. */
const confirmLink = (body: string) =>
  /http:\/\/mutua\.test(\/join\/confirm\/[A-Za-z0-9_-]+)/.exec(body)?.[1];

/**
 * What an onlooker can compare between two answers: status, headers and body, with what
 * changes on every answer anyway (date, the CSRF token and cookie, the CSP nonce) blanked.
 */
function observable(res: LightMyRequestResponse) {
  const headers = { ...res.headers };
  for (const h of ['date', 'set-cookie']) delete headers[h];
  const blank = (s: string) =>
    s
      .replace(/nonce-[A-Za-z0-9+/=_-]+/g, 'nonce-X')
      .replace(/nonce="[^"]*"/g, 'nonce="X"')
      .replace(/name="_csrf" value="[^"]*"/g, 'name="_csrf" value="X"');
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') headers[k] = blank(v);
  return { status: res.statusCode, headers, body: blank(res.body) };
}

describe(`open sign-up through /n/:slug/join (${DIALECT})`, () => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let open: Awaited<ReturnType<typeof makeNetwork>>;
  let closed: Awaited<ReturnType<typeof makeNetwork>>;

  const accounts = async () => (await ctx.db.selectFrom('people').select('id').execute()).length;
  const mailTo = (address: string) => smtp.inbox.filter((m) => m.to.includes(address));
  const join = () => `/n/${open.network.slug}/join`;

  before(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext({ smtpUrl: smtp.url });
    open = await makeNetwork(ctx, { name: 'Open Street' });
    closed = await makeNetwork(ctx, { name: 'Closed Yard', signupMode: 'invite' });
  });
  after(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('a new email: "check your email"; the emailed link makes the account, a neighbour membership and a session', async () => {
    const before = await accounts();
    const a = agent(ctx.app);
    assert.equal((await a.get(join())).statusCode, 200);
    const res = await a.post(join(), {
      displayName: 'Marisol',
      email: 'Marisol@Example.org',
      password: GOOD_PASSWORD,
      language: 'en',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/n/${open.network.slug}/join/sent`);
    assert.equal(a.cookie('mutua_session'), undefined, 'not signed in yet');
    assert.equal(await accounts(), before, 'no account until the link is opened');
    const sent = await a.get(String(res.headers.location));
    assert.equal(sent.statusCode, 200);
    assert.ok(text(sent.body).includes(en['join.sent.title']));

    assert.equal((await drainOutbox(ctx.deps)).sent, 1);
    const [mail] = mailTo('marisol@example.org');
    assert.ok(mail, 'the email arrived at the SMTP server');
    assert.equal(mail.subject, 'Finish joining Open Street');
    const link = confirmLink(mail.text);
    assert.ok(link, mail.text);

    // Opening the link (as a mail scanner would) makes nothing; the button does.
    const page = await a.get(link);
    assert.equal(page.statusCode, 200);
    assert.ok(text(page.body).includes('Hello Marisol.'));
    assert.equal(await accounts(), before);
    const done = await a.post(link, {});
    assert.equal(done.statusCode, 303);
    assert.equal(done.headers.location, `/n/${open.network.slug}?done=joined`);
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
    assert.ok(person.password_hash?.startsWith('$argon2id$'), 'the hash made from the form');
    const membership = await ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('network_id', '=', open.network.id)
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    assert.equal(membership.role, 'neighbour');
    const home = await a.get(String(done.headers.location));
    assert.ok(text(home.body).includes(en['done.joined']));
    assert.ok(text(home.body).includes('Your role here: Neighbour.'));
    assert.equal(
      (await agent(ctx.app).signIn('marisol@example.org', GOOD_PASSWORD)).statusCode,
      303,
      'the password typed on the form signs in',
    );
    const pending = await ctx.db.selectFrom('signup_confirmations').select('id').execute();
    assert.equal(pending.length, 0, 'nothing of the form is kept once used');

    const b = agent(ctx.app);
    await b.get('/sign-in'); // a page with a form, for a valid CSRF token
    const again = await b.post(link, {});
    assert.equal(again.statusCode, 410, 'the link works once');
    assert.equal(b.cookie('mutua_session'), undefined);
    assert.equal((await agent(ctx.app).get(link)).statusCode, 410);
  });

  it('an email that has an account: the same answer, byte for byte; its owner is emailed, in their language', async () => {
    const owner = await makeAccount(ctx, { name: 'Lucía', language: 'es' });
    const fresh = 'nobody-yet@example.org';
    const send = async (email: string) => {
      const a = agent(ctx.app);
      await a.get(join());
      const post = await a.post(join(), {
        displayName: 'Curious',
        email,
        password: GOOD_PASSWORD,
      });
      const page = await a.get(String(post.headers.location));
      return { post, page, signedIn: a.cookie('mutua_session') !== undefined };
    };
    const before = await accounts();
    const known = await send(owner.email.toUpperCase());
    const unknown = await send(fresh);
    assert.deepEqual(observable(known.post), observable(unknown.post), 'the redirect');
    assert.deepEqual(observable(known.page), observable(unknown.page), 'the page after it');
    assert.equal(known.post.body, '', 'nothing in the body');
    assert.equal(known.signedIn, false);
    assert.equal(unknown.signedIn, false);
    assert.ok(!known.page.body.includes(owner.email), 'the page names no address');
    assert.equal(await accounts(), before);

    await drainOutbox(ctx.deps);
    const [notice] = mailTo(owner.email);
    assert.ok(notice, 'the owner’s email arrived at the SMTP server');
    assert.equal(notice.subject, 'Alguien intentó unirse a Open Street con su correo');
    assert.match(notice.text, /Hola, Lucía:/);
    assert.ok(
      notice.text.includes(
        `http://mutua.test/sign-in?next=${encodeURIComponent(`/n/${open.network.slug}/join`)}`,
      ),
      'a way to sign in and join',
    );
    assert.ok(notice.text.includes('http://mutua.test/password/forgot'), 'and to reset');
    assert.equal(confirmLink(notice.text), undefined, 'no link that makes an account');
    assert.ok(confirmLink(mailTo(fresh)[0]?.text ?? ''), 'the new address got its link');

    // Trying again within the hour does not flood the owner's inbox.
    await send(owner.email);
    await drainOutbox(ctx.deps);
    assert.equal(mailTo(owner.email).length, 1);

    // The owner follows the email: signs in, and joins with one press.
    const o = agent(ctx.app);
    const signIn = await o.submit('/sign-in', `/sign-in?next=/n/${open.network.slug}/join`, {
      identifier: owner.email,
      password: 'correct horse battery',
    });
    assert.equal(signIn.headers.location, join());
    const joinPage = await o.get(join());
    assert.equal(joinPage.statusCode, 200);
    assert.ok(text(joinPage.body).includes('Inició sesión como Lucía'), text(joinPage.body));
    const joined = await o.post(join(), {});
    assert.equal(joined.statusCode, 303);
    assert.equal(joined.headers.location, `/n/${open.network.slug}?done=joined`);
    const role = await ctx.db
      .selectFrom('memberships')
      .select('role')
      .where('network_id', '=', open.network.id)
      .where('person_id', '=', owner.id)
      .executeTakeFirstOrThrow();
    assert.equal(role.role, 'neighbour');
    assert.equal((await o.get(join())).statusCode, 302, 'a member is sent to the network page');
  });

  it('a form with mistakes comes back with each at its field, what was typed kept, the password not', async () => {
    const before = await accounts();
    const a = agent(ctx.app);
    const res = await a.submit(join(), join(), {
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
    const a = agent(ctx.app);
    const res = await a.submit(join(), join(), {
      displayName: 'Nadie',
      email: '',
      phone: '',
      password: GOOD_PASSWORD,
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'email'), en['field.emailOrPhone']);
    assert.match(res.body, /value="Nadie"/);
    assert.ok(!res.body.includes(GOOD_PASSWORD));
  });

  it('a phone that is not a phone: the error is at the phone field', async () => {
    const a = agent(ctx.app);
    const res = await a.submit(join(), join(), {
      displayName: 'Tel',
      phone: 'call me maybe',
      password: GOOD_PASSWORD,
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'phone'), en['field.phoneInvalid']);
    assert.match(res.body, /value="call me maybe"/);
  });

  it('only a phone, and this server sends no texts: asked for an email, what was typed kept', async () => {
    const a = agent(ctx.app);
    const res = await a.submit(join(), join(), {
      displayName: 'Solo Tel',
      phone: '+1 555 010 9999',
      password: GOOD_PASSWORD,
    });
    assert.equal(res.statusCode, 422);
    assert.equal(fieldError(res.body, 'email'), en['join.emailNeeded']);
    assert.match(res.body, /value="\+1 555 010 9999"/);
  });

  it('a link older than a day no longer works, and what was typed is gone with it', async () => {
    const a = agent(ctx.app);
    await a.submit(join(), join(), {
      displayName: 'Late',
      email: 'late@example.org',
      password: GOOD_PASSWORD,
    });
    await drainOutbox(ctx.deps);
    const link = confirmLink(mailTo('late@example.org')[0]!.text)!;
    ctx.clock.advance(DAY + 1000);
    const res = await agent(ctx.app, { 'accept-language': 'es' }).get(link);
    assert.equal(res.statusCode, 410);
    assert.ok(text(res.body).includes(es['error.signupLinkInvalid']));
    // The next sign-up clears rows past their day.
    await agent(ctx.app).submit(join(), join(), {
      displayName: 'Next',
      email: 'next@example.org',
      password: GOOD_PASSWORD,
    });
    assert.equal(
      (await ctx.db.selectFrom('signup_confirmations').select('id').execute()).length,
      1,
      'only the live one',
    );
  });

  it('what waits for its link is sealed: no name, email or password hash in the clear', async () => {
    await agent(ctx.app).submit(join(), join(), {
      displayName: 'Sealed Person',
      email: 'sealed@example.org',
      password: GOOD_PASSWORD,
    });
    const rows = await ctx.db.selectFrom('signup_confirmations').selectAll().execute();
    assert.ok(rows.length > 0);
    for (const r of rows) {
      const all = JSON.stringify(r);
      assert.ok(
        !all.includes('Sealed Person') && !all.includes('sealed@') && !all.includes('argon2'),
      );
    }
  });

  it('an invite-only network refuses /join (403), and its form post sends nothing', async () => {
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
    await drainOutbox(ctx.deps);
    assert.equal(mailTo('gatecrasher@example.org').length, 0);
    const member = agent(ctx.app);
    await member.signIn(open.members.neighbour.email);
    assert.equal((await member.get(`/n/${closed.network.slug}/join`)).statusCode, 403);
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
    assert.ok(!body.includes('Curious'), 'nor one with a taken address');
    assert.ok(!body.includes('marisol@example.org'), 'no contact details in the log');
  });
});

describe(`joining with only a phone, by text (${DIALECT})`, () => {
  let ctx: TestContext;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let open: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    gateway = await startSmsGateway();
    ctx = await createTestContext({ env: gateway.env });
    open = await makeNetwork(ctx, { name: 'Text Street' });
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
  });

  it('a new phone gets the link by text; a phone with an account, the same answer and a notice', async () => {
    const holder = await addMember(ctx, open.network, 'volunteer', { phone: '+15550701002' });
    const join = `/n/${open.network.slug}/join`;
    const send = async (phone: string) => {
      const a = agent(ctx.app);
      await a.get(join);
      const post = await a.post(join, { displayName: 'Tel', phone, password: GOOD_PASSWORD });
      return { a, post };
    };
    const fresh = await send('+1 555 070 1001');
    const taken = await send('+1 555 070 1002');
    assert.deepEqual(observable(fresh.post), observable(taken.post));
    await drainOutbox(ctx.deps);
    const [link] = gateway.to('+15550701001').map((m) => m.body);
    assert.match(link!, /^To finish joining Text Street, open within 24 hours: /);
    const [notice] = gateway.to('+15550701002').map((m) => m.body);
    assert.match(notice!, /^Someone tried to join Text Street with this number/);
    assert.equal(confirmLink(notice!), undefined);
    assert.ok(holder);

    const path = confirmLink(link!)!;
    await fresh.a.get(path);
    const done = await fresh.a.post(path, {});
    assert.equal(done.headers.location, `/n/${open.network.slug}?done=joined`);
    const row = await ctx.db
      .selectFrom('people')
      .select('display_name')
      .where(
        'phone_index',
        '=',
        contactIndex(ctx.config.keys, { kind: 'phone', value: '+15550701001' }),
      )
      .executeTakeFirstOrThrow();
    assert.equal(row.display_name, 'Tel');
  });

  it('an email with a phone that another account uses: joined by the email link, the phone left out, and said so', async () => {
    await addMember(ctx, open.network, 'neighbour', { phone: '+15550701003' });
    const join = `/n/${open.network.slug}/join`;
    const a = agent(ctx.app);
    await a.submit(join, join, {
      displayName: 'Both',
      email: 'both@example.org',
      phone: '+15550701003',
      password: GOOD_PASSWORD,
    });
    // No SMTP here: the email waits in the outbox; read its link from there as the worker would.
    const row = await ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('kind', '=', 'signup.confirm')
      .where('channel', '=', 'email')
      .executeTakeFirstOrThrow();
    const path = confirmLink(openMessage(ctx.deps, messageFromRow(row)).text)!;
    await a.get(path);
    const done = await a.post(path, {});
    assert.equal(done.headers.location, `/n/${open.network.slug}?done=joinedWithoutPhone`);
    const home = await a.get(String(done.headers.location));
    assert.ok(text(home.body).includes(en['done.joinedWithoutPhone']));
    const person = await ctx.db
      .selectFrom('people')
      .select('phone_enc')
      .where(
        'email_index',
        '=',
        contactIndex(ctx.config.keys, { kind: 'email', value: 'both@example.org' }),
      )
      .executeTakeFirstOrThrow();
    assert.equal(person.phone_enc, null);
  });
});

describe(`a sign-up waiting for its link survives key rotation (${DIALECT})`, () => {
  const oldKey = newKeySpec('old');
  let ctx: TestContext;
  before(async () => {
    ctx = await createTestContext({ env: { ENCRYPTION_KEYS: oldKey } });
  });
  after(() => ctx.close());

  it('rotation re-seals it; the link opens with the new key alone', async () => {
    const open = await makeNetwork(ctx, { name: 'Rotating' });
    const join = `/n/${open.network.slug}/join`;
    await agent(ctx.app).submit(join, join, {
      displayName: 'Rota',
      email: 'rota@example.org',
      password: GOOD_PASSWORD,
    });
    const message = await ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('kind', '=', 'signup.confirm')
      .executeTakeFirstOrThrow();
    const token = confirmLink(openMessage(ctx.deps, messageFromRow(message)).text)!
      .split('/')
      .pop()!;
    const newKey = newKeySpec('new');
    const rotated = loadConfig({
      DATA_DIR: ctx.config.dataDir,
      SECRET_KEY: ctx.config.secretKey,
      ENCRYPTION_KEYS: `${newKey},${oldKey}`,
      DATABASE_URL: ctx.config.databaseUrl,
    });
    await rotateKeys({ db: ctx.db, config: rotated });
    const row = await ctx.db
      .selectFrom('signup_confirmations')
      .select('payload_enc')
      .executeTakeFirstOrThrow();
    assert.match(row.payload_enc, /^v1\.new\./);
    const onlyNew = {
      ...ctx.deps,
      config: { ...ctx.config, keys: parseKeyRing(newKey, ctx.config.secretKey) },
    };
    const opened = await openSignupLink(onlyNew, token);
    assert.equal(opened.displayName, 'Rota');
  });
});
