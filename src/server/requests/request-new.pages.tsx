import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { areasOf } from '../networks/network.service.ts';
import { CsrfField, ErrorSummary, Submit } from '../pages/components.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { intakeFromForm, otherLanguageProblem } from './request.pages.tsx';
import { IntakeForm } from './request.schema.ts';
import { RequestFields } from './request-form.tsx';
import { createRequest } from './request-intake.service.ts';

type Params = { Params: { slug: string } };

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

/** A request taken by a coordinator on the phone (moved out of request-queue.pages.tsx). */
export function registerNewRequestPages(app: FastifyInstance, deps: Deps): void {
  app.get<Params>('/n/:slug/requests/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.intake_for_others');
    const areas = await areasOf(deps, { scope });
    return sendPage(
      reply,
      <NewRequestPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} areas={areas} state={{}} />,
    );
  });

  app.post<Params>('/n/:slug/requests/new', async (req, reply) => {
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
}
