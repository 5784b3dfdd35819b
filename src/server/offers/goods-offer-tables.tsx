import type { NetworkScope } from '../core/scope.ts';
import { When } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { PageCtx } from '../pages/page-context.ts';
import { Table } from '../pages/table.tsx';
import type { GoodsOffer, PublicGoodsOffer } from './goods-offer.repository.ts';
import { OFFER_STATUSES } from './offer.schema.ts';
import { formatQuantity } from './offer-components.tsx';

/** One click to set a new status; the select is named after the offer for screen readers. */
function StatusChange({
  ctx,
  scope,
  offer,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  offer: GoodsOffer;
}) {
  const { t } = ctx;
  return (
    <Form ctx={ctx} action={`/n/${scope.network.slug}/offers/${offer.id}/status`} validate>
      <select name="status" aria-label={t('offers.statusOf', { what: offer.what })}>
        {OFFER_STATUSES.map((s) => (
          <option key={s} value={s} selected={s === offer.status}>
            {t(`offerStatus.${s}`)}
          </option>
        ))}
      </select>{' '}
      <button type="submit" class="button secondary">
        {t('offers.changeStatus')}
      </button>
    </Form>
  );
}

/** Offers in full: the viewer's own, or every offer for a coordinator (with who offers). */
export function FullTable({
  ctx,
  scope,
  offers,
  withName,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  offers: GoodsOffer[];
  withName: boolean;
}) {
  const { t } = ctx;
  return (
    <Table
      headers={[
        t('offers.what'),
        t('offers.quantity'),
        t('offers.area'),
        ...(withName ? [t('offers.offeredBy')] : []),
        t('offers.collectNotes'),
        t('offers.added'),
        t('offers.status'),
      ]}
    >
      {offers.map((o) => (
        <tr key={o.id}>
          <td>{o.what}</td>
          <td>{formatQuantity(ctx, o.quantity, o.unit)}</td>
          <td>{o.collectArea?.name ?? '—'}</td>
          {withName && (
            <td>
              <a href={`/n/${scope.network.slug}/people/${o.personId}`}>{o.offeredBy}</a>
            </td>
          )}
          <td>{o.collectNotes || '—'}</td>
          <td>
            <When ctx={ctx} iso={o.createdAt} />
          </td>
          <td>
            <StatusChange ctx={ctx} scope={scope} offer={o} />
          </td>
        </tr>
      ))}
    </Table>
  );
}

/** Others' offers as any member sees them: what, how much, where. Nothing else. */
export function PublicTable({ ctx, offers }: { ctx: PageCtx; offers: PublicGoodsOffer[] }) {
  const { t } = ctx;
  return (
    <Table headers={[t('offers.what'), t('offers.quantity'), t('offers.area')]}>
      {offers.map((o) => (
        <tr key={o.id}>
          <td>{o.what}</td>
          <td>{formatQuantity(ctx, o.quantity, o.unit)}</td>
          <td>{o.collectArea?.name ?? '—'}</td>
        </tr>
      ))}
    </Table>
  );
}
