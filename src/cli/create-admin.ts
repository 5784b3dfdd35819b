import { parseIdentifier } from '../domain/people/contact.ts';
import { translator } from '../i18n/i18n.ts';
import { audit } from '../server/audit/audit.service.ts';
import { AccountInput } from '../server/auth/auth.schema.ts';
import type { Deps } from '../server/core/deps.ts';
import { findRole, insertMembership, updateRole } from '../server/core/membership.repository.ts';
import { findNetworkBySlug } from '../server/core/network.repository.ts';
import { ERRORS } from '../server/http/errors.ts';
import { parseOrThrow } from '../server/http/forms.ts';
import { NetworkInput } from '../server/networks/network.schema.ts';
import { insertNetworkWithAdmin } from '../server/networks/network.service.ts';
import { createAccount, findAccount, makeOperator } from '../server/people/person.service.ts';
import { isAppError } from '../shared/app-error.ts';
import { isoNow } from '../shared/clock.ts';
import { newId } from '../shared/ids.ts';

/**
 * The operator's way in on a production install: an account that operates the deployment
 * and administers one network (created when --network-name is given and it does not exist).
 * An existing account keeps its password and gains the roles.
 */
export async function createAdmin(
  deps: Deps,
  args: {
    email?: string | undefined;
    name?: string | undefined;
    network?: string | undefined;
    networkName?: string | undefined;
    password: string;
  },
): Promise<string> {
  const t = translator('en');
  try {
    if (!args.email || !args.network)
      throw new Error('--email and --network are required (see: npm run mutua -- help)');
    const id = parseIdentifier(args.email);
    if (id?.kind !== 'email') throw new Error(`--email: ${t('field.emailInvalid')}`);
    const actor = { kind: 'system', label: 'cli' } as const;
    return await deps.db.transaction().execute(async (trx) => {
      const now = isoNow(deps.clock);
      const existing = await findAccount(trx, deps.config.keys, id);
      let personId: string;
      if (existing) {
        personId = existing.person.id;
        await makeOperator(trx, personId, now);
      } else {
        const input = parseOrThrow(AccountInput, {
          displayName: args.name ?? '',
          email: id.value,
          password: args.password,
        });
        personId = await createAccount(trx, deps, { ...input, isOperator: true });
      }
      const network = await findNetworkBySlug(trx, args.network!);
      if (!network) {
        if (!args.networkName)
          throw new Error(`there is no network "${args.network}"; add --network-name to create it`);
        const input = parseOrThrow(NetworkInput, {
          slug: args.network!,
          name: args.networkName,
          defaultLanguage: deps.config.defaultLanguage,
          signupMode: 'invite',
        });
        await insertNetworkWithAdmin(trx, deps.clock, { actor, input, adminId: personId });
        return `created network ${input.slug} with ${id.value} as its admin (and operator of this Mutua)`;
      }
      const role = await findRole(trx, network.id, personId);
      if (role === null)
        await insertMembership(trx, {
          id: newId(),
          networkId: network.id,
          personId,
          role: 'admin',
          now,
        });
      else if (role !== 'admin') await updateRole(trx, network.id, personId, 'admin', now);
      await audit(trx, deps.clock, {
        actor,
        action: 'member.role_changed',
        networkId: network.id,
        subject: { type: 'person', id: personId },
        details: { from: role, to: 'admin' },
      });
      return `${id.value} is now admin of ${network.slug} (and operator of this Mutua)`;
    });
  } catch (e) {
    if (isAppError(e)) {
      const fields = Object.entries(e.fields ?? {}).map(
        ([f, m]) => `${f}: ${t(m.key as never, m.params)}`,
      );
      throw new Error(fields.length ? fields.join('; ') : t(ERRORS[e.code].message, e.params));
    }
    throw e;
  }
}
