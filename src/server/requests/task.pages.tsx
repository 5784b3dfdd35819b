import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatCode } from '../../domain/requests/request-code.ts';
import { ACTIVE_TASK_STATUSES } from '../../domain/requests/request-status.ts';
import { namesFromMask } from '../../domain/time/weekly-slots.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { AddressWithMap } from '../pages/address-link.tsx';
import { languageName } from '../pages/choices.tsx';
import { CsrfField, ErrorSummary, Field, Pager, Submit } from '../pages/components.tsx';
import { handleForm } from '../pages/form-route.ts';
import { type FormState, formFailure } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { DoneForm } from './request.schema.ts';
import type { RequestPrivate, RequestSummary } from './request.types.ts';
import { volunteerHome } from './request-matching.service.ts';
import {
  claimTask,
  type Feed,
  finishTask,
  myTasks,
  startTask,
  taskFeed,
  unclaimTask,
  viewTask,
} from './task.service.ts';
import { TaskMap } from './task-map.tsx';

function slotsInWords(ctx: PageCtx, mask: number): string {
  const names = namesFromMask(mask);
  return names.length === 21
    ? ctx.t('when.any')
    : names
        .map(
          (n) =>
            `${ctx.t(`volunteering.day.${n.split('-')[0]}` as MessageKey)} ${ctx.t(`volunteering.part.${n.split('-')[1]}` as MessageKey)}`,
        )
        .join(', ');
}

/** What a task card shows: never a name, a contact, an address or free text. */
function TaskCard({
  ctx,
  r,
  km,
  href,
}: {
  ctx: PageCtx;
  r: RequestSummary;
  km: number | null;
  href: string;
}) {
  const { t } = ctx;
  return (
    <li>
      <a href={href}>
        {t(`category.${r.category}` as MessageKey)} · {t(`urgency.${r.urgency}`)}
      </a>
      <p class="muted">
        {r.areaName ?? t('tasks.areaUnknown')}
        {km !== null && ` · ${t('tasks.km', { km: km.toFixed(1) })}`} ·{' '}
        {t('tasks.household', { count: r.householdSize })} · {languageName(ctx, r.language)}
      </p>
    </li>
  );
}

function FeedPage({
  ctx,
  scope,
  feed,
  mine,
  message,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  feed: Feed;
  mine: RequestSummary[];
  message?: string | null | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/tasks`;
  return (
    <Layout ctx={ctx} title={t('tasks.title')} notice={notice}>
      <h1>{t('tasks.title')}</h1>
      <ErrorSummary ctx={ctx} message={message} />
      <h2>{t('tasks.mine')}</h2>
      {mine.length === 0 ? (
        <p>{t('tasks.noneMine')}</p>
      ) : (
        <ul class="cards">
          {mine.map((r) => (
            <TaskCard key={r.id} ctx={ctx} r={r} km={null} href={`${base}/${r.id}`} />
          ))}
        </ul>
      )}
      {mine.length > 0 && (
        <p>
          <a href={`${base}/route-sheet`}>{t('print.route.link')}</a>
        </p>
      )}
      <h2>{t('tasks.near')}</h2>
      <p class="muted">{t('tasks.nearHelp')}</p>
      {feed.items.length === 0 ? (
        <p>{t('tasks.noneNear')}</p>
      ) : (
        <ul class="cards">
          {feed.items.map((i) => (
            <TaskCard
              key={i.request.id}
              ctx={ctx}
              r={i.request}
              km={i.km}
              href={`${base}/${i.request.id}`}
            />
          ))}
        </ul>
      )}
      <Pager ctx={ctx} page={feed.page} pages={feed.pages} href={(p) => `${base}?page=${p}`} />
      <TaskMap ctx={ctx} map={feed.map} />
    </Layout>
  );
}

function TaskPage({
  ctx,
  scope,
  task,
  state,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  task: { summary: RequestSummary; private: RequestPrivate | null; mine: boolean };
  state: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const r = task.summary;
  const base = `/n/${scope.network.slug}/tasks/${r.id}`;
  const action = (path: string, label: string, cls = 'button') => (
    <form method="post" action={`${base}/${path}`} class="inline">
      <CsrfField ctx={ctx} />
      <button type="submit" class={cls}>
        {label}
      </button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={t('tasks.taskTitle', { code: formatCode(r.code) })} notice={notice}>
      <h1>{t(`category.${r.category}` as MessageKey)}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      <dl>
        <dt>{t('ask.urgency')}</dt>
        <dd>{t(`urgency.${r.urgency}`)}</dd>
        <dt>{t('ask.area')}</dt>
        <dd>{r.areaName ?? t('tasks.areaUnknown')}</dd>
        <dt>{t('request.household')}</dt>
        <dd>{r.householdSize}</dd>
        <dt>{t('ask.when')}</dt>
        <dd>{slotsInWords(ctx, r.slots)}</dd>
        <dt>{t('ask.language')}</dt>
        <dd>{languageName(ctx, r.language)}</dd>
        <dt>{t('queue.status')}</dt>
        <dd>{t(`statusName.${r.status}`)}</dd>
      </dl>
      {task.private && (
        <section aria-labelledby="private-title">
          <h2 id="private-title">{t('tasks.privateTitle')}</h2>
          <p class="muted">{t('tasks.privateHelp')}</p>
          <dl>
            <dt>{t('ask.name')}</dt>
            <dd>{task.private.name ?? '—'}</dd>
            <dt>{t('field.phone')}</dt>
            <dd>
              {task.private.phone ? (
                <a href={`tel:${task.private.phone}`}>{task.private.phone}</a>
              ) : (
                '—'
              )}
            </dd>
            <dt>{t('request.address')}</dt>
            <dd>
              <AddressWithMap ctx={ctx} address={task.private.address} />
            </dd>
            <dt>{t('request.details')}</dt>
            <dd>{task.private.details ?? '—'}</dd>
            <dt>{t('request.accessibility')}</dt>
            <dd>{task.private.accessibility ?? '—'}</dd>
          </dl>
        </section>
      )}
      {!task.mine &&
        (r.status === 'new' || r.status === 'triaged') &&
        action('claim', t('tasks.claim'))}
      {task.mine && ACTIVE_TASK_STATUSES.includes(r.status) && (
        <>
          {r.status === 'assigned' && action('start', t('tasks.start'))}{' '}
          {action('unclaim', t('tasks.unclaim'), 'button secondary')}
          <h2>{t('tasks.doneTitle')}</h2>
          <form method="post" action={`${base}/done`} novalidate>
            <CsrfField ctx={ctx} />
            <Field
              ctx={ctx}
              name="hours"
              label={t('tasks.hours')}
              hint={t('tasks.hoursHint')}
              inputmode="decimal"
              values={state.values}
              errors={state.errors}
            />
            <Submit>{t('tasks.done')}</Submit>
          </form>
        </>
      )}
    </Layout>
  );
}

type Slug = { Params: { slug: string } };

const TASK_NOTICES: Record<string, MessageKey> = {
  claimed: 'tasks.done.claimed',
  alreadyYours: 'tasks.done.alreadyYours',
  unclaimed: 'tasks.done.unclaimed',
  started: 'tasks.done.started',
};
type TaskParams = { Params: { slug: string; id: string }; Querystring: { done?: string } };

export function registerTaskPages(app: FastifyInstance, deps: Deps): void {
  const feedPage = async (
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    message?: string | null,
    notice?: string,
    page?: number,
  ) => {
    const home = await volunteerHome(deps, { scope });
    const [feed, mine] = await Promise.all([
      taskFeed(deps, { scope, home: home?.point ?? null, radiusKm: home?.radiusKm, page }),
      myTasks(deps, { scope }),
    ]);
    return (
      <FeedPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        feed={feed}
        mine={mine}
        message={message}
        notice={notice}
      />
    );
  };

  app.get<Slug & { Querystring: { done?: string; page?: string } }>(
    '/n/:slug/tasks',
    async (req, reply) => {
      const scope = await scopeOf(deps, req);
      const notice = req.query.done === 'finished' ? req.ctx.t('tasks.done.finished') : undefined;
      const page = Number.parseInt(req.query.page ?? '1', 10);
      return sendPage(reply, await feedPage(req, scope, null, notice, page));
    },
  );

  const taskPage = async (
    req: FastifyRequest<TaskParams>,
    scope: NetworkScope,
    state: FormState,
  ) => {
    const task = await viewTask(deps, { actor: req.ctx.actor, scope, requestId: req.params.id });
    const key = TASK_NOTICES[req.query.done ?? ''];
    return (
      <TaskPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        task={task}
        state={state}
        notice={key ? req.ctx.t(key) : undefined}
      />
    );
  };

  app.get<TaskParams>('/n/:slug/tasks/:id', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    return sendPage(reply, await taskPage(req, scope, {}));
  });

  type Run = (...a: Parameters<typeof startTask>) => Promise<unknown>;
  const simple = (path: string, run: Run, done: string) =>
    app.post<TaskParams>(`/n/:slug/tasks/:id/${path}`, async (req, reply) => {
      const scope = await scopeOf(deps, req);
      try {
        const outcome = await run(deps, { actor: req.ctx.actor, scope, requestId: req.params.id });
        // A second "I will do it" from the holder (a double click) is their success too.
        const said = outcome === 'already_yours' ? 'alreadyYours' : done;
        return reply.redirect(`/n/${scope.network.slug}/tasks/${req.params.id}?done=${said}`, 303);
      } catch (e) {
        // Someone else was quicker: say so kindly, on the feed, with other tasks to pick.
        const { status, state } = formFailure(req, e);
        return sendPage(reply, await feedPage(req, scope, state.message), status);
      }
    });
  simple('claim', claimTask, 'claimed');
  simple('unclaim', unclaimTask, 'unclaimed');
  simple('start', startTask, 'started');

  app.post<TaskParams>('/n/:slug/tasks/:id/done', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    return handleForm(req, reply, {
      schema: DoneForm,
      render: (state) => taskPage(req, scope, state),
      run: async ({ hours }) => {
        await finishTask(deps, { actor: req.ctx.actor, scope, requestId: req.params.id, hours });
        return `/n/${scope.network.slug}/tasks?done=finished`;
      },
    });
  });
}
