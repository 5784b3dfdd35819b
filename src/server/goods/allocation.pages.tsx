import type { FastifyInstance, FastifyRequest } from 'fastify';
import { formatCode } from '../../domain/requests/request-code.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { ErrorSummary, SelectField, Submit, When } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import {
  approveRound,
  discardRound,
  proposeRound,
  roundDetail,
  rounds,
} from './allocation.service.ts';
import { OpenForm, RoundForm } from './goods.schema.ts';
import { GoodsSection, goodsNotice, itemOptions, num, siteOptions } from './goods-components.tsx';
import { goodsSetup } from './stock.service.ts';

type ListReq = { Params: { slug: string }; Querystring: { done?: string } };
type OneReq = { Params: { slug: string; id: string }; Querystring: { done?: string } };

export function registerAllocationPages(app: FastifyInstance, deps: Deps): void {
  const base = (scope: NetworkScope) => `/n/${scope.network.slug}/goods/allocations`;

  async function listPage(req: FastifyRequest<ListReq>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const [list, setup] = await Promise.all([rounds(deps, { scope }), goodsSetup(deps, { scope })]);
    return (
      <GoodsSection
        ctx={ctx}
        scope={scope}
        title={t('allocation.title')}
        notice={goodsNotice(t, req.query.done)}
      >
        <p>{t('allocation.intro')}</p>
        <p>
          <a href="#rule">{t('allocation.ruleLink')}</a>
        </p>
        <Form ctx={ctx} action={base(scope)} state={state}>
          <SelectField
            ctx={ctx}
            name="itemId"
            label={t('goods.item')}
            options={itemOptions(ctx, setup.items)}
          />
          <SelectField
            ctx={ctx}
            name="siteId"
            label={t('goods.site')}
            options={siteOptions(ctx, setup.sites)}
          />
          <Submit>{t('allocation.propose')}</Submit>
        </Form>
        <h2>{t('allocation.rounds')}</h2>
        {list.length > 0 ? (
          <ul>
            {list.map((r) => (
              <li key={r.id}>
                <a href={`${base(scope)}/${r.id}`}>
                  {t('allocation.roundLine', { item: r.itemName, site: r.siteName })}
                </a>{' '}
                · {t(`allocation.status.${r.status}`)} · <When ctx={ctx} iso={r.createdAt} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t('allocation.none')}</p>
        )}
        <h2 id="rule">{t('allocation.ruleTitle')}</h2>
        <p>{t('allocation.rule')}</p>
      </GoodsSection>
    );
  }
  app.get<ListReq>('/n/:slug/goods/allocations', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'goods.allocate');
    return sendPage(reply, await listPage(req, scope, {}));
  });
  app.post<ListReq>('/n/:slug/goods/allocations', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'goods.allocate');
    return handleForm(req, reply, {
      schema: RoundForm,
      render: (state) => listPage(req, scope, state),
      run: async (form) => {
        const id = await proposeRound(deps, { actor: req.ctx.actor, scope, input: form });
        return `${base(scope)}/${id}?done=proposed`;
      },
    });
  });

  async function onePage(req: FastifyRequest<OneReq>, scope: NetworkScope, state: FormState) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const { round, shares } = await roundDetail(deps, { scope, roundId: req.params.id });
    const total = shares.reduce((a, s) => a + s.allocated, 0);
    const asked = shares.reduce((a, s) => a + s.requested, 0);
    return (
      <GoodsSection
        ctx={ctx}
        scope={scope}
        title={t('allocation.roundTitle', { item: round.itemName, site: round.siteName })}
        notice={goodsNotice(t, req.query.done)}
      >
        <p>
          {t('allocation.summary', {
            stock: round.stock,
            asked,
            total,
            unit: round.unit,
            households: shares.length,
          })}{' '}
          · {t(`allocation.status.${round.status}`)}
        </p>
        <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
        {round.status === 'proposed' && (
          <div class="filters">
            <PostButton
              ctx={ctx}
              action={`${base(scope)}/${round.id}/approve`}
              label={t('allocation.approve')}
            />
            <PostButton
              ctx={ctx}
              action={`${base(scope)}/${round.id}/discard`}
              label={t('allocation.discard')}
              look="secondary"
            />
          </div>
        )}
        <Table
          headers={[
            t('goods.household'),
            t('allocation.asked'),
            t('allocation.fairShare'),
            t('allocation.proposed'),
            t('allocation.why'),
          ]}
        >
          {shares.map((s) => (
            <tr key={s.id}>
              <td class="code">{formatCode(s.householdCode)}</td>
              <td>{s.requested}</td>
              <td>{num(ctx, s.fairShare)}</td>
              <td>
                <strong>{s.allocated}</strong>
              </td>
              <td>{s.reasons.map((r) => t(r.key as MessageKey, r.params)).join(' ')}</td>
            </tr>
          ))}
        </Table>
      </GoodsSection>
    );
  }
  app.get<OneReq>('/n/:slug/goods/allocations/:id', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'goods.allocate');
    return sendPage(reply, await onePage(req, scope, {}));
  });
  for (const action of ['approve', 'discard'] as const) {
    app.post<OneReq>(`/n/:slug/goods/allocations/:id/${action}`, async (req, reply) => {
      const scope = await scopeOf(deps, req);
      authorize(scope, 'goods.allocate');
      return handleForm(req, reply, {
        schema: OpenForm,
        render: (state) => onePage(req, scope, state),
        run: async () => {
          const args = { actor: req.ctx.actor, scope, roundId: req.params.id };
          if (action === 'approve') await approveRound(deps, args);
          else await discardRound(deps, args);
          return `${base(scope)}/${req.params.id}?done=${action === 'approve' ? 'approved' : 'discarded'}`;
        },
      });
    });
  }
}
