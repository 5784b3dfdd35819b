/**
 * An address a volunteer must reach, with a link that opens it in a map app. The page itself
 * fetches nothing: only a press on the link sends the address to OpenStreetMap's search
 * (which phones hand to their map app), the reader's own choice.
 */
import type { PageCtx } from './page-context.ts';

export function mapSearchHref(address: string): string {
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}`;
}

export function AddressWithMap({ ctx, address }: { ctx: PageCtx; address: string | null }) {
  if (!address) return <>—</>;
  return (
    <>
      {address}{' '}
      <a href={mapSearchHref(address)} rel="noopener noreferrer external">
        {ctx.t('maps.address.open')}
      </a>
    </>
  );
}
