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
  folderCycleEdges: [],
  /** Files that run SQL outside a repository. */
  sqlOutsideRepositories: [],
  /**
   * Imports of another feature's repository. The demo seeds write through repositories on
   * purpose: the services that would replace them check permissions and write audit entries,
   * which seeding a demo network must not do as someone.
   */
  crossFeatureRepositoryImports: [
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
  ],
  /**
   * Database column names in services, jobs, pages and routes (their repository writes would
   * take raw rows). Repositories take domain values and map them to columns, so none is left.
   */
  columnNamesAboveRepositories: [],
};
