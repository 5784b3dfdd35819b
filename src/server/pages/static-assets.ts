import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The one stylesheet, read once and served under a name that carries its hash, so browsers
 * may keep it for a year and still see a new version at once.
 */
const css = readFileSync(new URL('../../../static/app.css', import.meta.url));
const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);

/** The queue's keyboard shortcuts (static/queue.js): the page works without it. */
const queueJs = readFileSync(new URL('../../../static/queue.js', import.meta.url));
const queueHash = createHash('sha256').update(queueJs).digest('hex').slice(0, 12);

export function queueScriptHref(): string {
  return `/static/queue-${queueHash}.js`;
}

export function stylesheetHref(): string {
  return `/static/app-${hash}.css`;
}

export function registerStaticAssets(app: FastifyInstance): void {
  app.get(`/static/app-${hash}.css`, { schema: { hide: true } }, (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(css),
  );
  app.get(`/static/queue-${queueHash}.js`, { schema: { hide: true } }, (_req, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(queueJs),
  );
}
