import { assignableRoles, canAssign, type Role } from '../../domain/access/roles.ts';
import type { Identifier } from '../../domain/people/contact.ts';
import { normaliseEmail, normalisePhone, parseIdentifier } from '../../domain/people/contact.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import type { KeyRing } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import { hashPassword } from '../../shared/password.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import {
  countAdmins,
  deleteMembership,
  findMember,
  insertMembership,
  listMembers,
  lockAdmins,
  updateRole,
} from '../core/membership.repository.ts';
import type { Member } from '../core/membership.ts';
import type { Person } from '../core/person.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import type { Db } from '../db/database.ts';
import {
  type Contact,
  contactIndex,
  revealMemberContact,
  sealContact,
} from '../privacy/person-contact.ts';
import * as personRows from './person.repository.ts';
import { accountExists, insertPerson } from './person.repository.ts';

export interface AccountFields {
  displayName: string;
  email?: string | undefined;
  phone?: string | undefined;
  password: string;
  language?: 'en' | 'es' | undefined;
}

/** Contact details in their normal form, or field errors naming what is wrong. */
export function normaliseContacts(input: {
  email?: string | undefined;
  phone?: string | undefined;
}): {
  email: string | null;
  phone: string | null;
} {
  const email = input.email ? normaliseEmail(input.email) : null;
  let phone: string | null = null;
  if (input.phone) {
    phone = normalisePhone(input.phone);
    if (!phone)
      throw new AppError('VALIDATION_FAILED', {}, { phone: { key: 'field.phoneInvalid' } });
  }
  return { email, phone };
}

/**
 * Creates a person who can sign in. Email or phone is required (one of them is the sign-in);
 * both are unique among accounts. Runs inside the caller's transaction. `passwordHash`, when
 * given, is used instead of hashing `password` (a sign-up confirmed by link hashed it when
 * the form was sent, and keeps no password).
 */
export async function createAccount(
  db: Db,
  deps: Pick<Deps, 'clock' | 'config'>,
  input: AccountFields & {
    isOperator?: boolean;
    createdBy?: string | null;
    passwordHash?: string | undefined;
  },
): Promise<string> {
  const keys = deps.config.keys;
  const { email, phone } = normaliseContacts(input);
  if (!email && !phone) {
    throw new AppError('VALIDATION_FAILED', {}, { email: { key: 'field.emailOrPhone' } });
  }
  if (email && (await accountExists(db, keys, { kind: 'email', value: email }))) {
    throw new AppError('EMAIL_TAKEN', {}, { email: { key: 'error.emailTaken' } });
  }
  if (phone && (await accountExists(db, keys, { kind: 'phone', value: phone }))) {
    throw new AppError('PHONE_TAKEN', {}, { phone: { key: 'error.phoneTaken' } });
  }
  const id = newId();
  await insertPerson(db, {
    id,
    displayName: input.displayName,
    contact: sealContact(keys, id, { email, phone }),
    passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
    preferredLanguage: input.language ?? null,
    isOperator: input.isOperator ?? false,
    createdBy: input.createdBy ?? null,
    now: isoNow(deps.clock),
  });
  return id;
}

export const PEOPLE_PAGE_SIZE = 50;

/** A member as a coordinator sees them: with their email and phone opened by the gate. */
export type ShownMember = Member & { shown: Contact };

/**
 * The members of the network, for coordinators. The search matches part of a name, or a whole
 * email or phone number: contacts are sealed, so they are compared by blind index.
 */
export async function listPeople(
  deps: Pick<Deps, 'db' | 'config'>,
  {
    scope,
    filter,
  }: {
    scope: NetworkScope;
    filter: { role?: Role | undefined; query?: string | undefined; page: number };
  },
): Promise<{ members: ShownMember[]; total: number }> {
  authorize(scope, 'people.list');
  const keys = deps.config.keys;
  const asContact = filter.query ? parseIdentifier(filter.query) : null;
  const { members, total } = await listMembers(deps.db, scope.network.id, {
    role: filter.role,
    query: filter.query,
    contactIndexes: {
      email: asContact?.kind === 'email' ? contactIndex(keys, asContact) : null,
      phone: asContact?.kind === 'phone' ? contactIndex(keys, asContact) : null,
    },
    limit: PEOPLE_PAGE_SIZE,
    offset: (Math.max(1, filter.page) - 1) * PEOPLE_PAGE_SIZE,
  });
  return {
    members: members.map((m) => ({ ...m, shown: revealMemberContact(keys, scope, m) })),
    total,
  };
}

export async function viewPerson(
  deps: Pick<Deps, 'db' | 'config'>,
  { scope, personId }: { scope: NetworkScope; personId: string },
): Promise<ShownMember> {
  authorize(scope, 'people.view');
  // Only members of this network: another network's people are "not found", not "forbidden".
  const member = await findMember(deps.db, scope.network.id, personId);
  if (!member) throw new AppError('NOT_FOUND');
  return { ...member, shown: revealMemberContact(deps.config.keys, scope, member) };
}

export interface NewContactInput {
  displayName: string;
  email?: string | undefined;
  phone?: string | undefined;
  language?: 'en' | 'es' | undefined;
  role?: Role | undefined;
}

/**
 * A person without an account, entered by a coordinator after a phone call: they get help
 * (and can help) without ever signing in. Their contact is not checked against accounts.
 */
export async function addPersonWithoutAccount(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, scope, input }: { actor: Actor; scope: NetworkScope; input: NewContactInput },
): Promise<string> {
  authorize(scope, 'people.add');
  const role = input.role ?? 'neighbour';
  if (!canAssign(scope.role, role)) throw new AppError('ROLE_TOO_HIGH', { role });
  const { email, phone } = normaliseContacts(input);
  const id = newId();
  const now = isoNow(deps.clock);
  await deps.db.transaction().execute(async (trx) => {
    await insertPerson(trx, {
      id,
      displayName: input.displayName,
      contact: sealContact(deps.config.keys, id, { email, phone }),
      passwordHash: null,
      preferredLanguage: input.language ?? null,
      isOperator: false,
      createdBy: scope.personId,
      now,
    });
    await insertMembership(trx, {
      id: newId(),
      networkId: scope.network.id,
      personId: id,
      role,
      now,
    });
    await audit(trx, deps.clock, {
      actor,
      action: 'person.created',
      networkId: scope.network.id,
      subject: { type: 'person', id },
      details: { role, has_account: false },
    });
  });
  return id;
}

export async function changeRole(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    scope,
    personId,
    role,
  }: { actor: Actor; scope: NetworkScope; personId: string; role: Role },
): Promise<void> {
  authorize(scope, 'members.change_role');
  if (!assignableRoles(scope.role).includes(role)) throw new AppError('ROLE_TOO_HIGH', { role });
  await deps.db.transaction().execute(async (trx) => {
    await lockAdmins(trx, scope.network.id);
    const member = await findMember(trx, scope.network.id, personId);
    if (!member) throw new AppError('NOT_FOUND');
    if (member.role === role) return;
    // A network always keeps one admin, or nobody could ever change its settings again.
    if (member.role === 'admin' && (await countAdmins(trx, scope.network.id)) <= 1) {
      throw new AppError('LAST_ADMIN');
    }
    await updateRole(trx, scope.network.id, personId, role, isoNow(deps.clock));
    await audit(trx, deps.clock, {
      actor,
      action: 'member.role_changed',
      networkId: scope.network.id,
      subject: { type: 'person', id: personId },
      details: { from: member.role, to: role },
    });
  });
}

export async function removeMember(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, personId }: { actor: Actor; scope: NetworkScope; personId: string },
): Promise<void> {
  authorize(scope, 'members.remove');
  await deps.db.transaction().execute(async (trx) => {
    await lockAdmins(trx, scope.network.id);
    const member = await findMember(trx, scope.network.id, personId);
    if (!member) throw new AppError('NOT_FOUND');
    if (member.role === 'admin' && (await countAdmins(trx, scope.network.id)) <= 1) {
      throw new AppError('LAST_ADMIN');
    }
    await deleteMembership(trx, scope.network.id, personId);
    await audit(trx, deps.clock, {
      actor,
      action: 'member.removed',
      networkId: scope.network.id,
      subject: { type: 'person', id: personId },
      details: { role: member.role },
    });
  });
}

// What other features (auth, account, setup, sms, the CLI and the demo) read and change of a
// person go through these, not through people's repository. No permission checks: each
// caller checks its own, as before.

/** An account (a person with a password) by email or phone, with its password hash. */
export async function findAccount(
  db: Db,
  keys: KeyRing,
  identifier: Identifier,
): Promise<{ person: Person; passwordHash: string } | null> {
  return personRows.findAccount(db, keys, identifier);
}

/** People whose phone (normalised, E.164) is `phone`: how a text is tied to an account. */
export async function findPeopleByPhone(db: Db, keys: KeyRing, phone: string): Promise<Person[]> {
  return personRows.findPeopleByPhone(db, keys, phone);
}

export async function countOperators(db: Db): Promise<number> {
  return personRows.countOperators(db);
}

export async function makeOperator(db: Db, personId: string, now: string): Promise<void> {
  await personRows.makeOperator(db, personId, now);
}

export async function setPassword(
  db: Db,
  personId: string,
  passwordHash: string,
  now: string,
): Promise<void> {
  await personRows.setPassword(db, personId, passwordHash, now);
}

export async function setPreferredLanguage(
  db: Db,
  personId: string,
  lang: string,
  now: string,
): Promise<void> {
  await personRows.setPreferredLanguage(db, personId, lang, now);
}

export async function updateProfile(
  db: Db,
  personId: string,
  patch: { displayName: string; preferredLanguage: string | null },
  now: string,
): Promise<void> {
  await personRows.updateProfile(db, personId, patch, now);
}
