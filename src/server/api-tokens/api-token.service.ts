import { atLeast, type Role } from '../../domain/access/roles.ts';
import { AppError } from '../../shared/app-error.ts';
import { DAY, isoNow, isoPlus, MINUTE } from '../../shared/clock.ts';
import { newId } from '../../shared/ids.ts';
import { hashToken, randomToken } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { findRole } from '../core/membership.repository.ts';
import { findNetworkBySlug } from '../core/network.repository.ts';
import {
  findLiveToken,
  insertApiToken,
  listTokensOf,
  revokeToken,
  touchToken,
} from './api-token.repository.ts';
import type { ApiToken } from './api-token.ts';

/** Tokens read `mutua_` and 43 random characters, so a leaked one is easy to spot in code. */
export const TOKEN_PREFIX = 'mutua_';
const TOUCH_EVERY = 5 * MINUTE;

/**
 * A personal token for an integration (a spreadsheet sync, a phone line's script): bound to
 * one network and a role no higher than the person holds there. It stays as powerful as
 * the person: demote them and their tokens are demoted too (see resolveScope).
 */
export async function createApiToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    actor,
    input,
  }: {
    actor: Actor;
    input: { name: string; networkSlug: string; role: Role; expiresInDays?: number | undefined };
  },
): Promise<{ token: string; apiToken: ApiToken }> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  const network = await findNetworkBySlug(deps.db, input.networkSlug);
  if (!network)
    throw new AppError('VALIDATION_FAILED', {}, { networkSlug: { key: 'field.choose' } });
  const role = await findRole(deps.db, network.id, actor.personId);
  if (!role) throw new AppError('NOT_A_MEMBER', { network: network.slug });
  if (!atLeast(role, input.role)) {
    throw new AppError(
      'ROLE_TOO_HIGH',
      { role: input.role },
      { role: { key: 'error.roleTooHigh' } },
    );
  }
  const token = TOKEN_PREFIX + randomToken();
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await insertApiToken(trx, {
      id,
      personId: actor.personId,
      networkId: network.id,
      role: input.role,
      name: input.name,
      tokenHash: hashToken(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 4),
      createdAt: isoNow(deps.clock),
      expiresAt: input.expiresInDays ? isoPlus(deps.clock, input.expiresInDays * DAY) : null,
    });
    await audit(trx, deps.clock, {
      actor,
      action: 'api_token.created',
      networkId: network.id,
      subject: { type: 'person', id: actor.personId },
      details: { token: id, role: input.role },
    });
  });
  const apiToken = (await listTokensOf(deps.db, actor.personId)).find((t) => t.id === id)!;
  return { token, apiToken };
}

export async function myApiTokens(deps: Pick<Deps, 'db'>, actor: Actor): Promise<ApiToken[]> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  return listTokensOf(deps.db, actor.personId);
}

export async function revokeApiToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  tokenId: string,
): Promise<void> {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  const tokens = await listTokensOf(deps.db, actor.personId);
  const target = tokens.find((t) => t.id === tokenId);
  if (!target || !(await revokeToken(deps.db, actor.personId, tokenId, isoNow(deps.clock)))) {
    throw new AppError('NOT_FOUND');
  }
  await audit(deps.db, deps.clock, {
    actor,
    action: 'api_token.revoked',
    networkId: target.networkId,
    subject: { type: 'person', id: actor.personId },
    details: { token: tokenId },
  });
}

/** The actor a bearer token stands for, or TOKEN_INVALID. */
export async function actorFromApiToken(
  deps: Pick<Deps, 'db' | 'clock'>,
  token: string,
): Promise<Actor> {
  if (!token.startsWith(TOKEN_PREFIX)) throw new AppError('TOKEN_INVALID');
  const now = deps.clock.now();
  const found = await findLiveToken(deps.db, hashToken(token), now.toISOString());
  if (!found) throw new AppError('TOKEN_INVALID');
  if (!found.lastUsedAt || now.getTime() - new Date(found.lastUsedAt).getTime() > TOUCH_EVERY) {
    await touchToken(deps.db, found.id, now.toISOString());
  }
  return {
    kind: 'token',
    personId: found.personId,
    tokenId: found.id,
    networkId: found.networkId,
    role: found.role,
  };
}
