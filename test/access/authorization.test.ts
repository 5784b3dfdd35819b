import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Role } from '../../src/domain/access/roles.ts';
import type { Network } from '../../src/server/core/network.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { addMember, makeAccount, makeNetwork } from '../helpers/factories.ts';
import { type Agent, agent } from '../helpers/http.ts';

/**
 * The authorisation matrix, seen from whoever must be refused: every page and every form of
 * a network, for every kind of visitor. A refused form must leave the database as it was.
 */
type Who = 'anonymous' | 'stranger' | Role;
/** A stranger is signed in but not a member. */
const WHO = ['anonymous', 'stranger', 'neighbour', 'volunteer', 'coordinator', 'admin'] as const;
const row = (...statuses: number[]) =>
  Object.fromEntries(WHO.map((who, i) => [who, statuses[i]])) as Record<Who, number>;

/** Expected status of each page, by who asks. */
const PAGES: Record<string, Record<Who, number>> = {
  // columns: anonymous, stranger, neighbour, volunteer, coordinator, admin
  '/n/:slug': row(200, 200, 200, 200, 200, 200),
  '/n/:slug/people': row(401, 403, 403, 403, 200, 200),
  '/n/:slug/people/new': row(401, 403, 403, 403, 200, 200),
  '/n/:slug/people/:id': row(401, 403, 403, 403, 200, 200),
  '/n/:slug/invitations': row(401, 403, 403, 403, 200, 200),
  // Coordinators see the settings page with the one setting they may change (requests per
  // address and hour); the other settings and the areas stay the admins' (tested below).
  '/n/:slug/settings': row(401, 403, 403, 403, 200, 200),
  '/n/:slug/audit': row(401, 403, 403, 403, 403, 200),
};

type Form = 'addPerson' | 'changeRole' | 'removeMember' | 'invite' | 'settings' | 'addArea';
/** Each refused form post: who, the status, and (when it matters) fields other than the usual. */
const REFUSED: [Form, Who, number, Record<string, string>?][] = [
  ['addPerson', 'anonymous', 401],
  ['addPerson', 'stranger', 403],
  ['addPerson', 'neighbour', 403],
  ['addPerson', 'volunteer', 403],
  ['addPerson', 'coordinator', 403, { displayName: 'Too High', role: 'coordinator' }],
  ['changeRole', 'anonymous', 401],
  ['changeRole', 'stranger', 403],
  ['changeRole', 'neighbour', 403],
  ['changeRole', 'volunteer', 403],
  ['changeRole', 'coordinator', 403],
  ['removeMember', 'anonymous', 401],
  ['removeMember', 'stranger', 403],
  ['removeMember', 'neighbour', 403],
  ['removeMember', 'volunteer', 403],
  ['removeMember', 'coordinator', 403],
  ['invite', 'anonymous', 401],
  ['invite', 'stranger', 403],
  ['invite', 'neighbour', 403],
  ['invite', 'volunteer', 403],
  ['invite', 'coordinator', 403, { role: 'admin' }],
  ['invite', 'coordinator', 403, { role: 'coordinator' }],
  ['settings', 'anonymous', 401],
  ['settings', 'stranger', 403],
  ['settings', 'neighbour', 403],
  ['settings', 'volunteer', 403],
  ['settings', 'coordinator', 403],
  ['addArea', 'anonymous', 401],
  ['addArea', 'stranger', 403],
  ['addArea', 'neighbour', 403],
  ['addArea', 'volunteer', 403],
  ['addArea', 'coordinator', 403],
];

/** Everything a refused form could have touched. */
async function snapshot(ctx: TestContext) {
  const count = async (table: string) => {
    const r = await sql<{
      n: number | string;
    }>`select count(*) as n from ${sql.table(table)}`.execute(ctx.db);
    return Number(r.rows[0]?.n);
  };
  return {
    people: await count('people'),
    invitations: await count('invitations'),
    areas: await count('areas'),
    audit: await count('audit_events'),
    memberships: await ctx.db
      .selectFrom('memberships')
      .select(['network_id', 'person_id', 'role', 'updated_at'])
      .orderBy('id')
      .execute(),
    networks: await ctx.db.selectFrom('networks').selectAll().orderBy('id').execute(),
  };
}

describe('authorisation: who may see and do what in a network', () => {
  let ctx: TestContext;
  let network: Network;
  let ids: Record<Role, string>;
  /** People the role and removal forms act on. */
  let target: { id: string };
  const agents = {} as Record<Who, Agent>;
  const csrf = {} as Record<Who, string>;

  before(async () => {
    ctx = await createTestContext();
    const made = await makeNetwork(ctx);
    network = made.network;
    ids = {
      neighbour: made.members.neighbour.id,
      volunteer: made.members.volunteer.id,
      coordinator: made.members.coordinator.id,
      admin: made.admin.id,
    };
    target = await addMember(ctx, network, 'neighbour', { name: 'Target Neighbour' });
    const stranger = await makeAccount(ctx, { name: 'Stranger' });
    const emails: Record<Exclude<Who, 'anonymous'>, string> = {
      stranger: stranger.email,
      neighbour: made.members.neighbour.email,
      volunteer: made.members.volunteer.email,
      coordinator: made.members.coordinator.email,
      admin: made.admin.email,
    };
    agents.anonymous = agent(ctx.app);
    await agents.anonymous.get('/sign-in');
    csrf.anonymous = agents.anonymous.csrf();
    for (const [who, email] of Object.entries(emails) as [Who, string][]) {
      const a = agent(ctx.app);
      assert.equal((await a.signIn(email)).statusCode, 303, `${who} signs in`);
      await a.get('/account');
      csrf[who] = a.csrf();
      assert.ok(csrf[who], `${who} has a form token`);
      agents[who] = a;
    }
  });
  after(() => ctx.close());

  const url = (path: string) => path.replace(':slug', network.slug).replace(':id', ids.neighbour);

  describe('pages', () => {
    for (const [path, expected] of Object.entries(PAGES)) {
      for (const who of WHO) {
        it(`GET ${path} as ${who} → ${expected[who]}`, async () => {
          const res = await agents[who].get(url(path));
          assert.equal(res.statusCode, expected[who], res.body.slice(0, 300));
          assert.match(String(res.headers['content-type']), /^text\/html/);
        });
      }
    }

    it('a volunteer opening the settings page gets 403 and no settings form', async () => {
      const res = await agents.volunteer.get(`/n/${network.slug}/settings`);
      assert.equal(res.statusCode, 403);
      assert.doesNotMatch(res.body, new RegExp(`action="/n/${network.slug}/settings"`));
      assert.doesNotMatch(res.body, /name="signupMode"/);
      assert.doesNotMatch(res.body, new RegExp(`action="/n/${network.slug}/areas"`));
    });

    it('a neighbour asking for a person page does not see their name', async () => {
      const res = await agents.neighbour.get(`/n/${network.slug}/people/${target.id}`);
      assert.equal(res.statusCode, 403);
      assert.doesNotMatch(res.body, /Target Neighbour/);
    });
  });

  describe('forms', () => {
    const forms: Record<Form, { url: () => string; fields: () => Record<string, string> }> = {
      addPerson: {
        url: () => `/n/${network.slug}/people/new`,
        fields: () => ({
          displayName: 'Added By Phone',
          phone: '+1 555 010 4000',
          role: 'neighbour',
        }),
      },
      changeRole: {
        url: () => `/n/${network.slug}/people/${target.id}/role`,
        fields: () => ({ role: 'volunteer' }),
      },
      removeMember: {
        url: () => `/n/${network.slug}/people/${target.id}/remove`,
        fields: () => ({}),
      },
      invite: {
        url: () => `/n/${network.slug}/invitations`,
        fields: () => ({ role: 'volunteer' }),
      },
      settings: {
        url: () => `/n/${network.slug}/settings`,
        fields: () => ({
          name: 'Renamed Network',
          defaultLanguage: 'es',
          signupMode: 'invite',
          retentionDays: '60',
          'cat-groceries': '1',
          'cat-ride': '1',
        }),
      },
      addArea: {
        url: () => `/n/${network.slug}/areas`,
        fields: () => ({ name: 'Riverside', lat: '40.4', lng: '-3.7', radiusM: '800' }),
      },
    };
    const post = (who: Who, form: Form, over?: Record<string, string>) =>
      agents[who].post(
        forms[form].url(),
        { ...forms[form].fields(), ...over },
        { csrf: csrf[who] },
      );

    for (const [form, who, status, over] of REFUSED) {
      const extra = over ? ` ${new URLSearchParams(over)}` : '';
      it(`POST ${form}${extra} as ${who} → ${status}, nothing changes`, async () => {
        const before = await snapshot(ctx);
        const res = await post(who, form, over);
        assert.equal(res.statusCode, status, res.body.slice(0, 300));
        assert.deepEqual(await snapshot(ctx), before);
      });
    }

    // The same forms, from someone allowed: so the refusals above are about the role alone.
    it('a coordinator adds a person and invites a volunteer', async () => {
      const added = await post('coordinator', 'addPerson');
      assert.equal(added.statusCode, 303);
      const person = await ctx.db
        .selectFrom('people')
        .select('id')
        .where('display_name', '=', 'Added By Phone')
        .executeTakeFirst();
      assert.ok(person);
      const invited = await post('coordinator', 'invite');
      assert.equal(invited.statusCode, 201);
      assert.equal((await ctx.db.selectFrom('invitations').selectAll().execute()).length, 1);
    });

    it('an admin changes settings, adds an area, invites an admin', async () => {
      assert.equal((await post('admin', 'settings')).statusCode, 303);
      const n = await ctx.db
        .selectFrom('networks')
        .selectAll()
        .where('id', '=', network.id)
        .executeTakeFirstOrThrow();
      assert.equal(n.name, 'Renamed Network');
      assert.equal(n.signup_mode, 'invite');
      assert.equal((await post('admin', 'addArea')).statusCode, 303);
      assert.equal((await ctx.db.selectFrom('areas').selectAll().execute()).length, 1);
      assert.equal((await post('admin', 'invite', { role: 'admin' })).statusCode, 201);
    });

    it('an admin changes a role, then removes the member', async () => {
      assert.equal((await post('admin', 'changeRole')).statusCode, 303);
      const role = async () =>
        (
          await ctx.db
            .selectFrom('memberships')
            .select('role')
            .where('network_id', '=', network.id)
            .where('person_id', '=', target.id)
            .executeTakeFirst()
        )?.role;
      assert.equal(await role(), 'volunteer');
      assert.equal((await post('admin', 'removeMember')).statusCode, 303);
      assert.equal(await role(), undefined);
    });
  });
});
