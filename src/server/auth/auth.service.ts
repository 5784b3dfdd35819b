import { normaliseEmail, parseIdentifier } from '../../domain/people/contact.ts';
import { isLanguage, type Language, translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, HOUR, isoNow, isoPlus, MINUTE } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { hashPassword, verifyDummy, verifyPassword } from '../../shared/password.ts';
import { hashToken, randomToken } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findPerson } from '../core/person.repository.ts';
import { enqueue } from '../outbox/outbox.service.ts';
import { findAccount, setPassword } from '../people/person.service.ts';
import { contactForDelivery } from '../privacy/person-contact.ts';
import {
  assertUnderLimit,
  consume,
  LIMITS,
  limitKey,
  record,
  reset,
} from '../rate-limit/rate-limit.service.ts';
import {
  findLiveSession,
  insertPasswordReset,
  insertSession,
  listLiveSessions,
  resetTokenIsLive,
  revokeAllSessions,
  revokeSession,
  touchSession,
  useResetToken,
} from './session.repository.ts';
import type { SessionInfo } from './session.ts';

/** A reset link lives one hour: long enough to find the email, short if the inbox leaks. */
export const RESET_TTL = HOUR;
/** last_seen is written at most every 5 minutes, not on every page. */
const TOUCH_EVERY = 5 * MINUTE;

export interface ClientInfo {
  ip: string;
  userAgent: string;
}

async function startSession(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  personId: string,
  client: ClientInfo,
) {
  const token = randomToken();
  const now = isoNow(deps.clock);
  await insertSession(deps.db, {
    id: newId(),
    tokenHash: hashToken(token),
    personId,
    userAgent: client.userAgent.slice(0, 300),
    createdAt: now,
    expiresAt: isoPlus(deps.clock, deps.config.sessionDays * DAY),
  });
  return token;
}

/**
 * Signs in with email or phone and password. Five wrong passwords for one account within 15
 * minutes lock further tries for the rest of the window, even a right one; the same answer is
 * given for an unknown account and a wrong password.
 */
export async function signIn(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { identifier, password, client }: { identifier: string; password: string; client: ClientInfo },
): Promise<{ token: string; personId: string }> {
  const accountKey = limitKey('signin-account', identifier.trim());
  const addressKey = limitKey('signin-address', client.ip);
  await assertUnderLimit(deps.db, deps.clock, accountKey, LIMITS.signInAccount);
  await consume(deps.db, deps.clock, addressKey, LIMITS.signInAddress);

  const id = parseIdentifier(identifier);
  const account = id ? await findAccount(deps.db, deps.config.keys, id) : null;
  const ok =
    account && !account.person.disabled
      ? await verifyPassword(account.passwordHash, password)
      : await verifyDummy(password);
  if (!ok || !account) {
    await record(deps.db, deps.clock, accountKey, LIMITS.signInAccount);
    if (account) {
      await audit(deps.db, deps.clock, {
        actor: { kind: 'anonymous' },
        action: 'auth.sign_in_failed',
        subject: { type: 'person', id: account.person.id },
      });
    }
    throw new AppError(
      'INVALID_CREDENTIALS',
      {},
      { password: { key: 'error.invalidCredentials' } },
    );
  }
  await reset(deps.db, accountKey);
  const token = await startSession(deps, account.person.id, client);
  await audit(deps.db, deps.clock, {
    actor: { kind: 'system', label: 'sign-in' },
    action: 'auth.sign_in',
    subject: { type: 'person', id: account.person.id },
  });
  // The entry is the person's own: shown on their account page as "recent sign-ins".
  return { token, personId: account.person.id };
}

export async function actorFromSessionToken(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  token: string,
): Promise<Actor | null> {
  const now = deps.clock.now();
  const session = await findLiveSession(deps.db, hashToken(token), now.toISOString());
  if (!session) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > TOUCH_EVERY) {
    await touchSession(
      deps.db,
      session.id,
      now.toISOString(),
      isoPlus(deps.clock, deps.config.sessionDays * DAY),
    );
  }
  return {
    kind: 'person',
    personId: session.personId,
    displayName: session.displayName,
    isOperator: session.isOperator,
    preferredLanguage: session.preferredLanguage,
    sessionId: session.id,
  };
}

export async function signOut(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<void> {
  if (actor.kind !== 'person') return;
  await revokeSession(deps.db, actor.personId, actor.sessionId, isoNow(deps.clock));
  await audit(deps.db, deps.clock, {
    actor,
    action: 'auth.sign_out',
    subject: { type: 'person', id: actor.personId },
  });
}

export async function listSessions(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
): Promise<SessionInfo[]> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  return listLiveSessions(deps.db, actor.personId, isoNow(deps.clock));
}

/** Ends one of the actor's own sessions (a lost phone, a library computer). */
export async function endSession(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  sessionId: string,
): Promise<void> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  const done = await revokeSession(deps.db, actor.personId, sessionId, isoNow(deps.clock));
  if (!done) throw new AppError('NOT_FOUND');
  await audit(deps.db, deps.clock, {
    actor,
    action: 'session.revoked',
    subject: { type: 'person', id: actor.personId },
    details: { session: sessionId },
  });
}

/** Signs in right after an account was made (invitation, setup). */
export async function sessionFor(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  personId: string,
  client: ClientInfo,
) {
  return startSession(deps, personId, client);
}

/**
 * Sends a reset link when an account has this email. The answer is the same either way, so
 * the form does not reveal who has an account here.
 */
export async function requestPasswordReset(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { email, client, lang }: { email: string; client: ClientInfo; lang: Language },
): Promise<void> {
  await consume(deps.db, deps.clock, limitKey('reset-address', client.ip), LIMITS.publicForm);
  await consume(deps.db, deps.clock, limitKey('reset-account', email), LIMITS.passwordReset);
  const account = await findAccount(deps.db, deps.config.keys, {
    kind: 'email',
    value: normaliseEmail(email),
  });
  if (!account || account.person.disabled) return;
  const to = contactForDelivery(deps.config.keys, account.person.contact).email;
  if (!to) return;
  const token = randomToken();
  const personLang = isLanguage(account.person.preferredLanguage)
    ? account.person.preferredLanguage
    : lang;
  const t = translator(personLang);
  const link = `${deps.config.baseUrl}/password/reset/${token}`;
  const resetId = newId();
  await deps.db.transaction().execute(async (trx) => {
    await insertPasswordReset(trx, {
      id: resetId,
      personId: account.person.id,
      tokenHash: hashToken(token),
      now: isoNow(deps.clock),
      expiresAt: isoPlus(deps.clock, RESET_TTL),
    });
    await audit(trx, deps.clock, {
      actor: { kind: 'system', label: 'password-reset' },
      action: 'auth.password_reset_requested',
      subject: { type: 'person', id: account.person.id },
    });
    // Through the outbox, sealed: the link is a secret until it is used.
    await enqueue(trx, deps, {
      networkId: null,
      personId: account.person.id,
      channel: 'email',
      kind: 'password.reset',
      language: personLang,
      to,
      subject: t('mail.reset.subject'),
      text: t('mail.reset.body', {
        name: account.person.displayName,
        link,
        minutes: RESET_TTL / MINUTE,
      }),
      key: `password.reset:${resetId}`,
    });
  });
}

export async function resetLinkIsLive(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<boolean> {
  return resetTokenIsLive(deps.db, hashToken(token), isoNow(deps.clock));
}

/** Sets the new password and ends every session: whoever had the old one is signed out. */
export async function resetPassword(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { token, password, client }: { token: string; password: string; client: ClientInfo },
): Promise<{ token: string; personId: string }> {
  const passwordHash = await hashPassword(password);
  const personId = await deps.db.transaction().execute(async (trx) => {
    const now = isoNow(deps.clock);
    const id = await useResetToken(trx, hashToken(token), now);
    if (!id) throw new AppError('RESET_LINK_INVALID');
    await setPassword(trx, id, passwordHash, now);
    await revokeAllSessions(trx, id, now);
    await audit(trx, deps.clock, {
      actor: { kind: 'system', label: 'password-reset' },
      action: 'auth.password_reset',
      subject: { type: 'person', id },
    });
    return id;
  });
  const person = await findPerson(deps.db, personId);
  if (!person) throw new AppError('RESET_LINK_INVALID');
  return { token: await startSession(deps, personId, client), personId };
}
