import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The one stylesheet and the few small scripts (each only adds to a page that works without
 * it), read once and served under a name that carries their hash, so browsers may keep them
 * for a year and still see a new version at once. Scripts are files of ours: the CSP allows
 * `script-src 'self'` and nothing inline.
 */
const css = readFileSync(new URL('../../../static/app.css', import.meta.url));
const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);

const SCRIPTS = ['place-picker', 'queue', 'neighbours'] as const;
type Script = (typeof SCRIPTS)[number];
const scripts = new Map(
  SCRIPTS.map((name) => {
    const body = readFileSync(new URL(`../../../static/${name}.js`, import.meta.url));
    const h = createHash('sha256').update(body).digest('hex').slice(0, 12);
    return [name, { body, path: `/static/${name}-${h}.js` }] as const;
  }),
);

export function stylesheetHref(): string {
  return `/static/app-${hash}.css`;
}

/** Where a script of ours is served (its name carries its hash). */
export function scriptSrc(name: Script): string {
  return scripts.get(name)?.path ?? '';
}

export function registerStaticAssets(app: FastifyInstance): void {
  app.get(`/static/app-${hash}.css`, { schema: { hide: true } }, (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=31536000, immutable')
      .send(css),
  );
  for (const { body, path } of scripts.values())
    app.get(path, { schema: { hide: true } }, (_req, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('Cache-Control', 'public, max-age=31536000, immutable')
        .send(body),
    );
}
