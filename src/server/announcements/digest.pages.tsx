import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope, requirePerson } from '../core/scope.ts';
import { myDigestChoice, saveMyDigestChoice } from '../notifications/notification.service.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { CsrfField, ErrorSummary, Submit } from '../pages/components.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { DigestForm } from './announcement.schema.ts';
import { DIGEST_FROM_HOUR, DIGEST_SIZE } from './digest.job.ts';

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

function DigestPage({
  ctx,
  scope,
  state,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  state: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('digest.title')} notice={notice}>
      <h1>{t('digest.title')}</h1>
      <p>
        {t('digest.intro', {
          size: DIGEST_SIZE,
          hour: `${DIGEST_FROM_HOUR}:00`,
          zone: scope.network.timeZone,
        })}
      </p>
      <p>{t('digest.privacy')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      <form method="post" action={`/n/${scope.network.slug}/digest`} novalidate>
        <CsrfField ctx={ctx} />
        <ChoiceGroup
          ctx={ctx}
          name="digest"
          legend={t('digest.legend')}
          type="checkbox"
          options={[{ field: 'digest', value: '1', label: t('digest.checkbox') }]}
          values={state.values}
          errors={state.errors}
        />
        <Submit>{t('digest.save')}</Submit>
      </form>
      <p>
        <a href="/account/notifications">{t('digest.otherPrefs')}</a>
      </p>
    </Layout>
  );
}

/**
 * The digest opt-in of the signed-in volunteer. Preferences are per person, so only the
 * digest flag changes here; channels and quiet hours stay as they are (/account/notifications).
 */
export function registerDigestPages(app: FastifyInstance, deps: Deps): void {
  const page = (req: FastifyRequest<Slug>, scope: NetworkScope, state: FormState) => (
    <DigestPage
      ctx={pageCtx(req, scopeNav(scope))}
      scope={scope}
      state={state}
      notice={req.query.done === 'saved' ? req.ctx.t('done.saved') : undefined}
    />
  );

  app.get<Slug>('/n/:slug/digest', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'digest.own');
    const digest = await myDigestChoice(deps, req.ctx.actor);
    return sendPage(reply, page(req, scope, { values: digest ? { digest: '1' } : {} }));
  });

  app.post<Slug>('/n/:slug/digest', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'digest.own');
    requirePerson(req.ctx.actor);
    return handleForm(req, reply, {
      schema: DigestForm,
      render: (state) => page(req, scope, state),
      run: async (form) => {
        await saveMyDigestChoice(deps, req.ctx.actor, form.digest === '1');
        return `/n/${scope.network.slug}/digest?done=saved`;
      },
    });
  });
}
