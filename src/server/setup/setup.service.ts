import type { Static } from 'typebox';
import { AppError } from '../../shared/app-error.ts';
import { hmac, randomToken, safeEqual } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkInput } from '../networks/network.schema.ts';
import { insertNetworkWithAdmin } from '../networks/network.service.ts';
import { type AccountFields, countOperators, createAccount } from '../people/person.service.ts';
import { deleteSetting, getSetting, putSettingIfAbsent } from './setup.repository.ts';

/** The random part of the setup link, kept until setup is done (the token itself is not). */
const SETUP_NONCE = 'setup_nonce';
/** Where an earlier version kept the hash of its per-start token; cleared on start. */
const OLD_SETUP_KEY = 'setup_token_hash';

/**
 * The link's token, derived from the nonce in the database and the deployment's SECRET_KEY:
 * every app server of the deployment (they share both) computes the same token, and a copy of
 * the database alone (without the secret) cannot make the link.
 */
function setupToken(config: Pick<Deps['config'], 'secretKey'>, nonce: string): string {
  return hmac(config.secretKey, `mutua setup link\n${nonce}`);
}

/**
 * On a production start with nobody in charge yet, a one-time link is printed to the
 * console: whoever can read the server's console may create the first operator. Once used
 * (or once an operator exists) it stops working.
 *
 * Several app servers may start at once on a fresh database: each offers a nonce, the first
 * one stored wins (insert-if-absent under the key's unique constraint), and all of them print
 * the link made from that one, so every printed link works. The link stays the same across
 * restarts until setup is done.
 */
export async function prepareSetupLink(deps: Pick<Deps, 'db' | 'config'>): Promise<string | null> {
  await deleteSetting(deps.db, OLD_SETUP_KEY);
  if ((await countOperators(deps.db)) > 0) {
    await deleteSetting(deps.db, SETUP_NONCE);
    return null;
  }
  const nonce = await putSettingIfAbsent(deps.db, SETUP_NONCE, randomToken());
  return `${deps.config.baseUrl}/setup/${setupToken(deps.config, nonce)}`;
}

export async function setupLinkIsLive(
  deps: Pick<Deps, 'db' | 'config'>,
  token: string,
): Promise<boolean> {
  const nonce = await getSetting(deps.db, SETUP_NONCE);
  return (
    nonce !== null &&
    safeEqual(setupToken(deps.config, nonce), token) &&
    (await countOperators(deps.db)) === 0
  );
}

/** Creates the first operator (also admin of the first network) and retires the link. */
export async function completeSetup(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  {
    token,
    account,
    network,
  }: { token: string; account: AccountFields; network: Static<typeof NetworkInput> },
): Promise<{ personId: string; slug: string }> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await setupLinkIsLive({ db: trx, config: deps.config }, token)))
      throw new AppError('SETUP_LINK_INVALID');
    // Two people completing setup at once: only the one whose delete finds the nonce goes on.
    if (!(await deleteSetting(trx, SETUP_NONCE))) throw new AppError('SETUP_LINK_INVALID');
    const personId = await createAccount(trx, deps, { ...account, isOperator: true });
    const actor = { kind: 'system', label: 'setup' } as const;
    const created = await insertNetworkWithAdmin(trx, deps.clock, {
      actor,
      input: network,
      adminId: personId,
    });
    await audit(trx, deps.clock, {
      actor,
      action: 'setup.completed',
      subject: { type: 'person', id: personId },
    });
    return { personId, slug: created.slug };
  });
}
