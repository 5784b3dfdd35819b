import { isLanguage, type Language, translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, HOUR, isoNow, isoPlus } from '../../shared/clock.ts';
import { decrypt, encrypt } from '../../shared/crypto.ts';
import { newId } from '../../shared/ids.ts';
import { hashPassword } from '../../shared/password.ts';
import { hashToken, randomToken } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findRole, insertMembership } from '../core/membership.repository.ts';
import { findNetworkById, findNetworkBySlug } from '../core/network.repository.ts';
import type { Network } from '../core/network.ts';
import type { Db } from '../db/database.ts';
import { enqueue } from '../outbox/outbox.service.ts';
import {
  type AccountFields,
  createAccount,
  findAccount,
  normaliseContacts,
} from '../people/person.service.ts';
import { consume, LIMITS, limitKey } from '../rate-limit/rate-limit.service.ts';
import { type ClientInfo, sessionFor } from './auth.service.ts';
import {
  deleteExpiredSignups,
  findLiveSignup,
  insertSignup,
  type PendingSignup,
  takeSignup,
} from './signup.repository.ts';

/** A day to open the link: long enough for a slow inbox, short if the address was mistyped. */
export const SIGNUP_TTL = DAY;

type SignupDeps = Pick<Deps, 'db' | 'clock' | 'config'>;

/** What the form held, kept sealed until the link is opened. */
interface Pending {
  displayName: string;
  email: string | null;
  phone: string | null;
  passwordHash: string;
  language: Language | null;
}

const payloadContext = (id: string) => `signup_confirmations.payload:${id}`;

function openPending(deps: Pick<Deps, 'config'>, row: PendingSignup): Pending {
  return JSON.parse(
    decrypt(deps.config.keys, row.sealedPayload, payloadContext(row.id)),
  ) as Pending;
}

/** The network of a join page, if it takes members without invitation. */
export async function networkOpenToJoin(deps: Pick<Deps, 'db'>, slug: string): Promise<Network> {
  const network = await findNetworkBySlug(deps.db, slug);
  if (!network) throw new AppError('NETWORK_NOT_FOUND', { slug });
  if (network.signupMode !== 'open') throw new AppError('SIGNUP_INVITE_ONLY');
  return network;
}

/**
 * Open sign-up to a network, first step. The answer (the "check your email" page) is the same
 * whether or not the email or phone already has an account, and takes about as long (the
 * password is hashed either way), so the form tells nobody who has an account here:
 * - no account yet: what was typed is kept sealed for a day, and a link to finish joining
 *   goes to the email (or, with no email, by text to the phone);
 * - an account already: nothing is kept, and its owner is told, in their language, that
 *   someone tried to join with their address, with a way to sign in and to reset the password.
 * Both count against one limit per address typed (5 an hour), so neither floods an inbox.
 */
export async function requestSignUp(
  deps: SignupDeps,
  {
    slug,
    input,
    client,
    lang,
  }: { slug: string; input: AccountFields; client: ClientInfo; lang: Language },
): Promise<void> {
  const network = await networkOpenToJoin(deps, slug);
  await consume(deps.db, deps.clock, limitKey('signup', client.ip), LIMITS.publicForm);
  const { email, phone } = normaliseContacts(input);
  if (!email && !phone)
    throw new AppError('VALIDATION_FAILED', {}, { email: { key: 'field.emailOrPhone' } });
  // The link goes to the email, or by text when there is only a phone (and texts can be sent).
  const channel = email ? 'email' : 'sms';
  if (channel === 'sms' && !deps.config.sms)
    throw new AppError('VALIDATION_FAILED', {}, { email: { key: 'join.emailNeeded' } });
  const to = (email ?? phone)!;
  await consume(deps.db, deps.clock, limitKey('signup-target', to), LIMITS.passwordReset);

  const passwordHash = await hashPassword(input.password);
  const owner = await findAccount(deps.db, deps.config.keys, {
    kind: channel === 'email' ? 'email' : 'phone',
    value: to,
  });
  const now = isoNow(deps.clock);
  if (owner) {
    // The same steps as below, bar keeping the form: one transaction, the sweep, one message.
    await deps.db.transaction().execute(async (trx) => {
      await deleteExpiredSignups(trx, now);
      if (!owner.person.disabled)
        await tellOwner(trx, deps, { network, owner: owner.person, channel, to, lang });
    });
    return;
  }
  const id = newId();
  const token = randomToken();
  const language = input.language ?? lang;
  const pending: Pending = {
    displayName: input.displayName,
    email,
    phone,
    passwordHash,
    language: input.language ?? null,
  };
  const t = translator(language);
  const link = `${deps.config.baseUrl}/join/confirm/${token}`;
  await deps.db.transaction().execute(async (trx) => {
    await deleteExpiredSignups(trx, now);
    await insertSignup(trx, {
      id,
      networkId: network.id,
      tokenHash: hashToken(token),
      sealedPayload: encrypt(deps.config.keys, JSON.stringify(pending), payloadContext(id)),
      createdAt: now,
      expiresAt: isoPlus(deps.clock, SIGNUP_TTL),
    });
    await enqueue(trx, deps, {
      networkId: network.id,
      personId: null,
      channel,
      kind: 'signup.confirm',
      language,
      to,
      ...(channel === 'email'
        ? {
            subject: t('mail.joinConfirm.subject', { network: network.name }),
            text: t('mail.joinConfirm.body', {
              name: input.displayName,
              network: network.name,
              link,
            }),
          }
        : { text: t('sms.joinConfirm', { network: network.name, link }) }),
      key: `signup.confirm:${id}`,
    });
  });
}

/** "Someone tried to join <network> with your address": at most one an hour per network. */
async function tellOwner(
  db: Db,
  deps: SignupDeps,
  o: {
    network: Network;
    owner: { id: string; displayName: string; preferredLanguage: string | null };
    channel: 'email' | 'sms';
    to: string;
    lang: Language;
  },
): Promise<void> {
  const language = isLanguage(o.owner.preferredLanguage) ? o.owner.preferredLanguage : o.lang;
  const t = translator(language);
  const base = deps.config.baseUrl;
  const signIn = `${base}/sign-in?next=${encodeURIComponent(`/n/${o.network.slug}/join`)}`;
  const reset = `${base}/password/forgot`;
  const hour = Math.floor(deps.clock.now().getTime() / HOUR);
  await enqueue(db, deps, {
    networkId: o.network.id,
    personId: o.owner.id,
    channel: o.channel,
    kind: 'signup.existing_account',
    language,
    to: o.to,
    ...(o.channel === 'email'
      ? {
          subject: t('mail.joinAttempt.subject', { network: o.network.name }),
          text: t('mail.joinAttempt.body', {
            name: o.owner.displayName,
            network: o.network.name,
            signIn,
            reset,
          }),
        }
      : { text: t('sms.joinAttempt', { network: o.network.name, link: signIn }) }),
    key: `signup.existing_account:${o.network.id}:${o.owner.id}:${hour}`,
  });
}

/** The page behind the link, before its button: for whom and which network, or 410. */
export async function openSignupLink(
  deps: SignupDeps,
  token: string,
): Promise<{ network: Network; displayName: string }> {
  const row = await findLiveSignup(deps.db, hashToken(token), isoNow(deps.clock));
  const network = row ? await findNetworkById(deps.db, row.networkId) : null;
  if (!row || !network) throw new AppError('SIGNUP_LINK_INVALID');
  return { network, displayName: openPending(deps, row).displayName };
}

/**
 * Second step, from the link: makes the account with what was typed, a neighbour membership,
 * and a session. The link works once. A phone number taken by another account in the
 * meantime (or from the start: only the email was checked) is left out, and `phoneLeftOut`
 * says so; the person can ask a coordinator to add it.
 */
export async function finishSignUp(
  deps: SignupDeps,
  { token, client }: { token: string; client: ClientInfo },
): Promise<{ token: string; personId: string; network: Network; phoneLeftOut: boolean }> {
  const now = isoNow(deps.clock);
  const done = await deps.db.transaction().execute(async (trx) => {
    const row = await takeSignup(trx, hashToken(token), now);
    const network = row ? await findNetworkById(trx, row.networkId) : null;
    if (!row || !network) throw new AppError('SIGNUP_LINK_INVALID');
    const p = openPending(deps, row);
    const phoneLeftOut =
      p.phone !== null &&
      (await findAccount(trx, deps.config.keys, { kind: 'phone', value: p.phone })) !== null;
    const personId = await createAccount(trx, deps, {
      displayName: p.displayName,
      email: p.email ?? undefined,
      phone: phoneLeftOut ? undefined : (p.phone ?? undefined),
      password: '',
      passwordHash: p.passwordHash,
      language: p.language ?? undefined,
    });
    await joinAsNeighbour(trx, deps, network, personId, { kind: 'system', label: 'sign-up' });
    return { personId, network, phoneLeftOut };
  });
  return { ...done, token: await sessionFor(deps, done.personId, client) };
}

/**
 * A signed-in person joins an open network with their account (the way on for someone told
 * "you already have an account"). Joining again changes nothing.
 */
export async function joinWithAccount(
  deps: SignupDeps,
  { actor, slug }: { actor: Actor; slug: string },
): Promise<Network> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  const network = await networkOpenToJoin(deps, slug);
  await deps.db.transaction().execute(async (trx) => {
    if ((await findRole(trx, network.id, actor.personId)) !== null) return;
    await joinAsNeighbour(trx, deps, network, actor.personId, actor);
  });
  return network;
}

export async function isMember(
  deps: Pick<Deps, 'db'>,
  networkId: string,
  personId: string,
): Promise<boolean> {
  return (await findRole(deps.db, networkId, personId)) !== null;
}

/** Everyone joins as a neighbour (who can both ask and offer); coordinators add duties. */
async function joinAsNeighbour(
  db: Db,
  deps: Pick<Deps, 'clock'>,
  network: Network,
  personId: string,
  actor: Actor,
): Promise<void> {
  await insertMembership(db, {
    id: newId(),
    networkId: network.id,
    personId,
    role: 'neighbour',
    now: isoNow(deps.clock),
  });
  await audit(db, deps.clock, {
    actor,
    action: 'auth.sign_up',
    networkId: network.id,
    subject: { type: 'person', id: personId },
    details: { role: 'neighbour' },
  });
}
