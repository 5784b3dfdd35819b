import type { FastifyInstance, FastifyRequest } from 'fastify';
import { MOVEMENT_KINDS } from '../../domain/goods/stock.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { areasOf } from '../networks/network.service.ts';
import { listGoodsOffers } from '../offers/goods-offer.service.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import { CsrfField, ErrorSummary, Field, SelectField, Submit, When } from '../pages/components.tsx';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { EXPIRY_ALERT_DAYS, GOODS_CATEGORIES } from './goods.rules.ts';
import {
  ItemForm,
  MovementForm,
  OpenForm,
  ReceiveOfferForm,
  SiteForm,
  whole,
} from './goods.schema.ts';
import { GoodsNav, goodsNotice, itemOptions, num, siteOptions } from './goods-components.tsx';
import { goodsReport } from './report.service.ts';
import { type Item, listMovements, type Site, type StockLine } from './stock.repository.ts';
import {
  createItem,
  createSite,
  goodsSetup,
  receiveOffer,
  recordCount,
  recordMovement,
} from './stock.service.ts';

type Slug = {
  Params: { slug: string };
  Querystring: { done?: string; kind?: string; site?: string };
};
type OfferReq = { Params: { slug: string; id: string }; Querystring: { done?: string } };

export function StockTable({ ctx, lines }: { ctx: PageCtx; lines: StockLine[] }) {
  const { t } = ctx;
  return (
    <Table headers={[t('goods.site'), t('goods.item'), t('goods.inStock')]}>
      {lines.map((l) => (
        <tr key={`${l.siteId}-${l.itemId}`}>
          <td>{l.siteName}</td>
          <td>{l.itemName}</td>
          <td>
            {num(ctx, l.quantity)} {l.unit}
            {l.lowStock > 0 && l.quantity <= l.lowStock && <strong> · {t('goods.low')}</strong>}
          </td>
        </tr>
      ))}
    </Table>
  );
}

function Section({
  ctx,
  scope,
  title,
  notice,
  children,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  title: string;
  notice?: string | undefined;
  children: preact.ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title={title} notice={notice}>
      <h1>{title}</h1>
      <GoodsNav ctx={ctx} scope={scope} />
      {children}
    </Layout>
  );
}

export { Section as GoodsSection };

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
    <>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} message={state.message} />
      <form method="post" action={`/n/${scope.network.slug}/goods/record`} novalidate>
        <CsrfField ctx={ctx} />
        <ChoiceGroup
          ctx={ctx}
          name="kind"
          legend={labels.kind}
          type="radio"
          options={kinds.map((k) => ({ field: 'kind', value: k, label: t(`goods.kind.${k}`) }))}
          values={state.values}
          errors={state.errors}
        />
        <SelectField
          ctx={ctx}
          name="itemId"
          label={labels.itemId}
          options={itemOptions(ctx, items)}
          values={state.values}
          errors={state.errors}
        />
        <Field
          ctx={ctx}
          name="quantity"
          label={labels.quantity}
          hint={t('goods.quantityHint')}
          inputmode="numeric"
          values={state.values}
          errors={state.errors}
        />
        <SelectField
          ctx={ctx}
          name="toSiteId"
          label={labels.toSiteId}
          hint={t('goods.toSiteHint')}
          options={siteOptions(ctx, sites, 'goods.noSite')}
          values={state.values}
          errors={state.errors}
        />
        <SelectField
          ctx={ctx}
          name="fromSiteId"
          label={labels.fromSiteId}
          hint={t('goods.fromSiteHint')}
          options={siteOptions(ctx, sites, 'goods.noSite')}
          values={state.values}
          errors={state.errors}
        />
        <Field
          ctx={ctx}
          name="donorName"
          label={labels.donorName}
          hint={t('goods.donorHint')}
          values={state.values}
          errors={state.errors}
        />
        <Field
          ctx={ctx}
          name="expiresOn"
          label={labels.expiresOn}
          hint={t('goods.expiresHint')}
          type="date"
          values={state.values}
          errors={state.errors}
        />
        <Field
          ctx={ctx}
          name="reason"
          label={labels.reason}
          hint={t('goods.reasonHint')}
          values={state.values}
          errors={state.errors}
        />
        <Submit>{t('goods.record')}</Submit>
      </form>
    </>
  );
}

export function registerStockPages(app: FastifyInstance, deps: Deps): void {
  const base = (scope: NetworkScope) => `/n/${scope.network.slug}/goods`;

  app.get<Slug>('/n/:slug/goods', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'goods.view');
    const ctx = pageCtx(req, scopeNav(scope));
    const [report, movements] = await Promise.all([
      goodsReport(deps, { scope, period: {} }),
      listMovements(deps.db, scope.network.id, 20),
    ]);
    const { t } = ctx;
    return sendPage(
      reply,
      <Section
        ctx={ctx}
        scope={scope}
        title={t('goods.title')}
        notice={goodsNotice(t, req.query.done)}
      >
        <p>{t('goods.intro')}</p>
        <p>
          <a class="button" href={`${base(scope)}/record?kind=donation`}>
            {t('goods.recordDonation')}
          </a>{' '}
          {scope.role === 'coordinator' || scope.role === 'admin' ? (
            <a class="button secondary" href={`${base(scope)}/count`}>
              {t('goods.countStock')}
            </a>
          ) : null}
        </p>
        {report.lowStock.length > 0 && (
          <div class="alert" role="status">
            <h2>{t('goods.lowStockTitle')}</h2>
            <ul>
              {report.lowStock.map((l) => (
                <li key={`${l.siteId}-${l.itemId}`}>
                  {t('goods.lowStockLine', {
                    item: l.itemName,
                    site: l.siteName,
                    quantity: l.quantity,
                    unit: l.unit,
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        {report.expiring.length > 0 && (
          <div class="alert" role="status">
            <h2>{t('goods.expiringTitle', { days: EXPIRY_ALERT_DAYS })}</h2>
            <ul>
              {report.expiring.map((e) => (
                <li key={`${e.itemName}-${e.siteName}-${e.expiresOn}`}>
                  {t('goods.expiringLine', {
                    item: e.itemName,
                    site: e.siteName,
                    date: e.expiresOn,
                  })}
                </li>
              ))}
            </ul>
          </div>
        )}
        <h2>{t('goods.stockBySite')}</h2>
        {report.stock && report.stock.length > 0 ? (
          <StockTable ctx={ctx} lines={report.stock} />
        ) : (
          <p>{t('goods.noStock')}</p>
        )}
        <h2>{t('goods.recent')}</h2>
        {movements.length > 0 ? (
          <Table
            headers={[
              t('goods.when'),
              t('goods.kind'),
              t('goods.item'),
              t('goods.quantity'),
              t('goods.where'),
            ]}
          >
            {movements.map((m) => (
              <tr key={m.id}>
                <td>
                  <When ctx={ctx} iso={m.createdAt} />
                </td>
                <td>{t(`goods.kind.${m.kind as (typeof MOVEMENT_KINDS)[number]}`)}</td>
                <td>{m.itemName}</td>
                <td>
                  {num(ctx, m.quantity)} {m.unit}
                </td>
                <td>{[m.fromSite, m.toSite].filter(Boolean).join(' → ') || '—'}</td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('goods.noMovements')}</p>
        )}
      </Section>,
    );
  });

  // ---- recording a movement ----
  async function recordPage(req: FastifyRequest<Slug>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { items, sites } = await goodsSetup(deps, { scope });
    return (
      <Section ctx={ctx} scope={scope} title={ctx.t('goods.recordTitle')}>
        <p>{ctx.t('goods.recordIntro')}</p>
        <MovementFormView ctx={ctx} scope={scope} items={items} sites={sites} state={state} />
      </Section>
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

  // ---- a physical count at one site ----
  async function countPage(req: FastifyRequest<Slug>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const { items, sites } = await goodsSetup(deps, { scope });
    const siteId = state.values?.siteId ?? req.query.site ?? sites[0]?.id ?? '';
    const stock = (await goodsReport(deps, { scope, period: {} })).stock ?? [];
    const recorded = (itemId: string) =>
      stock.find((s) => s.siteId === siteId && s.itemId === itemId)?.quantity ?? 0;
    return (
      <Section ctx={ctx} scope={scope} title={t('goods.countTitle')}>
        <p>{t('goods.countIntro')}</p>
        <form method="get" action={`${base(scope)}/count`} class="filters">
          <SelectField
            ctx={ctx}
            name="site"
            label={t('goods.site')}
            values={{ site: siteId }}
            options={siteOptions(ctx, sites)}
          />
          <div class="field">
            <button type="submit" class="button secondary">
              {t('goods.chooseThisSite')}
            </button>
          </div>
        </form>
        <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
        {siteId && (
          <form method="post" action={`${base(scope)}/count`} novalidate>
            <CsrfField ctx={ctx} />
            <input type="hidden" name="siteId" value={siteId} />
            {items.map((i) => (
              <Field
                key={i.id}
                ctx={ctx}
                name={`count_${i.id}`}
                label={`${i.name} (${i.unit})`}
                hint={t('goods.countRecorded', { quantity: recorded(i.id) })}
                inputmode="numeric"
                values={state.values}
                errors={state.errors}
              />
            ))}
            <Field
              ctx={ctx}
              name="reason"
              label={t('goods.reason')}
              hint={t('goods.countReasonHint')}
              values={state.values}
              errors={state.errors}
            />
            <Submit>{t('goods.saveCount')}</Submit>
          </form>
        )}
      </Section>
    );
  }
  pageRoute<Slug>(app, deps, '/n/:slug/goods/count', 'goods.manage', (req, scope) =>
    countPage(req, scope, {}),
  );
  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/goods/count',
    'goods.manage',
  )({
    schema: OpenForm,
    render: (req, scope, state) => countPage(req, scope, state),
    run: async (req, scope) => {
      const values = formValues(req.body);
      const counts: { itemId: string; counted: number }[] = [];
      const errors: Record<string, { key: string }> = {};
      for (const [k, v] of Object.entries(values)) {
        if (!k.startsWith('count_') || v.trim() === '') continue;
        const n = whole(v);
        if (n === undefined || !Number.isSafeInteger(n) || n < 0)
          errors[k] = { key: 'goods.wholeNumber' };
        else counts.push({ itemId: k.slice(6), counted: n });
      }
      if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
      await recordCount(deps, {
        actor: req.ctx.actor,
        scope,
        input: { siteId: values.siteId ?? '', counts, reason: values.reason ?? '' },
      });
      return `${base(scope)}?done=counted`;
    },
  });

  // ---- items and sites ----
  async function setupPage(
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    states: { item?: FormState; site?: FormState } = {},
  ) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const { items, sites } = await goodsSetup(deps, { scope });
    const areas: Area[] = await areasOf(deps, { scope });
    const item = states.item ?? { values: { unit: '', lowStock: '0' } };
    const site = states.site ?? {};
    return (
      <Section
        ctx={ctx}
        scope={scope}
        title={t('goods.setupTitle')}
        notice={goodsNotice(t, req.query.done)}
      >
        <h2>{t('goods.items')}</h2>
        {items.length > 0 ? (
          <Table
            headers={[t('goods.itemName'), t('goods.category'), t('goods.unit'), t('goods.limit')]}
          >
            {items.map((i) => (
              <tr key={i.id}>
                <td>{i.name}</td>
                <td>{t(`goods.category.${i.category as (typeof GOODS_CATEGORIES)[number]}`)}</td>
                <td>{i.unit}</td>
                <td>
                  {i.limit
                    ? t(i.limit.hard ? 'goods.limitHardText' : 'goods.limitWarnText', {
                        quantity: i.limit.quantity,
                        unit: i.unit,
                        days: i.limit.days,
                      })
                    : '—'}
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('goods.noItems')}</p>
        )}
        <h3>{t('goods.newItem')}</h3>
        <ErrorSummary ctx={ctx} errors={item.errors} message={item.message} />
        <form method="post" action={`${base(scope)}/items`} novalidate>
          <CsrfField ctx={ctx} />
          <Field
            ctx={ctx}
            name="name"
            label={t('goods.itemName')}
            values={item.values}
            errors={item.errors}
          />
          <SelectField
            ctx={ctx}
            name="category"
            label={t('goods.category')}
            options={GOODS_CATEGORIES.map((c) => ({ value: c, label: t(`goods.category.${c}`) }))}
            values={item.values}
            errors={item.errors}
          />
          <Field
            ctx={ctx}
            name="unit"
            label={t('goods.unit')}
            hint={t('goods.unitHint')}
            values={item.values}
            errors={item.errors}
          />
          <Field
            ctx={ctx}
            name="lowStock"
            label={t('goods.lowStockAt')}
            inputmode="numeric"
            values={item.values}
            errors={item.errors}
          />
          <Field
            ctx={ctx}
            name="limitQuantity"
            label={t('goods.limitQuantity')}
            hint={t('goods.limitHint')}
            inputmode="numeric"
            values={item.values}
            errors={item.errors}
          />
          <Field
            ctx={ctx}
            name="limitDays"
            label={t('goods.limitDays')}
            inputmode="numeric"
            values={item.values}
            errors={item.errors}
          />
          <ChoiceGroup
            ctx={ctx}
            name="options"
            legend={t('goods.itemOptions')}
            type="checkbox"
            options={[
              { field: 'limitHard', value: 'limitHard', label: t('goods.limitHard') },
              { field: 'tracksExpiry', value: 'tracksExpiry', label: t('goods.tracksExpiry') },
            ]}
            values={item.values}
          />
          <Submit>{t('goods.addItem')}</Submit>
        </form>
        <h2>{t('goods.sites')}</h2>
        {sites.length > 0 ? (
          <ul>
            {sites.map((s) => (
              <li key={s.id}>
                {s.name}
                {s.areaName ? ` · ${s.areaName}` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('goods.noSites')}</p>
        )}
        <h3>{t('goods.newSite')}</h3>
        <ErrorSummary ctx={ctx} errors={site.errors} message={site.message} />
        <form method="post" action={`${base(scope)}/sites`} novalidate>
          <CsrfField ctx={ctx} />
          <Field
            ctx={ctx}
            name="name"
            label={t('goods.siteName')}
            hint={t('goods.siteHint')}
            values={site.values}
            errors={site.errors}
          />
          <SelectField
            ctx={ctx}
            name="areaId"
            label={t('goods.area')}
            options={areaOptions(areas, t('goods.noArea'))}
            values={site.values}
            errors={site.errors}
          />
          <Submit>{t('goods.addSite')}</Submit>
        </form>
      </Section>
    );
  }
  pageRoute<Slug>(app, deps, '/n/:slug/goods/setup', 'goods.manage', (req, scope) =>
    setupPage(req, scope),
  );
  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/goods/items',
    'goods.manage',
  )({
    schema: ItemForm,
    render: (req, scope, state) => setupPage(req, scope, { item: state }),
    run: async (req, scope, form) => {
      await createItem(deps, {
        actor: req.ctx.actor,
        scope,
        input: {
          name: form.name,
          category: form.category,
          unit: form.unit,
          lowStock: whole(form.lowStock) ?? 0,
          limitQuantity: whole(form.limitQuantity),
          limitDays: whole(form.limitDays),
          limitHard: form.limitHard !== undefined,
          tracksExpiry: form.tracksExpiry !== undefined,
        },
      });
      return `${base(scope)}/setup?done=itemAdded`;
    },
  });
  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/goods/sites',
    'goods.manage',
  )({
    schema: SiteForm,
    render: (req, scope, state) => setupPage(req, scope, { site: state }),
    run: async (req, scope, form) => {
      await createSite(deps, { actor: req.ctx.actor, scope, input: form });
      return `${base(scope)}/setup?done=siteAdded`;
    },
  });

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
      <Section ctx={ctx} scope={scope} title={t('goods.receiveTitle')}>
        <p>
          {t('goods.receiveIntro', {
            what: offer.what,
            quantity: num(ctx, offer.quantity),
            unit: offer.unit,
            who: offer.offeredBy,
          })}
        </p>
        <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
        <form
          method="post"
          action={`/n/${scope.network.slug}/goods/offers/${offer.id}/receive`}
          novalidate
        >
          <CsrfField ctx={ctx} />
          <SelectField
            ctx={ctx}
            name="itemId"
            label={t('goods.item')}
            options={itemOptions(ctx, items)}
            values={values}
            errors={state.errors}
          />
          <SelectField
            ctx={ctx}
            name="toSiteId"
            label={t('goods.toSite')}
            options={siteOptions(ctx, sites)}
            values={values}
            errors={state.errors}
          />
          <Field
            ctx={ctx}
            name="quantity"
            label={t('goods.quantity')}
            inputmode="numeric"
            values={values}
            errors={state.errors}
          />
          <Field
            ctx={ctx}
            name="expiresOn"
            label={t('goods.expiresOn')}
            hint={t('goods.expiresHint')}
            type="date"
            values={values}
            errors={state.errors}
          />
          <Submit>{t('goods.receive')}</Submit>
        </form>
      </Section>
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
