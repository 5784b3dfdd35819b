/** Recording one stock movement: a donation in, a transfer, a loss, an adjustment. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MOVEMENT_KINDS } from '../../domain/goods/stock.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { formRoute } from '../pages/routes.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { MovementForm } from './goods.schema.ts';
import { GoodsSection, itemOptions, siteOptions } from './goods-components.tsx';
import type { Item, Site } from './stock.repository.ts';
import { goodsSetup, recordMovement } from './stock.service.ts';

type Slug = {
  Params: { slug: string };
  Querystring: { done?: string; kind?: string; site?: string };
};

function MovementFormView({
  ctx,
  scope,
  items,
  sites,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  items: Item[];
  sites: Site[];
  state: FormState;
}) {
  const { t } = ctx;
  const labels = {
    kind: t('goods.kind'),
    itemId: t('goods.item'),
    quantity: t('goods.quantity'),
    fromSiteId: t('goods.fromSite'),
    toSiteId: t('goods.toSite'),
    reason: t('goods.reason'),
    donorName: t('goods.donor'),
    expiresOn: t('goods.expiresOn'),
  };
  const kinds = MOVEMENT_KINDS.filter(
    (k) => k !== 'adjustment' || scope.role === 'coordinator' || scope.role === 'admin',
  );
  return (
    <Form ctx={ctx} action={`/n/${scope.network.slug}/goods/record`} state={state} labels={labels}>
      <ChoiceGroup
        ctx={ctx}
        name="kind"
        legend={labels.kind}
        type="radio"
        options={kinds.map((k) => ({ field: 'kind', value: k, label: t(`goods.kind.${k}`) }))}
      />
      <SelectField
        ctx={ctx}
        name="itemId"
        label={labels.itemId}
        options={itemOptions(ctx, items)}
      />
      <Field
        ctx={ctx}
        name="quantity"
        label={labels.quantity}
        hint={t('goods.quantityHint')}
        inputmode="numeric"
      />
      <SelectField
        ctx={ctx}
        name="toSiteId"
        label={labels.toSiteId}
        hint={t('goods.toSiteHint')}
        options={siteOptions(ctx, sites, 'goods.noSite')}
      />
      <SelectField
        ctx={ctx}
        name="fromSiteId"
        label={labels.fromSiteId}
        hint={t('goods.fromSiteHint')}
        options={siteOptions(ctx, sites, 'goods.noSite')}
      />
      <Field ctx={ctx} name="donorName" label={labels.donorName} hint={t('goods.donorHint')} />
      <Field
        ctx={ctx}
        name="expiresOn"
        label={labels.expiresOn}
        hint={t('goods.expiresHint')}
        type="date"
      />
      <Field ctx={ctx} name="reason" label={labels.reason} hint={t('goods.reasonHint')} />
      <Submit>{t('goods.record')}</Submit>
    </Form>
  );
}

export function registerStockMovementPages(app: FastifyInstance, deps: Deps): void {
  const base = (scope: NetworkScope) => `/n/${scope.network.slug}/goods`;

  // ---- recording a movement ----
  async function recordPage(req: FastifyRequest<Slug>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { items, sites } = await goodsSetup(deps, { scope });
    return (
      <GoodsSection ctx={ctx} scope={scope} title={ctx.t('goods.recordTitle')}>
        <p>{ctx.t('goods.recordIntro')}</p>
        <MovementFormView ctx={ctx} scope={scope} items={items} sites={sites} state={state} />
      </GoodsSection>
    );
  }
  app.get<Slug>('/n/:slug/goods/record', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'goods.record');
    const kind = (MOVEMENT_KINDS as readonly string[]).includes(req.query.kind ?? '')
      ? req.query.kind!
      : 'donation';
    return sendPage(reply, await recordPage(req, scope, { values: { kind } }));
  });
  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/goods/record',
    'goods.record',
  )({
    schema: MovementForm,
    render: (req, scope, state) => recordPage(req, scope, state),
    run: async (req, scope, form) => {
      await recordMovement(deps, {
        actor: req.ctx.actor,
        scope,
        input: {
          kind: form.kind,
          itemId: form.itemId,
          quantity: Number(form.quantity),
          fromSiteId: form.fromSiteId,
          toSiteId: form.toSiteId,
          reason: form.reason,
          donorName: form.donorName,
          expiresOn: form.expiresOn,
        },
      });
      return `${base(scope)}?done=moved`;
    },
  });
}
