import { canAssign, type Role } from '../../domain/access/roles.ts';
import { normaliseEmail } from '../../domain/people/contact.ts';
import { isLanguage, type Language, translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, isoNow, isoPlus } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { hashToken, randomToken } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findRole, insertMembership } from '../core/membership.repository.ts';
import { findNetworkById } from '../core/network.repository.ts';
import type { Network } from '../core/network.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { enqueue } from '../outbox/outbox.service.ts';
import { type AccountFields, createAccount } from '../people/person.service.ts';
import {
  findLiveInvitation,
  type Invitation,
  insertInvitation,
  listInvitations,
  markAccepted,
  markRevoked,
  type NewInvitation,
} from './invitation.repository.ts';

/** Two weeks: long enough for a flyer handed out at a distribution, short if it is lost. */
export const INVITATION_TTL = 14 * DAY;

/**
 * Invites someone with a role. The link is returned to the inviter (to pass on by text or
 * in person) and, when an email is given, sent to it in the network's language.
 */
export async function createInvitation(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    actor,
    scope,
    input,
  }: { actor: Actor; scope: NetworkScope; input: { email?: string | undefined; role: Role } },
): Promise<{ invitation: Invitation; link: string }> {
  authorize(scope, 'invitations.create');
  if (!canAssign(scope.role, input.role)) throw new AppError('ROLE_TOO_HIGH', { role: input.role });
  const token = randomToken();
  const now = isoNow(deps.clock);
  const row: NewInvitation = {
    id: newId(),
    networkId: scope.network.id,
    email: input.email ? normaliseEmail(input.email) : null,
    role: input.role,
    tokenHash: hashToken(token),
    createdBy: scope.personId!,
    createdAt: now,
    expiresAt: isoPlus(deps.clock, INVITATION_TTL),
  };
  const link = `${deps.config.baseUrl}/invite/${token}`;
  await deps.db.transaction().execute(async (trx) => {
    await insertInvitation(trx, row);
    if (row.email) {
      const lang: Language = isLanguage(scope.network.defaultLanguage)
        ? scope.network.defaultLanguage
        : 'en';
      const t = translator(lang);
      await enqueue(trx, deps, {
        networkId: scope.network.id,
        personId: null,
        channel: 'email',
        kind: 'invitation',
        language: lang,
        to: row.email,
        subject: t('mail.invite.subject', { network: scope.network.name }),
        text: t('mail.invite.body', {
          network: scope.network.name,
          role: t(`role.${input.role}`),
          link,
        }),
        key: `invitation:${row.id}`,
      });
    }
    await audit(trx, deps.clock, {
      actor,
      action: 'invitation.created',
      networkId: scope.network.id,
      subject: { type: 'invitation', id: row.id },
      details: { role: input.role },
    });
  });
  const invitation = (await listInvitations(deps.db, scope.network.id)).find(
    (i) => i.id === row.id,
  )!;
  return { invitation, link };
}

export async function invitationsOf(
  deps: Pick<Deps, 'db'>,
  { scope }: { scope: NetworkScope },
): Promise<Invitation[]> {
  authorize(scope, 'invitations.list');
  return listInvitations(deps.db, scope.network.id);
}

export async function revokeInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  { actor, scope, invitationId }: { actor: Actor; scope: NetworkScope; invitationId: string },
): Promise<void> {
  authorize(scope, 'invitations.create');
  await deps.db.transaction().execute(async (trx) => {
    if (!(await markRevoked(trx, scope.network.id, invitationId, isoNow(deps.clock))))
      throw new AppError('NOT_FOUND');
    await audit(trx, deps.clock, {
      actor,
      action: 'invitation.revoked',
      networkId: scope.network.id,
      subject: { type: 'invitation', id: invitationId },
    });
  });
}

/** What the invitation page shows before anyone accepts. */
export async function openInvitation(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<{ invitation: Invitation; network: Network }> {
  const invitation = await findLiveInvitation(deps.db, hashToken(token), isoNow(deps.clock));
  const network = invitation ? await findNetworkById(deps.db, invitation.networkId) : null;
  if (!invitation || !network) throw new AppError('INVITATION_INVALID');
  return { invitation, network };
}

/**
 * Accepts an invitation: as the signed-in person, or by creating an account. Used once; a
 * person already in the network keeps their role (an invitation never demotes anyone).
 */
export async function acceptInvitation(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  { actor, token, account }: { actor: Actor; token: string; account?: AccountFields },
): Promise<{ personId: string; network: Network; created: boolean }> {
  const { invitation, network } = await openInvitation(deps, token);
  return deps.db.transaction().execute(async (trx) => {
    const now = isoNow(deps.clock);
    let personId: string;
    let created = false;
    if (actor.kind === 'person') {
      personId = actor.personId;
    } else if (account) {
      personId = await createAccount(trx, deps, {
        ...account,
        email: account.email ?? invitation.email ?? undefined,
      });
      created = true;
    } else {
      throw new AppError('SIGN_IN_REQUIRED');
    }
    if (!(await markAccepted(trx, invitation.id, personId, now)))
      throw new AppError('INVITATION_INVALID');
    if ((await findRole(trx, network.id, personId)) === null) {
      await insertMembership(trx, {
        id: newId(),
        networkId: network.id,
        personId,
        role: invitation.role,
        now,
      });
    }
    await audit(trx, deps.clock, {
      actor: actor.kind === 'anonymous' ? { kind: 'system', label: 'invitation' } : actor,
      action: 'invitation.accepted',
      networkId: network.id,
      subject: { type: 'person', id: personId },
      details: { invitation: invitation.id, role: invitation.role, new_account: created },
    });
    return { personId, network, created };
  });
}
