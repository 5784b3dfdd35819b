import { type Action, can, lowerRole, type Role } from '../../domain/access/roles.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Db } from '../db/database.ts';
import type { Actor } from './actor.ts';
import { findRole } from './membership.repository.ts';
import { findNetworkBySlug } from './network.repository.ts';
import type { Network } from './network.ts';

declare const scopeBrand: unique symbol;

/**
 * A network as seen by one actor: which network, and the actor's role in it (null when not a
 * member). Only `resolveScope` makes one, so a service holding a scope knows the network
 * exists and the role was read from the database for this request.
 */
export type NetworkScope = {
  readonly network: Network;
  readonly role: Role | null;
  readonly personId: string | null;
  readonly [scopeBrand]: true;
};

export async function resolveScope(db: Db, actor: Actor, slug: string): Promise<NetworkScope> {
  const network = await findNetworkBySlug(db, slug);
  if (!network) throw new AppError('NETWORK_NOT_FOUND', { slug });
  let role: Role | null = null;
  let personId: string | null = null;
  if (actor.kind === 'person') {
    personId = actor.personId;
    role = await findRole(db, network.id, actor.personId);
  } else if (actor.kind === 'token') {
    // A token is bound to one network; elsewhere it grants no role. Its bearer is still
    // authenticated, so they are refused (403), not asked to sign in (401).
    personId = actor.personId;
    if (actor.networkId === network.id) {
      const current = await findRole(db, network.id, actor.personId);
      role = current ? lowerRole(current, actor.role) : null;
    }
  }
  return { network, role, personId } as NetworkScope;
}

/** Throws unless the scope's actor may do `action`: 401 when signed out, 403 otherwise. */
export function authorize(scope: NetworkScope, action: Action): void {
  if (can(scope.role, action)) return;
  if (scope.personId === null) throw new AppError('SIGN_IN_REQUIRED');
  if (scope.role === null) throw new AppError('NOT_A_MEMBER', { network: scope.network.slug });
  throw new AppError('FORBIDDEN', { action });
}

export function requirePerson(actor: Actor): string {
  if (actor.kind === 'person' || actor.kind === 'token') return actor.personId;
  throw new AppError('SIGN_IN_REQUIRED');
}
