/**
 * HTTP Message Signatures (RFC 9421) with Ed25519, for messages between paired networks.
 * Mutua signs `@method`, `@target-uri` and `content-digest` (RFC 9530, so the body is
 * covered), with `created`, `expires`, `keyid`, `nonce` and `alg`; a receiver refuses a
 * signature that does not cover those, an unknown key, a `created` outside its window, an
 * expired one, a body whose digest does not match, and (with the nonce it stores) a replay.
 * Pure given the key, the message and the time; the test vectors of RFC 9421 Appendix B.2.6
 * are reproduced by the tests.
 */
import { createPrivateKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { checkContentDigest } from './content-digest.ts';
import {
  type InnerList,
  isInnerList,
  type Params,
  parseDictionary,
  serializeMember,
} from './structured-fields.ts';

export interface HttpMessage {
  method: string;
  /** The full target URI: `https://other.example/federation/inbox`. */
  url: string;
  /** Header names in any case. */
  headers: Record<string, string | string[] | undefined>;
  body?: string | Buffer;
}

export const MUTUA_COMPONENTS = ['@method', '@target-uri', 'content-digest'] as const;
/** A signature is good for five minutes after it is made: enough for a retry in flight. */
export const DEFAULT_MAX_AGE_SECONDS = 300;
/** Clocks of two servers may differ this much. */
export const CLOCK_SKEW_SECONDS = 60;

function headerValue(msg: HttpMessage, name: string): string | undefined {
  const entry = Object.entries(msg.headers).find(([k]) => k.toLowerCase() === name);
  const v = entry?.[1];
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).map((x) => x.trim()).join(', ');
}

/** The value of one covered component, or undefined when the message has none (RFC 9421 §2). */
export function componentValue(msg: HttpMessage, id: string): string | undefined {
  if (!id.startsWith('@')) return headerValue(msg, id);
  const u = new URL(msg.url);
  switch (id) {
    case '@method':
      return msg.method.toUpperCase();
    case '@target-uri':
      return msg.url;
    case '@authority':
      return u.host.toLowerCase();
    case '@scheme':
      return u.protocol.replace(/:$/, '').toLowerCase();
    case '@path':
      return u.pathname || '/';
    case '@query':
      return u.search || '?';
    case '@request-target':
      return (u.pathname || '/') + u.search;
    default:
      return undefined;
  }
}

/** The signature base (RFC 9421 §2.5) for these components and parameters. */
export function signatureBase(
  msg: HttpMessage,
  components: readonly string[],
  params: Params,
): string {
  const lines = components.map((c) => {
    const v = componentValue(msg, c);
    if (v === undefined) throw new TypeError(`component ${c} is not in the message`);
    return `"${c}": ${v}`;
  });
  lines.push(`"@signature-params": ${signatureParams(components, params)}`);
  return lines.join('\n');
}

function signatureParams(components: readonly string[], params: Params): string {
  const list: InnerList = {
    list: components.map((c) => ({ item: { type: 'string', value: c }, params: [] })),
    params,
  };
  return serializeMember(list);
}

export interface SignOptions {
  keyId: string;
  privateKey: KeyObject | string;
  /** Seconds since the epoch. */
  created: number;
  expires?: number;
  nonce?: string;
  components?: readonly string[];
  label?: string;
  /** RFC 9421 lets `alg` be left out when the key says it (the B.2.6 vector leaves it out). */
  includeAlg?: boolean;
}

export function signMessage(
  msg: HttpMessage,
  o: SignOptions,
): { 'signature-input': string; signature: string } {
  const components = o.components ?? MUTUA_COMPONENTS;
  const params: Params = [['created', { type: 'integer', value: o.created }]];
  if (o.expires !== undefined) params.push(['expires', { type: 'integer', value: o.expires }]);
  params.push(['keyid', { type: 'string', value: o.keyId }]);
  if (o.nonce !== undefined) params.push(['nonce', { type: 'string', value: o.nonce }]);
  if (o.includeAlg ?? true) params.push(['alg', { type: 'string', value: 'ed25519' }]);
  const base = signatureBase(msg, components, params);
  const key = typeof o.privateKey === 'string' ? createPrivateKey(o.privateKey) : o.privateKey;
  const sig = edSign(null, Buffer.from(base, 'utf8'), key);
  const label = o.label ?? 'sig1';
  return {
    'signature-input': `${label}=${signatureParams(components, params)}`,
    signature: `${label}=:${sig.toString('base64')}:`,
  };
}

export type SignatureError =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_COMPONENTS_MISSING'
  | 'SIGNATURE_KEY_UNKNOWN'
  | 'SIGNATURE_ALG_UNSUPPORTED'
  | 'SIGNATURE_CREATED_MISSING'
  | 'SIGNATURE_TOO_OLD'
  | 'SIGNATURE_FROM_THE_FUTURE'
  | 'SIGNATURE_EXPIRED'
  | 'SIGNATURE_NONCE_MISSING'
  | 'SIGNATURE_INVALID'
  | 'CONTENT_DIGEST_MISMATCH';

export type Verified = {
  ok: true;
  label: string;
  keyId: string;
  created: number;
  nonce: string | null;
};

export interface VerifyOptions {
  /** The public key for a keyid (a paired network's), or null when there is none. */
  keyFor: (keyId: string) => KeyObject | null;
  now: Date;
  required?: readonly string[];
  requireNonce?: boolean;
  maxAgeSeconds?: number;
}

const num = (p: Params, k: string) => {
  const v = p.find(([x]) => x === k)?.[1];
  return v?.type === 'integer' ? v.value : undefined;
};
const str = (p: Params, k: string) => {
  const v = p.find(([x]) => x === k)?.[1];
  return v?.type === 'string' ? v.value : undefined;
};

/** Verify the first signature of the message that covers what Mutua requires. */
export function verifyMessage(
  msg: HttpMessage,
  o: VerifyOptions,
): Verified | { ok: false; code: SignatureError } {
  const input = headerValue(msg, 'signature-input');
  const sigs = headerValue(msg, 'signature');
  if (!input || !sigs) return { ok: false, code: 'SIGNATURE_MISSING' };
  let inputs: ReturnType<typeof parseDictionary>;
  let values: ReturnType<typeof parseDictionary>;
  try {
    inputs = parseDictionary(input);
    values = parseDictionary(sigs);
  } catch {
    return { ok: false, code: 'SIGNATURE_MALFORMED' };
  }
  const required = o.required ?? MUTUA_COMPONENTS;
  const candidates = inputs.filter(([, m]) => isInnerList(m)) as [string, InnerList][];
  const covering = candidates.find(([, m]) => {
    const ids = m.list.map((x) => (x.item.type === 'string' ? x.item.value : ''));
    return required.every((r) => ids.includes(r));
  });
  if (!covering)
    return {
      ok: false,
      code: candidates.length ? 'SIGNATURE_COMPONENTS_MISSING' : 'SIGNATURE_MALFORMED',
    };
  const [label, list] = covering;
  const value = values.find(([k]) => k === label)?.[1];
  if (!value || isInnerList(value) || value.item.type !== 'binary')
    return { ok: false, code: 'SIGNATURE_MALFORMED' };
  if (list.list.some((x) => x.item.type !== 'string' || x.params.length > 0))
    return { ok: false, code: 'SIGNATURE_MALFORMED' };
  const components = list.list.map((x) => x.item.value as string);
  const alg = str(list.params, 'alg');
  if (alg !== undefined && alg !== 'ed25519')
    return { ok: false, code: 'SIGNATURE_ALG_UNSUPPORTED' };
  const keyId = str(list.params, 'keyid');
  const key = keyId ? o.keyFor(keyId) : null;
  if (!keyId || !key) return { ok: false, code: 'SIGNATURE_KEY_UNKNOWN' };
  const created = num(list.params, 'created');
  if (created === undefined) return { ok: false, code: 'SIGNATURE_CREATED_MISSING' };
  const now = Math.floor(o.now.getTime() / 1000);
  if (created > now + CLOCK_SKEW_SECONDS) return { ok: false, code: 'SIGNATURE_FROM_THE_FUTURE' };
  const expires = num(list.params, 'expires');
  if (expires !== undefined && expires < now - CLOCK_SKEW_SECONDS)
    return { ok: false, code: 'SIGNATURE_EXPIRED' };
  if (created < now - (o.maxAgeSeconds ?? DEFAULT_MAX_AGE_SECONDS) - CLOCK_SKEW_SECONDS)
    return { ok: false, code: 'SIGNATURE_TOO_OLD' };
  const nonce = str(list.params, 'nonce') ?? null;
  if ((o.requireNonce ?? true) && !nonce) return { ok: false, code: 'SIGNATURE_NONCE_MISSING' };
  let base: string;
  try {
    base = signatureBase(msg, components, list.params);
  } catch {
    return { ok: false, code: 'SIGNATURE_COMPONENTS_MISSING' };
  }
  if (!edVerify(null, Buffer.from(base, 'utf8'), key, value.item.value))
    return { ok: false, code: 'SIGNATURE_INVALID' };
  // The signature vouches for the Content-Digest header; the body must match that header.
  if (
    components.includes('content-digest') &&
    checkContentDigest(headerValue(msg, 'content-digest'), msg.body ?? '') !== 'ok'
  )
    return { ok: false, code: 'CONTENT_DIGEST_MISMATCH' };
  return { ok: true, label, keyId, created, nonce };
}
