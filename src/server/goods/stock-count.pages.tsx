/** A physical count of the stock at one site. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { ErrorSummary, Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { OpenForm, whole } from './goods.schema.ts';
import { GoodsSection, siteOptions } from './goods-components.tsx';
import { goodsReport } from './report.service.ts';
import { goodsSetup, recordCount } from './stock.service.ts';

type Slug = {
  Params: { slug: string };
  Querystring: { done?: string; kind?: string; site?: string };
};

export function registerStockCountPages(app: FastifyInstance, deps: Deps): void {
  const base = (scope: NetworkScope) => `/n/${scope.network.slug}/goods`;

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
      <GoodsSection ctx={ctx} scope={scope} title={t('goods.countTitle')}>
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
          <Form ctx={ctx} action={`${base(scope)}/count`}>
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
          </Form>
        )}
      </GoodsSection>
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
}
