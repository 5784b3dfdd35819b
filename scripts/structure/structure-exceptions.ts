import type { StructureExceptions } from './check-structure.ts';

/**
 * Known exceptions to the structure rules (see check-structure.ts). This list may only shrink:
 * the check fails on a violation that is not listed, and on a listed one that no longer occurs.
 */
export const STRUCTURE_EXCEPTIONS: StructureExceptions = {
  /**
   * Imports between folders that close a loop, each with what would cut it. Taking these out
   * of the folder graph leaves it without a loop; `npm run structure -- --loops` lists every
   * edge of each loop with its number of imports.
   */
  folderCycleEdges: [
    {
      from: 'src/server/http',
      to: 'src/server/api-tokens',
      why: 'http/context.ts makes the actor from a bearer token with api-token.service#actorFromApiToken: app.ts could hand the resolver in',
    },
    {
      from: 'src/server/http',
      to: 'src/server/auth',
      why: 'http/context.ts makes the actor from the session cookie with auth.service#actorFromSessionToken: app.ts could hand the resolver in',
    },
    {
      from: 'src/server/http',
      to: 'src/server/pages',
      why: 'http/error-handler.tsx renders HTML errors in pages/layout.tsx: its page half belongs in pages/',
    },
    {
      from: 'src/server/people',
      to: 'src/server/auth',
      why: 'people take hashPassword (auth/password.ts) and EMAIL_MAX, NAME_MAX (auth/auth.schema.ts) from auth, which makes accounts through people: those belong below both',
    },
    {
      from: 'src/server/privacy',
      to: 'src/server/requests',
      why: "privacy-gate.ts opens a request's sealed fields by requests/request.types.ts (PRIVATE_FIELDS, RequestPrivate): those types belong below both",
    },
    {
      from: 'src/server/volunteering',
      to: 'src/server/requests',
      why: "ical.service.ts puts a person's tasks in their calendar feed with request.repository#listTasksOf: a requests service or a core lookup",
    },
  ],
  /** Files that run SQL outside a repository. */
  sqlOutsideRepositories: [
    {
      file: 'src/server/volunteering/event.service.ts',
      why: "a series' existing occurrence dates and an edited occurrence's original_start are read and written in the service: they belong in event.repository.ts",
    },
  ],
  /** Imports of another feature's repository: Phase 2 of issue 11 replaces them with core lookups. */
  crossFeatureRepositoryImports: [
    {
      from: 'src/server/announcements/board.service.ts',
      to: 'src/server/volunteering/event.repository.ts',
    },
    { from: 'src/server/demo/seed-demo.ts', to: 'src/server/invitations/invitation.repository.ts' },
    { from: 'src/server/demo/seed-demo.ts', to: 'src/server/networks/network.repository.ts' },
    {
      from: 'src/server/demo/seed-demo.ts',
      to: 'src/server/offers/volunteer-profile.repository.ts',
    },
    { from: 'src/server/demo/seed-demo.ts', to: 'src/server/people/person.repository.ts' },
    {
      from: 'src/server/demo/seed-volunteering.ts',
      to: 'src/server/volunteering/event.repository.ts',
    },
    {
      from: 'src/server/goods/household.service.ts',
      to: 'src/server/requests/request.repository.ts',
    },
    {
      from: 'src/server/goods/stock.service.ts',
      to: 'src/server/offers/goods-offer.repository.ts',
    },
    {
      from: 'src/server/printables/printables.service.ts',
      to: 'src/server/requests/request.repository.ts',
    },
    {
      from: 'src/server/requests/request-matching.service.ts',
      to: 'src/server/offers/volunteer-profile.repository.ts',
    },
    { from: 'src/server/sms/sms-inbound.service.ts', to: 'src/server/outbox/outbox.repository.ts' },
    {
      from: 'src/server/sms/sms-inbound.service.ts',
      to: 'src/server/requests/request.repository.ts',
    },
    {
      from: 'src/server/volunteering/ical.service.ts',
      to: 'src/server/requests/request.repository.ts',
    },
  ],
};
