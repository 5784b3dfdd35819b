import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { areasOf } from '../networks/network.service.ts';
import { areaOptions } from '../pages/choices.tsx';
import { ErrorSummary, Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import {
  changeGoodsOfferStatus,
  createGoodsOffer,
  listGoodsOffers,
  type OffersView,
} from './goods-offer.service.ts';
import { FullTable, PublicTable } from './goods-offer-tables.tsx';
import {
  GoodsOfferForm,
  OFFER_STATUSES,
  type OfferStatus,
  parseDecimal,
  StatusForm,
} from './offer.schema.ts';
import { offersNotice } from './offer-components.tsx';

type ListReq = { Params: { slug: string }; Querystring: { status?: string; done?: string } };
type OfferReq = { Params: { slug: string; id: string }; Querystring: { done?: string } };

const isStatus = (s: unknown): s is OfferStatus =>
  typeof s === 'string' && (OFFER_STATUSES as readonly string[]).includes(s);

function OffersPage({
  ctx,
  scope,
  view,
  status,
  notice,
  message,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  view: OffersView;
  status?: OfferStatus | undefined;
  notice?: string | undefined;
  message?: string | null | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/offers`;
  return (
    <Layout ctx={ctx} title={t('offers.title')} notice={notice}>
      <h1>{t('offers.title')}</h1>
      <p>{t('offers.intro')}</p>
      <ErrorSummary ctx={ctx} message={message} />
      <p>
        <a href={`${base}/new`}>{t('offers.new')}</a>
      </p>
      {view.kind === 'all' ? (
        <>
          <h2>{t('offers.all')}</h2>
          <p>{t('offers.privacyNote')}</p>
          <form method="get" action={base} class="filters">
            <SelectField
              ctx={ctx}
              name="status"
              label={t('offers.status')}
              values={{ status: status ?? '' }}
              options={[
                { value: '', label: t('offers.allStatuses') },
                ...OFFER_STATUSES.map((s) => ({ value: s, label: t(`offerStatus.${s}`) })),
              ]}
            />
            <div class="field">
              <button type="submit" class="button secondary">
                {t('offers.filter')}
              </button>
            </div>
          </form>
          {view.offers.length > 0 ? (
            <FullTable ctx={ctx} scope={scope} offers={view.offers} withName />
          ) : (
            <p>{t('offers.allNone')}</p>
          )}
        </>
      ) : (
        <>
          <h2>{t('offers.mine')}</h2>
          {view.mine.length > 0 ? (
            <FullTable ctx={ctx} scope={scope} offers={view.mine} withName={false} />
          ) : (
            <p>{t('offers.mineNone')}</p>
          )}
          <h2>{t('offers.available')}</h2>
          <p>{t('offers.availablePrivacy')}</p>
          {view.available.length > 0 ? (
            <PublicTable ctx={ctx} offers={view.available} />
          ) : (
            <p>{t('offers.availableNone')}</p>
          )}
        </>
      )}
    </Layout>
  );
}

function NewOfferPage({
  ctx,
  scope,
  areas,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  state: FormState;
}) {
  const { t } = ctx;
  const labels = {
    what: t('offers.what'),
    quantity: t('offers.quantity'),
    unit: t('offers.unit'),
    collectAreaId: t('offers.collectArea'),
    collectNotes: t('offers.collectNotes'),
  };
  return (
    <Layout ctx={ctx} title={t('offers.newTitle')}>
      <h1>{t('offers.newTitle')}</h1>
      <p>{t('offers.newIntro')}</p>
      <Form ctx={ctx} action={`/n/${scope.network.slug}/offers/new`} state={state} labels={labels}>
        <Field ctx={ctx} name="what" label={t('offers.what')} hint={t('offers.whatHint')} />
        <Field
          ctx={ctx}
          name="quantity"
          label={t('offers.quantity')}
          hint={t('offers.quantityHint')}
          inputmode="decimal"
        />
        <Field ctx={ctx} name="unit" label={t('offers.unit')} hint={t('offers.unitHint')} />
        <SelectField
          ctx={ctx}
          name="collectAreaId"
          label={t('offers.collectArea')}
          options={areaOptions(areas, t('offers.noArea'))}
        />
        <Field
          ctx={ctx}
          name="collectNotes"
          label={t('offers.collectNotes')}
          hint={t('offers.collectNotesHint')}
          multiline
        />
        <Submit>{t('offers.submit')}</Submit>
      </Form>
    </Layout>
  );
}

export function registerGoodsOfferPages(app: FastifyInstance, deps: Deps): void {
  async function listPage(
    req: FastifyRequest<{ Params: { slug: string }; Querystring: { done?: string } }>,
    scope: NetworkScope,
    opts: { status?: OfferStatus | undefined; message?: string | null | undefined } = {},
  ) {
    const view = await listGoodsOffers(deps, {
      actor: req.ctx.actor,
      scope,
      filter: { status: opts.status },
    });
    return (
      <OffersPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        view={view}
        status={opts.status}
        notice={offersNotice(req.ctx.t, req.query.done)}
        message={opts.message}
      />
    );
  }

  app.get<ListReq>('/n/:slug/offers', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const status = isStatus(req.query.status) ? req.query.status : undefined;
    return sendPage(reply, await listPage(req, scope, { status }));
  });

  async function newPage(req: FastifyRequest<ListReq>, scope: NetworkScope, state: FormState) {
    const areas = await areasOf(deps, { scope });
    return (
      <NewOfferPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} areas={areas} state={state} />
    );
  }

  app.get<ListReq>('/n/:slug/offers/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'offers.own');
    return sendPage(reply, await newPage(req, scope, {}));
  });

  app.post<ListReq>('/n/:slug/offers/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'offers.own');
    return handleForm(req, reply, {
      schema: GoodsOfferForm,
      render: (state) => newPage(req, scope, state),
      run: async (form) => {
        await createGoodsOffer(deps, {
          actor: req.ctx.actor,
          scope,
          input: { ...form, quantity: parseDecimal(form.quantity) },
        });
        return `/n/${scope.network.slug}/offers?done=offerAdded`;
      },
    });
  });

  app.post<OfferReq>('/n/:slug/offers/:id/status', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'offers.own');
    return handleForm(req, reply, {
      schema: StatusForm,
      // One select per row: a mistake is named above the list, not at a field.
      render: (state) =>
        listPage(req, scope, {
          message: state.message ?? (state.errors ? req.ctx.t('offers.statusInvalid') : null),
        }),
      run: async (form) => {
        await changeGoodsOfferStatus(deps, {
          actor: req.ctx.actor,
          scope,
          offerId: req.params.id,
          status: form.status,
        });
        return `/n/${scope.network.slug}/offers?done=statusChanged`;
      },
    });
  });
}
