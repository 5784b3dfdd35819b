import type { FastifyInstance } from 'fastify';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { SelectField, When } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, browseAudit } from './audit.service.ts';
import type { AuditEvent } from './audit-event.ts';

/** An action's label key: a new action without its label in the catalogue fails the type check. */
const labelKey = (action: (typeof AUDIT_ACTIONS)[number]): MessageKey => `audit.action.${action}`;

export function actionLabel(ctx: PageCtx, action: string): string {
  const known = AUDIT_ACTIONS.find((a) => a === action);
  return known ? ctx.t(labelKey(known)) : action;
}

/** Details are ids and codes; roles are shown in words, the rest as they are. */
function Details({ ctx, details }: { ctx: PageCtx; details: Record<string, unknown> }) {
  const parts = Object.entries(details).map(([k, v]) => {
    const value =
      typeof v === 'string' && ['neighbour', 'volunteer', 'coordinator', 'admin'].includes(v)
        ? ctx.t(`role.${v}` as MessageKey)
        : String(v);
    return `${k}: ${value}`;
  });
  return <span class="muted">{parts.join(' · ')}</span>;
}

function AuditPage({
  ctx,
  scope,
  events,
  action,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  events: AuditEvent[];
  action?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/audit`;
  const last = events[events.length - 1];
  return (
    <Layout ctx={ctx} title={t('audit.title')}>
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      <form method="get" action={base} class="filters">
        <SelectField
          ctx={ctx}
          name="action"
          label={t('audit.filterAction')}
          values={{ action: action ?? '' }}
          options={[
            { value: '', label: t('audit.allActions') },
            ...AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(ctx, a) })),
          ]}
        />
        <div class="field">
          <button type="submit" class="button secondary">
            {t('people.filter')}
          </button>
        </div>
      </form>
      {events.length === 0 ? (
        <p>{t('audit.none')}</p>
      ) : (
        <Table headers={[t('audit.when'), t('audit.who'), t('audit.what'), t('audit.subject')]}>
          {events.map((e) => (
            <tr key={e.id}>
              <td>
                <When ctx={ctx} iso={e.createdAt} />
              </td>
              <td>{e.actorName ?? t('audit.system')}</td>
              <td>
                {actionLabel(ctx, e.action)} <Details ctx={ctx} details={e.details} />
              </td>
              <td>
                {e.subjectName ??
                  (e.subjectType ? `${e.subjectType} ${e.subjectId?.slice(-6)}` : '—')}
              </td>
            </tr>
          ))}
        </Table>
      )}
      {events.length === AUDIT_PAGE_SIZE && last && (
        <p>
          <a
            href={`${base}?${new URLSearchParams({ ...(action ? { action } : {}), before: last.createdAt })}`}
          >
            {t('audit.older')}
          </a>
        </p>
      )}
    </Layout>
  );
}

type Q = { Params: { slug: string }; Querystring: { action?: string; before?: string } };

export function registerAuditPages(app: FastifyInstance, deps: Deps): void {
  app.get<Q>('/n/:slug/audit', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const action = (AUDIT_ACTIONS as readonly string[]).includes(req.query.action ?? '')
      ? req.query.action
      : undefined;
    const before =
      req.query.before && !Number.isNaN(Date.parse(req.query.before))
        ? new Date(req.query.before).toISOString()
        : undefined;
    const events = await browseAudit(deps, { scope, filter: { action, before } });
    return sendPage(
      reply,
      <AuditPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        events={events}
        action={action}
      />,
    );
  });
}
