import type { FastifyInstance } from 'fastify';
import { atLeast } from '../../domain/access/roles.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Actor } from '../core/actor.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import type { Network } from '../core/network.ts';
import type { NetworkScope } from '../core/scope.ts';
import { Field, languageOptions, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { registerAreaDrawPages } from './area-draw.pages.tsx';
import { registerAreasMapPages } from './areas-map.pages.tsx';
import { NetworkInput } from './network.schema.ts';
import { createNetwork, myNetworks, publicNetworks } from './network.service.ts';
import { registerNetworkSettingsPages } from './network-settings.pages.tsx';

type Done = { Querystring: { done?: string } };

function HomePage({
  ctx,
  mine,
  all,
  notice,
}: {
  ctx: PageCtx;
  mine: Awaited<ReturnType<typeof myNetworks>>;
  all: Network[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const others = all.filter((n) => !mine.some((m) => m.networkId === n.id));
  return (
    <Layout ctx={ctx} title={t('home.title')} notice={notice}>
      <h1>{t('home.title')}</h1>
      <p>{t('home.intro')}</p>
      {mine.length > 0 && (
        <>
          <h2>{t('home.mine')}</h2>
          <ul class="cards">
            {mine.map((n) => (
              <li key={n.networkId}>
                <a href={`/n/${n.slug}`}>{n.name}</a>
                <p class="muted">{t('home.yourRole', { role: t(`role.${n.role}`) })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h2>{mine.length > 0 ? t('home.others') : t('home.networks')}</h2>
          <ul class="cards">
            {others.map((n) => (
              <li key={n.id}>
                <a href={`/n/${n.slug}`}>{n.name}</a>
                {n.description && <p class="muted">{n.description}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
      {all.length === 0 && <p>{t('home.empty')}</p>}
    </Layout>
  );
}

/** A network's own page; the overview (src/server/overview/) renders it at /n/:slug. */
export function NetworkPage({
  ctx,
  scope,
  areas,
  notice,
  children,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  notice?: string | undefined;
  /** What a coordinator needs to do, below the title. */
  children?: preact.ComponentChildren;
}) {
  const { t } = ctx;
  const n = scope.network;
  return (
    <Layout ctx={ctx} title={n.name} notice={notice}>
      <h1>{n.name}</h1>
      {children}
      {n.description && <p>{n.description}</p>}
      <p>
        <a class="button" href={`/n/${n.slug}/ask`}>
          {t('nav.ask')}
        </a>
      </p>
      <p>
        <a href={`/n/${n.slug}/board`}>{t('board.link')}</a>
      </p>
      {scope.role ? (
        <p>{t('network.yourRole', { role: t(`role.${scope.role}`) })}</p>
      ) : ctx.actor.kind === 'person' ? (
        <p>
          {n.signupMode === 'open' ? (
            <a href={`/n/${n.slug}/join`}>{t('network.join')}</a>
          ) : (
            t('network.inviteOnly')
          )}
        </p>
      ) : (
        <p>
          <a href={`/sign-in?next=/n/${n.slug}`}>{t('nav.signIn')}</a>
          {n.signupMode === 'open' && (
            <>
              {' · '}
              <a href={`/n/${n.slug}/join`}>{t('network.join')}</a>
            </>
          )}
        </p>
      )}
      {atLeast(scope.role, 'coordinator') && (
        <ul>
          <li>
            <a href={`/n/${n.slug}/people`}>{t('nav.people')}</a>
          </li>
          <li>
            <a href={`/n/${n.slug}/invitations`}>{t('nav.invitations')}</a>
          </li>
          <li>
            <a href={`/n/${n.slug}/print`}>{t('nav.print')}</a>
          </li>
        </ul>
      )}
      <h2>{t('network.areas')}</h2>
      {areas.length === 0 ? (
        <p>{t('network.noAreas')}</p>
      ) : (
        <ul>
          {areas.map((a) => (
            <li key={a.id}>{a.name}</li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function NewNetworkPage({ ctx, state }: { ctx: PageCtx; state: FormState }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('newNetwork.title')}>
      <h1>{t('newNetwork.title')}</h1>
      <Form ctx={ctx} action="/networks/new" state={state}>
        <NetworkFields ctx={ctx} state={state} />
        <Submit>{t('newNetwork.submit')}</Submit>
      </Form>
    </Layout>
  );
}

export function NetworkFields({ ctx, state }: { ctx: PageCtx; state: FormState }) {
  const { t } = ctx;
  return (
    <>
      <Field
        ctx={ctx}
        name="name"
        label={t('field.networkName')}
        values={state.values}
        errors={state.errors}
      />
      <Field
        ctx={ctx}
        name="slug"
        label={t('field.slug')}
        hint={t('field.slugHint')}
        values={state.values}
        errors={state.errors}
      />
      <SelectField
        ctx={ctx}
        name="defaultLanguage"
        label={t('field.defaultLanguage')}
        values={{ defaultLanguage: ctx.lang, ...state.values }}
        errors={state.errors}
        options={languageOptions(ctx.lang)}
      />
    </>
  );
}

function requireOperator(actor: Actor): void {
  if (actor.kind !== 'person') throw new AppError('SIGN_IN_REQUIRED');
  if (!actor.isOperator) throw new AppError('FORBIDDEN');
}
/**
 * The home page, a new network and a network's own page here; its settings screen is in
 * network-settings.pages.tsx, registered after them.
 */
export function registerNetworkPages(app: FastifyInstance, deps: Deps): void {
  app.get<Done>('/', async (req, reply) => {
    const [mine, all] = await Promise.all([myNetworks(deps, req.ctx.actor), publicNetworks(deps)]);
    return sendPage(
      reply,
      <HomePage
        ctx={pageCtx(req)}
        mine={mine}
        all={all}
        notice={doneNotice(req.ctx.t, req.query.done)}
      />,
    );
  });

  app.get('/networks/new', async (req, reply) => {
    requireOperator(req.ctx.actor);
    return sendPage(reply, <NewNetworkPage ctx={pageCtx(req)} state={{}} />);
  });

  app.post('/networks/new', (req, reply) => {
    requireOperator(req.ctx.actor);
    return handleForm(req, reply, {
      schema: NetworkInput,
      render: (state) => <NewNetworkPage ctx={pageCtx(req)} state={state} />,
      run: async (input) => {
        const network = await createNetwork(deps, { actor: req.ctx.actor, input });
        return `/n/${network.slug}/settings?done=created`;
      },
    });
  });

  registerNetworkSettingsPages(app, deps);
  registerAreasMapPages(app, deps);
  registerAreaDrawPages(app, deps);
}
