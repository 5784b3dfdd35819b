import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatCode } from '../../domain/requests/request-code.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { areasOf } from '../networks/network.service.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import { Field, languageOptions, Pager, SelectField, Submit, When } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { AGE_BANDS, DIETARY } from './goods.rules.ts';
import { HouseholdForm, LinkForm, WantForm, whole } from './goods.schema.ts';
import { GoodsSection, goodsNotice, itemOptions } from './goods-components.tsx';
import { HOUSEHOLDS_PAGE } from './household.repository.ts';
import {
  addWant,
  browseHouseholds,
  createHousehold,
  householdDetail,
  linkHouseholdRequest,
} from './household.service.ts';
import { goodsSetup } from './stock.service.ts';

type ListReq = { Params: { slug: string }; Querystring: { done?: string; page?: string } };
type OneReq = { Params: { slug: string; id: string }; Querystring: { done?: string } };

export function registerHouseholdPages(app: FastifyInstance, deps: Deps): void {
  const base = (scope: NetworkScope) => `/n/${scope.network.slug}/goods/households`;

  async function listPage(req: FastifyRequest<ListReq>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const page = Math.max(1, Number(req.query.page) || 1);
    const { households, total } = await browseHouseholds(deps, { scope, page });
    const areas = await areasOf(deps, { scope });
    const values = state.values ?? { size: '1', language: ctx.lang };
    return (
      <GoodsSection
        ctx={ctx}
        scope={scope}
        title={t('goods.householdsTitle')}
        notice={goodsNotice(t, req.query.done)}
      >
        <p>{t('goods.householdsPrivacy')}</p>
        {households.length > 0 ? (
          <Table
            headers={[
              t('goods.householdCode'),
              t('goods.size'),
              t('goods.area'),
              t('goods.visits'),
              t('goods.lastVisit'),
            ]}
          >
            {households.map((h) => (
              <tr key={h.id}>
                <td>
                  <a class="code" href={`${base(scope)}/${h.id}`}>
                    {formatCode(h.code)}
                  </a>
                </td>
                <td>{h.size}</td>
                <td>{h.areaName ?? '—'}</td>
                <td>{h.visits}</td>
                <td>
                  <When ctx={ctx} iso={h.lastVisit} />
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('goods.noHouseholds')}</p>
        )}
        <Pager
          ctx={ctx}
          page={page}
          pages={Math.ceil(total / HOUSEHOLDS_PAGE)}
          href={(p) => `${base(scope)}?page=${p}`}
        />
        <h2>{t('goods.newHousehold')}</h2>
        <Form ctx={ctx} action={base(scope)} state={state}>
          <Field
            ctx={ctx}
            name="name"
            label={t('goods.householdName')}
            autocomplete="off"
            values={values}
          />
          <Field
            ctx={ctx}
            name="phone"
            label={t('goods.phone')}
            type="tel"
            inputmode="tel"
            autocomplete="off"
            values={values}
          />
          <Field
            ctx={ctx}
            name="size"
            label={t('goods.size')}
            inputmode="numeric"
            values={values}
          />
          <fieldset class="field" id="field-ages">
            <legend>{t('goods.ages')}</legend>
            <p class="hint">{t('goods.agesHint')}</p>
            {AGE_BANDS.map((b) => (
              <Field
                key={b}
                ctx={ctx}
                name={`age_${b}`}
                label={t(`goods.age.${b}`)}
                inputmode="numeric"
                values={values}
              />
            ))}
          </fieldset>
          <ChoiceGroup
            ctx={ctx}
            name="dietary"
            legend={t('goods.dietary')}
            hint={t('goods.dietaryHint')}
            type="checkbox"
            options={DIETARY.map((d) => ({
              field: `diet_${d}`,
              value: d,
              label: t(`goods.diet.${d}`),
            }))}
            values={values}
          />
          <SelectField
            ctx={ctx}
            name="language"
            label={t('goods.language')}
            options={languageOptions(ctx.lang)}
            values={values}
          />
          <SelectField
            ctx={ctx}
            name="areaId"
            label={t('goods.area')}
            options={areaOptions(areas, t('goods.noArea'))}
            values={values}
          />
          <Field
            ctx={ctx}
            name="requestCode"
            label={t('goods.requestCode')}
            hint={t('goods.requestCodeHint')}
            values={values}
          />
          <Field
            ctx={ctx}
            name="notes"
            label={t('goods.notes')}
            hint={t('goods.notesHint')}
            multiline
            values={values}
          />
          <Submit>{t('goods.addHousehold')}</Submit>
        </Form>
      </GoodsSection>
    );
  }
  pageRoute<ListReq>(app, deps, '/n/:slug/goods/households', 'households.manage', (req, scope) =>
    listPage(req, scope, {}),
  );
  formRoute<ListReq>(
    app,
    deps,
    '/n/:slug/goods/households',
    'households.manage',
  )({
    schema: HouseholdForm,
    render: (req, scope, state) => listPage(req, scope, state),
    run: async (req, scope, form) => {
      const v = req.body as Record<string, string>;
      const h = await createHousehold(deps, {
        actor: req.ctx.actor,
        scope,
        input: {
          ...form,
          size: Number(form.size),
          ageBands: Object.fromEntries(AGE_BANDS.map((b) => [b, whole(v[`age_${b}`]) ?? 0])),
          dietary: DIETARY.filter((d) => v[`diet_${d}`] !== undefined),
        },
      });
      return `${base(scope)}/${h.id}?done=householdAdded`;
    },
  });

  async function onePage(
    req: FastifyRequest<OneReq>,
    scope: NetworkScope,
    states: { want?: FormState; link?: FormState } = {},
  ) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const {
      household: h,
      requestCodes,
      wants,
      received,
    } = await householdDetail(deps, {
      actor: req.ctx.actor,
      scope,
      householdId: req.params.id,
    });
    const { items } = await goodsSetup(deps, { scope });
    const itemName = (id: string) => items.find((i) => i.id === id)?.name ?? '';
    const want = states.want ?? {};
    const link = states.link ?? {};
    return (
      <GoodsSection
        ctx={ctx}
        scope={scope}
        title={t('goods.householdTitle', { code: formatCode(h.code) })}
        notice={goodsNotice(t, req.query.done)}
      >
        <p>{t('goods.viewRecorded')}</p>
        <dl>
          <dt>{t('goods.householdName')}</dt>
          <dd>{h.private.name ?? '—'}</dd>
          <dt>{t('goods.phone')}</dt>
          <dd>{h.private.phone ?? '—'}</dd>
          <dt>{t('goods.size')}</dt>
          <dd>
            {h.size} ·{' '}
            {AGE_BANDS.filter((b) => h.ageBands[b] > 0)
              .map((b) => `${t(`goods.age.${b}`)}: ${h.ageBands[b]}`)
              .join(', ')}
          </dd>
          <dt>{t('goods.dietary')}</dt>
          <dd>
            {h.private.dietary
              ? h.private.dietary
                  .split(',')
                  .map((d) => t(`goods.diet.${d}` as never))
                  .join(', ')
              : '—'}
          </dd>
          <dt>{t('goods.area')}</dt>
          <dd>{h.areaName ?? '—'}</dd>
          <dt>{t('goods.notes')}</dt>
          <dd>{h.private.notes ?? '—'}</dd>
          <dt>{t('goods.requests')}</dt>
          <dd>{requestCodes.map(formatCode).join(', ') || '—'}</dd>
        </dl>
        <h2>{t('goods.wants')}</h2>
        {wants.length > 0 ? (
          <ul>
            {wants.map((w) => (
              <li key={w.id}>
                {w.itemName}: {w.quantity} {w.unit} · {t(`goods.wantStatus.${w.status as 'open'}`)}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('goods.noWants')}</p>
        )}
        <Form ctx={ctx} action={`${base(scope)}/${h.id}/wants`} state={want}>
          <SelectField
            ctx={ctx}
            name="itemId"
            label={t('goods.item')}
            options={itemOptions(ctx, items)}
          />
          <Field ctx={ctx} name="quantity" label={t('goods.quantity')} inputmode="numeric" />
          <Submit>{t('goods.addWant')}</Submit>
        </Form>
        <h2>{t('goods.receivedTitle')}</h2>
        {received.length > 0 ? (
          <ul>
            {received.map((r) => (
              <li key={`${r.itemId}-${r.at}`}>
                <When ctx={ctx} iso={r.at} />: {itemName(r.itemId)} × {r.quantity}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('goods.nothingReceived')}</p>
        )}
        <h2>{t('goods.linkRequest')}</h2>
        <Form ctx={ctx} action={`${base(scope)}/${h.id}/link`} state={link}>
          <Field ctx={ctx} name="requestCode" label={t('goods.requestCode')} />
          <Submit>{t('goods.link')}</Submit>
        </Form>
      </GoodsSection>
    );
  }
  pageRoute<OneReq>(app, deps, '/n/:slug/goods/households/:id', 'households.manage', (req, scope) =>
    onePage(req, scope),
  );
  formRoute<OneReq>(
    app,
    deps,
    '/n/:slug/goods/households/:id/wants',
    'households.manage',
  )({
    schema: WantForm,
    render: (req, scope, state) => onePage(req, scope, { want: state }),
    run: async (req, scope, form) => {
      await addWant(deps, {
        actor: req.ctx.actor,
        scope,
        householdId: req.params.id,
        input: { itemId: form.itemId, quantity: Number(form.quantity) },
      });
      return `${base(scope)}/${req.params.id}?done=wantAdded`;
    },
  });
  formRoute<OneReq>(
    app,
    deps,
    '/n/:slug/goods/households/:id/link',
    'households.manage',
  )({
    schema: LinkForm,
    render: (req, scope, state) => onePage(req, scope, { link: state }),
    run: async (req, scope, form) => {
      await linkHouseholdRequest(deps, {
        actor: req.ctx.actor,
        scope,
        householdId: req.params.id,
        requestCode: form.requestCode,
      });
      return `${base(scope)}/${req.params.id}?done=linked`;
    },
  });
}
