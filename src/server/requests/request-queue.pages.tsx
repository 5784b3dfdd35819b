import type { FastifyInstance } from 'fastify';
import { URGENCIES } from '../../domain/requests/categories.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import { STATUSES } from '../../domain/requests/request-status.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { areasOf } from '../networks/network.service.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import {
  CsrfField,
  ErrorSummary,
  Field,
  Pager,
  SelectField,
  Submit,
  When,
} from '../pages/components.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { intakeFromForm, otherLanguageProblem } from './request.pages.tsx';
import { IntakeForm } from './request.schema.ts';
import type { RequestSummary } from './request.types.ts';
import { registerRequestDetailPages } from './request-detail.pages.tsx';
import { RequestFields } from './request-form.tsx';
import { createRequest } from './request-intake.service.ts';
import { QUEUE_PAGE_SIZE, type QueueQuery, triageQueue } from './request-triage.service.ts';

type QueueParams = {
  Params: { slug: string };
  Querystring: {
    status?: string;
    category?: string;
    urgency?: string;
    areaId?: string;
    language?: string;
    older?: string;
    followUp?: string;
    page?: string;
  };
};

function queueQuery(q: QueueParams['Querystring']): QueueQuery {
  const pick = <T extends string>(v: string | undefined, allowed: readonly T[]) =>
    v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  return {
    status: pick(q.status, [...STATUSES, 'open'] as const),
    category: q.category?.slice(0, 40) || undefined,
    urgency: pick(q.urgency, URGENCIES),
    areaId: q.areaId?.slice(0, 40) || undefined,
    language: q.language && /^[a-z]{2,3}$/.test(q.language) ? q.language : undefined,
    olderThanDays: q.older && /^\d{1,3}$/.test(q.older) ? Number(q.older) : undefined,
    followUp: q.followUp === '1' || undefined,
    page: Math.max(1, Math.min(10_000, Number.parseInt(q.page ?? '1', 10) || 1)),
  };
}

export function RequestRow({ ctx, r, href }: { ctx: PageCtx; r: RequestSummary; href: string }) {
  const { t } = ctx;
  return (
    <tr>
      <td>
        <a href={href}>{formatCode(r.code)}</a>
        {r.duplicateFlag && <span class="flag"> {t('queue.possibleDuplicate')}</span>}
        {r.manyFromAddress && <span class="flag"> {t('queue.manyFromAddress')}</span>}
      </td>
      <td>{t(`category.${r.category}` as MessageKey)}</td>
      <td>{t(`urgency.${r.urgency}`)}</td>
      <td>{r.areaName ?? '—'}</td>
      <td>{t(`statusName.${r.status}`)}</td>
      <td>
        <When ctx={ctx} iso={r.createdAt} />
      </td>
    </tr>
  );
}

function QueuePage({
  ctx,
  scope,
  items,
  total,
  query,
  raw,
  areas,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  items: RequestSummary[];
  total: number;
  query: QueueQuery;
  raw: Record<string, string>;
  areas: Awaited<ReturnType<typeof areasOf>>;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/requests`;
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
  const pageHref = (p: number) => `${base}?${new URLSearchParams({ ...raw, page: String(p) })}`;
  return (
    <Layout ctx={ctx} title={t('queue.title')}>
      <h1>{t('queue.title')}</h1>
      <p>
        <a href={`${base}/new`}>{t('queue.newByPhone')}</a> ·{' '}
        <a href={`/n/${scope.network.slug}/dispatch`}>{t('queue.dispatch')}</a>
      </p>
      <p class="muted">{t('queue.priority')}</p>
      <form method="get" action={base} class="filters">
        <SelectField
          ctx={ctx}
          name="status"
          label={t('queue.status')}
          values={raw}
          options={[
            { value: 'open', label: t('queue.allOpen') },
            ...STATUSES.map((s) => ({ value: s, label: t(`statusName.${s}`) })),
          ]}
        />
        <SelectField
          ctx={ctx}
          name="category"
          label={t('queue.category')}
          values={raw}
          options={[
            { value: '', label: t('queue.any') },
            ...scope.network.categories.map((c) => ({
              value: c,
              label: t(`category.${c}` as MessageKey),
            })),
          ]}
        />
        <SelectField
          ctx={ctx}
          name="urgency"
          label={t('ask.urgency')}
          values={raw}
          options={[
            { value: '', label: t('queue.any') },
            ...URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) })),
          ]}
        />
        <SelectField
          ctx={ctx}
          name="areaId"
          label={t('ask.area')}
          values={raw}
          options={areaOptions(areas, t('queue.any'))}
        />
        <Field ctx={ctx} name="language" label={t('queue.language')} values={raw} />
        <Field
          ctx={ctx}
          name="older"
          label={t('queue.olderThanDays')}
          inputmode="numeric"
          values={raw}
        />
        <ChoiceGroup
          ctx={ctx}
          name="followUp"
          legend={t('queue.followUpLegend')}
          type="checkbox"
          options={[{ field: 'followUp', value: 'yes', label: t('queue.followUpOnly') }]}
          values={raw}
        />
        <div class="field">
          <button type="submit" class="button secondary">
            {t('people.filter')}
          </button>
        </div>
      </form>
      <p>{t('queue.count', { count: total })}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('queue.code')}</th>
              <th scope="col">{t('queue.category')}</th>
              <th scope="col">{t('ask.urgency')}</th>
              <th scope="col">{t('ask.area')}</th>
              <th scope="col">{t('queue.status')}</th>
              <th scope="col">{t('queue.received')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <RequestRow key={r.id} ctx={ctx} r={r} href={`${base}/${r.id}`} />
            ))}
          </tbody>
        </table>
      </div>
      <Pager ctx={ctx} page={query.page} pages={pages} href={pageHref} />
    </Layout>
  );
}

function NewRequestPage({
  ctx,
  scope,
  areas,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Awaited<ReturnType<typeof areasOf>>;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('queue.newByPhone')}>
      <h1>{t('queue.newByPhone')}</h1>
      <p>{t('request.phoneIntro')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      <form method="post" action={`/n/${scope.network.slug}/requests/new`} novalidate>
        <CsrfField ctx={ctx} />
        <RequestFields
          ctx={ctx}
          network={scope.network}
          areas={areas}
          state={state}
          forSomeoneElse={true}
        />
        <Submit>{t('request.phoneSubmit')}</Submit>
      </form>
    </Layout>
  );
}
/**
 * The triage queue and a new request taken by a coordinator here; one request's page is in
 * request-detail.pages.tsx, registered after them.
 */
export function registerRequestQueuePages(app: FastifyInstance, deps: Deps): void {
  app.get<QueueParams>('/n/:slug/requests', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const query = queueQuery(req.query);
    const [{ items, total }, areas] = await Promise.all([
      triageQueue(deps, { scope, query }),
      areasOf(deps, { scope }),
    ]);
    const raw = Object.fromEntries(
      Object.entries(req.query).filter(([k, v]) => typeof v === 'string' && k !== 'page'),
    ) as Record<string, string>;
    return sendPage(
      reply,
      <QueuePage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        items={items}
        total={total}
        query={query}
        raw={raw}
        areas={areas}
      />,
    );
  });

  app.get<QueueParams>('/n/:slug/requests/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.intake_for_others');
    const areas = await areasOf(deps, { scope });
    return sendPage(
      reply,
      <NewRequestPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} areas={areas} state={{}} />,
    );
  });

  app.post<QueueParams>('/n/:slug/requests/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.intake_for_others');
    const areas = await areasOf(deps, { scope });
    return handleForm(req, reply, {
      schema: IntakeForm,
      check: otherLanguageProblem,
      render: (state) => (
        <NewRequestPage
          ctx={pageCtx(req, scopeNav(scope))}
          scope={scope}
          areas={areas}
          state={state}
        />
      ),
      run: async (input) => {
        const { summary } = await createRequest(deps, {
          actor: req.ctx.actor,
          scope,
          channel: 'phone',
          source: null,
          input: intakeFromForm(input),
        });
        return `/n/${scope.network.slug}/requests/${summary.id}?done=created`;
      },
    });
  });

  registerRequestDetailPages(app, deps);
}
