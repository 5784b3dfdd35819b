import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  fromAcceptLanguage,
  isLanguage,
  type Language,
  type Translate,
  translator,
} from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { hmac, randomToken, safeEqual, unmaskToken } from '../../shared/secrets.ts';
import { type Actor, ANONYMOUS } from '../core/actor.ts';
import type { Deps } from '../core/deps.ts';

export const SESSION_COOKIE = 'mutua_session';
export const CSRF_COOKIE = 'mutua_csrf';
export const LANG_COOKIE = 'mutua_lang';

/** What every handler knows about the request: who, in which language, and its CSRF token. */
export interface RequestContext {
  actor: Actor;
  lang: Language;
  t: Translate;
  csrf: string;
  isApi: boolean;
  /**
   * Path and query of the request as it arrived, kept here (not read from the request later)
   * so that every page context has it, whatever object a handler renders with.
   */
  path: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: RequestContext;
  }
}

/**
 * Paths for programs rather than browsers: the JSON API and the gateways' webhooks. They read
 * no cookies and need no CSRF token (a bearer token or a webhook signature instead).
 */
export function isApiPath(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('/webhooks/');
}

function pickLanguage(req: FastifyRequest, actor: Actor, fallback: Language): Language {
  const cookie = req.cookies[LANG_COOKIE];
  if (isLanguage(cookie)) return cookie;
  if (actor.kind === 'person' && isLanguage(actor.preferredLanguage))
    return actor.preferredLanguage;
  return fromAcceptLanguage(req.headers['accept-language']) ?? fallback;
}

export function cookieOptions(deps: Pick<Deps, 'config'>, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.secureCookies,
    ...(maxAgeSeconds ? { maxAge: maxAgeSeconds } : {}),
  };
}

/**
 * CSRF: every form carries a token that is an HMAC of the session id (signed in) or of a
 * random cookie (signed out), under the server's secret. A page elsewhere can neither read
 * it nor make one, and SameSite=Lax keeps our cookies off its cross-site POSTs as well.
 */
function csrfToken(
  deps: Pick<Deps, 'config'>,
  actor: Actor,
  anonCookie: string | undefined,
): string {
  if (actor.kind === 'person') return hmac(deps.config.secretKey, `session:${actor.sessionId}`);
  return anonCookie ? hmac(deps.config.secretKey, `anon:${anonCookie}`) : '';
}

/**
 * Who is acting, from what the request carries. The features that know (api-tokens, auth)
 * sit above http, so app.ts hands their resolvers in.
 */
export interface ActorResolvers {
  /** The actor of a bearer token of the JSON API (anonymous when it is not valid). */
  fromBearerToken(token: string): Promise<Actor>;
  /** The person of a session cookie, or null when the session is over or unknown. */
  fromSessionToken(token: string): Promise<Actor | null>;
}

export function registerRequestContext(
  app: FastifyInstance,
  deps: Deps,
  resolvers: ActorResolvers,
): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);

  app.addHook('onRequest', async (req, reply) => {
    const isApi = isApiPath(req.url);
    let actor: Actor = ANONYMOUS;
    const lang0 = fromAcceptLanguage(req.headers['accept-language']) ?? deps.config.defaultLanguage;
    const path = req.url;
    req.ctx = { actor, lang: lang0, t: translator(lang0), csrf: '', isApi, path };
    if (req.url.startsWith('/static/') || req.url === '/healthz') return;

    if (isApi) {
      // The JSON API is for integrations: a bearer token, never the browser's cookies, so a
      // cross-site page cannot ride a signed-in person's session into it.
      const header = req.headers.authorization;
      if (header?.startsWith('Bearer '))
        actor = await resolvers.fromBearerToken(header.slice(7).trim());
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        actor = (await resolvers.fromSessionToken(token)) ?? ANONYMOUS;
        if (actor.kind === 'anonymous') reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    let anon = req.cookies[CSRF_COOKIE];
    if (!isApi && actor.kind === 'anonymous' && !anon) {
      anon = randomToken(24);
      reply.setCookie(CSRF_COOKIE, anon, cookieOptions(deps));
    }
    const lang = pickLanguage(req, actor, deps.config.defaultLanguage);
    req.ctx = {
      actor,
      lang,
      t: translator(lang),
      csrf: csrfToken(deps, actor, anon),
      isApi,
      path,
    };
  });

  // Every form POST must carry the token (checked after the body is parsed).
  app.addHook('preHandler', async (req) => {
    if (req.ctx.isApi || req.method === 'GET' || req.method === 'HEAD') return;
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf;
    // Forms carry the token masked afresh on every page (BREACH, ADR 0016): unmask, then compare.
    if (
      typeof sent !== 'string' ||
      req.ctx.csrf === '' ||
      !safeEqual(unmaskToken(sent), req.ctx.csrf)
    ) {
      throw new AppError('CSRF_FAILED');
    }
  });
}

export function clientInfo(req: FastifyRequest) {
  return { ip: req.ip, userAgent: String(req.headers['user-agent'] ?? '') };
}

export function setSessionCookie(
  deps: Pick<Deps, 'config'>,
  reply: FastifyReply,
  token: string,
): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(deps, deps.config.sessionDays * 86_400));
}
