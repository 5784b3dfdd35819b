import type { FastifyInstance } from 'fastify';
import type { MOVEMENT_KINDS } from '../../domain/goods/stock.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { When } from '../pages/components.tsx';
import { pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { EXPIRY_ALERT_DAYS } from './goods.rules.ts';
import { GoodsSection, goodsNotice, num, StockTable } from './goods-components.tsx';
import { registerGoodsSetupPages } from './goods-setup.pages.tsx';
import { registerOfferReceivePages } from './offer-receive.pages.tsx';
import { goodsReport } from './report.service.ts';
import { recentMovements } from './stock.service.ts';
import { registerStockCountPages } from './stock-count.pages.tsx';
import { registerStockMovementPages } from './stock-movement.pages.tsx';

type Slug = {
  Params: { slug: string };
  Querystring: { done?: string; kind?: string; site?: string };
};

/**
 * The goods pages: the overview here, then one file per screen (recording a movement, a count,
 * items and sites, receiving an offer), registered in this order.
 */
export function registerStockPages(app: FastifyInstance, deps: Deps): void {
  const base = (scope: NetworkScope) => `/n/${scope.network.slug}/goods`;

  app.get<Slug>('/n/:slug/goods', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'goods.view');
    const ctx = pageCtx(req, scopeNav(scope));
    const [report, movements] = await Promise.all([
      goodsReport(deps, { scope, period: {} }),
      recentMovements(deps, { scope, limit: 20 }),
    ]);
    const { t } = ctx;
    return sendPage(
      reply,
      <GoodsSection
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
      </GoodsSection>,
    );
  });

  registerStockMovementPages(app, deps);
  registerStockCountPages(app, deps);
  registerGoodsSetupPages(app, deps);
  registerOfferReceivePages(app, deps);
}
