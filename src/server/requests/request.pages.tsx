import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { formatCode } from '../../domain/requests/request-code.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { clientInfo } from '../http/context.ts';
import { areasOf } from '../networks/network.service.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { CsrfField, ErrorSummary, Field, Submit } from '../pages/components.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { consume, LIMITS, limitKey } from '../rate-limit/rate-limit.service.ts';
import { FEEDBACK_OUTCOMES, FeedbackForm, IntakeForm } from './request.schema.ts';
import { RequestFields } from './request-form.tsx';
import { createRequest, type IntakeInput } from './request-intake.service.ts';
import { giveFeedback, publicStatus, statusTokenMatches } from './request-public.service.ts';

/** A form's answers as the intake service takes them. */
export function intakeFromForm(f: Static<typeof IntakeForm>): IntakeInput {
  return {
    category: f.category,
    details: f.details,
    urgency: f.urgency,
    householdSize: f.householdSize,
    areaId: f.areaId,
    address: f.address,
    when: f.when,
    name: f.name,
    phone: f.phone,
    email: f.email,
    language: f.otherLanguage ?? f.language,
    languageRequired: f.languageRequired === '1',
    accessibility: f.accessibility,
    needsCar: f.needsCar === '1',
  };
}

function AskPage({
  ctx,
  scope,
  areas,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Parameters<typeof RequestFields>[0]['areas'];
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('ask.title')}>
      <h1>{t('ask.title')}</h1>
      <p>{t('ask.intro', { network: scope.network.name })}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      <form method="post" action={`/n/${scope.network.slug}/ask`} novalidate>
        <CsrfField ctx={ctx} />
        <RequestFields
          ctx={ctx}
          network={scope.network}
          areas={areas}
          state={state}
          forSomeoneElse={false}
        />
        <Submit>{t('ask.submit')}</Submit>
      </form>
    </Layout>
  );
}

function ConfirmationPage({
  ctx,
  scope,
  code,
  token,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  code: string;
  token: string;
}) {
  const { t } = ctx;
  const link = `/n/${scope.network.slug}/r/${code}?k=${token}`;
  return (
    <Layout ctx={ctx} title={t('ask.thanks')}>
      <h1>{t('ask.thanks')}</h1>
      <p>{t('ask.yourCode')}</p>
      <p class="code">
        <strong>{formatCode(code)}</strong>
      </p>
      <p>{t('ask.codeHelp')}</p>
      <p>
        <a href={link}>{t('ask.statusLink')}</a>
      </p>
      <p>{t('ask.next')}</p>
    </Layout>
  );
}

function StatusPage({
  ctx,
  scope,
  status,
  token,
  state,
  done,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  status: Awaited<ReturnType<typeof publicStatus>>;
  token: string | null;
  state: FormState;
  done: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout
      ctx={ctx}
      title={t('statusPage.title', { code: formatCode(status.code) })}
      notice={done ? t('feedback.thanks') : undefined}
    >
      <h1>{t('statusPage.title', { code: formatCode(status.code) })}</h1>
      <p>{t(`requestStatus.${status.status}` as MessageKey)}</p>
      <p class="muted">{t(`category.${status.category}` as MessageKey)}</p>
      {token && status.status === 'fulfilled' && !done && (
        <>
          <h2>{t('feedback.title')}</h2>
          <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
          <form
            method="post"
            action={`/n/${scope.network.slug}/r/${status.code}/feedback?k=${token}`}
            novalidate
          >
            <CsrfField ctx={ctx} />
            <ChoiceGroup
              ctx={ctx}
              name="outcome"
              legend={t('feedback.outcome')}
              type="radio"
              options={FEEDBACK_OUTCOMES.map((o) => ({
                field: 'outcome',
                value: o,
                label: t(`feedback.outcome.${o}`),
              }))}
              values={state.values}
              errors={state.errors}
            />
            <Field
              ctx={ctx}
              name="comment"
              label={t('feedback.comment')}
              multiline
              values={state.values}
              errors={state.errors}
            />
            <Submit>{t('feedback.submit')}</Submit>
          </form>
        </>
      )}
    </Layout>
  );
}

type Slug = { Params: { slug: string } };
type Code = { Params: { slug: string; code: string }; Querystring: { k?: string; done?: string } };

export function registerRequestPages(app: FastifyInstance, deps: Deps): void {
  // The short, stable address printed on flyers: /n/<network>/ask.
  app.get<Slug>('/n/:slug/ask', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const areas = await areasOf(deps, { scope });
    return sendPage(
      reply,
      <AskPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} areas={areas} state={{}} />,
    );
  });

  app.post<Slug>('/n/:slug/ask', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const areas = await areasOf(deps, { scope });
    return handleForm(req, reply, {
      schema: IntakeForm,
      render: (state) => (
        <AskPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} areas={areas} state={state} />
      ),
      run: async (input) => {
        await consume(deps.db, deps.clock, limitKey('ask', clientInfo(req).ip), LIMITS.publicForm);
        const { summary, statusToken } = await createRequest(deps, {
          actor: req.ctx.actor,
          scope,
          channel: 'web',
          input: intakeFromForm(input),
        });
        return {
          page: (
            <ConfirmationPage
              ctx={pageCtx(req, scopeNav(scope))}
              scope={scope}
              code={summary.code}
              token={statusToken}
            />
          ),
          status: 201,
        };
      },
    });
  });

  app.get<Code>('/n/:slug/r/:code', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const status = await publicStatus(deps, { scope, code: req.params.code });
    const token =
      req.query.k &&
      (await statusTokenMatches(deps, { scope, code: status.code, token: req.query.k }))
        ? req.query.k
        : null;
    return sendPage(
      reply,
      <StatusPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        status={status}
        token={token}
        state={{}}
        done={req.query.done === 'feedback'}
      />,
    );
  });

  app.post<Code>('/n/:slug/r/:code/feedback', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const status = await publicStatus(deps, { scope, code: req.params.code });
    const token = req.query.k ?? '';
    if (!(await statusTokenMatches(deps, { scope, code: status.code, token })))
      throw new AppError('NOT_FOUND');
    return handleForm(req, reply, {
      schema: FeedbackForm,
      render: (state) => (
        <StatusPage
          ctx={pageCtx(req, scopeNav(scope))}
          scope={scope}
          status={status}
          token={token}
          state={state}
          done={false}
        />
      ),
      run: async (input) => {
        await giveFeedback(deps, { scope, code: status.code, token, input });
        return `/n/${scope.network.slug}/r/${status.code}?done=feedback`;
      },
    });
  });
}
