import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Config } from '../../config.ts';

/**
 * A strict Content-Security-Policy: only our own scripts, styles and images, no inline code,
 * no framing, forms post only to us. Pages work without any script at all.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The headers every response carries, also those written before routing (a malformed path,
 * http/early-errors.ts) or straight to the socket (headers too large).
 */
export function securityHeaders(config: Pick<Config, 'secureCookies'>): Record<string, string> {
  return {
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(self), payment=()',
    ...(config.secureCookies
      ? { 'Strict-Transport-Security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

// What Node refuses in a header value (it throws ERR_INVALID_CHAR while writing the answer).
const INVALID_HEADER_CHAR = /[^\t\x20-\x7e\x80-\xff]/u;
const INVALID_HEADER_CHARS = new RegExp(INVALID_HEADER_CHAR.source, 'gu');
const encoded = (c: string) => {
  try {
    return encodeURIComponent(c);
  } catch {
    return '%EF%BF%BD'; // half of a character: the replacement character
  }
};

export function applySecurityHeaders(reply: FastifyReply, config: Pick<Config, 'secureCookies'>) {
  for (const [name, value] of Object.entries(securityHeaders(config))) reply.header(name, value);
  if (!reply.hasHeader('Cache-Control')) reply.header('Cache-Control', 'no-store');
}

export function registerSecurityHeaders(app: FastifyInstance, config: Config): void {
  app.addHook('onSend', async (_req, reply, payload) => {
    applySecurityHeaders(reply, config);
    // The last guard for a header built from what was sent (a file name, a redirect): a
    // character Node would refuse is percent-encoded, so the answer is still written.
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (typeof value === 'string' && INVALID_HEADER_CHAR.test(value))
        reply.header(name, value.replace(INVALID_HEADER_CHARS, encoded));
    }
    return payload;
  });
}
