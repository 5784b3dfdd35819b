import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { toCsv } from '../../domain/csv.ts';
import { URGENCIES } from '../../domain/requests/categories.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import { STATUSES } from '../../domain/requests/request-status.ts';
import { languageName } from '../../domain/text/language-names.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope, requirePerson } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { areasOf } from '../networks/network.service.ts';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { queueMap } from './queue-map.service.ts';
import { QueuePage } from './queue-table.tsx';
import { registerRequestDetailPages } from './request-detail.pages.tsx';
import { registerRequestEditPages } from './request-edit.pages.tsx';
import { registerNewRequestPages } from './request-new.pages.tsx';
import { QUEUE_SORTS } from './request-queue.repository.ts';
import {
  type BulkAction,
  bulkAct,
  deleteQueueView,
  exportQueue,
  type QueueQuery,
  queueCoordinators,
  queueTable,
  queueViews,
  saveQueueView,
} from './request-queue.service.ts';

type Query = Record<string, string | undefined>;
type QueueParams = { Params: { slug: string }; Querystring: Query };

/** The address's filters, read strictly: anything unknown is as if absent. */
export function queueQuery(q: Query): QueueQuery {
  const pick = <T extends string>(v: string | undefined, allowed: readonly T[]) =>
    v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  const owner = q.owner?.slice(0, 40);
  return {
    status: pick(q.status, [...STATUSES, 'open'] as const),
    category: q.category?.slice(0, 40) || undefined,
    urgency: pick(q.urgency, URGENCIES),
    areaId: q.areaId?.slice(0, 40) || undefined,
    language: q.language?.trim().slice(0, 60) || undefined,
    olderThanDays: q.older && /^\d{1,3}$/.test(q.older) ? Number(q.older) : undefined,
    followUp: q.followUp === 'yes' || q.followUp === '1' || undefined,
    owner: owner || undefined,
    q: q.q?.trim().slice(0, 200) || undefined,
    sort: pick(q.sort, QUEUE_SORTS) ?? 'priority',
    descending: q.dir === 'desc',
    page: Math.max(1, Math.min(10_000, Number.parseInt(q.page ?? '1', 10) || 1)),
  };
}

/** The view's query string as typed (strings only, no page, nothing empty). */
function rawOf(q: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries((q ?? {}) as Record<string, unknown>).filter(
      ([k, v]) =>
        typeof v === 'string' && v !== '' && k !== 'page' && k !== 'done' && k !== 'skipped',
    ),
  ) as Record<string, string>;
}

const parseBack = (back: string | undefined) => {
  const params = new URLSearchParams((back ?? '').slice(0, 2000));
  return Object.fromEntries(params.entries()) as Query;
};

const BulkForm = Type.Object({
  action: Type.Union(
    ['owner', 'urgency', 'area', 'close_duplicate', 'close_withdrawn'].map((v) => Type.Literal(v)),
    { 'x-error': 'queue.bulk.chooseAction' },
  ),
  coordinatorId: Type.Optional(Type.String({ maxLength: 40 })),
  urgency: Type.Optional(Type.String({ maxLength: 20 })),
  areaId: Type.Optional(Type.String({ maxLength: 40 })),
  back: Type.Optional(Type.String({ maxLength: 2000 })),
});

const ViewForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 60 }),
  query: Type.Optional(Type.String({ maxLength: 2000 })),
});

function actionOf(input: {
  action: string;
  coordinatorId?: string | undefined;
  urgency?: string | undefined;
  areaId?: string | undefined;
}): BulkAction {
  switch (input.action) {
    case 'owner':
      return { kind: 'owner', coordinatorId: input.coordinatorId || null };
    case 'urgency':
      if (!input.urgency || !(URGENCIES as readonly string[]).includes(input.urgency))
        throw new AppError('VALIDATION_FAILED', {}, { urgency: { key: 'field.choose' } });
      return {
        kind: 'urgency',
        urgency: input.urgency as BulkAction & { kind: 'urgency' } extends { urgency: infer U }
          ? U
          : never,
      };
    case 'area':
      return { kind: 'area', areaId: input.areaId || null };
    case 'close_duplicate':
      return { kind: 'close', reason: 'duplicate' };
    default:
      return { kind: 'close', reason: 'withdrawn' };
  }
}

/**
 * The triage queue as a working table: search, filters and sort in the address, saved views,
 * bulk actions on ticked rows, CSV export of the view. The page's parts are in queue-table.tsx;
 * a request taken by phone in request-new.pages.tsx; one request's page in
 * request-detail.pages.tsx, registered after them.
 */
export function registerRequestQueuePages(app: FastifyInstance, deps: Deps): void {
  async function render(
    req: FastifyRequest<{ Params: { slug: string } }>,
    scope: NetworkScope,
    rawQuery: Query,
    states: { bulkState?: FormState; viewState?: FormState } = {},
  ) {
    const ctx = pageCtx(req, scopeNav(scope));
    const query = queueQuery(rawQuery);
    const [table, areas, coordinators, views, map] = await Promise.all([
      queueTable(deps, { actor: req.ctx.actor, scope, query, lang: ctx.lang }),
      areasOf(deps, { scope }),
      queueCoordinators(deps, { scope }),
      queueViews(deps, { scope }),
      queueMap(deps, { scope }),
    ]);
    const doneCount =
      rawQuery.done && /^\d{1,3}$/.test(rawQuery.done) ? Number(rawQuery.done) : null;
    return (
      <QueuePage
        ctx={ctx}
        scope={scope}
        {...table}
        query={query}
        raw={rawOf(rawQuery)}
        areas={areas}
        coordinators={coordinators}
        views={views}
        map={map}
        now={deps.clock.now()}
        {...states}
        done={
          doneCount === null
            ? undefined
            : {
                changed: doneCount,
                skipped: (rawQuery.skipped ?? '')
                  .split(',')
                  .filter((c) => /^[0-9A-Z]{6}$/.test(c))
                  .slice(0, 100),
              }
        }
      />
    );
  }

  app.get<QueueParams>('/n/:slug/requests', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    return sendPage(reply, await render(req, scope, req.query));
  });

  app.get<QueueParams>('/n/:slug/requests.csv', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const items = await exportQueue(deps, {
      actor: req.ctx.actor,
      scope,
      query: queueQuery(req.query),
      lang: ctx.lang,
    });
    const csv = toCsv([
      [
        t('queue.code'),
        t('queue.category'),
        t('ask.urgency'),
        t('ask.area'),
        t('queue.status'),
        t('queue.received'),
        t('queue.languageColumn'),
        t('queue.assignee'),
        t('queue.volunteer'),
      ],
      ...items.map((r) => [
        formatCode(r.code),
        t(`category.${r.category}` as MessageKey),
        t(`urgency.${r.urgency}`),
        r.areaName,
        t(`statusName.${r.status}`),
        r.createdAt,
        languageName(r.language, ctx.lang),
        r.ownerName,
        r.volunteerName,
      ]),
    ]);
    return reply
      .type('text/csv; charset=utf-8')
      .header('Cache-Control', 'no-store')
      .header('Content-Disposition', `attachment; filename="${scope.network.slug}-requests.csv"`)
      .send(`\uFEFF${csv}`);
  });

  app.post<{ Params: { slug: string } }>('/n/:slug/requests/bulk', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    const ticked = Object.entries(formValues(req.body))
      .filter(([k, v]) => k.startsWith('tick.') && v === '1')
      .map(([k]) => k.slice(5));
    const back = parseBack(formValues(req.body).back);
    return handleForm(req, reply, {
      schema: BulkForm,
      render: async (state) => render(req, scope, back, { bulkState: state }),
      run: async (input) => {
        const outcome = await bulkAct(deps, {
          actor: req.ctx.actor,
          scope,
          requestIds: ticked,
          action: actionOf(input),
        });
        const to = new URLSearchParams({
          ...(rawOf(back) as Record<string, string>),
          done: String(outcome.changed.length),
          ...(outcome.skipped.length ? { skipped: outcome.skipped.join(',') } : {}),
        });
        return `/n/${scope.network.slug}/requests?${to}`;
      },
    });
  });

  app.post<{ Params: { slug: string } }>('/n/:slug/requests/views', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    const query = formValues(req.body).query ?? '';
    return handleForm(req, reply, {
      schema: ViewForm,
      render: async (state) => render(req, scope, parseBack(query), { viewState: state }),
      run: async (input) => {
        const saved = new URLSearchParams(rawOf(parseBack(input.query))).toString();
        await saveQueueView(deps, { scope, name: input.name, query: saved });
        return `/n/${scope.network.slug}/requests?${saved}`;
      },
    });
  });

  app.post<{ Params: { slug: string } }>('/n/:slug/requests/views/delete', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    requirePerson(req.ctx.actor);
    const v = formValues(req.body);
    await deleteQueueView(deps, { scope, id: (v.id ?? '').slice(0, 40) });
    const back = new URLSearchParams(rawOf(parseBack(v.back))).toString();
    return reply.redirect(`/n/${scope.network.slug}/requests?${back}`, 303);
  });

  registerNewRequestPages(app, deps);
  registerRequestEditPages(app, deps);
  registerRequestDetailPages(app, deps);
}
