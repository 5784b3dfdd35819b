import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.ts';
import { resolveScope } from '../../src/server/core/scope.ts';
import { createGoodsOffer, listGoodsOffers } from '../../src/server/offers/goods-offer.service.ts';
import { messageFromRow } from '../../src/server/outbox/outbox.repository.ts';
import { enqueue, openMessage } from '../../src/server/outbox/outbox.service.ts';
import { addPersonWithoutAccount, viewPerson } from '../../src/server/people/person.service.ts';
import { openPrivate } from '../../src/server/privacy/privacy-gate.ts';
import { rotateKeys } from '../../src/server/privacy/rotate-keys.ts';
import { sealedFromRow } from '../../src/server/requests/request.repository.ts';
import {
  DecryptError,
  decrypt,
  encrypt,
  newKeySpec,
  parseKeyRing,
} from '../../src/shared/crypto.ts';
import { createTestContext, type TestContext } from '../helpers/context.ts';
import { makeNetwork } from '../helpers/factories.ts';
import { makeRequest, REQUEST } from '../helpers/requests.ts';

describe('encryption at rest and key rotation', () => {
  it('is authenticated: a value altered, or moved to another row or field, does not open', () => {
    const ring = parseKeyRing(newKeySpec('a'), 'secret');
    const sealed = encrypt(ring, 'Marisol', 'requests.name:r1');
    assert.equal(decrypt(ring, sealed, 'requests.name:r1'), 'Marisol');
    assert.throws(() => decrypt(ring, sealed, 'requests.name:r2'), DecryptError);
    assert.throws(() => decrypt(ring, sealed, 'requests.phone:r1'), DecryptError);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    assert.throws(
      () =>
        decrypt(
          ring,
          [...parts.slice(0, 3), body.toString('base64url')].join('.'),
          'requests.name:r1',
        ),
      DecryptError,
    );
    assert.throws(
      () => decrypt(parseKeyRing(newKeySpec('a'), 'secret'), sealed, 'requests.name:r1'),
      DecryptError,
      'another key with the same id',
    );
  });

  let ctx: TestContext;
  const oldKey = newKeySpec('old');
  before(async () => {
    ctx = await createTestContext({ env: { ENCRYPTION_KEYS: oldKey } });
  });
  after(() => ctx.close());

  it('rotates: a new key first re-encrypts everything; then the old key can go', async () => {
    const net = await makeNetwork(ctx);
    const { summary } = await makeRequest(ctx, net.network);
    await enqueue(ctx.db, ctx.deps, {
      networkId: net.network.id,
      personId: null,
      channel: 'sms',
      kind: 'test',
      language: 'en',
      to: '+15550109999',
      text: 'sealed text',
      key: 'rotation-test',
    });
    // A person entered after a phone call, and a goods offer with collection notes.
    const c = net.members.coordinator;
    const coordinator = {
      kind: 'person',
      personId: c.id,
      displayName: c.name,
      isOperator: false,
      preferredLanguage: null,
      sessionId: 'test',
    } as const;
    const scope = await resolveScope(ctx.db, coordinator, net.network.slug);
    const personId = await addPersonWithoutAccount(ctx.deps, {
      actor: coordinator,
      scope,
      input: { displayName: 'By phone', phone: '+15550107777', email: 'byphone@example.org' },
    });
    const offer = await createGoodsOffer(ctx.deps, {
      actor: coordinator,
      scope,
      input: { what: 'Beans', quantity: 3, unit: 'kg', collectNotes: 'Blue door' },
    });
    const newKey = newKeySpec('new');
    const rotated = loadConfig({
      DATA_DIR: ctx.config.dataDir,
      SECRET_KEY: ctx.config.secretKey,
      ENCRYPTION_KEYS: `${newKey},${oldKey}`,
      DATABASE_URL: ctx.config.databaseUrl,
    });
    const { rewritten } = await rotateKeys({ db: ctx.db, config: rotated });
    assert.ok(rewritten >= 1);
    const row = await ctx.db
      .selectFrom('requests')
      .selectAll()
      .where('id', '=', summary.id)
      .executeTakeFirstOrThrow();
    assert.match(row.name_enc!, /^v1\.new\./);
    const onlyNew = parseKeyRing(newKey, ctx.config.secretKey);
    assert.equal(openPrivate(onlyNew, summary.id, sealedFromRow(row)).name, REQUEST.name);
    const message = await ctx.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('idempotency_key', '=', 'rotation-test')
      .executeTakeFirstOrThrow();
    assert.match(message.body_enc, /^v1\.new\./, 'the outbox too');
    const opened = openMessage(
      { config: { ...ctx.config, keys: onlyNew } },
      messageFromRow(message),
    );
    assert.equal(opened.text, 'sealed text');
    assert.equal(opened.to, '+15550109999');
    const person = await ctx.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    assert.match(person.phone_enc!, /^v1\.new\./, 'people too');
    assert.match(person.email_enc!, /^v1\.new\./);
    const afterDeps = { ...ctx.deps, config: { ...ctx.config, keys: onlyNew } };
    assert.deepEqual((await viewPerson(afterDeps, { scope, personId })).shown, {
      email: 'byphone@example.org',
      phone: '+15550107777',
    });
    const offers = await listGoodsOffers(afterDeps, { actor: coordinator, scope });
    assert.equal(offers.kind, 'all');
    assert.equal(
      offers.kind === 'all' && offers.offers.find((o) => o.id === offer.id)?.collectNotes,
      'Blue door',
      'and goods offers',
    );
    assert.equal(
      (await rotateKeys({ db: ctx.db, config: rotated })).rewritten,
      0,
      'a second run has nothing to do',
    );
  });
});
