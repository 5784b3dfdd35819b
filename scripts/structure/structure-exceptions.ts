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
  /**
   * Database column names in services, jobs, pages and routes: their repository writes take
   * raw rows. Moving each write to a domain value (mapped to columns in the repository)
   * removes the file's entry.
   */
  columnNamesAboveRepositories: [
    {
      file: 'src/server/announcements/announcement.service.ts',
      columns: [
        'audience_area_id',
        'audience_language',
        'audience_role',
        'author_id',
        'created_at',
        'network_id',
      ],
    },
    {
      file: 'src/server/api-tokens/api-token.service.ts',
      columns: [
        'created_at',
        'expires_at',
        'last_used_at',
        'network_id',
        'person_id',
        'revoked_at',
        'token_hash',
        'token_prefix',
      ],
    },
    {
      file: 'src/server/audit/audit.service.ts',
      columns: ['actor_id', 'created_at', 'network_id', 'subject_id', 'subject_type'],
    },
    {
      file: 'src/server/auth/auth.service.ts',
      columns: [
        'created_at',
        'expires_at',
        'last_seen_at',
        'person_id',
        'revoked_at',
        'token_hash',
        'user_agent',
      ],
    },
    {
      file: 'src/server/auth/signup.service.ts',
      columns: ['created_at', 'expires_at', 'network_id', 'payload_enc', 'token_hash'],
    },
    {
      file: 'src/server/invitations/invitation.service.ts',
      columns: [
        'accepted_at',
        'accepted_by',
        'created_at',
        'created_by',
        'expires_at',
        'network_id',
        'revoked_at',
        'token_hash',
      ],
    },
    {
      file: 'src/server/notifications/notification.service.ts',
      columns: ['created_at', 'dedupe_key', 'network_id', 'person_id', 'read_at'],
    },
    {
      file: 'src/server/outbox/outbox-admin.service.ts',
      columns: ['created_at', 'last_error', 'next_attempt_at', 'person_id'],
    },
    {
      file: 'src/server/outbox/outbox.service.ts',
      columns: [
        'body_enc',
        'created_at',
        'html_enc',
        'idempotency_key',
        'last_error',
        'locked_by',
        'locked_until',
        'network_id',
        'next_attempt_at',
        'person_id',
        'provider_id',
        'sent_at',
        'subject_enc',
        'to_enc',
        'to_index',
        'updated_at',
      ],
    },
    {
      file: 'src/server/volunteering/event.service.ts',
      columns: ['occurrence_date', 'original_start'],
    },
  ],
  crossFeatureRepositoryImports: [
    {
      from: 'src/server/announcements/board.service.ts',
      to: 'src/server/volunteering/event.repository.ts',
    },
    {
      from: 'src/server/announcements/digest.pages.tsx',
      to: 'src/server/notifications/notification.repository.ts',
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
      from: 'src/server/volunteering/ical.service.ts',
      to: 'src/server/requests/request.repository.ts',
    },
  ],
};
