/**
 * Two networks pair up before they refer to each other: each admin enters the other's
 * address, the two exchange public keys (read aloud as fingerprints, keys.ts), and both
 * accept. Either side may end the pairing at any time; an ended pairing stays ended (a new
 * one starts again from a proposal, with fresh keys), and from then on neither accepts the
 * other's messages. Pure: events in, the next state or an error code out.
 */

export type PairingStatus = 'proposed' | 'active' | 'ended';
export type Side = 'us' | 'them';

export interface Pairing {
  status: PairingStatus;
  /** The other network's base address, as the admin entered it (https, or http on loopback). */
  peerUrl: string;
  weAccepted: boolean;
  theyAccepted: boolean;
  /** Their public key (base64url) and its keyid, once they sent it. */
  theirKey: { keyId: string; publicKey: string } | null;
  endedBy: Side | null;
  endedReason: string | null;
}

export type PairingEvent =
  | { type: 'we_accept' }
  | { type: 'they_propose'; key: { keyId: string; publicKey: string } }
  | { type: 'they_accept'; key: { keyId: string; publicKey: string } }
  | { type: 'end'; by: Side; reason: string | null };

export type PairingError =
  | 'PAIRING_ENDED'
  | 'PAIRING_KEY_MISSING'
  | 'PAIRING_KEY_CHANGED'
  | 'PAIRING_URL_INVALID';

/** The other network's address: https, or plain http only on a loopback host (tests, one machine). */
export function parsePeerUrl(
  raw: string,
): { ok: true; url: string } | { ok: false; code: PairingError } {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return { ok: false, code: 'PAIRING_URL_INVALID' };
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && loopback))
    return { ok: false, code: 'PAIRING_URL_INVALID' };
  if (u.username || u.password || u.search || u.hash)
    return { ok: false, code: 'PAIRING_URL_INVALID' };
  return { ok: true, url: `${u.origin}${u.pathname.replace(/\/+$/, '')}` };
}

export function propose(peerUrl: string): Pairing {
  return {
    status: 'proposed',
    peerUrl,
    weAccepted: true,
    theyAccepted: false,
    theirKey: null,
    endedBy: null,
    endedReason: null,
  };
}

/** A proposal that arrived from them: our admin has not accepted yet. */
export function proposedToUs(peerUrl: string, key: { keyId: string; publicKey: string }): Pairing {
  return {
    status: 'proposed',
    peerUrl,
    weAccepted: false,
    theyAccepted: true,
    theirKey: key,
    endedBy: null,
    endedReason: null,
  };
}

export function applyPairingEvent(
  p: Pairing,
  e: PairingEvent,
): { ok: true; pairing: Pairing } | { ok: false; code: PairingError } {
  if (p.status === 'ended') return { ok: false, code: 'PAIRING_ENDED' };
  if (e.type === 'end')
    return {
      ok: true,
      pairing: { ...p, status: 'ended', endedBy: e.by, endedReason: e.reason?.trim() || null },
    };
  let next: Pairing;
  if (e.type === 'we_accept') next = { ...p, weAccepted: true };
  else {
    // A key, once known, does not change inside a pairing: a different one is someone else.
    if (p.theirKey && p.theirKey.publicKey !== e.key.publicKey)
      return { ok: false, code: 'PAIRING_KEY_CHANGED' };
    next = { ...p, theyAccepted: true, theirKey: e.key };
  }
  if (next.weAccepted && next.theyAccepted) {
    if (!next.theirKey) return { ok: false, code: 'PAIRING_KEY_MISSING' };
    next = { ...next, status: 'active' };
  }
  return { ok: true, pairing: next };
}

/** Referrals and status updates flow only on an active pairing; proposals and endings on any open one. */
export function accepts(p: Pairing, message: 'pairing' | 'referral'): boolean {
  if (p.status === 'ended') return false;
  return message === 'pairing' || p.status === 'active';
}
