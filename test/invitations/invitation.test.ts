import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role } from '../../src/domain/access/roles.ts';
import { en } from '../../src/i18n/en.ts';
import { contactIndex } from '../../src/server/privacy/person-contact.ts';
import { DAY } from '../../src/shared/clock.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeAccount, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent, text } from '../helpers/http.ts';

const GOOD_PASSWORD = 'a long enough sentence';

describe('invitations', () => {
  let ctx: TestContext;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let coordinator: Agent;
  let admin: Agent;
  let invitations: string;
  /** The link of the first invitation, kept to try it again once used. */
  let usedLink: string;

  const roleOf = async (personId: string): Promise<Role | undefined> =>
    (
      await ctx.db
        .selectFrom('memberships')
        .select('role')
        .where('network_id', '=', net.network.id)
        .where('person_id', '=', personId)
        .executeTakeFirst()
    )?.role;

  /** Makes an invitation on the invitations page; returns the path of the link shown. */
  const invite = async (who: Agent, fields: Record<string, string>) => {
    const res = await who.submit(invitations, invitations, fields);
    assert.equal(res.statusCode, 201, text(res.body).slice(0, 300));
    const link = /<p class="token">(http:\/\/mutua\.test\/invite\/[A-Za-z0-9_-]+)<\/p>/.exec(
      res.body,
    )?.[1];
    assert.ok(link, 'the link is shown');
    return { res, link, path: new URL(link).pathname };
  };

  before(async () => {
    ctx = await createTestContext();
    net = await makeNetwork(ctx, { name: 'Calle Mayor', signupMode: 'invite' });
    invitations = `/n/${net.network.slug}/invitations`;
    coordinator = agent(ctx.app);
    assert.equal((await coordinator.signIn(net.members.coordinator.email)).statusCode, 303);
    admin = agent(ctx.app);
    assert.equal((await admin.signIn(net.admin.email)).statusCode, 303);
  });
  after(() => ctx.close());

  it('a coordinator makes one; the link is shown once, and only its hash is kept', async () => {
    const { res, link, path } = await invite(coordinator, { role: 'volunteer' });
    assert.ok(text(res.body).includes(en['invitations.created']));
    usedLink = path;
    const again = await coordinator.get(invitations);
    assert.equal(again.statusCode, 200);
    assert.ok(!again.body.includes(link), 'not shown a second time');
    assert.ok(text(again.body).includes(en['invitations.status.pending']));
    const rows = await ctx.db.selectFrom('invitations').select(['token_hash', 'role']).execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.role, 'volunteer');
    assert.ok(!link.includes(rows[0]?.token_hash ?? ''));
  });

  it('a stranger opens it, makes an account through it, and joins with the invited role', async () => {
    const stranger = agent(ctx.app);
    const page = await stranger.get(usedLink);
    assert.equal(page.statusCode, 200);
    assert.ok(text(page.body).includes('You have been invited to join as: Volunteer.'));

    const mistake = await stranger.post(usedLink, { displayName: 'Inés', password: 'short' });
    assert.equal(mistake.statusCode, 422, 'a mistake in the form does not use up the link');
    assert.match(mistake.body, /id="field-password-error"/);

    const res = await stranger.post(usedLink, {
      displayName: 'Inés',
      email: 'ines@example.org',
      password: GOOD_PASSWORD,
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/n/${net.network.slug}?done=welcome`);
    assert.ok(stranger.cookie('mutua_session'), 'signed in');
    const person = await ctx.db
      .selectFrom('people')
      .select('id')
      .where(
        'email_index',
        '=',
        contactIndex(ctx.config.keys, { kind: 'email', value: 'ines@example.org' }),
      )
      .executeTakeFirstOrThrow();
    assert.equal(await roleOf(person.id), 'volunteer');
    const home = await stranger.get(`/n/${net.network.slug}`);
    assert.ok(text(home.body).includes('Your role here: Volunteer.'));
  });

  it('the used link no longer works (410)', async () => {
    const before = (await ctx.db.selectFrom('people').select('id').execute()).length;
    const other = agent(ctx.app);
    const page = await other.get(usedLink);
    assert.equal(page.statusCode, 410);
    assert.ok(text(page.body).includes(en['error.invitationInvalid']));
    await other.get('/sign-in');
    const post = await other.post(usedLink, {
      displayName: 'Second Comer',
      email: 'second@example.org',
      password: GOOD_PASSWORD,
    });
    assert.equal(post.statusCode, 410);
    assert.equal((await ctx.db.selectFrom('people').select('id').execute()).length, before);
  });

  it('a withdrawn invitation gives 410', async () => {
    const { path } = await invite(coordinator, { role: 'neighbour', email: 'maybe@example.org' });
    const list = await coordinator.get(invitations);
    const ids = [...list.body.matchAll(/action="[^"]*\/invitations\/([^/"]+)\/revoke"/g)];
    assert.equal(ids.length, 1, 'only the waiting invitation can be withdrawn');
    const res = await coordinator.post(`${invitations}/${ids[0]?.[1]}/revoke`, {});
    assert.equal(res.statusCode, 303);
    assert.ok(text((await coordinator.get(invitations)).body).includes('Withdrawn'));
    assert.equal((await agent(ctx.app).get(path)).statusCode, 410);
  });

  it('a signed-in member accepting keeps a higher role: never demoted', async () => {
    const { path } = await invite(admin, { role: 'neighbour' });
    const page = await coordinator.get(path);
    assert.equal(page.statusCode, 200);
    assert.ok(text(page.body).includes(`You will join as ${net.members.coordinator.name}.`));
    const res = await coordinator.post(path, {});
    assert.equal(res.statusCode, 303);
    assert.equal(await roleOf(net.members.coordinator.id), 'coordinator');
  });

  it('a signed-in person from elsewhere accepting joins with the invited role', async () => {
    const outsider = await makeAccount(ctx, { name: 'Outsider Olga' });
    const a = agent(ctx.app);
    assert.equal((await a.signIn(outsider.email)).statusCode, 303);
    const { path } = await invite(admin, { role: 'coordinator' });
    await a.get(path);
    assert.equal((await a.post(path, {})).statusCode, 303);
    assert.equal(await roleOf(outsider.id), 'coordinator');
  });

  it('each action is in the audit log for the admin; role changes show from and to', async () => {
    const change = await admin.submit(
      `/n/${net.network.slug}/people/${net.members.volunteer.id}`,
      `/n/${net.network.slug}/people/${net.members.volunteer.id}/role`,
      { role: 'coordinator' },
    );
    assert.equal(change.statusCode, 303);

    const res = await admin.get(`/n/${net.network.slug}/audit`);
    assert.equal(res.statusCode, 200);
    const body = text(res.body);
    for (const action of [
      'invitation.created',
      'invitation.accepted',
      'invitation.revoked',
      'member.role_changed',
    ] as const) {
      assert.ok(body.includes(en[`audit.action.${action}`]), `shows ${action}`);
    }
    assert.ok(body.includes('from: Volunteer · to: Coordinator'), body);
    assert.ok(body.includes('Inés'), 'the new member is named as the subject');
    assert.ok(!body.includes('maybe@example.org'), 'no email addresses in the log');

    const created = await admin.get(`/n/${net.network.slug}/audit?action=invitation.created`);
    const rows = created.body.match(/<tr/g)?.length ?? 0;
    assert.equal(rows - 1, 4, 'one entry per invitation made');

    const notAdmin = await coordinator.get(`/n/${net.network.slug}/audit`);
    assert.equal(notAdmin.statusCode, 403);
  });

  it('an invitation older than two weeks gives 410', async () => {
    const { path } = await invite(coordinator, { role: 'neighbour' });
    assert.equal((await agent(ctx.app).get(path)).statusCode, 200);
    ctx.clock.advance(15 * DAY);
    const stranger = agent(ctx.app);
    assert.equal((await stranger.get(path)).statusCode, 410);
    await stranger.get('/sign-in');
    const post = await stranger.post(path, {
      displayName: 'Too Late',
      email: 'late@example.org',
      password: GOOD_PASSWORD,
    });
    assert.equal(post.statusCode, 410);
    const list = await coordinator.get(invitations);
    assert.ok(text(list.body).includes(en['invitations.status.expired']));
  });
});
