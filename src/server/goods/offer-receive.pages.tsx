/** Receiving a goods offer into stock: the offer becomes a donation movement. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { listGoodsOffers } from '../offers/goods-offer.service.ts';
import { Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { ReceiveOfferForm } from './goods.schema.ts';
import { GoodsSection, itemOptions, num, siteOptions } from './goods-components.tsx';
import { goodsSetup, receiveOffer } from './stock.service.ts';

type OfferReq = { Params: { slug: string; id: string }; Querystring: { done?: string } };

export function registerOfferReceivePages(app: FastifyInstance, deps: Deps): void {
  // ---- a goods offer arrives: a donation in ----
  async function receivePage(req: FastifyRequest<OfferReq>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const view = await listGoodsOffers(deps, { actor: req.ctx.actor, scope });
    const offer = view.kind === 'all' ? view.offers.find((o) => o.id === req.params.id) : undefined;
    if (!offer) throw new AppError('NOT_FOUND');
    const { items, sites } = await goodsSetup(deps, { scope });
    const values = state.values ?? { quantity: String(Math.round(offer.quantity)) };
    return (
      <GoodsSection ctx={ctx} scope={scope} title={t('goods.receiveTitle')}>
        <p>
          {t('goods.receiveIntro', {
            what: offer.what,
            quantity: num(ctx, offer.quantity),
            unit: offer.unit,
            who: offer.offeredBy,
          })}
        </p>
        <Form
          ctx={ctx}
          action={`/n/${scope.network.slug}/goods/offers/${offer.id}/receive`}
          state={state}
        >
          <SelectField
            ctx={ctx}
            name="itemId"
            label={t('goods.item')}
            options={itemOptions(ctx, items)}
            values={values}
          />
          <SelectField
            ctx={ctx}
            name="toSiteId"
            label={t('goods.toSite')}
            options={siteOptions(ctx, sites)}
            values={values}
          />
          <Field
            ctx={ctx}
            name="quantity"
            label={t('goods.quantity')}
            inputmode="numeric"
            values={values}
          />
          <Field
            ctx={ctx}
            name="expiresOn"
            label={t('goods.expiresOn')}
            hint={t('goods.expiresHint')}
            type="date"
            values={values}
          />
          <Submit>{t('goods.receive')}</Submit>
        </Form>
      </GoodsSection>
    );
  }
  pageRoute<OfferReq>(
    app,
    deps,
    '/n/:slug/goods/offers/:id/receive',
    'offers.manage',
    (req, scope) => receivePage(req, scope, {}),
  );
  formRoute<OfferReq>(
    app,
    deps,
    '/n/:slug/goods/offers/:id/receive',
    'offers.manage',
  )({
    schema: ReceiveOfferForm,
    render: (req, scope, state) => receivePage(req, scope, state),
    run: async (req, scope, form) => {
      await receiveOffer(deps, {
        actor: req.ctx.actor,
        scope,
        offerId: req.params.id,
        input: {
          itemId: form.itemId,
          toSiteId: form.toSiteId,
          quantity: Number(form.quantity),
          expiresOn: form.expiresOn,
        },
      });
      return `/n/${scope.network.slug}/goods?done=received`;
    },
  });
}
