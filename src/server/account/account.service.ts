import type { Language } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { isoNow } from '../../shared/clock.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findPerson } from '../core/person.repository.ts';
import type { Person } from '../core/person.ts';
import { updateProfile } from '../people/person.service.ts';
import { type Contact, ownContact } from '../privacy/person-contact.ts';

/** The signed-in person, with their own email and phone opened for them. */
export async function myProfile(
  deps: Pick<Deps, 'db' | 'config'>,
  actor: Actor,
): Promise<Person & { own: Contact }> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  const person = await findPerson(deps.db, actor.personId);
  if (!person) throw new AppError('SIGN_IN_REQUIRED');
  return { ...person, own: ownContact(deps.config.keys, actor, person.contact) };
}

/** Name and language (used for email and SMS in the person's own language). */
export async function updateMyProfile(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { displayName: string; language: Language },
): Promise<void> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  await updateProfile(
    deps.db,
    actor.personId,
    { displayName: input.displayName, preferredLanguage: input.language },
    isoNow(deps.clock),
  );
}
