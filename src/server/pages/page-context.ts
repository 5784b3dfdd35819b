import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';
import type { Role } from '../../domain/access/roles.ts';
import type { Language, Translate } from '../../i18n/i18n.ts';
import type { Actor } from '../core/actor.ts';

/** What a page component needs from the request, and nothing else. */
export interface PageCtx {
  t: Translate;
  lang: Language;
  actor: Actor;
  csrf: string;
  /** Path and query of this page, for the language switcher to come back to. */
  path: string;
  /** The network the page belongs to, with the viewer's role there. */
  network?:
    | {
        slug: string;
        name: string;
        role: Role | null;
        /** IANA zone of the network: dates and times on its pages are shown in it. */
        timeZone?: string | undefined;
      }
    | undefined;
}

export function pageCtx(req: FastifyRequest, network?: PageCtx['network']): PageCtx {
  const { t, lang, actor, csrf, path } = req.ctx;
  return { t, lang, actor, csrf, path, network };
}

/** Renders a page (escaped by preact-render-to-string) and sends it. */
export function sendPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html>${render(page)}`);
}
