import type { FastifyInstance, FastifyRequest } from 'fastify';
import { URGENCIES } from '../../domain/requests/categories.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import { CLOSE_REASONS, canMove, STATUSES } from '../../domain/requests/request-status.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { areasOf } from '../networks/network.service.ts';
import { areaOptions, ChoiceGroup, languageName } from '../pages/choices.tsx';
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
import { intakeFromForm } from './request.pages.tsx';
import {
  AssignForm,
  COMM_CHANNELS,
  COMM_OUTCOMES,
  CommunicationForm,
  IntakeForm,
  StatusForm,
} from './request.schema.ts';
import type { RequestSummary } from './request.types.ts';
import { RequestFields } from './request-form.tsx';
import { createRequest } from './request-intake.service.ts';
import { SuggestionsBlock } from './request-matching.pages.tsx';
import { type Suggestion, suggestionsFor } from './request-matching.service.ts';
import {
  assignVolunteer,
  changeStatus,
  logCommunication,
  offerTaskByText,
  QUEUE_PAGE_SIZE,
  type QueueQuery,
  type RequestView,
  triageQueue,
  viewRequest,
} from './request-triage.service.ts';

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
/** What a coordinator hears after offering a task by text (see offerTaskByText). */
const OFFER_NOTICES: Record<string, MessageKey> = {
  offered: 'match.offered',
  offerNoPhone: 'match.offerNoPhone',
  offerStopped: 'match.offerStopped',
};

type ReqParams = { Params: { slug: string; id: string }; Querystring: { done?: string } };

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

function RequestPage({
  ctx,
  scope,
  view,
  suggestions,
  textOffers,
  statusState,
  commState,
  assignState,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  view: RequestView;
  suggestions: Suggestion[] | null;
  /** The SMS gateway is set up: each suggestion can be offered the task by text. */
  textOffers: boolean;
  statusState: FormState;
  commState: FormState;
  /** A refused assignment or offer (held by someone else meanwhile), shown at the top. */
  assignState: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const r = view.summary;
  const p = view.private;
  const base = `/n/${scope.network.slug}/requests/${r.id}`;
  const moves = STATUSES.filter((s) => canMove(r.status, s));
  return (
    <Layout ctx={ctx} title={t('request.title', { code: formatCode(r.code) })} notice={notice}>
      <h1>{t('request.title', { code: formatCode(r.code) })}</h1>
      <ErrorSummary ctx={ctx} errors={assignState.errors} message={assignState.message} />
      {r.manyFromAddress && (
        <p class="warning" role="note">
          <strong class="flag">{t('queue.manyFromAddress')}</strong> {t('request.manyFromAddress')}
        </p>
      )}
      {r.duplicateOf && (
        <p class="notice">
          {t('request.duplicateOf')}{' '}
          <a href={`/n/${scope.network.slug}/requests/${r.duplicateOf}`}>{t('request.seeOther')}</a>
        </p>
      )}
      <dl>
        <dt>{t('queue.status')}</dt>
        <dd>{t(`statusName.${r.status}`)}</dd>
        <dt>{t('queue.category')}</dt>
        <dd>{t(`category.${r.category}` as MessageKey)}</dd>
        <dt>{t('ask.urgency')}</dt>
        <dd>{t(`urgency.${r.urgency}`)}</dd>
        <dt>{t('request.household')}</dt>
        <dd>{r.householdSize}</dd>
        <dt>{t('ask.area')}</dt>
        <dd>{r.areaName ?? '—'}</dd>
        <dt>{t('ask.language')}</dt>
        <dd>{languageName(ctx, r.language)}</dd>
        <dt>{t('request.channel')}</dt>
        <dd>{t(`channel.${r.channel}`)}</dd>
      </dl>
      <h2>{t('request.private')}</h2>
      {r.redacted ? (
        <p>{t('request.redacted')}</p>
      ) : (
        <dl>
          <dt>{t('ask.name')}</dt>
          <dd>{p.name ?? '—'}</dd>
          <dt>{t('field.phone')}</dt>
          <dd>{p.phone ?? '—'}</dd>
          <dt>{t('field.email')}</dt>
          <dd>{p.email ?? '—'}</dd>
          <dt>{t('request.address')}</dt>
          <dd>{p.address ?? '—'}</dd>
          <dt>{t('request.details')}</dt>
          <dd>{p.details ?? '—'}</dd>
          <dt>{t('request.accessibility')}</dt>
          <dd>{p.accessibility ?? '—'}</dd>
        </dl>
      )}
      {view.feedback && (
        <>
          <h2>{t('request.feedback')}</h2>
          <dl>
            <dt>{t('request.feedbackOutcome')}</dt>
            <dd>{t(`feedback.outcome.${view.feedback.outcome}` as MessageKey)}</dd>
            <dt>{t('request.feedbackComment')}</dt>
            <dd class="pre-line">{view.feedback.comment ?? '—'}</dd>
            <dt>{t('request.feedbackWhen')}</dt>
            <dd>
              <When ctx={ctx} iso={view.feedback.createdAt} />
            </dd>
          </dl>
        </>
      )}
      {suggestions && (
        <SuggestionsBlock
          ctx={ctx}
          scope={scope}
          requestId={r.id}
          suggestions={suggestions}
          textOffers={textOffers}
        />
      )}
      {moves.length > 0 && (
        <>
          <h2>{t('request.changeStatus')}</h2>
          <ErrorSummary ctx={ctx} errors={statusState.errors} message={statusState.message} />
          <form method="post" action={`${base}/status`} novalidate>
            <CsrfField ctx={ctx} />
            <SelectField
              ctx={ctx}
              name="to"
              label={t('request.newStatus')}
              values={statusState.values}
              errors={statusState.errors}
              options={moves.map((s) => ({
                value: s,
                label: t(`statusName.${s}`),
              }))}
            />
            <SelectField
              ctx={ctx}
              name="reason"
              label={t('request.closeReason')}
              values={statusState.values}
              errors={statusState.errors}
              options={[
                { value: '', label: '—' },
                ...CLOSE_REASONS.map((c) => ({ value: c, label: t(`closeReason.${c}`) })),
              ]}
            />
            <Submit>{t('request.changeStatusSubmit')}</Submit>
          </form>
        </>
      )}
      <h2>{t('request.log')}</h2>
      <ErrorSummary ctx={ctx} errors={commState.errors} message={commState.message} />
      <form method="post" action={`${base}/log`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="channel"
          label={t('request.logChannel')}
          values={commState.values}
          errors={commState.errors}
          options={COMM_CHANNELS.map((c) => ({ value: c, label: t(`comm.${c}`) }))}
        />
        <SelectField
          ctx={ctx}
          name="outcome"
          label={t('request.logOutcome')}
          values={commState.values}
          errors={commState.errors}
          options={[
            { value: '', label: '—' },
            ...COMM_OUTCOMES.map((o) => ({ value: o, label: t(`commOutcome.${o}`) })),
          ]}
        />
        <Field
          ctx={ctx}
          name="note"
          label={t('request.logNote')}
          multiline
          values={commState.values}
          errors={commState.errors}
        />
        <ChoiceGroup
          ctx={ctx}
          name="followUp"
          legend={t('queue.followUpLegend')}
          type="checkbox"
          options={[{ field: 'followUp', value: 'yes', label: t('request.followUp') }]}
          values={commState.values}
          errors={commState.errors}
        />
        <Submit>{t('request.logSubmit')}</Submit>
      </form>
      <h2>{t('request.timeline')}</h2>
      <ol class="timeline">
        {view.events.map((e) => (
          <li key={e.id}>
            <When ctx={ctx} iso={e.createdAt} /> · {e.actorName ?? t('audit.system')} ·{' '}
            {t(`event.${e.kind}`)}
            {e.toStatus && ` → ${t(`statusName.${e.toStatus}` as MessageKey)}`}
            {e.channel &&
              e.kind === 'communication' &&
              ` · ${t(`comm.${e.channel}` as MessageKey)}`}
            {e.outcome &&
              e.kind === 'communication' &&
              ` · ${t(`commOutcome.${e.outcome}` as MessageKey)}`}
            {e.outcome &&
              e.kind === 'feedback' &&
              ` · ${t(`feedback.outcome.${e.outcome}` as MessageKey)}`}
            {e.followUp && <strong> · {t('request.followUp')}</strong>}
            {e.note && <p>{e.note}</p>}
            {e.kind === 'feedback' && view.feedback?.comment && (
              <p class="pre-line">{view.feedback.comment}</p>
            )}
          </li>
        ))}
      </ol>
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

  const requestPage = async (
    req: FastifyRequest<ReqParams>,
    scope: NetworkScope,
    statusState: FormState,
    commState: FormState,
    assignState: FormState = {},
  ) => {
    const view = await viewRequest(deps, { actor: req.ctx.actor, scope, requestId: req.params.id });
    const suggestions = ['new', 'triaged'].includes(view.summary.status)
      ? await suggestionsFor(deps, { scope, request: view.summary })
      : null;
    const offered = OFFER_NOTICES[req.query.done ?? ''];
    const notice =
      req.query.done === 'created'
        ? req.ctx.t('request.created', { code: formatCode(view.summary.code) })
        : offered
          ? req.ctx.t(offered)
          : req.query.done
            ? req.ctx.t('done.saved')
            : undefined;
    return (
      <RequestPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        view={view}
        suggestions={suggestions}
        textOffers={deps.sms.enabled}
        statusState={statusState}
        commState={commState}
        assignState={assignState}
        notice={notice}
      />
    );
  };

  app.get<ReqParams>('/n/:slug/requests/:id', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    return sendPage(reply, await requestPage(req, scope, {}, {}));
  });

  app.post<ReqParams>('/n/:slug/requests/:id/status', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    return handleForm(req, reply, {
      schema: StatusForm,
      render: (state) => requestPage(req, scope, state, {}),
      run: async (input) => {
        await changeStatus(deps, {
          actor: req.ctx.actor,
          scope,
          requestId: req.params.id,
          to: input.to,
          reason: input.reason,
        });
        return `/n/${scope.network.slug}/requests/${req.params.id}?done=status`;
      },
    });
  });

  app.post<ReqParams>('/n/:slug/requests/:id/log', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    return handleForm(req, reply, {
      schema: CommunicationForm,
      render: (state) => requestPage(req, scope, {}, state),
      run: async (input) => {
        await logCommunication(deps, {
          actor: req.ctx.actor,
          scope,
          requestId: req.params.id,
          input: { ...input, followUp: input.followUp === '1' },
        });
        return `/n/${scope.network.slug}/requests/${req.params.id}?done=log`;
      },
    });
  });

  // Giving the task to a volunteer, or offering it by text: a refusal (someone else holds it
  // by now) comes back on the request page as it stands, with who holds it and what to do.
  app.post<ReqParams>('/n/:slug/requests/:id/assign', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    return handleForm(req, reply, {
      schema: AssignForm,
      render: (state) => requestPage(req, scope, {}, {}, state),
      run: async ({ volunteerId }) => {
        await assignVolunteer(deps, {
          actor: req.ctx.actor,
          scope,
          requestId: req.params.id,
          volunteerId,
        });
        return `/n/${scope.network.slug}/requests/${req.params.id}?done=assigned`;
      },
    });
  });

  app.post<ReqParams>('/n/:slug/requests/:id/offer', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    return handleForm(req, reply, {
      schema: AssignForm,
      render: (state) => requestPage(req, scope, {}, {}, state),
      run: async ({ volunteerId }) => {
        const result = await offerTaskByText(deps, {
          actor: req.ctx.actor,
          scope,
          requestId: req.params.id,
          volunteerId,
        });
        const done = {
          queued: 'offered',
          duplicate: 'offered',
          no_phone: 'offerNoPhone',
          opted_out: 'offerStopped',
        }[result];
        return `/n/${scope.network.slug}/requests/${req.params.id}?done=${done}`;
      },
    });
  });
}
