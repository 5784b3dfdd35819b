/** One request's page: its status, the log of calls and texts, assigning or offering the task. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatCode } from '../../domain/requests/request-code.ts';
import { CLOSE_REASONS, canMove, STATUSES } from '../../domain/requests/request-status.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { ChoiceGroup, languageName } from '../pages/choices.tsx';
import { CsrfField, ErrorSummary, Field, SelectField, Submit, When } from '../pages/components.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import {
  AssignForm,
  COMM_CHANNELS,
  COMM_OUTCOMES,
  CommunicationForm,
  InternalNoteForm,
  OwnerForm,
  StatusForm,
} from './request.schema.ts';
import { addInternalNote } from './request-edit.service.ts';
import { SuggestionsBlock } from './request-matching.pages.tsx';
import { type Suggestion, suggestionsFor } from './request-matching.service.ts';
import { bulkAct, queueCoordinators } from './request-queue.service.ts';
import {
  assignVolunteer,
  changeStatus,
  logCommunication,
  offerTaskByText,
  type RequestView,
  viewRequest,
} from './request-triage.service.ts';

/** What a coordinator hears after offering a task by text (see offerTaskByText). */
const OFFER_NOTICES: Record<string, MessageKey> = {
  offered: 'match.offered',
  offerNoPhone: 'match.offerNoPhone',
  offerStopped: 'match.offerStopped',
};

/** An edited field's value in words: urgency, category and language by name, the rest as typed. */
function changeValue(ctx: PageCtx, field: string, value: string | null): string {
  if (value == null || value === '') return '—';
  if (field === 'urgency') return ctx.t(`urgency.${value}` as MessageKey);
  if (field === 'category') return ctx.t(`category.${value}` as MessageKey);
  if (field === 'language') return languageName(ctx, value);
  return value;
}

type ReqParams = { Params: { slug: string; id: string }; Querystring: { done?: string } };

function RequestPage({
  ctx,
  scope,
  view,
  suggestions,
  textOffers,
  statusState,
  commState,
  assignState,
  noteState = {},
  coordinators,
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
  noteState?: FormState;
  /** Who the request can be given to, by name. */
  coordinators: { id: string; name: string }[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const r = view.summary;
  const p = view.private;
  const base = `/n/${scope.network.slug}/requests/${r.id}`;
  const moves = STATUSES.filter((s) => canMove(r.status, s));
  const notes = view.events.filter((e) => e.kind === 'internal_note' && e.note);
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
      <section aria-labelledby="who-has-it">
        <h2 id="who-has-it">{t('queue.assignee')}</h2>
        <dl>
          <dt>{t('requestEdit.owner')}</dt>
          <dd>{view.owner?.name ?? t('queue.nobody')}</dd>
          <dt>{t('queue.volunteer')}</dt>
          <dd>{view.volunteer?.name ?? t('queue.nobody')}</dd>
        </dl>
        {scope.personId && view.owner?.id !== scope.personId && (
          <form method="post" action={`${base}/owner`}>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="coordinatorId" value={scope.personId} />
            <Submit>{t('requestEdit.takeIt')}</Submit>
          </form>
        )}
        <form method="post" action={`${base}/owner`} novalidate>
          <CsrfField ctx={ctx} />
          <SelectField
            ctx={ctx}
            name="coordinatorId"
            label={t('requestEdit.giveTo')}
            values={{ coordinatorId: view.owner?.id ?? '' }}
            errors={{}}
            options={[
              { value: '', label: t('queue.nobody') },
              ...coordinators.map((c) => ({ value: c.id, label: c.name })),
            ]}
          />
          <Submit>{t('requestEdit.giveSubmit')}</Submit>
        </form>
        <p>
          <a href={`${base}/edit`}>{t('requestEdit.link')}</a>
        </p>
      </section>
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
      <section aria-labelledby="internal-notes">
        <h2 id="internal-notes">{t('requestEdit.notes')}</h2>
        <p>{t('requestEdit.notesHint')}</p>
        {notes.length > 0 && (
          <ul>
            {notes.map((e) => (
              <li key={e.id}>
                <When ctx={ctx} iso={e.createdAt} /> · {e.actorName ?? t('audit.system')}
                <p class="pre-line">{e.note}</p>
              </li>
            ))}
          </ul>
        )}
        <ErrorSummary ctx={ctx} errors={noteState.errors} message={noteState.message} />
        <form method="post" action={`${base}/notes`} novalidate>
          <CsrfField ctx={ctx} />
          <Field
            ctx={ctx}
            name="note"
            label={t('requestEdit.noteLabel')}
            multiline
            values={noteState.values}
            errors={noteState.errors}
          />
          <Submit>{t('requestEdit.noteSubmit')}</Submit>
        </form>
      </section>
      <h2>{t('request.timeline')}</h2>
      <ol class="timeline">
        {view.events
          .filter((e) => e.kind !== 'internal_note')
          .map((e) => (
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
              {e.outcome &&
                e.kind === 'urgency_set' &&
                ` → ${t(`urgency.${e.outcome}` as MessageKey)}`}
              {e.followUp && <strong> · {t('request.followUp')}</strong>}
              {e.changes && (
                <ul>
                  {e.changes.map((c) => (
                    <li key={c.field}>
                      {t(`requestEdit.field.${c.field}`)}: {changeValue(ctx, c.field, c.from)} →{' '}
                      {changeValue(ctx, c.field, c.to)}
                    </li>
                  ))}
                </ul>
              )}
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

export function registerRequestDetailPages(app: FastifyInstance, deps: Deps): void {
  const requestPage = async (
    req: FastifyRequest<ReqParams>,
    scope: NetworkScope,
    statusState: FormState,
    commState: FormState,
    assignState: FormState = {},
    noteState: FormState = {},
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
          : req.query.done === 'unchanged'
            ? req.ctx.t('requestEdit.nothing')
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
        noteState={noteState}
        coordinators={await queueCoordinators(deps, { scope })}
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

  // Who has it: the queue's owner action, on this one request (a refusal comes back at the top).
  app.post<ReqParams>('/n/:slug/requests/:id/owner', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    return handleForm(req, reply, {
      schema: OwnerForm,
      render: (state) => requestPage(req, scope, {}, {}, state),
      run: async ({ coordinatorId }) => {
        await bulkAct(deps, {
          actor: req.ctx.actor,
          scope,
          requestIds: [req.params.id],
          action: { kind: 'owner', coordinatorId: coordinatorId || null },
        });
        return `/n/${scope.network.slug}/requests/${req.params.id}?done=owner`;
      },
    });
  });

  app.post<ReqParams>('/n/:slug/requests/:id/notes', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    return handleForm(req, reply, {
      schema: InternalNoteForm,
      render: (state) => requestPage(req, scope, {}, {}, {}, state),
      run: async ({ note }) => {
        await addInternalNote(deps, {
          actor: req.ctx.actor,
          scope,
          requestId: req.params.id,
          text: note,
        });
        return `/n/${scope.network.slug}/requests/${req.params.id}?done=note#internal-notes`;
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
