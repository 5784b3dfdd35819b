import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The one stylesheet, read once and served under a name that carries its hash, so browsers
 * may keep it for a year and still see a new version at once.
 */
const css = readFileSync(new URL('../../../static/app.css', import.meta.url));
const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);

export function stylesheetHref(): string {
  return `/static/app-${hash}.css`;
}

/** The one script, for the few things JavaScript adds (see static/neighbours.js). */
const js = readFileSync(new URL('../../../static/neighbours.js', import.meta.url));
const jsHash = createHash('sha256').update(js).digest('hex').slice(0, 12);

export function scriptSrc(): string {
  return `/static/neighbours-${jsHash}.js`;
}

export function registerStaticAssets(app: FastifyInstance): void {
  app.get(`/static/neighbours-${jsHash}.js`, { schema: { hide: true } }, (_req, reply) =>
    reply
      .type('text/javascript; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(js),
  );
  app.get(`/static/app-${hash}.css`, { schema: { hide: true } }, (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(css),
  );
}
