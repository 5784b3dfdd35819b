/**
 * The one check of a place to send someone back to that came from outside (a `next` in a
 * link or a form, the page a language switch came from). It is parsed as a browser would
 * parse it, against BASE_URL, and kept only when it stays on this origin; what is returned is
 * the parsed path, query and fragment, percent-encoded, so a tab, a newline or a backslash
 * typed into it can neither move the browser to another site (`/\t/evil.example/` is read as
 * `//evil.example/`) nor break the Location header (Node refuses a raw newline there).
 */
export function safeNext(baseUrl: string, next: unknown, fallback = '/'): string {
  // 2,000 characters: longer than any of our addresses, and what old browsers keep.
  if (typeof next !== 'string' || next === '' || next.length > 2000) return fallback;
  // Only paths: a full address, even of this origin, is not something our pages make.
  if (!next.startsWith('/')) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(baseUrl);
    url = new URL(next, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin) return fallback;
  const target = `${url.pathname}${url.search}${url.hash}`;
  // The parser drops tabs and newlines; what it leaves must still be a path of ours.
  if (!target.startsWith('/') || target.startsWith('//')) return fallback;
  return target;
}
