import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_MESSAGE_BYTES,
  parseFederationMessage,
} from '../../../src/domain/federation/messages.ts';

const ID = '018f0000-0000-7000-8000-000000000001';
const REF = '018f0000-0000-7000-8000-000000000002';
const offer = {
  id: ID,
  type: 'referral.offer',
  sent_at: '2026-03-02T10:00:00.000Z',
  referral_id: REF,
  sender_code: 'K7M-42Q',
  category: 'groceries',
  urgency: 'high',
  consent: { fields: ['first_name', 'phone'], expires_at: '2026-04-01T10:00:00.000Z' },
  person: { first_name: 'Ana', phone: '+15550100' },
};
const parse = (v: unknown) => parseFederationMessage(JSON.stringify(v));

describe('messages between networks are read strictly', () => {
  it('a referral offer with its consent scope and the consented person fields', () => {
    const r = parse(offer);
    assert.ok(r.ok);
    assert.equal(r.message.type, 'referral.offer');
  });

  it('a person field the consent does not name is refused, with its path', () => {
    assert.deepEqual(parse({ ...offer, person: { ...offer.person, address: '1 Elm St' } }), {
      ok: false,
      code: 'MESSAGE_INVALID',
      path: '/person/address',
    });
  });

  it('unknown keys, types, statuses, ids and dates are refused at their path', () => {
    const cases: [unknown, string][] = [
      [{ ...offer, extra: 1 }, '/extra'],
      [{ ...offer, type: 'referral.delete' }, '/type'],
      [{ ...offer, id: 'x' }, '/id'],
      [{ ...offer, sent_at: 'yesterday' }, '/sent_at'],
      [
        { ...offer, consent: { fields: ['shoe_size'], expires_at: offer.consent.expires_at } },
        '/consent/fields/0',
      ],
      [
        {
          id: ID,
          type: 'referral.status',
          sent_at: offer.sent_at,
          referral_id: REF,
          status: 'done',
          reason: null,
          receiver_code: null,
        },
        '/status',
      ],
      [[1], ''],
    ];
    for (const [v, path] of cases)
      assert.deepEqual(parse(v), { ok: false, code: 'MESSAGE_INVALID', path }, path);
  });

  it('status, withdrawal and pairing messages', () => {
    const base = { id: ID, sent_at: offer.sent_at };
    assert.ok(
      parse({
        ...base,
        type: 'referral.status',
        referral_id: REF,
        status: 'accepted',
        reason: null,
        receiver_code: 'B-1',
      }).ok,
    );
    assert.ok(parse({ ...base, type: 'referral.withdraw', referral_id: REF }).ok);
    assert.ok(parse({ ...base, type: 'pairing.end', reason: null }).ok);
    assert.ok(
      parse({
        ...base,
        type: 'pairing.accept',
        public_key: 'k',
        key_id: 'i',
        name: 'Elm St Mutual Aid',
      }).ok,
    );
  });

  it('not JSON, or too large', () => {
    assert.deepEqual(parseFederationMessage('{'), {
      ok: false,
      code: 'MESSAGE_NOT_JSON',
      path: '',
    });
    assert.deepEqual(parseFederationMessage('x'.repeat(MAX_MESSAGE_BYTES + 1)), {
      ok: false,
      code: 'MESSAGE_TOO_LARGE',
      path: '',
    });
  });
});
