import type { Actor } from '../../src/server/core/actor.ts';
import type { Network } from '../../src/server/core/network.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { insertArea } from '../../src/server/networks/network.repository.ts';
import {
  createRequest,
  type IntakeInput,
  type IntakeSource,
} from '../../src/server/requests/request-intake.service.ts';
import { newId } from '../../src/shared/ids.ts';
import type { TestContext } from './context.ts';

export const asPerson = (personId: string): Actor => ({
  kind: 'person',
  personId,
  displayName: 'x',
  isOperator: false,
  preferredLanguage: null,
  sessionId: `s-${personId}`,
});

export async function addArea(
  ctx: TestContext,
  network: Network,
  name = 'Old Town',
  centre = { lat: 45.5231, lng: -122.6705 },
) {
  const id = newId();
  await insertArea(
    ctx.db,
    { id, networkId: network.id, name, centre, radiusM: 1000, polygon: null },
    ctx.clock.now().toISOString(),
  );
  return id;
}

export const REQUEST: IntakeInput = {
  category: 'groceries',
  details: 'Two bags of groceries; my name is on the bell: Lopez, flat 3B',
  urgency: 'high',
  householdSize: 3,
  address: '12 Elm Street, flat 3B',
  when: 'any',
  name: 'Marisol',
  phone: '+1 555 010 4242',
  language: 'es',
  accessibility: 'Third floor, no lift',
};

/** A request through the public channel, as an anonymous neighbour. */
export async function makeRequest(
  ctx: TestContext,
  network: Network,
  over: Partial<IntakeInput> = {},
  channel: 'web' | 'phone' | 'api' = 'web',
  actor: Actor = { kind: 'anonymous' },
  source: IntakeSource | null = null,
) {
  const scope = await resolveScope(ctx.db, actor, network.slug);
  return createRequest(ctx.deps, {
    actor,
    scope,
    channel,
    source,
    input: { ...REQUEST, ...over },
  });
}
