import type { Role } from '../../domain/access/roles.ts';
import type { Person } from './person.ts';

/** A person's membership of a network: who, with which role, since when. */
export interface Member {
  person: Person;
  /** The network this membership was read from (the privacy gate checks it). */
  networkId: string;
  role: Role;
  joinedAt: string;
}

/** A network a person belongs to, as their own list of networks shows it. */
export interface NetworkOfPerson {
  networkId: string;
  slug: string;
  name: string;
  role: Role;
}
