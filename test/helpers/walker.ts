import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/access/roles.ts';
import { createApiToken } from '../../src/server/api-tokens/api-token.service.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../src/server/demo/seed-demo.ts';
import { findAccount } from '../../src/server/people/person.repository.ts';
import { createEvent } from '../../src/server/volunteering/event.service.ts';
import { makeGoods } from '../goods/helpers.ts';
import { harvestPath, type IdsByKind, idFor } from './api-fuzz.ts';
import { createTestContext, type TestContext } from './context.ts';
import { type Crawl, crawl } from './crawler.ts';
import { makeNetwork } from './factories.ts';
import { nothingId } from './fuzz-values.ts';
import { type Agent, agent } from './http.ts';
import { addArea, asPerson, makeRequest } from './requests.ts';

/**
 * What the two walker tests (test/security/fuzz-inputs.test.ts for pages and forms,
 * fuzz-api.test.ts for the JSON API) share: the demo network seeded (so there are requests,
 * events, distribution days and households to reach), another network with records of its
 * own, a signed-in agent and an API token for each role and for a member of that other
 * network, and each role's crawl of the pages.
 */
export type Who = 'anonymous' | Role | 'outsider';
export const WHO: Who[] = [
  'anonymous',
  'neighbour',
  'volunteer',
  'coordinator',
  'admin',
  'outsider',
];

export interface Walk {
  ctx: TestContext;
  agents: Map<Who, Agent>;
  tokens: Map<Who, string>;
  /** Each agent's own CSRF token: a form found by another role is sent with the sender's. */
  csrf: Map<Who, string>;
  crawls: Map<Who, Crawl>;
  foreignSlug: string;
  /** Ids of Riverside and of the other network, by kind, as seen in their pages. */
  ours: IdsByKind;
  theirs: IdsByKind;
  /** An id of the other network, of the kind `name` names if known. */
  foreignId(name: string, n?: number): string;
  failures: string[];
  /** Counts a request, and records it as a failure if it answered 5xx. */
  note(who: Who, what: string, res: LightMyRequestResponse): void;
  requests(): number;
}

function idsOf(c: Crawl): IdsByKind {
  const ids: IdsByKind = new Map();
  for (const p of c.pages) harvestPath(p.url, ids);
  for (const f of c.forms) harvestPath(f.action, ids);
  return ids;
}

export async function setUpWalk(): Promise<Walk> {
  const ctx = await createTestContext({ env: { MUTUA_DEMO: '1' } });
  await seedDemo(ctx.deps);
  const other = await makeNetwork(ctx);
  const oc = other.members.coordinator;
  await addArea(ctx, other.network);
  const goods = await makeGoods(ctx, other.network, oc.id);
  await makeRequest(ctx, other.network);
  const { event } = await createEvent(ctx.deps, {
    actor: asPerson(oc.id),
    scope: goods.as.scope,
    input: {
      kind: 'distribution',
      title: 'Elsewhere',
      visibility: 'members',
      date: '2026-12-01',
      startTime: '10:00',
      endTime: '12:00',
      repeat: 'none',
      role: 'packer',
      slots: 2,
    },
  });

  const agents = new Map<Who, Agent>([['anonymous', agent(ctx.app)]]);
  const tokens = new Map<Who, string>();
  const token = async (personId: string, networkSlug: string, role: Role) =>
    (
      await createApiToken(ctx.deps, {
        actor: asPerson(personId),
        input: { name: 'walker', networkSlug, role },
      })
    ).token;
  for (const a of DEMO_ACCOUNTS) {
    const x = agent(ctx.app);
    assert.equal((await x.signIn(a.email, DEMO_PASSWORD)).statusCode, 303);
    agents.set(a.role, x);
    const person = (await findAccount(ctx.db, ctx.config.keys, { kind: 'email', value: a.email }))!
      .person;
    tokens.set(a.role, await token(person.id, 'riverside', a.role));
  }
  const outsider = agent(ctx.app);
  await outsider.signIn(oc.email);
  agents.set('outsider', outsider);
  tokens.set('outsider', await token(oc.id, other.network.slug, 'coordinator'));

  const slug = other.network.slug;
  const theirs = idsOf(
    await crawl(outsider, [`/n/${slug}`, `/n/${slug}/events/${event.id}`], { maxPages: 60 }),
  );
  const csrf = new Map<Who, string>();
  const crawls = new Map<Who, Crawl>();
  for (const who of WHO) {
    const a = agents.get(who)!;
    await a.get(who === 'anonymous' ? '/sign-in' : '/account');
    csrf.set(who, a.csrf());
    assert.ok(csrf.get(who), `${who} has a CSRF token`);
    crawls.set(
      who,
      await crawl(a, ['/', '/n/riverside', '/n/riverside/ask', '/account'], {
        maxPages: 150,
        // Riverside and the pages of no network; the demo admin's other network is the same code.
        within: /^\/(?!n\/)|^\/n\/riverside(?:[/?]|$)/,
      }),
    );
  }
  const ours = idsOf(crawls.get('admin')!);
  for (const c of crawls.values())
    for (const [k, v] of idsOf(c))
      for (const id of v) {
        if (!ours.has(k)) ours.set(k, new Set());
        ours.get(k)!.add(id);
      }

  const failures: string[] = [];
  let requests = 0;
  return {
    ctx,
    agents,
    tokens,
    csrf,
    crawls,
    foreignSlug: slug,
    ours,
    theirs,
    foreignId: (name, n = 0) =>
      idFor(theirs, name, n) ?? [...theirs.values()].flatMap((s) => [...s])[n] ?? nothingId(),
    failures,
    note(who, what, res) {
      requests++;
      if (res.statusCode >= 500)
        failures.push(`${who} ${what} -> ${res.statusCode} ${res.body.slice(0, 160)}`);
    },
    requests: () => requests,
  };
}
