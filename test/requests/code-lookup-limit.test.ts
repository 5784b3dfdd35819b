import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CODE_ALPHABET, formatCode } from '../../src/domain/requests/request-code.ts';
import { en } from '../../src/i18n/en.ts';
import { es } from '../../src/i18n/es.ts';
import { drainOutbox } from '../../src/server/outbox/outbox.worker.ts';
import { LIMITS } from '../../src/server/rate-limit/rate-limit.service.ts';
import { HOUR } from '../../src/shared/clock.ts';
import { createTestContext, DIALECT, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { text } from '../helpers/http.ts';
import { makeRequest } from '../helpers/requests.ts';
import { startSmsGateway, textIn } from '../helpers/sms-gateway.ts';

/** Codes in the right form that no request here has (one request, 23^6 possible codes). */
const missCode = (i: number) =>
  `QQ${CODE_ALPHABET[i % 23]}${CODE_ALPHABET[Math.floor(i / 23) % 23]}XW`;

describe(`lookups by code are limited per client (${DIALECT})`, () => {
  let ctx: TestContext;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let net: Awaited<ReturnType<typeof makeNetwork>>;
  let code: string;

  before(async () => {
    gateway = await startSmsGateway();
    ctx = await createTestContext({ env: { ...gateway.env, TRUST_PROXY: 'true' } });
    net = await makeNetwork(ctx, { name: 'Riverside Mutual Aid' });
    code = (await makeRequest(ctx, net.network)).summary.code;
  });
  after(async () => {
    await ctx.close();
    await gateway.close();
  });

  const page = (ip: string, c: string, lang = 'en') =>
    ctx.app.inject({
      method: 'GET',
      url: `/n/${net.network.slug}/r/${c}`,
      headers: { 'x-forwarded-for': ip, 'accept-language': lang },
    });
  const api = (ip: string, c: string) =>
    ctx.app.inject({
      method: 'GET',
      url: `/api/v1/networks/${net.network.slug}/requests/by-code/${c}`,
      headers: { 'x-forwarded-for': ip },
    });

  it('the status page: the 21st miss from one address is refused (429, translated, Retry-After); another address still works', async () => {
    assert.equal(LIMITS.codeMiss.max, 20);
    for (let i = 0; i < 20; i++) {
      const res = await page('203.0.113.10', missCode(i));
      assert.equal(res.statusCode, 404, `miss ${i + 1}`);
    }
    const refused = await page('203.0.113.10', missCode(20), 'es');
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After');
    assert.ok(Number(refused.headers['retry-after']) <= 3600);
    assert.ok(text(refused.body).includes(es['status.429']), 'in Spanish');
    assert.ok(text(refused.body).includes(es['error.rateLimited'].split('{')[0]!.trim()));

    // Now even a real code is refused from there: the refusal tells nothing about the code.
    assert.equal((await page('203.0.113.10', code)).statusCode, 429);
    // The same address on the API shares the counter.
    const viaApi = await api('203.0.113.10', code);
    assert.equal(viaApi.statusCode, 429);
    assert.equal((viaApi.json() as { error: { code: string } }).error.code, 'RATE_LIMITED');

    // Another address is not affected.
    const other = await page('198.51.100.7', formatCode(code));
    assert.equal(other.statusCode, 200);
    assert.equal((await page('198.51.100.7', missCode(0))).statusCode, 404);

    // An hour later the first address may look again.
    ctx.clock.advance(HOUR + 1000);
    assert.equal((await page('203.0.113.10', code)).statusCode, 200);
  });

  it('the API: the same limit, answered as JSON with Retry-After', async () => {
    for (let i = 0; i < 20; i++)
      assert.equal((await api('203.0.113.20', missCode(i))).statusCode, 404, `miss ${i + 1}`);
    const refused = await api('203.0.113.20', missCode(20));
    assert.equal(refused.statusCode, 429);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    const body = refused.json() as { error: { code: string; message: string } };
    assert.equal(body.error.code, 'RATE_LIMITED');
    assert.match(body.error.message, /^Too many tries\. Please wait \d+ minutes/);
    assert.equal((await api('203.0.113.21', code)).statusCode, 200, 'another address');
  });

  it('found codes count too: 200 lookups an hour, then a wait', async () => {
    for (let i = 0; i < LIMITS.codeLookup.max; i++)
      assert.equal((await api('203.0.113.30', code)).statusCode, 200, `lookup ${i + 1}`);
    assert.equal((await api('203.0.113.30', code)).statusCode, 429);
    assert.equal((await api('203.0.113.31', code)).statusCode, 200);
  });

  it('SMS STATUS and YES: the 21st miss from one phone gets a translated "wait", another phone an answer', async () => {
    const converse = async (from: string, body: string) => {
      const before = gateway.to(from).length;
      assert.equal((await textIn(ctx.app, ctx.config.baseUrl, { from, body })).statusCode, 200);
      await drainOutbox(ctx.deps);
      return gateway.to(from).slice(before)[0]?.body ?? '';
    };
    const phone = '+15550601001';
    for (let i = 0; i < 20; i++) {
      const reply = await converse(phone, `${i % 2 ? 'YES' : 'STATUS'} ${missCode(i)}`);
      assert.match(reply, /We could not find/, `miss ${i + 1}`);
    }
    const refused = await converse(phone, `ESTADO ${formatCode(code)}`);
    assert.match(
      refused,
      /^Se probaron demasiados códigos desde este teléfono\. Espere \d+ minutos/,
    );
    assert.ok(!refused.includes(formatCode(code)), 'nothing about the code');
    const other = await converse('+15550601002', `STATUS ${formatCode(code)}`);
    assert.match(other, new RegExp(`Request ${formatCode(code)}: `));
    assert.ok(en['sms.tooManyLookups'].includes('{minutes}'));
  });
});
