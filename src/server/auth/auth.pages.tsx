import type { FastifyInstance } from 'fastify';
import { isLanguage } from '../../i18n/i18n.ts';
import { AppError } from '../../shared/app-error.ts';
import { PASSWORD_MIN } from '../../shared/password.ts';
import type { Deps } from '../core/deps.ts';
import {
  clientInfo,
  cookieOptions,
  LANG_COOKIE,
  SESSION_COOKIE,
  setSessionCookie,
} from '../http/context.ts';
import { safeNext } from '../http/redirect.ts';
import { Field, languageOptions, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { setPreferredLanguage } from '../people/person.service.ts';
import { ForgotInput, ResetInput, SignInInput } from './auth.schema.ts';
import {
  requestPasswordReset,
  resetLinkIsLive,
  resetPassword,
  signIn,
  signOut,
} from './auth.service.ts';

function SignInPage({ ctx, next, state }: { ctx: PageCtx; next: string; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('signIn.title')}>
      <h1>{t('signIn.title')}</h1>
      <Form ctx={ctx} action={`/sign-in?next=${encodeURIComponent(next)}`} state={state}>
        <Field
          ctx={ctx}
          name="identifier"
          label={t('field.identifier')}
          hint={t('field.identifierHint')}
          autocomplete="username"
        />
        <Field
          ctx={ctx}
          name="password"
          label={t('field.password')}
          type="password"
          autocomplete="current-password"
          keepValue={false}
        />
        <Submit>{t('signIn.submit')}</Submit>
      </Form>
      <p>
        <a href="/password/forgot">{t('signIn.forgot')}</a>
      </p>
    </Layout>
  );
}

export function AccountFieldsBlock({
  ctx,
  state,
  askPhone = true,
}: {
  ctx: PageCtx;
  state: FormState;
  askPhone?: boolean;
}) {
  const { t } = ctx;
  return (
    <>
      <Field
        ctx={ctx}
        name="displayName"
        label={t('field.displayName')}
        hint={t('field.displayNameHint')}
        autocomplete="name"
        values={state.values}
        errors={state.errors}
      />
      <Field
        ctx={ctx}
        name="email"
        label={t('field.email')}
        type="email"
        autocomplete="email"
        inputmode="email"
        values={state.values}
        errors={state.errors}
      />
      {askPhone && (
        <Field
          ctx={ctx}
          name="phone"
          label={t('field.phone')}
          hint={t('field.phoneHint')}
          type="tel"
          autocomplete="tel"
          inputmode="tel"
          values={state.values}
          errors={state.errors}
        />
      )}
      <Field
        ctx={ctx}
        name="password"
        label={t('field.newPassword')}
        hint={t('field.passwordHint', { min: PASSWORD_MIN })}
        type="password"
        autocomplete="new-password"
        keepValue={false}
        errors={state.errors}
      />
      <SelectField
        ctx={ctx}
        name="language"
        label={t('field.language')}
        values={{ language: ctx.lang, ...state.values }}
        errors={state.errors}
        options={languageOptions(ctx.lang)}
      />
    </>
  );
}

function ForgotPage({ ctx, state, sent }: { ctx: PageCtx; state: FormState; sent: boolean }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgot.title')} notice={sent ? t('forgot.sent') : undefined}>
      <h1>{t('forgot.title')}</h1>
      <p>{t('forgot.intro')}</p>
      <Form ctx={ctx} action="/password/forgot" state={state}>
        <Field ctx={ctx} name="email" label={t('field.email')} type="email" autocomplete="email" />
        <Submit>{t('forgot.submit')}</Submit>
      </Form>
    </Layout>
  );
}

function ResetPage({ ctx, token, state }: { ctx: PageCtx; token: string; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reset.title')}>
      <h1>{t('reset.title')}</h1>
      <Form ctx={ctx} action={`/password/reset/${token}`} state={state}>
        <Field
          ctx={ctx}
          name="password"
          label={t('field.newPassword')}
          hint={t('field.passwordHint', { min: PASSWORD_MIN })}
          type="password"
          autocomplete="new-password"
          keepValue={false}
        />
        <Submit>{t('reset.submit')}</Submit>
      </Form>
    </Layout>
  );
}

type Q = { Querystring: { next?: string; to?: string; sent?: string } };

export function registerAuthPages(app: FastifyInstance, deps: Deps): void {
  app.get<Q>('/sign-in', (req, reply) => {
    if (req.ctx.actor.kind === 'person')
      return reply.redirect(safeNext(deps.config.baseUrl, req.query.next));
    return sendPage(
      reply,
      <SignInPage
        ctx={pageCtx(req)}
        next={safeNext(deps.config.baseUrl, req.query.next)}
        state={{}}
      />,
    );
  });

  app.post<Q>('/sign-in', (req, reply) => {
    const next = safeNext(deps.config.baseUrl, req.query.next);
    return handleForm(req, reply, {
      schema: SignInInput,
      render: (state) => <SignInPage ctx={pageCtx(req)} next={next} state={state} />,
      run: async (input) => {
        const { token } = await signIn(deps, { ...input, client: clientInfo(req) });
        setSessionCookie(deps, reply, token);
        return next;
      },
    });
  });

  app.post('/sign-out', async (req, reply) => {
    await signOut(deps, req.ctx.actor);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/', 303);
  });

  // A link, not a form, so it works everywhere; it only sets a cookie (and the person's
  // preference, used for their email and SMS), and goes back where it came from.
  app.get<Q>('/language', async (req, reply) => {
    const to = req.query.to;
    if (isLanguage(to)) {
      reply.setCookie(LANG_COOKIE, to, cookieOptions(deps, 365 * 86_400));
      if (req.ctx.actor.kind === 'person') {
        await setPreferredLanguage(
          deps.db,
          req.ctx.actor.personId,
          to,
          deps.clock.now().toISOString(),
        );
      }
    }
    return reply.redirect(safeNext(deps.config.baseUrl, req.query.next), 303);
  });

  app.get<Q>('/password/forgot', (req, reply) =>
    sendPage(reply, <ForgotPage ctx={pageCtx(req)} state={{}} sent={req.query.sent === '1'} />),
  );

  app.post('/password/forgot', (req, reply) =>
    handleForm(req, reply, {
      schema: ForgotInput,
      render: (state) => <ForgotPage ctx={pageCtx(req)} state={state} sent={false} />,
      run: async ({ email }) => {
        await requestPasswordReset(deps, { email, client: clientInfo(req), lang: req.ctx.lang });
        return '/password/forgot?sent=1';
      },
    }),
  );

  app.get<{ Params: { token: string } }>('/password/reset/:token', async (req, reply) => {
    if (!(await resetLinkIsLive(deps, req.params.token))) throw new AppError('RESET_LINK_INVALID');
    return sendPage(reply, <ResetPage ctx={pageCtx(req)} token={req.params.token} state={{}} />);
  });

  app.post<{ Params: { token: string } }>('/password/reset/:token', (req, reply) =>
    handleForm(req, reply, {
      schema: ResetInput,
      render: (state) => <ResetPage ctx={pageCtx(req)} token={req.params.token} state={state} />,
      run: async ({ password }) => {
        const { token } = await resetPassword(deps, {
          token: req.params.token,
          password,
          client: clientInfo(req),
        });
        setSessionCookie(deps, reply, token);
        return '/account?done=passwordChanged';
      },
    }),
  );
}
