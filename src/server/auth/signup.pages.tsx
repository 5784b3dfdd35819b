import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../core/deps.ts';
import { clientInfo, setSessionCookie } from '../http/context.ts';
import { ErrorSummary, Submit } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { AccountFieldsBlock } from './auth.pages.tsx';
import { AccountInput } from './auth.schema.ts';
import {
  finishSignUp,
  isMember,
  joinWithAccount,
  networkOpenToJoin,
  openSignupLink,
  requestSignUp,
} from './signup.service.ts';

function JoinPage({
  ctx,
  name,
  slug,
  state,
}: {
  ctx: PageCtx;
  name: string;
  slug: string;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('join.title', { network: name })}>
      <h1>{t('join.title', { network: name })}</h1>
      <p>{t('join.intro')}</p>
      <Form ctx={ctx} action={`/n/${slug}/join`} state={state}>
        <AccountFieldsBlock ctx={ctx} state={state} />
        <Submit>{t('join.submit')}</Submit>
      </Form>
    </Layout>
  );
}

/** The same page whoever's address was typed: it says nothing about accounts. */
function SentPage({ ctx, name }: { ctx: PageCtx; name: string }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('join.sent.title')}>
      <h1>{t('join.sent.title')}</h1>
      <p>{t('join.sent.body', { network: name })}</p>
      <p>{t('join.sent.help')}</p>
      <p>
        <a href="/sign-in">{t('nav.signIn')}</a> ·{' '}
        <a href="/password/forgot">{t('signIn.forgot')}</a>
      </p>
    </Layout>
  );
}

/** A signed-in person who is not a member yet: one button. */
function JoinWithAccountPage({
  ctx,
  name,
  slug,
  state,
}: {
  ctx: PageCtx;
  name: string;
  slug: string;
  state: FormState;
}) {
  const { t } = ctx;
  const who = ctx.actor.kind === 'person' ? ctx.actor.displayName : '';
  return (
    <Layout ctx={ctx} title={t('join.title', { network: name })}>
      <h1>{t('join.title', { network: name })}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      <p>{t('join.member.intro', { name: who })}</p>
      <PostButton ctx={ctx} action={`/n/${slug}/join`} label={t('join.submit')} />
    </Layout>
  );
}

/**
 * The page the link opens: a button, not the account itself, because mail programs and
 * virus scanners open links in emails on their own; only the person's press makes it.
 */
function ConfirmPage({
  ctx,
  token,
  name,
  network,
  state,
}: {
  ctx: PageCtx;
  token: string;
  name: string;
  network: string;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('join.confirm.title', { network })}>
      <h1>{t('join.confirm.title', { network })}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      <p>{t('join.confirm.intro', { name })}</p>
      <PostButton ctx={ctx} action={`/join/confirm/${token}`} label={t('join.confirm.submit')} />
    </Layout>
  );
}

/** The forms that are only a button. */
const NoFields = Type.Object({});

type Slug = { Params: { slug: string } };
type Token = { Params: { token: string } };

export function registerSignupPages(app: FastifyInstance, deps: Deps): void {
  const openNetwork = (slug: string) => networkOpenToJoin(deps, slug);

  app.get<Slug>('/n/:slug/join', async (req, reply) => {
    const network = await openNetwork(req.params.slug);
    const ctx = pageCtx(req);
    const { actor } = req.ctx;
    if (actor.kind === 'person') {
      if (await isMember(deps, network.id, actor.personId))
        return reply.redirect(`/n/${network.slug}`);
      return sendPage(
        reply,
        <JoinWithAccountPage ctx={ctx} name={network.name} slug={network.slug} state={{}} />,
      );
    }
    return sendPage(
      reply,
      <JoinPage ctx={ctx} name={network.name} slug={network.slug} state={{}} />,
    );
  });

  app.post<Slug>('/n/:slug/join', async (req, reply) => {
    const network = await openNetwork(req.params.slug);
    const { actor } = req.ctx;
    if (actor.kind === 'person') {
      return handleForm(req, reply, {
        schema: NoFields,
        render: (state) => (
          <JoinWithAccountPage
            ctx={pageCtx(req)}
            name={network.name}
            slug={network.slug}
            state={state}
          />
        ),
        run: async () => {
          await joinWithAccount(deps, { actor, slug: network.slug });
          return `/n/${network.slug}?done=joined`;
        },
      });
    }
    return handleForm(req, reply, {
      schema: AccountInput,
      render: (state) => (
        <JoinPage ctx={pageCtx(req)} name={network.name} slug={network.slug} state={state} />
      ),
      run: async (input) => {
        await requestSignUp(deps, {
          slug: network.slug,
          input,
          client: clientInfo(req),
          lang: req.ctx.lang,
        });
        return `/n/${network.slug}/join/sent`;
      },
    });
  });

  app.get<Slug>('/n/:slug/join/sent', async (req, reply) => {
    const network = await openNetwork(req.params.slug);
    return sendPage(reply, <SentPage ctx={pageCtx(req)} name={network.name} />);
  });

  app.get<Token>('/join/confirm/:token', async (req, reply) => {
    const { network, displayName } = await openSignupLink(deps, req.params.token);
    return sendPage(
      reply,
      <ConfirmPage
        ctx={pageCtx(req)}
        token={req.params.token}
        name={displayName}
        network={network.name}
        state={{}}
      />,
    );
  });

  app.post<Token>('/join/confirm/:token', async (req, reply) => {
    const { network, displayName } = await openSignupLink(deps, req.params.token);
    return handleForm(req, reply, {
      schema: NoFields,
      render: (state) => (
        <ConfirmPage
          ctx={pageCtx(req)}
          token={req.params.token}
          name={displayName}
          network={network.name}
          state={state}
        />
      ),
      run: async () => {
        const done = await finishSignUp(deps, {
          token: req.params.token,
          client: clientInfo(req),
        });
        setSessionCookie(deps, reply, done.token);
        return `/n/${done.network.slug}?done=${done.phoneLeftOut ? 'joinedWithoutPhone' : 'joined'}`;
      },
    });
  });
}
