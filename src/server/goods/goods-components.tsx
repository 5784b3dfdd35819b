import { atLeast } from '../../domain/access/roles.ts';
import type { MessageKey, Translate } from '../../i18n/i18n.ts';
import { numberFormat } from '../../shared/intl.ts';
import type { NetworkScope } from '../core/scope.ts';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import type { PageCtx } from '../pages/page-context.ts';
import { Table } from '../pages/table.tsx';
import type { Item, Site, StockLine } from './stock.repository.ts';

/** After a goods form, pages redirect with ?done=<what>; only these words become a message. */
const DONE: Record<string, MessageKey> = {
  itemAdded: 'goods.done.itemAdded',
  siteAdded: 'goods.done.siteAdded',
  moved: 'goods.done.moved',
  counted: 'goods.done.counted',
  received: 'goods.done.received',
  dayCreated: 'goods.done.dayCreated',
  dayStatus: 'goods.done.dayStatus',
  checkedIn: 'goods.done.checkedIn',
  householdAdded: 'goods.done.householdAdded',
  wantAdded: 'goods.done.wantAdded',
  linked: 'goods.done.linked',
  proposed: 'goods.done.proposed',
  approved: 'goods.done.approved',
  discarded: 'goods.done.discarded',
};

export function goodsNotice(t: Translate, done: unknown): string | undefined {
  if (typeof done === 'string' && Object.hasOwn(DONE, done)) return t(DONE[done]!);
  return doneNotice(t, done);
}

/** The goods section's own links, by what the viewer may do there. */
export function GoodsNav({ ctx, scope }: { ctx: PageCtx; scope: NetworkScope }) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/goods`;
  const links: [string, string][] = [];
  if (atLeast(scope.role, 'volunteer'))
    links.push(
      [base, t('goods.nav.stock')],
      [`${base}/record`, t('goods.nav.record')],
      [`${base}/days`, t('goods.nav.days')],
    );
  if (atLeast(scope.role, 'coordinator'))
    links.push(
      [`${base}/households`, t('goods.nav.households')],
      [`${base}/allocations`, t('goods.nav.allocations')],
      [`${base}/setup`, t('goods.nav.setup')],
    );
  links.push([`${base}/report`, t('goods.nav.report')]);
  return (
    <nav class="subnav" aria-label={t('goods.nav.label')}>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={ctx.path.split('?')[0] === href ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function itemOptions(ctx: PageCtx, items: Item[]) {
  return [
    { value: '', label: ctx.t('goods.chooseItem') },
    ...items.map((i) => ({ value: i.id, label: `${i.name} (${i.unit})` })),
  ];
}

export function siteOptions(ctx: PageCtx, sites: Site[], none: MessageKey = 'goods.chooseSite') {
  return [{ value: '', label: ctx.t(none) }, ...sites.map((s) => ({ value: s.id, label: s.name }))];
}

export function num(ctx: PageCtx, n: number): string {
  return numberFormat(ctx.lang, { maximumFractionDigits: 2 }).format(n);
}

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

/** The frame of every goods page: title, goods navigation, then the screen. */
export function GoodsSection({
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
