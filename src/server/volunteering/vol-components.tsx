import type { MessageKey } from '../../i18n/i18n.ts';
import { dateFormat } from '../../shared/intl.ts';
import type { PageCtx } from '../pages/page-context.ts';
import type { ShiftView } from './event-view.service.ts';

/** A date and time in the network's zone and the reader's language, with the zone named. */
export function LocalWhen({
  ctx,
  iso,
  tz,
  dateOnly,
  timeOnly,
}: {
  ctx: PageCtx;
  iso: string;
  tz: string;
  dateOnly?: boolean;
  timeOnly?: boolean;
}) {
  const text = dateFormat(ctx.lang, {
    ...(timeOnly ? {} : { weekday: 'short', day: 'numeric', month: 'short' }),
    ...(dateOnly ? {} : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
    timeZone: tz,
  } as Intl.DateTimeFormatOptions).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}

export const kindLabel = (ctx: PageCtx, kind: string) => ctx.t(`vol.kind.${kind}` as MessageKey);
export const roleLabel = (ctx: PageCtx, role: string) => ctx.t(`vol.role.${role}` as MessageKey);

/** "3 of 4 places taken · 1 waiting" */
export function Places({ ctx, shift }: { ctx: PageCtx; shift: ShiftView }) {
  return (
    <span>
      {ctx.t('vol.placesTaken', { taken: shift.confirmed, slots: shift.slots })}
      {shift.waitlisted > 0 ? ` · ${ctx.t('vol.waiting', { count: shift.waitlisted })}` : ''}
    </span>
  );
}

/** Notices after a redirect (?done=…). */
export function volNotice(t: PageCtx['t'], done: string | undefined): string | undefined {
  const known = [
    'eventCreated',
    'eventChanged',
    'eventCancelled',
    'shiftAdded',
    'signedUp',
    'waitlisted',
    'dropped',
    'attendance',
    'linkReset',
    'checkedIn',
    'milestonesSaved',
    'trainingCreated',
    'trainingRecorded',
  ];
  return done && known.includes(done) ? t(`vol.done.${done}` as MessageKey) : undefined;
}
