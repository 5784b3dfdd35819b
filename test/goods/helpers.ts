import type { Network } from '../../src/server/core/network.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { createItem, createSite } from '../../src/server/goods/stock.service.ts';
import type { TestContext } from '../helpers/context.ts';
import { asPerson } from '../helpers/requests.ts';

export async function scopeAs(ctx: TestContext, network: Network, personId: string) {
  const actor = asPerson(personId);
  return { actor, scope: await resolveScope(ctx.db, actor, network.slug) };
}

let n = 0;
export async function makeGoods(
  ctx: TestContext,
  network: Network,
  coordinatorId: string,
  item: Partial<Parameters<typeof createItem>[1]['input']> = {},
) {
  n += 1;
  const as = await scopeAs(ctx, network, coordinatorId);
  const created = await createItem(ctx.deps, {
    ...as,
    input: {
      name: `Rice ${n}`,
      category: 'food',
      unit: 'bag',
      tracksExpiry: false,
      lowStock: 2,
      limitHard: false,
      ...item,
    },
  });
  const siteA = await createSite(ctx.deps, { ...as, input: { name: `Pantry ${n}` } });
  const siteB = await createSite(ctx.deps, { ...as, input: { name: `Garage ${n}` } });
  return { item: created, siteA, siteB, as };
}
