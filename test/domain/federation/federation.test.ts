import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  checkContentDigest,
  contentDigest,
} from '../../../src/domain/federation/content-digest.ts';
import {
  type HttpMessage,
  signatureBase,
  signMessage,
  verifyMessage,
} from '../../../src/domain/federation/http-signatures.ts';
import {
  fingerprint,
  generateNetworkKey,
  importPublicKey,
  publicKeyOf,
  thumbprint,
} from '../../../src/domain/federation/keys.ts';
import {
  accepts,
  applyPairingEvent,
  type Pairing,
  parsePeerUrl,
  propose,
  proposedToUs,
} from '../../../src/domain/federation/pairing.ts';
import { firstSight, keepNonceUntil, newNonce } from '../../../src/domain/federation/replay.ts';
import {
  parseDictionary,
  serializeDictionary,
} from '../../../src/domain/federation/structured-fields.ts';

// RFC 9421 Appendix B.1.4: test-key-ed25519.
const RFC_PRIVATE = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF
-----END PRIVATE KEY-----`;
const RFC_PUBLIC = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAJrQLj5P/89iXES9+vFgrIy29clF9CC/oPPsw3c5D0bs=
-----END PUBLIC KEY-----`;
// RFC 9421 Appendix B.2: the test request.
const RFC_REQUEST: HttpMessage = {
  method: 'POST',
  url: 'https://example.com/foo?param=Value&Pet=dog',
  headers: {
    Host: 'example.com',
    Date: 'Tue, 20 Apr 2021 02:07:55 GMT',
    'Content-Type': 'application/json',
    'Content-Digest':
      'sha-512=:WZDPaVn/7XgHaAy8pmojAkGWoRx2UFChF41A2svX+TaPm+AbwAgBWnrIiYllu7BNNyealdVLvRwEmTHWXvJwew==:',
    'Content-Length': '18',
  },
  body: '{"hello": "world"}',
};
const B26_COMPONENTS = ['date', '@method', '@path', '@authority', 'content-type', 'content-length'];
const B26_BASE = [
  '"date": Tue, 20 Apr 2021 02:07:55 GMT',
  '"@method": POST',
  '"@path": /foo',
  '"@authority": example.com',
  '"content-type": application/json',
  '"content-length": 18',
  '"@signature-params": ("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
].join('\n');
const B26_SIGNATURE =
  'sig-b26=:wqcAqbmYJ2ji2glfAMaRy4gruYYnx2nEFN2HN6jrnDnQCK1u02Gb04v9EDgwUPiu4A0w6vuQv5lIp5WPpBKRCw==:';

describe('RFC 9421 Appendix B.2.6 (Ed25519), reproduced', () => {
  it('the signature base, byte for byte', () => {
    const base = signatureBase(RFC_REQUEST, B26_COMPONENTS, [
      ['created', { type: 'integer', value: 1618884473 }],
      ['keyid', { type: 'string', value: 'test-key-ed25519' }],
    ]);
    assert.equal(base, B26_BASE);
  });

  it('the Signature-Input and the Signature (Ed25519 is deterministic)', () => {
    const signed = signMessage(RFC_REQUEST, {
      keyId: 'test-key-ed25519',
      privateKey: RFC_PRIVATE,
      created: 1618884473,
      components: B26_COMPONENTS,
      label: 'sig-b26',
      includeAlg: false,
    });
    assert.equal(
      signed['signature-input'],
      'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
    );
    assert.equal(signed.signature, B26_SIGNATURE);
  });

  it('verifies the RFC’s signature with the RFC’s public key', () => {
    const msg: HttpMessage = {
      ...RFC_REQUEST,
      headers: {
        ...RFC_REQUEST.headers,
        'Signature-Input':
          'sig-b26=("date" "@method" "@path" "@authority" "content-type" "content-length");created=1618884473;keyid="test-key-ed25519"',
        Signature: B26_SIGNATURE,
      },
    };
    const key = createPublicKey(RFC_PUBLIC);
    const r = verifyMessage(msg, {
      keyFor: (id) => (id === 'test-key-ed25519' ? key : null),
      now: new Date(1618884473 * 1000),
      required: ['@method', '@authority'],
      requireNonce: false,
    });
    assert.deepEqual(r, {
      ok: true,
      label: 'sig-b26',
      keyId: 'test-key-ed25519',
      created: 1618884473,
      nonce: null,
    });
    assert.equal(publicKeyOf(RFC_PRIVATE), createPublicKey(RFC_PUBLIC).export({ format: 'jwk' }).x);
  });

  it('RFC 9530: the sha-512 digest of the test request, and the sha-256 Mutua writes', () => {
    assert.equal(
      checkContentDigest(RFC_REQUEST.headers['Content-Digest'] as string, RFC_REQUEST.body!),
      'ok',
    );
    assert.equal(
      contentDigest('{"hello": "world"}'),
      'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
    );
    assert.equal(
      checkContentDigest(
        'sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:',
        '{"hello": "world!"}',
      ),
      'mismatch',
    );
    assert.equal(checkContentDigest('md5=:AAAA:', 'x'), 'unsupported');
    assert.equal(checkContentDigest('sha-256=abc', 'x'), 'malformed');
    assert.equal(checkContentDigest(undefined, 'x'), 'missing');
  });
});

describe('signed messages between two networks', () => {
  const ours = generateNetworkKey();
  const strangers = generateNetworkKey();
  const created = 1_772_445_600; // 2026-03-02T10:00:00Z
  const now = new Date(created * 1000);
  const body = JSON.stringify({ type: 'referral.status', referral: 'r-1', status: 'accepted' });
  const message = (): HttpMessage => ({
    method: 'POST',
    url: 'https://other.example/federation/inbox',
    headers: { 'Content-Type': 'application/json', 'Content-Digest': contentDigest(body) },
    body,
  });
  const signed = (
    m: HttpMessage,
    o: Partial<Parameters<typeof signMessage>[1]> = {},
  ): HttpMessage => ({
    ...m,
    headers: {
      ...m.headers,
      ...signMessage(m, {
        keyId: ours.keyId,
        privateKey: ours.privateKeyPem,
        created,
        expires: created + 300,
        nonce: 'n-1',
        ...o,
      }),
    },
  });
  const keyFor = (id: string) => (id === ours.keyId ? importPublicKey(ours.publicKey) : null);
  const check = (m: HttpMessage, at = now) => verifyMessage(m, { keyFor, now: at });

  it('a signed message verifies, naming its key and nonce', () => {
    assert.deepEqual(check(signed(message())), {
      ok: true,
      label: 'sig1',
      keyId: ours.keyId,
      created,
      nonce: 'n-1',
    });
  });

  it('a tampered body is refused, even with the digest header left as signed', () => {
    const m = signed(message());
    assert.deepEqual(check({ ...m, body: body.replace('accepted', 'completed') }), {
      ok: false,
      code: 'CONTENT_DIGEST_MISMATCH',
    });
    const rehashed = {
      ...m,
      body: '{}',
      headers: { ...m.headers, 'Content-Digest': contentDigest('{}') },
    };
    assert.deepEqual(
      check(rehashed),
      { ok: false, code: 'SIGNATURE_INVALID' },
      'a new digest breaks the signature',
    );
  });

  it('a message sent to another target, or with another method, is refused', () => {
    const m = signed(message());
    assert.deepEqual(check({ ...m, url: 'https://other.example/federation/inbox?x=1' }), {
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
    assert.deepEqual(check({ ...m, url: 'https://third.example/federation/inbox' }), {
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
    assert.deepEqual(check({ ...m, method: 'PUT' }), { ok: false, code: 'SIGNATURE_INVALID' });
  });

  it('an unknown key, a stranger’s key under our keyid, an uncovered body, a missing nonce', () => {
    const m = message();
    assert.deepEqual(
      check(signed(m, { keyId: strangers.keyId, privateKey: strangers.privateKeyPem })),
      {
        ok: false,
        code: 'SIGNATURE_KEY_UNKNOWN',
      },
    );
    assert.deepEqual(check(signed(m, { privateKey: strangers.privateKeyPem })), {
      ok: false,
      code: 'SIGNATURE_INVALID',
    });
    assert.deepEqual(check(signed(m, { components: ['@method', '@target-uri'] })), {
      ok: false,
      code: 'SIGNATURE_COMPONENTS_MISSING',
    });
    const noNonce = {
      ...m,
      headers: {
        ...m.headers,
        ...signMessage(m, { keyId: ours.keyId, privateKey: ours.privateKeyPem, created }),
      },
    };
    assert.deepEqual(check(noNonce), { ok: false, code: 'SIGNATURE_NONCE_MISSING' });
    assert.deepEqual(check(m), { ok: false, code: 'SIGNATURE_MISSING' });
    assert.deepEqual(
      check({
        ...m,
        headers: { ...m.headers, 'Signature-Input': 'sig1=(', Signature: 'sig1=:x:' },
      }),
      {
        ok: false,
        code: 'SIGNATURE_MALFORMED',
      },
    );
  });

  it('the created window: skew allowed, old refused, future refused, expired refused', () => {
    const m = signed(message());
    assert.ok(check(m, new Date((created + 299) * 1000)).ok);
    assert.deepEqual(check(m, new Date((created + 361) * 1000)), {
      ok: false,
      code: 'SIGNATURE_EXPIRED',
    });
    const long = signed(message(), { expires: undefined });
    assert.deepEqual(check(long, new Date((created + 361) * 1000)), {
      ok: false,
      code: 'SIGNATURE_TOO_OLD',
    });
    assert.deepEqual(check(m, new Date((created - 61) * 1000)), {
      ok: false,
      code: 'SIGNATURE_FROM_THE_FUTURE',
    });
    assert.ok(check(m, new Date((created - 59) * 1000)).ok);
  });

  it('a replay: the same nonce twice is refused by the store; nonces are kept past the window', () => {
    const seen = new Set<string>();
    const first = check(signed(message()));
    assert.ok(first.ok && first.nonce);
    assert.equal(firstSight(seen, first.keyId, first.nonce), true);
    const again = check(signed(message()));
    assert.ok(again.ok && again.nonce);
    assert.equal(firstSight(seen, again.keyId, again.nonce), false);
    assert.ok(keepNonceUntil(created).getTime() > (created + 300 + 60) * 1000);
    assert.notEqual(newNonce(), newNonce());
  });
});

describe('keys and structured fields', () => {
  it('a key pair: its public key, thumbprint keyid and a fingerprint to read aloud', () => {
    const k = generateNetworkKey();
    assert.equal(publicKeyOf(k.privateKeyPem), k.publicKey);
    assert.equal(k.keyId, thumbprint(k.publicKey));
    assert.match(fingerprint(k.publicKey), /^[0-9a-f]{4}(-[0-9a-f]{4}){4}$/);
    assert.ok(importPublicKey(k.publicKey));
    assert.equal(importPublicKey('not a key'), null);
    assert.ok(createPrivateKey(k.privateKeyPem));
  });

  it('RFC 7638: the thumbprint of RFC 8037’s example Ed25519 key', () => {
    // RFC 8037 Appendix A.3.
    assert.equal(
      thumbprint('11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo'),
      'kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k',
    );
  });

  it('parses and writes dictionaries, refusing malformed ones', () => {
    const text = 'sig1=("@method" "@target-uri");created=1;keyid="a\\"b", sig2=:AAE=:;x, flag';
    const d = parseDictionary(text);
    assert.equal(d.length, 3);
    assert.equal(serializeDictionary(d), text);
    for (const bad of ['sig1=("a"', 'sig1=:abc', 'Sig=1', 'a=1,', 'a="\\x"', 'a=1.5'])
      assert.throws(() => parseDictionary(bad), SyntaxError, bad);
  });
});

describe('pairing', () => {
  const key = { keyId: 'k1', publicKey: 'p1' };
  const step = (p: Pairing, e: Parameters<typeof applyPairingEvent>[1]) => {
    const r = applyPairingEvent(p, e);
    assert.ok(r.ok, JSON.stringify(r));
    return r.pairing;
  };

  it('proposed by us, accepted by them: active; either side ends it, for good', () => {
    let p = propose('https://other.example');
    assert.equal(accepts(p, 'referral'), false);
    p = step(p, { type: 'they_accept', key });
    assert.equal(p.status, 'active');
    assert.equal(accepts(p, 'referral'), true);
    p = step(p, { type: 'end', by: 'them', reason: ' moving on ' });
    assert.deepEqual([p.status, p.endedBy, p.endedReason], ['ended', 'them', 'moving on']);
    assert.deepEqual(applyPairingEvent(p, { type: 'we_accept' }), {
      ok: false,
      code: 'PAIRING_ENDED',
    });
    assert.equal(accepts(p, 'pairing'), false);
  });

  it('proposed by them: active only once our admin accepts; a changed key is refused', () => {
    let p = proposedToUs('https://other.example', key);
    assert.equal(p.status, 'proposed');
    assert.deepEqual(
      applyPairingEvent(p, { type: 'they_accept', key: { keyId: 'k2', publicKey: 'p2' } }),
      {
        ok: false,
        code: 'PAIRING_KEY_CHANGED',
      },
    );
    p = step(p, { type: 'we_accept' });
    assert.equal(p.status, 'active');
    assert.equal(step(p, { type: 'end', by: 'us', reason: null }).endedBy, 'us');
  });

  it('addresses: https, or http on loopback only', () => {
    assert.deepEqual(parsePeerUrl(' https://mutua.example/ '), {
      ok: true,
      url: 'https://mutua.example',
    });
    assert.deepEqual(parsePeerUrl('http://127.0.0.1:4100'), {
      ok: true,
      url: 'http://127.0.0.1:4100',
    });
    for (const bad of ['http://mutua.example', 'ftp://x', 'https://u:p@x.example', 'nonsense'])
      assert.equal(parsePeerUrl(bad).ok, false, bad);
  });
});
