import type { FastifyInstance } from 'fastify';
import { Layout } from '../pages/layout.tsx';
import { pageCtx, sendPage } from '../pages/page-context.ts';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: { name: string; in: string; required?: boolean; description?: string }[];
  requestBody?: unknown;
  responses?: Record<string, { description?: string }>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/**
 * The OpenAPI document as JSON, and a plain page that lists every operation: readable with
 * no JavaScript and no third-party viewer (so the strict CSP stays strict).
 */
export function registerApiDocs(app: FastifyInstance): void {
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get('/api/docs', { schema: { hide: true } }, async (req, reply) => {
    const { t } = req.ctx;
    const doc = app.swagger() as unknown as {
      info: { title: string; description?: string };
      paths: Record<string, Record<string, Operation>>;
    };
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => ({ path, method: m.toUpperCase(), op: item[m]! })),
    );
    return sendPage(
      reply,
      <Layout ctx={pageCtx(req)} title={t('apiDocs.title')}>
        <h1>{t('apiDocs.title')}</h1>
        <p>{t('apiDocs.intro')}</p>
        <p>
          <a href="/api/openapi.json">{t('apiDocs.download')}</a>
        </p>
        {ops.map(({ path, method, op }) => (
          <section key={`${method} ${path}`} aria-labelledby={`op-${method}-${path}`}>
            <h2 id={`op-${method}-${path}`}>
              <code>
                {method} {path}
              </code>
            </h2>
            {/* The OpenAPI document is written in English: marked so, on a page in any language. */}
            {op.summary && <p lang="en">{op.summary}</p>}
            {op.description && (
              <p class="muted" lang="en">
                {op.description}
              </p>
            )}
            {op.parameters && op.parameters.length > 0 && (
              <ul>
                {op.parameters.map((p) => (
                  <li key={`${p.in}-${p.name}`}>
                    <code>{p.name}</code> ({p.in}){p.required ? ' *' : ''}
                  </li>
                ))}
              </ul>
            )}
            <p class="muted">
              {t('apiDocs.responses')}: {Object.keys(op.responses ?? {}).join(', ')}
            </p>
          </section>
        ))}
      </Layout>,
    );
  });
}
