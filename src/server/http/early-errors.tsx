import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { fromAcceptLanguage, isLanguage, type Language, translator } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { ANONYMOUS } from '../core/actor.ts';
import { isApiPath, LANG_COOKIE } from './context.ts';
import { type ErrorPages, errorJson, sendError } from './error-handler.tsx';
import { ERRORS } from './errors.ts';
import { applySecurityHeaders, securityHeaders } from './security.ts';

/**
 * Errors before a route is found, answered like every other error: with the security
 * headers, as JSON in the app's shape under /api and as a translated page elsewhere. Two
 * kinds: Fastify's own (a path that is not valid percent-encoding, a parameter too long),
 * which skip the hooks of app.ts, and Node's (headers past `maxHeaderSize`, a request it
 * cannot parse), which never become a request at all and are written to the socket here.
 */

const LANG_IN_COOKIE = new RegExp(`(?:^|;\\s*)${LANG_COOKIE}=([a-z]{2})`);

/** The visitor's language from the raw headers: our cookie, then Accept-Language. */
export function earlyLanguage(
  headers: { cookie?: string | undefined; 'accept-language'?: string | undefined },
  fallback: Language,
): Language {
  const chosen = LANG_IN_COOKIE.exec(headers.cookie ?? '')?.[1];
  if (isLanguage(chosen)) return chosen;
  return fromAcceptLanguage(headers['accept-language']) ?? fallback;
}

/** Fastify's `frameworkErrors`: a malformed URL is the visitor's mistake, a 400. */
export function frameworkErrorHandler(config: Config, pages: ErrorPages) {
  return (_error: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const lang = earlyLanguage(req.headers, config.defaultLanguage);
    req.ctx = {
      actor: ANONYMOUS,
      lang,
      t: translator(lang),
      csrf: '',
      isApi: isApiPath(req.url),
      // The path could not be read: the language switcher and sign-in link go home.
      path: '/',
    };
    applySecurityHeaders(reply, config);
    return sendError(req, reply, new AppError('VALIDATION_FAILED'), pages);
  };
}

/** The request line and headers Node managed to read before it gave up. */
function readPacket(packet: Buffer | undefined) {
  const text = packet ? packet.subarray(0, 16 * 1024).toString('latin1') : '';
  const [line = '', ...rest] = text.split('\r\n');
  const path = line.split(' ')[1] ?? '/';
  const header = (name: string) =>
    rest
      .find((h) => h.toLowerCase().startsWith(`${name}:`))
      ?.slice(name.length + 1)
      .trim();
  return { path, cookie: header('cookie'), 'accept-language': header('accept-language') };
}

/** Fastify's `clientErrorHandler` (Node's 'clientError'): the answer goes to the socket. */
export function clientErrorHandler(config: Config, pages: ErrorPages) {
  return (err: Error & { code?: string; rawPacket?: unknown }, socket: Socket) => {
    if (err.code === 'ECONNRESET' || socket.destroyed || !socket.writable) return;
    const code =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? 'HEADERS_TOO_LARGE'
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 'REQUEST_TIMEOUT'
          : 'VALIDATION_FAILED';
    const error = new AppError(code);
    const packet = readPacket(Buffer.isBuffer(err.rawPacket) ? err.rawPacket : undefined);
    const lang = earlyLanguage(packet, config.defaultLanguage);
    const t = translator(lang);
    const api = isApiPath(packet.path);
    const body = api ? JSON.stringify(errorJson(t, error)) : pages.html({ t, lang }, error);
    const status = ERRORS[code].status;
    const headers = {
      ...securityHeaders(config),
      'Cache-Control': 'no-store',
      'Content-Type': api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(body)),
      Connection: 'close',
    };
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n${body}`,
    );
  };
}
