import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import { Field, Submit } from '../pages/components.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { GOODS_CATEGORIES, type GoodsCategory } from './goods.rules.ts';
import { GoodsSection, num, StockTable } from './goods-components.tsx';
import { type GoodsReport, goodsReport, toCsv } from './report.service.ts';

type Req = {
  Params: { slug: string };
  Querystring: { from?: string; to?: string; table?: string };
};

const catLabel = (ctx: PageCtx, c: string) =>
  (GOODS_CATEGORIES as readonly string[]).includes(c)
    ? ctx.t(`goods.category.${c as GoodsCategory}`)
    : c;

/**
 * A horizontal bar chart drawn on the server: no script, scales to the screen (viewBox), and
 * named for screen readers; the same numbers are in the table next to it.
 */
export function BarChart({
  title,
  bars,
}: {
  title: string;
  bars: { label: string; value: number; text: string }[];
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 28;
  const width = 320;
  const labelW = 120;
  const height = Math.max(row, bars.length * row);
  return (
    <svg
      class="chart"
      role="img"
      aria-label={title}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        const w = Math.round(((width - labelW - 50) * b.value) / max);
        return (
          <g key={b.label} transform={`translate(0 ${i * row})`}>
            <text x={0} y={18} font-size="12" fill="#1a1a1a">
              {b.label.slice(0, 18)}
            </text>
            <rect x={labelW} y={5} width={Math.max(1, w)} height={16} fill="#0b4f8a" />
            <text x={labelW + w + 4} y={18} font-size="12" fill="#1a1a1a">
              {b.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function ReportBody({ ctx, report, base }: { ctx: PageCtx; report: GoodsReport; base: string }) {
  const { t } = ctx;
  const byCategory = new Map<string, number>();
  const byMonth = new Map<string, number>();
  for (const r of report.byCategory) {
    byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.quantity);
    byMonth.set(r.month, (byMonth.get(r.month) ?? 0) + r.quantity);
  }
  const q = `from=${report.from}&to=${report.to}`;
  return (
    <>
      <form method="get" action={base} class="filters">
        <Field
          ctx={ctx}
          name="from"
          label={t('report.from')}
          type="date"
          values={{ from: report.from }}
        />
        <Field ctx={ctx} name="to" label={t('report.to')} type="date" values={{ to: report.to }} />
        <div class="field">
          <Submit>{t('report.show')}</Submit>
        </div>
      </form>
      <h2>{t('report.served')}</h2>
      <ul class="figures">
        <li>
          <strong>{num(ctx, report.households.unduplicated)}</strong>{' '}
          {t('report.householdsUnduplicated')}
        </li>
        <li>
          <strong>{num(ctx, report.households.duplicated)}</strong>{' '}
          {t('report.householdsDuplicated')}
        </li>
        <li>
          <strong>{num(ctx, report.people.unduplicated)}</strong> {t('report.peopleUnduplicated')}
        </li>
        <li>
          <strong>{num(ctx, report.people.duplicated)}</strong> {t('report.peopleDuplicated')}
        </li>
      </ul>
      <p class="muted">{t('report.countsNote')}</p>
      <h2>{t('report.byCategory')}</h2>
      {byCategory.size > 0 ? (
        <>
          <BarChart
            title={t('report.byCategory')}
            bars={[...byCategory].map(([c, v]) => ({
              label: catLabel(ctx, c),
              value: v,
              text: num(ctx, v),
            }))}
          />
          <BarChart
            title={t('report.byMonth')}
            bars={[...byMonth].map(([m, v]) => ({ label: m, value: v, text: num(ctx, v) }))}
          />
          <Table
            headers={[t('report.month'), t('goods.category'), t('report.units')]}
            caption={t('report.byCategoryTable')}
          >
            {report.byCategory.map((r) => (
              <tr key={`${r.month}-${r.category}`}>
                <td>{r.month}</td>
                <td>{catLabel(ctx, r.category)}</td>
                <td>{num(ctx, r.quantity)}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : (
        <p>{t('report.nothingYet')}</p>
      )}
      {report.stock && (
        <>
          <h2>{t('goods.stockBySite')}</h2>
          {report.lowStock.length > 0 && (
            <p class="alert">{t('report.lowStockCount', { count: report.lowStock.length })}</p>
          )}
          {report.expiring.length > 0 && (
            <p class="alert">{t('report.expiringCount', { count: report.expiring.length })}</p>
          )}
          <StockTable ctx={ctx} lines={report.stock} />
        </>
      )}
      <h2>{t('report.download')}</h2>
      <ul>
        <li>
          <a href={`${base}.csv?table=served&${q}`}>{t('report.csvServed')}</a>
        </li>
        <li>
          <a href={`${base}.csv?table=items&${q}`}>{t('report.csvItems')}</a>
        </li>
        {report.stock && (
          <li>
            <a href={`${base}.csv?table=stock&${q}`}>{t('report.csvStock')}</a>
          </li>
        )}
      </ul>
    </>
  );
}

export function registerReportPages(app: FastifyInstance, deps: Deps): void {
  app.get<Req>('/n/:slug/goods/report', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const report = await goodsReport(deps, { scope, period: req.query });
    const ctx = pageCtx(req, scopeNav(scope));
    return sendPage(
      reply,
      <GoodsSection ctx={ctx} scope={scope} title={ctx.t('report.title')}>
        <p>{ctx.t('report.intro')}</p>
        <ReportBody ctx={ctx} report={report} base={`/n/${scope.network.slug}/goods/report`} />
      </GoodsSection>,
    );
  });

  app.get<Req>('/n/:slug/goods/report.csv', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const r = await goodsReport(deps, { scope, period: req.query });
    const table =
      req.query.table === 'items' || req.query.table === 'stock' ? req.query.table : 'served';
    let rows: (string | number)[][];
    if (table === 'items')
      rows = [
        ['month', 'category', 'units'],
        ...r.byCategory.map((x) => [x.month, x.category, x.quantity]),
      ];
    else if (table === 'stock')
      rows = [
        ['site', 'item', 'unit', 'quantity', 'low_stock'],
        ...(r.stock ?? []).map((s) => [
          s.siteName,
          s.itemName,
          s.unit,
          s.quantity,
          s.lowStock > 0 && s.quantity <= s.lowStock ? 'yes' : 'no',
        ]),
      ];
    else
      rows = [
        [
          'from',
          'to',
          'households_unduplicated',
          'households_duplicated',
          'people_unduplicated',
          'people_duplicated',
        ],
        [
          r.from,
          r.to,
          r.households.unduplicated,
          r.households.duplicated,
          r.people.unduplicated,
          r.people.duplicated,
        ],
      ];
    return reply
      .type('text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="${scope.network.slug}-goods-${table}-${r.from}-${r.to}.csv"`,
      )
      .send(toCsv(rows));
  });
}
