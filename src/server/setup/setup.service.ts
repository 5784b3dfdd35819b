import type { Static } from 'typebox';
import { AppError } from '../../shared/app-error.ts';
import { hashToken, randomToken, safeEqual } from '../../shared/secrets.ts';
import { audit } from '../audit/audit.service.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkInput } from '../networks/network.schema.ts';
import { insertNetworkWithAdmin } from '../networks/network.service.ts';
import { countOperators } from '../people/person.repository.ts';
import { type AccountFields, createAccount } from '../people/person.service.ts';
import { deleteSetting, getSetting, putSetting } from './setup.repository.ts';

const SETUP_KEY = 'setup_token_hash';

/**
 * On a production start with nobody in charge yet, a one-time link is printed to the
 * console: whoever can read the server's console may create the first operator. Once used
 * (or once an operator exists) it stops working. A new start makes a new link.
 */
export async function prepareSetupLink(deps: Pick<Deps, 'db' | 'config'>): Promise<string | null> {
  if ((await countOperators(deps.db)) > 0) {
    await deleteSetting(deps.db, SETUP_KEY);
    return null;
  }
  const token = randomToken();
  await putSetting(deps.db, SETUP_KEY, hashToken(token));
  return `${deps.config.baseUrl}/setup/${token}`;
}

export async function setupLinkIsLive(deps: Pick<Deps, 'db'>, token: string): Promise<boolean> {
  const stored = await getSetting(deps.db, SETUP_KEY);
  return (
    stored !== null && safeEqual(stored, hashToken(token)) && (await countOperators(deps.db)) === 0
  );
}

/** Creates the first operator (also admin of the first network) and retires the link. */
export async function completeSetup(
  deps: Pick<Deps, 'db' | 'clock'>,
  {
    token,
    account,
    network,
  }: { token: string; account: AccountFields; network: Static<typeof NetworkInput> },
): Promise<{ personId: string; slug: string }> {
  return deps.db.transaction().execute(async (trx) => {
    if (!(await setupLinkIsLive({ db: trx }, token))) throw new AppError('SETUP_LINK_INVALID');
    if (!(await deleteSetting(trx, SETUP_KEY))) throw new AppError('SETUP_LINK_INVALID');
    const personId = await createAccount(trx, deps.clock, { ...account, isOperator: true });
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
