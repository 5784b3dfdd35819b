import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type } from 'typebox';
import { assignableRoles, type Role } from '../../domain/access/roles.ts';
import { AccountFieldsBlock } from '../auth/auth.pages.tsx';
import { AccountInput, EMAIL_MAX } from '../auth/auth.schema.ts';
import { sessionFor } from '../auth/auth.service.ts';
import type { Deps } from '../core/deps.ts';
import type { Network } from '../core/network.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { clientInfo, setSessionCookie } from '../http/context.ts';
import { Field, SelectField, Submit, When } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { actionsHeader, Table } from '../pages/table.tsx';
import { RoleSchema } from '../people/person.schema.ts';
import type { Invitation } from './invitation.repository.ts';
import {
  acceptInvitation,
  createInvitation,
  invitationsOf,
  openInvitation,
  revokeInvitation,
} from './invitation.service.ts';

const AcceptAsMember = Type.Object({});

const InvitationInput = Type.Object({
  email: Type.Optional(Type.String({ format: 'email', maxLength: EMAIL_MAX })),
  role: RoleSchema,
});

function status(inv: Invitation, now: Date): 'accepted' | 'revoked' | 'expired' | 'pending' {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return new Date(inv.expiresAt) <= now ? 'expired' : 'pending';
}

function InvitationsPage({
  ctx,
  scope,
  invitations,
  state,
  link,
  now,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  invitations: Invitation[];
  state: FormState;
  link?: string | undefined;
  now: Date;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/invitations`;
  return (
    <Layout ctx={ctx} title={t('invitations.title')} notice={notice}>
      <h1>{t('invitations.title')}</h1>
      {link && (
        <div class="notice" role="status">
          <p>{t('invitations.created')}</p>
          <p class="token">{link}</p>
        </div>
      )}
      <h2>{t('invitations.new')}</h2>
      <Form ctx={ctx} action={base} state={state}>
        <Field
          ctx={ctx}
          name="email"
          label={t('field.emailOptional')}
          hint={t('invitations.emailHint')}
          type="email"
        />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('field.role')}
          options={assignableRoles(scope.role).map((r: Role) => ({
            value: r,
            label: t(`role.${r}`),
          }))}
        />
        <Submit>{t('invitations.submit')}</Submit>
      </Form>
      <h2>{t('invitations.list')}</h2>
      {invitations.length === 0 ? (
        <p>{t('invitations.none')}</p>
      ) : (
        <Table
          headers={[
            t('field.email'),
            t('field.role'),
            t('invitations.status'),
            t('invitations.expires'),
            actionsHeader(t('form.actions')),
          ]}
        >
          {invitations.map((i) => {
            const s = status(i, now);
            return (
              <tr key={i.id}>
                <td>{i.email ?? t('invitations.byLink')}</td>
                <td>{t(`role.${i.role}`)}</td>
                <td>{t(`invitations.status.${s}`)}</td>
                <td>
                  <When ctx={ctx} iso={i.expiresAt} />
                </td>
                <td>
                  {s === 'pending' && (
                    <PostButton
                      ctx={ctx}
                      action={`${base}/${i.id}/revoke`}
                      label={t('invitations.revoke')}
                      look="link"
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </Table>
      )}
    </Layout>
  );
}

function AcceptPage({
  ctx,
  network,
  invitation,
  token,
  state,
}: {
  ctx: PageCtx;
  network: Network;
  invitation: Invitation;
  token: string;
  state: FormState;
}) {
  const { t } = ctx;
  const title = t('invite.title', { network: network.name });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('invite.intro', { role: t(`role.${invitation.role}`) })}</p>
      <Form ctx={ctx} action={`/invite/${token}`} state={state}>
        {ctx.actor.kind === 'person' ? (
          <p>{t('invite.asYou', { name: ctx.actor.displayName })}</p>
        ) : (
          <>
            <p>
              {t('invite.haveAccount')}{' '}
              <a href={`/sign-in?next=/invite/${token}`}>{t('nav.signIn')}</a>
            </p>
            <AccountFieldsBlock
              ctx={ctx}
              state={{ ...state, values: { email: invitation.email ?? '', ...state.values } }}
            />
          </>
        )}
        <Submit>{t('invite.submit')}</Submit>
      </Form>
    </Layout>
  );
}

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

export function registerInvitationPages(app: FastifyInstance, deps: Deps): void {
  const listPage = async (
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    state: FormState,
    link?: string,
  ) => {
    const invitations = await invitationsOf(deps, { scope });
    return (
      <InvitationsPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        invitations={invitations}
        state={state}
        link={link}
        now={deps.clock.now()}
        notice={doneNotice(req.ctx.t, req.query.done)}
      />
    );
  };

  app.get<Slug>('/n/:slug/invitations', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    return sendPage(reply, await listPage(req, scope, {}));
  });

  app.post<Slug>('/n/:slug/invitations', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'invitations.create');
    return handleForm(req, reply, {
      schema: InvitationInput,
      render: (state) => listPage(req, scope, state),
      run: async (input) => {
        const { link } = await createInvitation(deps, { actor: req.ctx.actor, scope, input });
        // The link is shown once, here, and never stored: only its hash is.
        return { page: await listPage(req, scope, {}, link), status: 201 };
      },
    });
  });

  app.post<{ Params: { slug: string; id: string } }>(
    '/n/:slug/invitations/:id/revoke',
    async (req, reply) => {
      const scope = await scopeOf(deps, req);
      await revokeInvitation(deps, { actor: req.ctx.actor, scope, invitationId: req.params.id });
      return reply.redirect(`/n/${scope.network.slug}/invitations?done=revoked`, 303);
    },
  );

  app.get<{ Params: { token: string } }>('/invite/:token', async (req, reply) => {
    const { invitation, network } = await openInvitation(deps, req.params.token);
    return sendPage(
      reply,
      <AcceptPage
        ctx={pageCtx(req)}
        network={network}
        invitation={invitation}
        token={req.params.token}
        state={{}}
      />,
    );
  });

  app.post<{ Params: { token: string } }>('/invite/:token', async (req, reply) => {
    const { invitation, network } = await openInvitation(deps, req.params.token);
    const actor = req.ctx.actor;
    // Someone signed in accepts as themselves; anyone else makes an account here.
    return handleForm(req, reply, {
      schema: actor.kind === 'person' ? AcceptAsMember : AccountInput,
      render: (state) => (
        <AcceptPage
          ctx={pageCtx(req)}
          network={network}
          invitation={invitation}
          token={req.params.token}
          state={state}
        />
      ),
      run: async (input) => {
        const account =
          actor.kind === 'person' ? undefined : (input as Static<typeof AccountInput>);
        const result = await acceptInvitation(deps, { actor, token: req.params.token, account });
        if (result.created) {
          setSessionCookie(deps, reply, await sessionFor(deps, result.personId, clientInfo(req)));
        }
        return `/n/${result.network.slug}?done=welcome`;
      },
    });
  });
}
