import type { Role } from '../../src/domain/access/roles.ts';
import { insertMembership } from '../../src/server/core/membership.repository.ts';
import type { Network } from '../../src/server/core/network.ts';
import { insertNetworkWithAdmin } from '../../src/server/networks/network.service.ts';
import { createAccount } from '../../src/server/people/person.service.ts';
import { newId } from '../../src/shared/ids.ts';
import type { TestContext } from './context.ts';

export const PASSWORD = 'correct horse battery';
let counter = 0;

/** A person who can sign in. */
export async function makeAccount(
  ctx: TestContext,
  over: {
    name?: string;
    email?: string;
    phone?: string;
    language?: 'en' | 'es';
    operator?: boolean;
  } = {},
): Promise<{ id: string; email: string; name: string }> {
  counter += 1;
  const email = over.email ?? `person${counter}-${newId().slice(-6)}@example.org`;
  const name = over.name ?? `Person ${counter}`;
  const id = await createAccount(ctx.db, ctx.deps, {
    displayName: name,
    email,
    phone: over.phone,
    password: PASSWORD,
    language: over.language,
    isOperator: over.operator ?? false,
  });
  return { id, email, name };
}

/** A network with an admin account, and a member of each other role. */
export async function makeNetwork(
  ctx: TestContext,
  over: {
    slug?: string;
    name?: string;
    signupMode?: 'open' | 'invite';
    defaultLanguage?: 'en' | 'es';
  } = {},
): Promise<{
  network: Network;
  admin: Awaited<ReturnType<typeof makeAccount>>;
  members: Record<Role, Awaited<ReturnType<typeof makeAccount>>>;
}> {
  counter += 1;
  const admin = await makeAccount(ctx, { name: `Admin ${counter}` });
  const network = await insertNetworkWithAdmin(ctx.db, ctx.clock, {
    actor: { kind: 'system', label: 'test' },
    adminId: admin.id,
    input: {
      slug: over.slug ?? `net-${counter}-${newId().slice(-6)}`,
      name: over.name ?? `Network ${counter}`,
      defaultLanguage: over.defaultLanguage ?? 'en',
      signupMode: over.signupMode ?? 'open',
    },
  });
  const members = { admin } as Record<Role, Awaited<ReturnType<typeof makeAccount>>>;
  for (const role of ['neighbour', 'volunteer', 'coordinator'] as const) {
    members[role] = await addMember(ctx, network, role);
  }
  return { network, admin, members };
}

export async function addMember(
  ctx: TestContext,
  network: Network,
  role: Role,
  over: Parameters<typeof makeAccount>[1] = {},
) {
  const person = await makeAccount(ctx, { name: `${role} ${network.slug}`, ...over });
  await insertMembership(ctx.db, {
    id: newId(),
    networkId: network.id,
    personId: person.id,
    role,
    now: ctx.clock.now().toISOString(),
  });
  return person;
}
