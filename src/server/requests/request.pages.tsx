import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { formatCode } from '../../domain/requests/request-code.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
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
import { type OtherWays, OtherWaysBlock, otherWays } from './other-ways.tsx';
import { FEEDBACK_OUTCOMES, FeedbackForm, IntakeForm } from './request.schema.ts';
import { RequestFields } from './request-form.tsx';
import { createRequest, type IntakeInput } from './request-intake.service.ts';
import { giveFeedback, publicStatus, requesterView } from './request-public.service.ts';

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
  ways,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Parameters<typeof RequestFields>[0]['areas'];
  state: FormState;
  /** Set when the form could not take the request (a flood from this address). */
  ways?: OtherWays | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('ask.title')}>
      <h1>{t('ask.title')}</h1>
      <p>{t('ask.intro', { network: scope.network.name })}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      {ways && <OtherWaysBlock ctx={ctx} ways={ways} />}
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
  feedbackGiven,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  status: Awaited<ReturnType<typeof publicStatus>>;
  /** The request's own token (from the confirmation): only then feedback is asked for. */
  token: string | null;
  state: FormState;
  feedbackGiven: boolean;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('statusPage.title', { code: formatCode(status.code) })}>
      <h1>{t('statusPage.title', { code: formatCode(status.code) })}</h1>
      <p>{t(`requestStatus.${status.status}` as MessageKey)}</p>
      <p class="muted">{t(`category.${status.category}` as MessageKey)}</p>
      {token && feedbackGiven && (
        <p class="notice" role="status">
          {t('feedback.received')}
        </p>
      )}
      {token && status.status === 'fulfilled' && !feedbackGiven && (
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
type Code = { Params: { slug: string; code: string }; Querystring: { k?: string } };

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
    // Filled in when the intake refuses a flood from this address: the page then offers the
    // phone line, the SMS number and the emergency number, above the form as it was typed.
    let ways: OtherWays | undefined;
    return handleForm(req, reply, {
      schema: IntakeForm,
      render: (state) => (
        <AskPage
          ctx={pageCtx(req, scopeNav(scope))}
          scope={scope}
          areas={areas}
          state={state}
          ways={ways}
        />
      ),
      run: async (input) => {
        const { summary, statusToken } = await createRequest(deps, {
          actor: req.ctx.actor,
          scope,
          channel: 'web',
          source: { address: clientInfo(req).ip },
          input: intakeFromForm(input),
        }).catch((e: unknown) => {
          if (isAppError(e) && e.code === 'INTAKE_LIMITED') {
            ways = otherWays(req.ctx.t, req.ctx.lang, {
              network: scope.network,
              config: deps.config,
              minutes: Number(e.params.minutes),
              urgency: input.urgency,
            });
          }
          throw e;
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
    const status = await publicStatus(deps, {
      scope,
      code: req.params.code,
      from: clientInfo(req).ip,
    });
    const mine = req.query.k
      ? await requesterView(deps, { scope, code: status.code, token: req.query.k })
      : null;
    return sendPage(
      reply,
      <StatusPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        status={status}
        token={mine ? (req.query.k ?? null) : null}
        state={{}}
        feedbackGiven={mine?.feedbackGiven ?? false}
      />,
    );
  });

  app.post<Code>('/n/:slug/r/:code/feedback', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const status = await publicStatus(deps, {
      scope,
      code: req.params.code,
      from: clientInfo(req).ip,
    });
    const token = req.query.k ?? '';
    const mine = await requesterView(deps, { scope, code: status.code, token });
    if (!mine) throw new AppError('NOT_FOUND');
    // Sent again (a double click, the back button): the same "received" page, not an error.
    const received = `/n/${scope.network.slug}/r/${status.code}?k=${encodeURIComponent(token)}`;
    if (mine.feedbackGiven) return reply.redirect(received, 303);
    return handleForm(req, reply, {
      schema: FeedbackForm,
      render: (state) => (
        <StatusPage
          ctx={pageCtx(req, scopeNav(scope))}
          scope={scope}
          status={status}
          token={token}
          state={state}
          feedbackGiven={false}
        />
      ),
      run: async (input) => {
        await giveFeedback(deps, { scope, code: status.code, token, input });
        return received;
      },
    });
  });
}
