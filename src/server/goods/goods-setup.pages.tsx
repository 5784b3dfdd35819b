/** The goods setup screen: the items a network hands out and the sites that hold them. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { areasOf } from '../networks/network.service.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import { Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { GOODS_CATEGORIES } from './goods.rules.ts';
import { ItemForm, SiteForm, whole } from './goods.schema.ts';
import { GoodsSection, goodsNotice } from './goods-components.tsx';
import { createItem, createSite, goodsSetup } from './stock.service.ts';

type Slug = {
  Params: { slug: string };
  Querystring: { done?: string; kind?: string; site?: string };
};

export function registerGoodsSetupPages(app: FastifyInstance, deps: Deps): void {
  const base = (scope: NetworkScope) => `/n/${scope.network.slug}/goods`;

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
      <GoodsSection
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
        <Form ctx={ctx} action={`${base(scope)}/items`} state={item}>
          <Field ctx={ctx} name="name" label={t('goods.itemName')} />
          <SelectField
            ctx={ctx}
            name="category"
            label={t('goods.category')}
            options={GOODS_CATEGORIES.map((c) => ({ value: c, label: t(`goods.category.${c}`) }))}
          />
          <Field ctx={ctx} name="unit" label={t('goods.unit')} hint={t('goods.unitHint')} />
          <Field ctx={ctx} name="lowStock" label={t('goods.lowStockAt')} inputmode="numeric" />
          <Field
            ctx={ctx}
            name="limitQuantity"
            label={t('goods.limitQuantity')}
            hint={t('goods.limitHint')}
            inputmode="numeric"
          />
          <Field ctx={ctx} name="limitDays" label={t('goods.limitDays')} inputmode="numeric" />
          <ChoiceGroup
            ctx={ctx}
            name="options"
            legend={t('goods.itemOptions')}
            type="checkbox"
            options={[
              { field: 'limitHard', value: 'limitHard', label: t('goods.limitHard') },
              { field: 'tracksExpiry', value: 'tracksExpiry', label: t('goods.tracksExpiry') },
            ]}
          />
          <Submit>{t('goods.addItem')}</Submit>
        </Form>
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
        <Form ctx={ctx} action={`${base(scope)}/sites`} state={site}>
          <Field ctx={ctx} name="name" label={t('goods.siteName')} hint={t('goods.siteHint')} />
          <SelectField
            ctx={ctx}
            name="areaId"
            label={t('goods.area')}
            options={areaOptions(areas, t('goods.noArea'))}
          />
          <Submit>{t('goods.addSite')}</Submit>
        </Form>
      </GoodsSection>
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
}
