import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ROLES, type Role } from '../../domain/access/roles.ts';
import { AppError } from '../../shared/app-error.ts';
import { createApiToken, myApiTokens, revokeApiToken } from '../api-tokens/api-token.service.ts';
import type { ApiToken } from '../api-tokens/api-token.ts';
import { actionLabel } from '../audit/audit.pages.tsx';
import { ownSecurityEvents } from '../audit/audit.service.ts';
import type { AuditEvent } from '../audit/audit-event.ts';
import { NAME_MAX } from '../auth/auth.schema.ts';
import { endSession, listSessions } from '../auth/auth.service.ts';
import type { SessionInfo } from '../auth/session.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkOfPerson } from '../core/membership.ts';
import type { Person } from '../core/person.ts';
import { cookieOptions, LANG_COOKIE } from '../http/context.ts';
import { myNetworks } from '../networks/network.service.ts';
import { Field, languageOptions, SelectField, Submit, When } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { RoleSchema } from '../people/person.schema.ts';
import type { Contact } from '../privacy/person-contact.ts';
import { myProfile, updateMyProfile } from './account.service.ts';

const ProfileInput = Type.Object({
  displayName: Type.String({ minLength: 1, maxLength: NAME_MAX }),
  language: Type.Union([Type.Literal('en'), Type.Literal('es')]),
});

const TokenInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  networkSlug: Type.String({ minLength: 1, maxLength: 60 }),
  role: RoleSchema,
  expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
});

interface AccountData {
  person: Person & { own: Contact };
  sessions: SessionInfo[];
  tokens: ApiToken[];
  networks: NetworkOfPerson[];
  events: AuditEvent[];
}

function AccountPage({
  ctx,
  data,
  profile,
  tokenForm,
  newToken,
  notice,
}: {
  ctx: PageCtx;
  data: AccountData;
  profile: FormState;
  tokenForm: FormState;
  newToken?: string | undefined;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const currentSession = ctx.actor.kind === 'person' ? ctx.actor.sessionId : '';
  const profileValues = profile.values ?? {
    displayName: data.person.displayName,
    language: data.person.preferredLanguage ?? ctx.lang,
  };
  return (
    <Layout ctx={ctx} title={t('account.title')} notice={notice}>
      <h1>{t('account.title')}</h1>
      <p>{data.person.own.email ?? data.person.own.phone}</p>

      <h2>{t('account.profile')}</h2>
      <Form ctx={ctx} action="/account/profile" state={profile}>
        <Field ctx={ctx} name="displayName" label={t('field.displayName')} values={profileValues} />
        <SelectField
          ctx={ctx}
          name="language"
          label={t('field.language')}
          values={profileValues}
          errors={profile.errors}
          options={languageOptions(ctx.lang)}
        />
        <Submit>{t('form.save')}</Submit>
      </Form>

      <h2>{t('account.sessions')}</h2>
      <p>{t('account.sessionsIntro')}</p>
      <ul>
        {data.sessions.map((s) => (
          <li key={s.id}>
            {s.userAgent || t('account.unknownDevice')} · <When ctx={ctx} iso={s.lastSeenAt} />
            {s.id === currentSession ? (
              <strong> · {t('account.thisSession')}</strong>
            ) : (
              <PostButton
                ctx={ctx}
                action={`/account/sessions/${s.id}/revoke`}
                label={t('account.endSession')}
                look="link"
                before={' · '}
              />
            )}
          </li>
        ))}
      </ul>

      <h2 id="tokens">{t('account.tokens')}</h2>
      <p>{t('account.tokensIntro')}</p>
      {newToken && (
        <div class="notice" role="status">
          <p>{t('account.tokenCreated')}</p>
          <p class="token">{newToken}</p>
        </div>
      )}
      {data.tokens.length > 0 && (
        <ul>
          {data.tokens.map((tk) => (
            <li key={tk.id}>
              <strong>{tk.name}</strong> · <code>{tk.prefix}…</code> · {tk.networkSlug} ·{' '}
              {t(`role.${tk.role}`)}
              <PostButton
                ctx={ctx}
                action={`/account/tokens/${tk.id}/revoke`}
                label={t('account.revokeToken', { name: tk.name })}
                look="link"
                before={' · '}
              />
            </li>
          ))}
        </ul>
      )}
      {data.networks.length > 0 && (
        <Form ctx={ctx} action="/account/tokens#tokens" state={tokenForm}>
          <Field
            ctx={ctx}
            name="name"
            label={t('account.tokenName')}
            hint={t('account.tokenNameHint')}
          />
          <SelectField
            ctx={ctx}
            name="networkSlug"
            label={t('account.tokenNetwork')}
            options={data.networks.map((n) => ({ value: n.slug, label: n.name }))}
          />
          <SelectField
            ctx={ctx}
            name="role"
            label={t('field.role')}
            hint={t('account.tokenRoleHint')}
            options={ROLES.map((r: Role) => ({ value: r, label: t(`role.${r}`) }))}
          />
          <Field
            ctx={ctx}
            name="expiresInDays"
            label={t('account.tokenExpires')}
            hint={t('account.tokenExpiresHint')}
            inputmode="numeric"
          />
          <Submit>{t('account.createToken')}</Submit>
        </Form>
      )}

      <h2>{t('account.security')}</h2>
      <ul>
        {data.events.map((e) => (
          <li key={e.id}>
            <When ctx={ctx} iso={e.createdAt} /> · {actionLabel(ctx, e.action)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

type Done = { Querystring: { done?: string } };

export function registerAccountPages(app: FastifyInstance, deps: Deps): void {
  const load = async (req: FastifyRequest): Promise<AccountData> => {
    const actor = req.ctx.actor;
    const person = await myProfile(deps, actor);
    const [sessions, tokens, networks, events] = await Promise.all([
      listSessions(deps, actor),
      myApiTokens(deps, actor),
      myNetworks(deps, actor),
      ownSecurityEvents(deps, person.id),
    ]);
    return { person, sessions, tokens, networks, events };
  };
  const page = async (
    req: FastifyRequest<Done>,
    profile: FormState,
    tokenForm: FormState,
    newToken?: string,
  ) => (
    <AccountPage
      ctx={pageCtx(req)}
      data={await load(req)}
      profile={profile}
      tokenForm={tokenForm}
      newToken={newToken}
      notice={doneNotice(req.ctx.t, req.query.done)}
    />
  );

  app.get<Done>('/account', async (req, reply) => {
    if (req.ctx.actor.kind !== 'person') return reply.redirect('/sign-in?next=/account');
    return sendPage(reply, await page(req, {}, {}));
  });

  app.post<Done>('/account/profile', (req, reply) =>
    handleForm(req, reply, {
      schema: ProfileInput,
      render: (state) => page(req, state, {}),
      run: async (input) => {
        await updateMyProfile(deps, req.ctx.actor, input);
        // The choice made here wins over an earlier one from the language links.
        reply.setCookie(LANG_COOKIE, input.language, cookieOptions(deps, 365 * 86_400));
        return '/account?done=saved';
      },
    }),
  );

  app.post<{ Params: { id: string } }>('/account/sessions/:id/revoke', async (req, reply) => {
    await endSession(deps, req.ctx.actor, req.params.id);
    return reply.redirect('/account?done=revoked', 303);
  });

  app.post<Done>('/account/tokens', (req, reply) => {
    if (req.ctx.actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
    return handleForm(req, reply, {
      schema: TokenInput,
      render: (state) => page(req, {}, state),
      run: async (input) => {
        const { token } = await createApiToken(deps, { actor: req.ctx.actor, input });
        // Shown once: only the hash is kept.
        return { page: await page(req, {}, {}, token), status: 201 };
      },
    });
  });

  app.post<{ Params: { id: string } }>('/account/tokens/:id/revoke', async (req, reply) => {
    await revokeApiToken(deps, req.ctx.actor, req.params.id);
    return reply.redirect('/account?done=revoked#tokens', 303);
  });
}
