import type { Role } from '../../domain/access/roles.ts';

/** An API token as its owner sees it (the secret itself is never stored). */
export interface ApiToken {
  id: string;
  personId: string;
  networkId: string;
  networkSlug: string;
  role: Role;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}
