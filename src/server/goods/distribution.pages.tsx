import type { FastifyInstance, FastifyRequest } from 'fastify';
import { atLeast } from '../../domain/access/roles.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { createDay, days } from './distribution.service.ts';
import { registerDistributionDoorPages } from './distribution-door.pages.tsx';
import { registerDistributionPaperPages } from './distribution-paper.pages.tsx';
import { OpenForm, whole } from './goods.schema.ts';
import { GoodsSection, goodsNotice, siteOptions } from './goods-components.tsx';
import { goodsSetup } from './stock.service.ts';

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

/**
 * The distribution pages: the list of days and a new day here, then the door of a day and its
 * paper sheet, each in its own file, registered in this order.
 */
export function registerDistributionPages(app: FastifyInstance, deps: Deps): void {
  const dayUrl = (scope: NetworkScope, id: string) => `/n/${scope.network.slug}/goods/days/${id}`;

  // ---- the list of days, and a new one ----
  async function daysPage(req: FastifyRequest<Slug>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const list = await days(deps, { scope });
    const canManage = atLeast(scope.role, 'coordinator');
    const setup = canManage ? await goodsSetup(deps, { scope }) : null;
    return (
      <GoodsSection
        ctx={ctx}
        scope={scope}
        title={t('goods.daysTitle')}
        notice={goodsNotice(t, req.query.done)}
      >
        {list.length > 0 ? (
          <ul class="cards">
            {list.map((d) => (
              <li key={d.id}>
                <a href={dayUrl(scope, d.id)}>
                  {t('goods.dayTitle', { site: d.siteName, date: d.day })}
                </a>
                <p>
                  {t(`goods.dayStatus.${d.status}`)} ·{' '}
                  {t('goods.checkInsCount', { count: d.checkIns })}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('goods.noDays')}</p>
        )}
        {setup && (
          <>
            <h2>{t('goods.newDay')}</h2>
            <Form ctx={ctx} action={`/n/${scope.network.slug}/goods/days`} state={state}>
              <SelectField
                ctx={ctx}
                name="siteId"
                label={t('goods.site')}
                options={siteOptions(ctx, setup.sites)}
              />
              <Field ctx={ctx} name="day" label={t('goods.date')} type="date" />
              <fieldset id="field-items" class="field">
                <legend>{t('goods.onOffer')}</legend>
                <p class="hint">{t('goods.onOfferHint')}</p>
                {setup.items.map((i) => (
                  <Field
                    key={i.id}
                    ctx={ctx}
                    name={`item_${i.id}`}
                    label={`${i.name} (${i.unit})`}
                    inputmode="numeric"
                  />
                ))}
              </fieldset>
              <Submit>{t('goods.createDay')}</Submit>
            </Form>
          </>
        )}
      </GoodsSection>
    );
  }
  pageRoute<Slug>(app, deps, '/n/:slug/goods/days', 'goods.view', (req, scope) =>
    daysPage(req, scope, {}),
  );
  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/goods/days',
    'goods.manage',
  )({
    schema: OpenForm,
    render: (req, scope, state) => daysPage(req, scope, state),
    run: async (req, scope) => {
      const v = formValues(req.body);
      const items: { itemId: string; perHousehold: number }[] = [];
      const errors: FieldErrors = {};
      for (const [k, val] of Object.entries(v)) {
        if (!k.startsWith('item_') || val.trim() === '') continue;
        const n = whole(val);
        if (n === undefined || !Number.isSafeInteger(n) || n < 0)
          errors[k] = { key: 'goods.wholeNumber' };
        else if (n > 0) items.push({ itemId: k.slice(5), perHousehold: n });
      }
      if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
      const id = await createDay(deps, {
        actor: req.ctx.actor,
        scope,
        input: { siteId: v.siteId ?? '', day: (v.day ?? '').trim(), items },
      });
      return `${dayUrl(scope, id)}?done=dayCreated`;
    },
  });

  registerDistributionDoorPages(app, deps);
  registerDistributionPaperPages(app, deps);
}
