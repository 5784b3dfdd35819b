/**
 * Ed25519 keys between networks (node:crypto; no dependency). A network's public key travels
 * as the `x` of its JWK (base64url of the 32 raw bytes), and is named by its RFC 7638 JWK
 * thumbprint, which is what `keyid` carries in a signature. The private key stays sealed in
 * the database as PKCS#8 PEM.
 */
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';

export interface NetworkKeyPair {
  keyId: string;
  /** base64url of the raw public key: what the other network stores. */
  publicKey: string;
  /** PKCS#8 PEM: sealed at rest, opened only to sign. */
  privateKeyPem: string;
}

export function generateNetworkKey(): NetworkKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    keyId: thumbprint(rawPublicKey(publicKey)),
    publicKey: rawPublicKey(publicKey),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

export function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.x)
    throw new TypeError('not an Ed25519 key');
  return jwk.x;
}

/** The public key of a private one (PEM), as base64url. */
export function publicKeyOf(privateKeyPem: string): string {
  return rawPublicKey(createPublicKey(createPrivateKey(privateKeyPem)));
}

/** RFC 7638 thumbprint of the Ed25519 JWK: sha-256 over its required members in order. */
export function thumbprint(publicKey: string): string {
  const json = `{"crv":"Ed25519","kty":"OKP","x":"${publicKey}"}`;
  return createHash('sha256').update(json).digest('base64url');
}

/** A public key as pasted or received: 43 base64url characters decoding to 32 bytes, or null. */
export function importPublicKey(publicKey: string): KeyObject | null {
  const x = publicKey.trim();
  if (!/^[A-Za-z0-9_-]{43}$/.test(x) || Buffer.from(x, 'base64url').length !== 32) return null;
  try {
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
  } catch {
    return null;
  }
}

/**
 * The fingerprint two admins read to each other (on the phone, from the pairing page) before
 * accepting: the first 80 bits of the thumbprint, as five groups of four hex digits.
 */
export function fingerprint(publicKey: string): string {
  const hex = Buffer.from(thumbprint(publicKey), 'base64url').toString('hex').slice(0, 20);
  return hex.match(/.{4}/g)!.join('-');
}
