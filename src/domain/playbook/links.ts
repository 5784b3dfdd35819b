/**
 * Which links a playbook page may carry. A page is written by members and read by anyone
 * (public pages) on the network's own site, so a link is either a plain web address, an
 * email or phone address, or a path on this same deployment; anything else (javascript:,
 * data:, vbscript:, file:, custom app schemes, protocol-relative //host) is refused and
 * the author is told which link was refused. Pure.
 */

export type LinkKind = 'internal' | 'external' | 'mailto' | 'tel';

/** Control characters, whitespace and invisible marks browsers skip inside a scheme. */
function invisible(c: number): boolean {
  return (
    c <= 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xad ||
    c === 0x61c ||
    c === 0x180e ||
    (c >= 0x200b && c <= 0x200f) ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x2064) ||
    c === 0xfeff
  );
}

function withoutInvisibles(s: string): string {
  let out = '';
  for (const ch of s) if (!invisible(ch.codePointAt(0) ?? 0)) out += ch;
  return out;
}

/** What a browser would read as the scheme, after undoing percent-escapes and invisibles. */
function probeOf(url: string): string {
  let decoded = url;
  // Decode repeatedly: "%256a" becomes "%6a" then "j"; three rounds is more than any browser.
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    } catch {
      break;
    }
  }
  return withoutInvisibles(decoded).toLowerCase();
}

function sameOrigin(url: URL, origin: string | undefined): boolean {
  if (!origin) return false;
  try {
    return new URL(origin).origin === url.origin;
  } catch {
    return false;
  }
}

/**
 * The kind of a link, or null when it is refused. `origin` is this deployment's public
 * address ("https://aid.example.org"): absolute links to it count as internal.
 */
export function classifyLink(raw: string, origin?: string): LinkKind | null {
  const url = raw.trim();
  if (url === '' || url.length > 2000) return null;
  // A backslash is a slash to browsers ("/\evil.org" is another host); a raw control
  // character has no place in an address either.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (/[\\\u0000-\u001f\u007f]/.test(url)) return null;
  const probe = probeOf(url);
  if (/[\\]/.test(probe)) return null;
  if (url.startsWith('#')) return 'internal';
  if (url.startsWith('//') || probe.startsWith('//')) return null;
  if (url.startsWith('/')) return 'internal';
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(probe)?.[1];
  if (scheme === undefined) {
    // A relative path ("other-page", "./a", "../b?x=1") stays on this deployment, unless a
    // colon before its first slash would make a browser read a scheme after all.
    const head = probe.split(/[/?#]/, 1)[0] ?? '';
    return head.includes(':') ? null : 'internal';
  }
  if (scheme === 'http' || scheme === 'https') {
    // The scheme is checked on the decoded probe; the address itself must parse as typed.
    if (!/^https?:\/\//i.test(url)) return null;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (!parsed.hostname || parsed.username || parsed.password) return null;
    return sameOrigin(parsed, origin) ? 'internal' : 'external';
  }
  if (scheme === 'mailto') {
    return /^mailto:[^\s@/]+@[^\s@/]+\.[^\s@/]+(\?.*)?$/i.test(url) ? 'mailto' : null;
  }
  if (scheme === 'tel') {
    return /^tel:\+?[0-9().\- ]{3,30}$/i.test(decodeSafe(url)) ? 'tel' : null;
  }
  return null;
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Whether an image may be shown: only from this deployment (a path, or the deployment's own
 * address). An image from elsewhere would tell another server who reads the page and when,
 * and `data:` images can carry SVG scripts; both are shown as their description instead.
 */
export function imageAllowed(raw: string, origin?: string): boolean {
  const url = raw.trim();
  if (url.startsWith('#')) return false;
  const kind = classifyLink(url, origin);
  if (kind !== 'internal') return false;
  // Same-origin absolute addresses and rooted paths only: "./x.png" depends on where the
  // page is shown (the page, its history, a preview) and would break silently.
  return url.startsWith('/') || /^https?:\/\//i.test(url);
}
