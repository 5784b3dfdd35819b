import type { Role } from '../../domain/access/roles.ts';

/** Who is acting: decided once per request by the auth gate, then passed to services. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'person';
      personId: string;
      displayName: string;
      isOperator: boolean;
      preferredLanguage: string | null;
      sessionId: string;
    }
  | { kind: 'token'; personId: string; tokenId: string; networkId: string; role: Role }
  | { kind: 'system'; label: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function personIdOf(actor: Actor): string | null {
  return actor.kind === 'person' || actor.kind === 'token' ? actor.personId : null;
}

export function isOperator(actor: Actor): boolean {
  return actor.kind === 'person' && actor.isOperator;
}
