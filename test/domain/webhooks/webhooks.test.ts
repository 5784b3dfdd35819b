import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { recordConsent, withdrawConsent } from '../../../src/domain/partners/consent.ts';
import { buildPayload, messageId, type Subscription } from '../../../src/domain/webhooks/events.ts';
import {
  afterAttempt,
  MAX_ATTEMPTS,
  parseRetryAfter,
  RETRY_DELAYS_SECONDS,
} from '../../../src/domain/webhooks/retry.ts';
import {
  generateSecret,
  secretKey,
  sign,
  signedHeaders,
  verify,
} from '../../../src/domain/webhooks/signature.ts';

// The Standard Webhooks specification's published test vector.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const at = (seconds: number) => new Date(seconds * 1000);

describe('Standard Webhooks signatures', () => {
  it('reproduces the specification’s test vector', () => {
    assert.equal(sign(VECTOR, VECTOR.secret), VECTOR.signature);
  });

  it('verifies the vector, with the prefix left off the secret too', () => {
    const headers = {
      'webhook-id': VECTOR.id,
      'webhook-timestamp': String(VECTOR.timestamp),
      'webhook-signature': VECTOR.signature,
    };
    assert.deepEqual(verify(headers, VECTOR.body, [VECTOR.secret], at(VECTOR.timestamp)), {
      ok: true,
      id: VECTOR.id,
      timestamp: VECTOR.timestamp,
    });
    assert.ok(
      verify(headers, VECTOR.body, ['MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], at(VECTOR.timestamp)).ok,
    );
  });

  it('refuses a changed body, id or timestamp, and another secret', () => {
    const h = signedHeaders(VECTOR, [VECTOR.secret]);
    const now = at(VECTOR.timestamp);
    const mismatch = { ok: false, code: 'WEBHOOK_SIGNATURE_MISMATCH' };
    assert.deepEqual(verify(h, '{"test": 2432232315}', [VECTOR.secret], now), mismatch);
    assert.deepEqual(
      verify({ ...h, 'webhook-id': 'msg_other' }, VECTOR.body, [VECTOR.secret], now),
      mismatch,
    );
    assert.deepEqual(
      verify(
        { ...h, 'webhook-timestamp': String(VECTOR.timestamp + 1) },
        VECTOR.body,
        [VECTOR.secret],
        now,
      ),
      mismatch,
    );
    assert.deepEqual(verify(h, VECTOR.body, [generateSecret()], now), mismatch);
  });

  it('clock skew within five minutes is fine; older or newer is refused (a replay)', () => {
    const h = signedHeaders(VECTOR, [VECTOR.secret]);
    assert.ok(verify(h, VECTOR.body, [VECTOR.secret], at(VECTOR.timestamp + 299)).ok);
    assert.ok(verify(h, VECTOR.body, [VECTOR.secret], at(VECTOR.timestamp - 299)).ok);
    assert.deepEqual(verify(h, VECTOR.body, [VECTOR.secret], at(VECTOR.timestamp + 301)), {
      ok: false,
      code: 'WEBHOOK_TIMESTAMP_TOO_OLD',
    });
    assert.deepEqual(verify(h, VECTOR.body, [VECTOR.secret], at(VECTOR.timestamp - 301)), {
      ok: false,
      code: 'WEBHOOK_TIMESTAMP_TOO_NEW',
    });
    assert.deepEqual(
      verify({ ...h, 'webhook-timestamp': '1e9' }, VECTOR.body, [VECTOR.secret], at(0)),
      {
        ok: false,
        code: 'WEBHOOK_TIMESTAMP_INVALID',
      },
    );
    assert.deepEqual(verify({}, VECTOR.body, [VECTOR.secret], at(0)), {
      ok: false,
      code: 'WEBHOOK_HEADERS_MISSING',
    });
  });

  it('while a secret rotates, both sign, and a receiver with either accepts', () => {
    const fresh = generateSecret();
    const h = signedHeaders(VECTOR, [VECTOR.secret, fresh]);
    assert.equal(h['webhook-signature'].split(' ').length, 2);
    assert.ok(verify(h, VECTOR.body, [fresh], at(VECTOR.timestamp)).ok);
    assert.ok(verify(h, VECTOR.body, [VECTOR.secret], at(VECTOR.timestamp)).ok);
    assert.ok(
      verify(
        {
          'Webhook-Id': h['webhook-id'],
          'Webhook-Timestamp': h['webhook-timestamp'],
          'Webhook-Signature': h['webhook-signature'],
        },
        VECTOR.body,
        [fresh],
        at(VECTOR.timestamp),
      ).ok,
      'header names in any case',
    );
  });

  it('secrets: whsec_ and 32 random bytes; short or malformed ones are refused', () => {
    const s = generateSecret();
    assert.match(s, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(secretKey(s)!.length, 32);
    assert.notEqual(s, generateSecret());
    assert.equal(secretKey('whsec_c2hvcnQ='), null);
    assert.equal(secretKey('whsec_not base64!'), null);
  });
});

describe('retries', () => {
  it('the published schedule, then give up; each wait within ±10 %', () => {
    const fail = { kind: 'response' as const, status: 500 };
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      const base = RETRY_DELAYS_SECONDS[attempt]! * 1000;
      for (const jitter of [0, 0.5, 0.999]) {
        const d = afterAttempt(attempt, fail, jitter);
        assert.equal(d.kind, 'retry');
        if (d.kind === 'retry')
          assert.ok(d.delayMs >= base * 0.9 - 1 && d.delayMs <= base * 1.1 + 1);
      }
    }
    assert.deepEqual(afterAttempt(1, fail, 0.5), { kind: 'retry', delayMs: 5000 });
    assert.deepEqual(afterAttempt(MAX_ATTEMPTS, fail, 0.5), { kind: 'gave_up' });
  });

  it('2xx delivered, 410 stops for good, timeouts and network errors retried, Retry-After honoured', () => {
    assert.deepEqual(afterAttempt(1, { kind: 'response', status: 204 }, 0.5), {
      kind: 'delivered',
    });
    assert.deepEqual(afterAttempt(3, { kind: 'response', status: 410 }, 0.5), {
      kind: 'endpoint_gone',
    });
    assert.equal(afterAttempt(1, { kind: 'timeout' }, 0.5).kind, 'retry');
    assert.equal(afterAttempt(1, { kind: 'network_error' }, 0.5).kind, 'retry');
    assert.deepEqual(
      afterAttempt(1, { kind: 'response', status: 429, retryAfterSeconds: 120 }, 0.5),
      {
        kind: 'retry',
        delayMs: 120_000,
      },
    );
    const now = new Date('2026-03-02T10:00:00Z');
    assert.equal(parseRetryAfter('30', now), 30);
    assert.equal(parseRetryAfter('Mon, 02 Mar 2026 10:01:00 GMT', now), 60);
    assert.equal(parseRetryAfter('soon', now), null);
  });
});

describe('payloads carry no personal data unless consent allows it', () => {
  const integration: Subscription = {
    id: 'sub-1',
    kind: 'integration',
    events: ['referral.created', 'request.created'],
  };
  const elm: Subscription = {
    id: 'sub-2',
    kind: 'partner',
    organizationId: 'org-elm',
    events: ['referral.created', 'referral.status_changed', 'request.created'],
  };
  const river: Subscription = { ...elm, id: 'sub-3', organizationId: 'org-river' };
  const now = new Date('2026-03-02T10:00:00Z');
  const referral = {
    referral_id: 'ref-1',
    request_id: 'req-1',
    category: 'groceries',
    to: { kind: 'organization' as const, organization_id: 'org-elm' },
    created_at: now.toISOString(),
    // A caller's mistake: a person block handed in with the data is never sent as it is.
    person: { full_name: 'Ana Ruiz' },
  };
  const c = recordConsent(
    {
      referralId: 'ref-1',
      fields: ['first_name', 'phone'],
      recipient: { kind: 'organization', organizationId: 'org-elm' },
      givenVia: 'phone_call',
      recordedBy: 'coord',
      updatesToPerson: false,
    },
    now,
  );
  assert.ok(c.ok);
  const details = {
    first_name: 'Ana',
    full_name: 'Ana Ruiz',
    phone: '+15550100',
    address: '1 Elm St',
  };

  it('an integration gets ids and categories, never a person', () => {
    const p = buildPayload(integration, 'referral.created', referral, now, {
      consent: c.consent,
      status: 'sent',
      details,
    })!;
    assert.equal(p.type, 'referral.created');
    assert.equal('person' in p.data, false);
    assert.ok(!JSON.stringify(p).includes('Ana'));
  });

  it('the receiving partner gets the consented fields, and nothing more', () => {
    const p = buildPayload(elm, 'referral.created', referral, now, {
      consent: c.consent,
      status: 'sent',
      details,
    })!;
    assert.deepEqual(p.data.person, { first_name: 'Ana', phone: '+15550100' });
  });

  it('from the side of another partner: it does not hear of the referral at all', () => {
    assert.equal(
      buildPayload(river, 'referral.created', referral, now, {
        consent: c.consent,
        status: 'sent',
        details,
      }),
      null,
    );
  });

  it('after withdrawal, the partner’s payload has no person', () => {
    const withdrawn = withdrawConsent(c.consent, now);
    const p = buildPayload(elm, 'referral.created', referral, new Date(now.getTime() + 1000), {
      consent: withdrawn,
      status: 'sent',
      details,
    })!;
    assert.equal('person' in p.data, false);
  });

  it('a partner never hears of requests; an integration hears only what it subscribed to', () => {
    const request = {
      request_id: 'req-1',
      category: 'meals',
      urgency: 'high',
      area_id: null,
      channel: 'sms' as const,
      created_at: now.toISOString(),
    };
    assert.equal(buildPayload(elm, 'request.created', request, now), null);
    assert.notEqual(buildPayload(integration, 'request.created', request, now), null);
    assert.equal(
      buildPayload(
        integration,
        'distribution.completed',
        {
          distribution_id: 'd',
          site_id: 's',
          date: '2026-03-02',
          households_served: 40,
          items_distributed: 300,
        },
        now,
      ),
      null,
    );
  });

  it('one message id per event and subscription, the same on every retry', () => {
    assert.equal(messageId('evt-1', 'sub-1'), messageId('evt-1', 'sub-1'));
    assert.notEqual(messageId('evt-1', 'sub-1'), messageId('evt-1', 'sub-2'));
    assert.match(messageId('evt-1', 'sub-1'), /^msg_[A-Za-z0-9_-]{27}$/);
  });
});
