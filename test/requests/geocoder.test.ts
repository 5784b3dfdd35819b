import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { roundForPrivacy } from '../../src/domain/geo/geo.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { geocodeAddress } from '../../src/server/delivery/geocoder.ts';
import { createRequest } from '../../src/server/requests/request-intake.service.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';

/** A local HTTP geocoder answering as Nominatim does; it records what it was asked. */
async function startGeocoder(): Promise<{
  url: string;
  asked: URL[];
  close: () => Promise<void>;
  mode: { down: boolean };
}> {
  const asked: URL[] = [];
  const mode = { down: false };
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    asked.push(u);
    if (mode.down) {
      res.writeHead(503).end('busy');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      u.searchParams.get('q')?.includes('Nowhere')
        ? '[]'
        : JSON.stringify([{ lat: '19.43261', lon: '-99.13321', display_name: 'x' }]),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    asked,
    mode,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('a typed address placed by the operator’s geocoder', () => {
  let ctx: TestContext;
  let geo: Awaited<ReturnType<typeof startGeocoder>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  before(async () => {
    geo = await startGeocoder();
    ctx = await createTestContext({ env: { GEOCODER_URL: geo.url } });
    net = await makeNetwork(ctx, { name: 'Centro' });
  });
  after(async () => {
    await ctx.close();
    await geo.close();
  });

  const file = async (address: string) => {
    const scope = await resolveScope(ctx.db, { kind: 'anonymous' }, net.network.slug);
    const { summary } = await createRequest(ctx.deps, {
      actor: { kind: 'anonymous' },
      scope,
      channel: 'web',
      source: null,
      input: {
        category: net.network.categories[0]!,
        urgency: 'normal',
        householdSize: 1,
        address,
        when: 'any',
        name: 'Ana Pérez',
        phone: '+525512345678',
        language: 'es',
      },
    });
    return ctx.db
      .selectFrom('requests')
      .select(['approx_lat', 'approx_lng'])
      .where('id', '=', summary.id)
      .executeTakeFirstOrThrow();
  };

  it('keeps only the 500 m cell of the place, and sends the address alone', async () => {
    const row = await file('Calle Madero 12, Centro');
    const cell = roundForPrivacy({ lat: 19.43261, lng: -99.13321 });
    assert.equal(Number(row.approx_lat), cell.lat);
    assert.equal(Number(row.approx_lng), cell.lng);
    const last = geo.asked.at(-1)!;
    assert.equal(last.searchParams.get('q'), 'Calle Madero 12, Centro');
    assert.ok(
      !last.search.includes('Ana') && !last.search.includes('5512345678'),
      'no name or phone sent',
    );
  });

  it('a geocoder that is down or does not know the place: the request is filed without a point', async () => {
    geo.mode.down = true;
    const down = await file('Calle Madero 14');
    geo.mode.down = false;
    assert.equal(down.approx_lat, null);
    const unknown = await file('Nowhere street');
    assert.equal(unknown.approx_lat, null);
  });

  it('with no geocoder set, nothing is fetched', async () => {
    const before = geo.asked.length;
    assert.equal(
      await geocodeAddress({ geocoderUrl: null, baseUrl: 'http://x' }, 'Calle Madero 12'),
      null,
    );
    assert.equal(geo.asked.length, before);
  });
});
