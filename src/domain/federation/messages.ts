/**
 * The messages paired networks send each other (as signed POSTs to the other's inbox), and
 * the strict reading of one that arrives: anything that is not exactly one of these is
 * refused with a code and the path of the first wrong field, never half-applied.
 *
 * Every message has an `id` (a uuid, the idempotency key: the inbox keeps the ids it has
 * applied, so a retry is answered "already done"), its `type`, and `sent_at`. A referral
 * travels with the consent's scope and only the person fields that consent allows; a
 * withdrawal tells the receiver to delete them.
 */
import { SHAREABLE_FIELDS, type ShareableField } from '../partners/consent.ts';
import { isReferralStatus, type ReferralStatus } from '../partners/referral-status.ts';

/** 64 KB: a referral is a few hundred bytes; anything near this is not one of ours. */
export const MAX_MESSAGE_BYTES = 64 * 1024;

export type FederationMessage =
  | {
      id: string;
      type: 'pairing.accept';
      sent_at: string;
      public_key: string;
      key_id: string;
      name: string;
    }
  | { id: string; type: 'pairing.end'; sent_at: string; reason: string | null }
  | {
      id: string;
      type: 'referral.offer';
      sent_at: string;
      referral_id: string;
      sender_code: string;
      category: string;
      urgency: string;
      consent: { fields: ShareableField[]; expires_at: string };
      person: Partial<Record<ShareableField, string | number>>;
    }
  | {
      id: string;
      type: 'referral.status';
      sent_at: string;
      referral_id: string;
      status: ReferralStatus;
      reason: string | null;
      receiver_code: string | null;
    }
  | { id: string; type: 'referral.withdraw'; sent_at: string; referral_id: string };

export type MessageError = {
  ok: false;
  code: 'MESSAGE_TOO_LARGE' | 'MESSAGE_NOT_JSON' | 'MESSAGE_INVALID';
  path: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
type Obj = Record<string, unknown>;

class Invalid extends Error {
  constructor(readonly path: string) {
    super(path);
  }
}

const text = (o: Obj, k: string, max = 200): string => {
  const v = o[k];
  if (typeof v !== 'string' || v.length === 0 || v.length > max) throw new Invalid(`/${k}`);
  return v;
};
const optionalText = (o: Obj, k: string, max = 500): string | null =>
  o[k] === null || o[k] === undefined ? null : text(o, k, max);
const uuid = (o: Obj, k: string): string => {
  const v = text(o, k, 36);
  if (!UUID.test(v)) throw new Invalid(`/${k}`);
  return v;
};
const instant = (o: Obj, k: string): string => {
  const v = text(o, k, 40);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) throw new Invalid(`/${k}`);
  return v;
};

function exactKeys(o: Obj, keys: readonly string[]): void {
  for (const k of Object.keys(o)) if (!keys.includes(k)) throw new Invalid(`/${k}`);
}

function person(
  v: unknown,
  allowed: readonly ShareableField[],
): Partial<Record<ShareableField, string | number>> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid('/person');
  const out: Partial<Record<ShareableField, string | number>> = {};
  for (const [k, x] of Object.entries(v as Obj)) {
    // A field the consent does not name is refused outright, not dropped: the sender is wrong.
    if (!allowed.includes(k as ShareableField)) throw new Invalid(`/person/${k}`);
    if (
      !(typeof x === 'string' && x.length <= 2000) &&
      !(typeof x === 'number' && Number.isFinite(x))
    )
      throw new Invalid(`/person/${k}`);
    out[k as ShareableField] = x;
  }
  return out;
}

export function parseFederationMessage(
  body: string | Buffer,
): { ok: true; message: FederationMessage } | MessageError {
  if (Buffer.byteLength(body) > MAX_MESSAGE_BYTES)
    return { ok: false, code: 'MESSAGE_TOO_LARGE', path: '' };
  let v: unknown;
  try {
    v = JSON.parse(body.toString());
  } catch {
    return { ok: false, code: 'MESSAGE_NOT_JSON', path: '' };
  }
  try {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid('');
    const o = v as Obj;
    const head = { id: uuid(o, 'id'), sent_at: instant(o, 'sent_at') };
    const base = ['id', 'type', 'sent_at'];
    switch (o.type) {
      case 'pairing.accept':
        exactKeys(o, [...base, 'public_key', 'key_id', 'name']);
        return {
          ok: true,
          message: {
            ...head,
            type: o.type,
            public_key: text(o, 'public_key', 64),
            key_id: text(o, 'key_id', 64),
            name: text(o, 'name'),
          },
        };
      case 'pairing.end':
        exactKeys(o, [...base, 'reason']);
        return { ok: true, message: { ...head, type: o.type, reason: optionalText(o, 'reason') } };
      case 'referral.offer': {
        exactKeys(o, [
          ...base,
          'referral_id',
          'sender_code',
          'category',
          'urgency',
          'consent',
          'person',
        ]);
        const c = o.consent;
        if (typeof c !== 'object' || c === null || Array.isArray(c)) throw new Invalid('/consent');
        const co = c as Obj;
        exactKeys(co, ['fields', 'expires_at']);
        if (!Array.isArray(co.fields) || co.fields.length === 0)
          throw new Invalid('/consent/fields');
        const fields = co.fields.map((f, i) => {
          if (!(SHAREABLE_FIELDS as readonly unknown[]).includes(f))
            throw new Invalid(`/consent/fields/${i}`);
          return f as ShareableField;
        });
        return {
          ok: true,
          message: {
            ...head,
            type: o.type,
            referral_id: uuid(o, 'referral_id'),
            sender_code: text(o, 'sender_code', 32),
            category: text(o, 'category', 64),
            urgency: text(o, 'urgency', 32),
            consent: { fields, expires_at: instant(co, 'expires_at') },
            person: person(o.person, fields),
          },
        };
      }
      case 'referral.status': {
        exactKeys(o, [...base, 'referral_id', 'status', 'reason', 'receiver_code']);
        const status = text(o, 'status', 32);
        if (!isReferralStatus(status)) throw new Invalid('/status');
        return {
          ok: true,
          message: {
            ...head,
            type: o.type,
            referral_id: uuid(o, 'referral_id'),
            status,
            reason: optionalText(o, 'reason', 64),
            receiver_code: optionalText(o, 'receiver_code', 32),
          },
        };
      }
      case 'referral.withdraw':
        exactKeys(o, [...base, 'referral_id']);
        return {
          ok: true,
          message: { ...head, type: o.type, referral_id: uuid(o, 'referral_id') },
        };
      default:
        throw new Invalid('/type');
    }
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, code: 'MESSAGE_INVALID', path: e.path };
    throw e;
  }
}
