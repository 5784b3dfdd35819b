/**
 * Roles a person holds in one network, and what each may do. Pure: no I/O, so every rule here
 * is tested directly and services only ask `can(role, action)`.
 *
 * Solidarity, not charity: a neighbour can both ask and offer; the roles below add duties
 * (volunteering, coordinating, administering), never a "recipient" class.
 */
export const ROLES = ['neighbour', 'volunteer', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { neighbour: 0, volunteer: 1, coordinator: 2, admin: 3 };

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function atLeast(role: Role | null | undefined, minimum: Role): boolean {
  return role != null && RANK[role] >= RANK[minimum];
}

/** The lower of two roles: an API token never grants more than its owner holds today. */
export function lowerRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

export const ACTIONS = {
  'network.view': 'neighbour',
  'people.list': 'coordinator',
  'people.view': 'coordinator',
  'people.add': 'coordinator',
  'invitations.create': 'coordinator',
  'invitations.list': 'coordinator',
  'members.change_role': 'admin',
  'members.remove': 'admin',
  'network.settings': 'admin',
  // Coordinators watch the queue, so they may say how many requests per internet address and
  // hour are ordinary (a library nearby, a carrier): the rest of the settings is the admins'.
  'network.intake_limit': 'coordinator',
  'areas.manage': 'admin',
  'audit.view': 'admin',
  // Requests: coordinators triage, take requests for others and see the queue; volunteers
  // see the feed of open tasks near them and claim them.
  'requests.triage': 'coordinator',
  'requests.intake_for_others': 'coordinator',
  'tasks.feed': 'volunteer',
  'tasks.claim': 'volunteer',
  // Offers: anyone can both ask and offer, so every member keeps their own volunteer profile
  // and goods offers; coordinators see everyone's, with names and notes, and set any status.
  'volunteering.own': 'neighbour',
  'volunteers.list': 'coordinator',
  'offers.own': 'neighbour',
  'offers.manage': 'coordinator',
  // Printables: coordinators print flyers and sign-in sheets for the network; a volunteer's
  // route sheet is their own tasks, under 'tasks.feed'.
  'printables.network': 'coordinator',
  // Messages: coordinators see what could not be delivered, and send it again.
  'messages.manage': 'coordinator',
  // Goods: volunteers run the pantry (see stock, record what comes in and moves, check
  // households in at the door); coordinators set up items, sites and days, count stock,
  // keep household records and run allocations; every member sees the aggregated reports.
  'goods.view': 'volunteer',
  'goods.record': 'volunteer',
  'goods.checkin': 'volunteer',
  'goods.manage': 'coordinator',
  'households.manage': 'coordinator',
  'goods.allocate': 'coordinator',
  'goods.reports': 'neighbour',
  // Volunteering (M3): members see the calendar (volunteers-only events from volunteer up);
  // volunteers sign up for shifts; coordinators run events, trainings and see check-ins.
  'events.manage': 'coordinator',
  'shifts.signup': 'volunteer',
  'trainings.manage': 'coordinator',
  'wellbeing.view': 'coordinator',
  // Announcements: coordinators write to the network; every member reads what was sent to
  // them; volunteers choose whether they get the weekly digest of open needs near them.
  'announcements.send': 'coordinator',
  'announcements.view': 'neighbour',
  'digest.own': 'volunteer',
  // Timebank (M4): every member has a time account, sends and asks for hours; coordinators
  // see every account, set limits and no-debt, record exchanges on paper and reverse them.
  'timebank.own': 'neighbour',
  'timebank.manage': 'coordinator',
  // Money (M5): volunteers submit what they spent for the network; coordinators see the
  // books, record income, approve and pay (never their own); the transparency page is public.
  'money.submit': 'volunteer',
  'money.view': 'coordinator',
  'money.manage': 'coordinator',
  'money.approve': 'coordinator',
  'money.pay': 'coordinator',
  // Partners: coordinators import the partner directory, check services and take them off
  // the lists; the published directory (HSDS API) needs no sign-in.
  'partners.manage': 'coordinator',
  // Surveys: coordinators build, import, send and read results (free text included);
  // every member answers the open ones.
  'surveys.manage': 'coordinator',
  'surveys.answer': 'neighbour',
} as const satisfies Record<string, Role>;
export type Action = keyof typeof ACTIONS;

export function can(role: Role | null | undefined, action: Action): boolean {
  return atLeast(role, ACTIONS[action]);
}

/**
 * Which roles someone may hand out (by invitation or role change): a coordinator brings in
 * neighbours and volunteers; only an admin makes coordinators and admins.
 */
export function assignableRoles(role: Role | null | undefined): Role[] {
  if (role === 'admin') return [...ROLES];
  if (role === 'coordinator') return ['neighbour', 'volunteer'];
  return [];
}

export function canAssign(actorRole: Role | null | undefined, target: Role): boolean {
  return assignableRoles(actorRole).includes(target);
}
