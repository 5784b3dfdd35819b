import type { Role } from '../access/roles.ts';

/**
 * Who an announcement reaches. Pure: the rules, written once, that the repository turns into
 * SQL and the tests read directly.
 *
 * - **role**: duties add, they never take away, so "volunteers" means everyone who volunteers
 *   (volunteers, coordinators, admins), and "coordinators" means coordinators and admins.
 *   "Neighbours" means members with no duty (role neighbour only): "everyone" already
 *   covers all members.
 * - **area**: members whose volunteer profile has that home area. Requesters are not
 *   included: the contact they gave with a request is sealed and was given to arrange that
 *   help, not for announcements.
 * - **language**: people whose preferred language, or the network's default when they have
 *   none, is that language.
 * - The choices combine (AND); none chosen means every member of the network.
 */
export const AUDIENCE_ROLES = ['everyone', 'neighbours', 'volunteers', 'coordinators'] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

export interface Audience {
  role: AudienceRole;
  areaId: string | null;
  language: string | null;
}

/** The membership roles an audience role reaches; null for everyone. */
export function rolesOf(role: AudienceRole): readonly Role[] | null {
  switch (role) {
    case 'everyone':
      return null;
    case 'neighbours':
      return ['neighbour'];
    case 'volunteers':
      return ['volunteer', 'coordinator', 'admin'];
    case 'coordinators':
      return ['coordinator', 'admin'];
  }
}

/** Does this member belong to the audience? The rule the SQL in the repository follows. */
export function inAudience(
  a: Audience,
  m: { role: Role; homeAreaId: string | null; language: string },
): boolean {
  const roles = rolesOf(a.role);
  return (
    (roles === null || roles.includes(m.role)) &&
    (a.areaId === null || m.homeAreaId === a.areaId) &&
    (a.language === null || m.language === a.language)
  );
}
