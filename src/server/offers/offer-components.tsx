import type { MessageKey, Translate } from '../../i18n/i18n.ts';
import { dateFormat, numberFormat } from '../../shared/intl.ts';
import { doneNotice } from '../pages/notices.ts';
import type { PageCtx } from '../pages/page-context.ts';

/** After an offers form, pages redirect with ?done=<what>; only these words become a message. */
const DONE: Record<string, MessageKey> = {
  profileSaved: 'volunteering.done.saved',
  breakStarted: 'volunteering.done.breakStarted',
  breakEnded: 'volunteering.done.breakEnded',
  offerAdded: 'offers.done.added',
  statusChanged: 'offers.done.statusChanged',
};

export function offersNotice(t: Translate, done: unknown): string | undefined {
  if (typeof done === 'string' && Object.hasOwn(DONE, done)) return t(DONE[done]!);
  return doneNotice(t, done);
}

/** "2.5 kg" in the reader's language ("2,5 kg" in Spanish). */
export function formatQuantity(ctx: PageCtx, quantity: number, unit: string): string {
  return `${numberFormat(ctx.lang, { maximumFractionDigits: 3 }).format(quantity)} ${unit}`;
}

export function formatNumber(ctx: PageCtx, n: number): string {
  return numberFormat(ctx.lang, { maximumFractionDigits: 2 }).format(n);
}

/** A calendar date (YYYY-MM-DD) in the reader's language. */
export function formatDate(ctx: PageCtx, isoDay: string): string {
  return dateFormat(ctx.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00.000Z`),
  );
}

/** "inglés" → "Inglés", for a name standing alone as a label. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}
