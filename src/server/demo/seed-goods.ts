import type { Actor } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';
import { resolveScope } from '../core/scope.ts';
import { checkIn, createDay } from '../goods/distribution.service.ts';
import { addWant, createHousehold } from '../goods/household.service.ts';
import { createItem, createSite, recordMovement } from '../goods/stock.service.ts';

/**
 * The demo's goods (issue 5): two sites, five items (diapers with a firm limit), donations
 * and a purchase, four households, an open distribution day with two check-ins, and three
 * households waiting for scarce baby formula, ready for an allocation round. Everything goes
 * through the real services, so the ledger and the audit log are as in real use.
 */
export async function seedGoods(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  coordinator: Actor,
): Promise<void> {
  const scope = await resolveScope(deps.db, coordinator, 'riverside');
  const as = { actor: coordinator, scope };
  const hall = await createSite(deps, { ...as, input: { name: 'Church hall pantry' } });
  const garage = await createSite(deps, { ...as, input: { name: 'Ana’s garage' } });
  const item = (
    name: string,
    category: string,
    unit: string,
    extra: Partial<Parameters<typeof createItem>[1]['input']> = {},
  ) =>
    createItem(deps, {
      ...as,
      input: { name, category, unit, tracksExpiry: false, lowStock: 5, limitHard: false, ...extra },
    });
  const rice = await item('Rice', 'food', 'bag (1 kg)');
  const beans = await item('Canned beans', 'food', 'can', { tracksExpiry: true });
  const diapers = await item('Diapers', 'baby', 'pack', {
    limitQuantity: 2,
    limitDays: 7,
    limitHard: true,
  });
  const formula = await item('Baby formula', 'baby', 'tin', { limitQuantity: 3, limitDays: 14 });
  const soap = await item('Soap', 'hygiene', 'bar');
  const soon = new Date(deps.clock.now().getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
  const moves = [
    {
      kind: 'donation',
      itemId: rice.id,
      quantity: 40,
      toSiteId: hall.id,
      donorName: 'Corner grocery',
    },
    { kind: 'donation', itemId: beans.id, quantity: 60, toSiteId: hall.id, expiresOn: soon },
    { kind: 'purchase', itemId: diapers.id, quantity: 12, toSiteId: hall.id },
    { kind: 'donation', itemId: formula.id, quantity: 5, toSiteId: garage.id },
    { kind: 'donation', itemId: soap.id, quantity: 4, toSiteId: garage.id },
    { kind: 'transfer', itemId: rice.id, quantity: 10, fromSiteId: hall.id, toSiteId: garage.id },
  ] as const;
  for (const m of moves) await recordMovement(deps, { ...as, input: { ...m } });

  const families = [
    {
      name: 'Rosa Delgado',
      phone: '+15550100201',
      size: 4,
      ageBands: { '0-4': 1, '5-13': 1, '18-64': 2 },
      language: 'es',
    },
    {
      name: 'Harold Brooks',
      phone: '+15550100202',
      size: 1,
      ageBands: { '65+': 1 },
      language: 'en',
    },
    {
      name: 'Fatima Yusuf',
      phone: '+15550100203',
      size: 6,
      ageBands: { '0-4': 2, '5-13': 2, '18-64': 2 },
      language: 'en',
      dietary: ['halal'],
    },
    {
      name: 'Carmen Ruiz',
      phone: null,
      size: 2,
      ageBands: { '0-4': 1, '18-64': 1 },
      language: 'es',
    },
  ];
  const households = [];
  for (const f of families) {
    households.push(
      await createHousehold(deps, { ...as, input: { ...f, phone: f.phone ?? undefined } }),
    );
  }
  const today = deps.clock.now().toISOString().slice(0, 10);
  const dayId = await createDay(deps, {
    ...as,
    input: {
      siteId: hall.id,
      day: today,
      items: [
        { itemId: rice.id, perHousehold: 2 },
        { itemId: beans.id, perHousehold: 4 },
        { itemId: diapers.id, perHousehold: 1 },
      ],
    },
  });
  for (const h of households.slice(0, 2)) {
    await checkIn(deps, {
      ...as,
      dayId,
      input: {
        householdId: h.id,
        items: [
          { itemId: rice.id, quantity: 2 },
          { itemId: beans.id, quantity: 4 },
          { itemId: diapers.id, quantity: h.size > 1 ? 1 : 0 },
        ],
      },
    });
  }
  // Five tins of formula, eight asked for: a round to propose on the Fair sharing page.
  for (const [i, h] of [households[0]!, households[2]!, households[3]!].entries()) {
    await addWant(deps, {
      ...as,
      householdId: h.id,
      input: { itemId: formula.id, quantity: [3, 3, 2][i]! },
    });
  }
}
