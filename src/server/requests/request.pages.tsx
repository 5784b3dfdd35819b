import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { languageCode } from '../../domain/import/languages.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import { AppError, isAppError } from '../../shared/app-error.ts';
import { randomToken } from '../../shared/secrets.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { clientInfo } from '../http/context.ts';
import { formValues } from '../http/forms.ts';
import { areasOf } from '../networks/network.service.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { Field, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { scriptSrc } from '../pages/static-assets.ts';
import { ConfirmationBody, MyRequests, ReachNetwork, Steps } from './neighbour-views.tsx';
import { type OtherWays, OtherWaysBlock, otherWays } from './other-ways.tsx';
import { FEEDBACK_OUTCOMES, FeedbackForm, IntakeForm } from './request.schema.ts';
import { RequestFields } from './request-form.tsx';
import { createRequest, type IntakeInput, intakeProblems } from './request-intake.service.ts';
import { giveFeedback, publicStatus } from './request-public.service.ts';
import type { OwnRequest } from './request-requester.repository.ts';
import {
  askPrefill,
  cancelByRequester,
  codeForFormToken,
  FORM_TOKEN,
  myRequests,
  type RequesterStatus,
  requesterStatus,
} from './request-requester.service.ts';

/** "Another language" must be one we can name (any language's name for it, or its code). */
export function otherLanguageProblem(values: Record<string, string>): FieldErrors {
  const other = values.otherLanguage?.trim();
  return other && !languageCode(other) ? { otherLanguage: { key: 'field.languageUnknown' } } : {};
}

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
    language: (f.otherLanguage && languageCode(f.otherLanguage)) || f.language,
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
  prefilled,
  mine,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Parameters<typeof RequestFields>[0]['areas'];
  state: FormState;
  /** Set when the form could not take the request (a flood from this address). */
  ways?: OtherWays | undefined;
  /** A signed-in neighbour: the form was filled in from their profile. */
  prefilled?: boolean;
  /** A signed-in neighbour's requests, listed under the form. */
  mine?: OwnRequest[] | null | undefined;
}) {
  const { t } = ctx;
  // One token per form: a second post of the same form (a reload, the back button, a double
  // tap) finds the request it filed instead of filing another.
  const once =
    state.values?.once && FORM_TOKEN.test(state.values.once) ? state.values.once : randomToken(18);
  const labels = {
    category: t('ask.whatYouNeed'),
    details: t('ask.details'),
    urgency: t('ask.urgency'),
    householdSize: t('ask.household'),
    when: t('ask.when'),
    areaId: t('ask.area'),
    address: t('ask.address'),
    name: t('ask.name'),
    phone: t('field.phone'),
    email: t('ask.email'),
    language: t('ask.language'),
    otherLanguage: t('ask.otherLanguage'),
    accessibility: t('ask.accessibility'),
    consent: t('ask.consentLegend'),
  };
  return (
    <Layout ctx={ctx} title={t('ask.title')}>
      <h1>{t('ask.title')}</h1>
      <p>{t('ask.intro', { network: scope.network.name })}</p>
      {prefilled && <p class="muted">{t('ask.prefilled')}</p>}
      {ways && <OtherWaysBlock ctx={ctx} ways={ways} />}
      <Form ctx={ctx} action={`/n/${scope.network.slug}/ask`} state={state} labels={labels}>
        <input type="hidden" name="once" value={once} />
        <RequestFields
          ctx={ctx}
          network={scope.network}
          areas={areas}
          state={state}
          forSomeoneElse={false}
        />
        <Submit>{t('ask.submit')}</Submit>
      </Form>
      {mine && <MyRequests ctx={ctx} network={scope.network} requests={mine} />}
      <script src={scriptSrc('neighbours')} defer />
    </Layout>
  );
}

function StatusPage({
  ctx,
  scope,
  config,
  status,
  token,
  mine,
  state,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  config: Deps['config'];
  status: Awaited<ReturnType<typeof publicStatus>>;
  /** The request's own token (from the confirmation): only then steps, cancel and feedback. */
  token: string | null;
  mine: RequesterStatus | null;
  state: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/r/${status.code}`;
  const k = token ? `?k=${encodeURIComponent(token)}` : '';
  return (
    <Layout
      ctx={ctx}
      title={t('statusPage.title', { code: formatCode(status.code) })}
      notice={notice}
    >
      <h1>{t('statusPage.title', { code: formatCode(status.code) })}</h1>
      <p>{t(`requestStatus.${status.status}` as MessageKey)}</p>
      <p class="muted">{t(`category.${status.category}` as MessageKey)}</p>
      {mine && token && (
        <Steps
          ctx={ctx}
          network={scope.network}
          status={mine}
          cancelAction={`${base}/cancel${k}`}
        />
      )}
      {mine?.feedbackGiven && (
        <p class="notice" role="status">
          {t('feedback.received')}
        </p>
      )}
      {mine && status.status === 'fulfilled' && !mine.feedbackGiven && (
        <>
          <h2>{t('feedback.title')}</h2>
          <Form ctx={ctx} action={`${base}/feedback${k}`} state={state}>
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
          </Form>
        </>
      )}
      <ReachNetwork ctx={ctx} network={scope.network} config={config} />
    </Layout>
  );
}

type Slug = { Params: { slug: string } };
type Code = {
  Params: { slug: string; code: string };
  Querystring: { k?: string; done?: string };
};

type Sent = { Params: { slug: string; code: string }; Querystring: { k?: string; again?: string } };

export function registerRequestPages(app: FastifyInstance, deps: Deps): void {
  // The short, stable address printed on flyers: /n/<network>/ask.
  app.get<Slug>('/n/:slug/ask', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const areas = await areasOf(deps, { scope });
    const prefill = await askPrefill(deps, { actor: req.ctx.actor });
    const mine = await myRequests(deps, { actor: req.ctx.actor, scope });
    return sendPage(
      reply,
      <AskPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        areas={areas}
        state={prefill ? { values: prefill } : {}}
        prefilled={prefill !== null}
        mine={req.ctx.actor.kind === 'person' ? mine : null}
      />,
    );
  });

  app.post<Slug>('/n/:slug/ask', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const sentTo = (code: string, token: string, again: boolean) =>
      `/n/${scope.network.slug}/r/${code}/sent?k=${encodeURIComponent(token)}${again ? '&again=1' : ''}`;
    // The same form sent again: the confirmation of the request it already filed.
    const once = formValues(req.body).once;
    const filed = await codeForFormToken(deps, { scope, token: once });
    if (filed && once) return reply.redirect(sentTo(filed, once, true), 303);
    const areas = await areasOf(deps, { scope });
    const mine = await myRequests(deps, { actor: req.ctx.actor, scope });
    // Filled in when the intake refuses a flood from this address: the page then offers the
    // phone line, the SMS number and the emergency number, above the form as it was typed.
    let ways: OtherWays | undefined;
    return handleForm(req, reply, {
      schema: IntakeForm,
      check: (values) => ({
        ...intakeProblems(scope.network, areas, values),
        ...otherLanguageProblem(values),
      }),
      render: (state) => (
        <AskPage
          ctx={pageCtx(req, scopeNav(scope))}
          scope={scope}
          areas={areas}
          state={state}
          ways={ways}
          mine={req.ctx.actor.kind === 'person' ? mine : null}
        />
      ),
      run: async (input) => {
        const formToken = input.once && FORM_TOKEN.test(input.once) ? input.once : undefined;
        let filed: Awaited<ReturnType<typeof createRequest>>;
        try {
          filed = await createRequest(deps, {
            actor: req.ctx.actor,
            scope,
            channel: 'web',
            source: { address: clientInfo(req).ip },
            input: intakeFromForm(input),
            formToken,
          });
        } catch (e) {
          // Two sends of one form at the same moment: the unique token let one through.
          const raced = await codeForFormToken(deps, { scope, token: formToken });
          if (raced && formToken) return sentTo(raced, formToken, true);
          if (isAppError(e) && e.code === 'INTAKE_LIMITED') {
            ways = otherWays(req.ctx.t, req.ctx.lang, {
              network: scope.network,
              config: deps.config,
              minutes: Number(e.params.minutes),
              urgency: input.urgency,
            });
          }
          throw e;
        }
        return sentTo(filed.summary.code, filed.statusToken, false);
      },
    });
  });

  // The confirmation, after the redirect: reloading it files nothing.
  app.get<Sent>('/n/:slug/r/:code/sent', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const token = req.query.k ?? '';
    const mine = await requesterStatus(deps, { scope, code: req.params.code, token });
    if (!mine) throw new AppError('NOT_FOUND');
    const ctx = pageCtx(req, scopeNav(scope));
    return sendPage(
      reply,
      <Layout ctx={ctx} title={ctx.t('ask.thanks')}>
        <ConfirmationBody
          ctx={ctx}
          network={scope.network}
          config={deps.config}
          code={mine.code}
          statusLink={`/n/${scope.network.slug}/r/${mine.code}?k=${encodeURIComponent(token)}`}
          again={req.query.again === '1'}
        />
      </Layout>,
    );
  });

  app.get<Code>('/n/:slug/r/:code', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const status = await publicStatus(deps, {
      scope,
      code: req.params.code,
      from: clientInfo(req).ip,
    });
    const mine = req.query.k
      ? await requesterStatus(deps, { scope, code: status.code, token: req.query.k })
      : null;
    return sendPage(
      reply,
      <StatusPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        config={deps.config}
        status={status}
        token={mine ? (req.query.k ?? null) : null}
        mine={mine}
        state={{}}
        notice={req.query.done === 'cancelled' ? req.ctx.t('cancel.done') : undefined}
      />,
    );
  });

  app.post<Code>('/n/:slug/r/:code/cancel', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const token = req.query.k ?? '';
    const outcome = await cancelByRequester(deps, { scope, code: req.params.code, token });
    if (!outcome) throw new AppError('NOT_FOUND');
    const back = `/n/${scope.network.slug}/r/${req.params.code}?k=${encodeURIComponent(token)}`;
    return reply.redirect(outcome === 'cancelled' ? `${back}&done=cancelled` : back, 303);
  });

  app.post<Code>('/n/:slug/r/:code/feedback', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const status = await publicStatus(deps, {
      scope,
      code: req.params.code,
      from: clientInfo(req).ip,
    });
    const token = req.query.k ?? '';
    const mine = await requesterStatus(deps, { scope, code: status.code, token });
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
          config={deps.config}
          status={status}
          token={token}
          mine={mine}
          state={state}
        />
      ),
      run: async (input) => {
        await giveFeedback(deps, { scope, code: status.code, token, input });
        return received;
      },
    });
  });
}
