import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../shared/app-error.ts';
import { AccountFieldsBlock } from '../auth/auth.pages.tsx';
import { AccountInput } from '../auth/auth.schema.ts';
import { sessionFor } from '../auth/auth.service.ts';
import type { Deps } from '../core/deps.ts';
import { clientInfo, setSessionCookie } from '../http/context.ts';
import { NetworkFields } from '../networks/network.pages.tsx';
import { NetworkInput } from '../networks/network.schema.ts';
import { Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { completeSetup, setupLinkIsLive } from './setup.service.ts';

// One form, two parts: the network's fields and the first operator's account.
const SetupInput = Type.Object({ ...NetworkInput.properties, ...AccountInput.properties });

function SetupPage({ ctx, token, state }: { ctx: PageCtx; token: string; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('setup.title')}>
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <Form ctx={ctx} action={`/setup/${token}`} state={state}>
        <h2>{t('setup.network')}</h2>
        <NetworkFields ctx={ctx} state={state} />
        <h2>{t('setup.you')}</h2>
        <AccountFieldsBlock ctx={ctx} state={state} />
        <Submit>{t('setup.submit')}</Submit>
      </Form>
    </Layout>
  );
}

export function registerSetupPages(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { token: string } }>('/setup/:token', async (req, reply) => {
    if (!(await setupLinkIsLive(deps, req.params.token))) throw new AppError('SETUP_LINK_INVALID');
    return sendPage(reply, <SetupPage ctx={pageCtx(req)} token={req.params.token} state={{}} />);
  });

  app.post<{ Params: { token: string } }>('/setup/:token', async (req, reply) => {
    if (!(await setupLinkIsLive(deps, req.params.token))) throw new AppError('SETUP_LINK_INVALID');
    return handleForm(req, reply, {
      schema: SetupInput,
      render: (state) => <SetupPage ctx={pageCtx(req)} token={req.params.token} state={state} />,
      run: async (input) => {
        const { name, slug, defaultLanguage, displayName, email, phone, password, language } =
          input;
        const result = await completeSetup(deps, {
          token: req.params.token,
          account: { displayName, email, phone, password, language },
          network: { name, slug, defaultLanguage, signupMode: 'invite' },
        });
        setSessionCookie(deps, reply, await sessionFor(deps, result.personId, clientInfo(req)));
        return `/n/${result.slug}/settings?done=created`;
      },
    });
  });
}
