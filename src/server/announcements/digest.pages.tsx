import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { myDigestChoice, saveMyDigestChoice } from '../notifications/notification.service.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
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
      <Form ctx={ctx} action={`/n/${scope.network.slug}/digest`} state={state}>
        <ChoiceGroup
          ctx={ctx}
          name="digest"
          legend={t('digest.legend')}
          type="checkbox"
          options={[{ field: 'digest', value: '1', label: t('digest.checkbox') }]}
        />
        <Submit>{t('digest.save')}</Submit>
      </Form>
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

  pageRoute<Slug>(app, deps, '/n/:slug/digest', 'digest.own', async (req, scope) =>
    page(req, scope, {
      values: (await myDigestChoice(deps, req.ctx.actor)) ? { digest: '1' } : {},
    }),
  );

  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/digest',
    'digest.own',
  )({
    schema: DigestForm,
    render: (req, scope, state) => page(req, scope, state),
    run: async (req, scope, form) => {
      await saveMyDigestChoice(deps, req.ctx.actor, form.digest === '1');
      return `/n/${scope.network.slug}/digest?done=saved`;
    },
  });
}
