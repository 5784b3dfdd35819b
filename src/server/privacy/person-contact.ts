import { atLeast, type Role } from '../../domain/access/roles.ts';
import { type Identifier, normaliseEmail, normalisePhone } from '../../domain/people/contact.ts';
import { AppError } from '../../shared/app-error.ts';
import { blindIndex, type KeyRing } from '../../shared/crypto.ts';
import type { Actor } from '../core/actor.ts';
import type { SealedContact } from '../core/person.ts';
import type { NetworkScope } from '../core/scope.ts';
import { openFields, sealFields } from './privacy-gate.ts';

/**
 * A person's email and phone, sealed like a request's fields (AES-256-GCM, bound to
 * `people.<field>:<person id>`), with a blind index of each so that sign-in, "this email is
 * taken", the members search and a text from a known phone still find the person by the exact
 * value. Accounts and people entered after a phone call are sealed alike: one rule per table.
 * See docs/adr/0006-personal-data-at-rest.md.
 */
export const CONTACT_FIELDS = ['email', 'phone'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

/** An email and a phone in their normal forms (see src/domain/people/contact.ts). */
export interface Contact {
  email: string | null;
  phone: string | null;
}

export interface ContactColumns {
  email_enc: string | null;
  phone_enc: string | null;
  email_index: string | null;
  phone_index: string | null;
}

/**
 * The blind index of a person's email or phone, of its normal form (so "Ana@X.org" finds
 * "ana@x.org"). Its own kinds ("person-email", "person-phone"), apart from requests' and
 * households', so equal values in two tables do not give equal indexes.
 */
export function contactIndex(keys: KeyRing, id: Identifier): string {
  const value =
    id.kind === 'email' ? normaliseEmail(id.value) : (normalisePhone(id.value) ?? id.value);
  return blindIndex(keys, `person-${id.kind}`, value);
}

export function sealContact(keys: KeyRing, personId: string, contact: Contact): ContactColumns {
  const sealed = sealFields(keys, 'people', personId, CONTACT_FIELDS, contact);
  return {
    email_enc: sealed.email,
    phone_enc: sealed.phone,
    email_index: contact.email ? contactIndex(keys, { kind: 'email', value: contact.email }) : null,
    phone_index: contact.phone ? contactIndex(keys, { kind: 'phone', value: contact.phone }) : null,
  };
}

/** For repositories only: the stored columns as a sealed contact. */
function open(keys: KeyRing, sealed: SealedContact): Contact {
  return openFields(keys, 'people', sealed.personId, CONTACT_FIELDS, sealed);
}

/** The person's own contact, for their account and notification pages. */
export function ownContact(keys: KeyRing, actor: Actor, sealed: SealedContact): Contact {
  const me = actor.kind === 'person' || actor.kind === 'token' ? actor.personId : null;
  if (me !== sealed.personId) throw new AppError('FORBIDDEN', { action: 'person.contact' });
  return open(keys, sealed);
}

/**
 * The contact a message to this person goes to (a notification, an announcement, a password
 * reset link). The value goes straight into the outbox, sealed again there; no page shows it.
 */
export function contactForDelivery(keys: KeyRing, sealed: SealedContact): Contact {
  return open(keys, sealed);
}

/**
 * Coordinators and admins of a network see the contact of its members (to ring them back).
 * `member.networkId` says which network the membership was read from; a member of another
 * network, or a viewer below coordinator, is refused.
 */
export function mayRevealContact(
  scope: NetworkScope,
  member: { networkId: string; role: Role },
): boolean {
  return member.networkId === scope.network.id && atLeast(scope.role, 'coordinator');
}

export function revealMemberContact(
  keys: KeyRing,
  scope: NetworkScope,
  member: { networkId: string; role: Role; person: { contact: SealedContact } },
): Contact {
  if (!mayRevealContact(scope, member))
    throw new AppError('FORBIDDEN', { action: 'person.contact' });
  return open(keys, member.person.contact);
}
