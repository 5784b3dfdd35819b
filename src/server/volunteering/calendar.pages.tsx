import type { FastifyInstance } from 'fastify';
import { can } from '../../domain/access/roles.ts';
import { addDays, isDate, mondayOf, utcToLocal, zonedToUtc } from '../../domain/time/zoned-time.ts';
import {
  EVENT_KINDS,
  type EventKind,
  SHIFT_ROLES,
  type ShiftRole,
} from '../../domain/volunteering/events.ts';
import { dateFormat } from '../../shared/intl.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { areaOptions } from '../pages/choices.tsx';
import { SelectField } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { type CalendarEntry, calendarAreas, calendarEntries } from './event-view.service.ts';
import { kindLabel, LocalWhen, Places, roleLabel, volNotice } from './vol-components.tsx';

const VIEWS = ['month', 'week', 'list'] as const;
type View = (typeof VIEWS)[number];

type CalReq = {
  Params: { slug: string };
  Querystring: {
    view?: string;
    date?: string;
    kind?: string;
    area?: string;
    role?: string;
    done?: string;
  };
};

interface Filters {
  view: View;
  date: string;
  kind?: EventKind | undefined;
  area?: string | undefined;
  role?: ShiftRole | undefined;
}

/** The days a view shows: a month padded to whole weeks, a week, or four weeks of list. */
function rangeOf(f: Filters): { first: string; days: number } {
  if (f.view === 'week') return { first: mondayOf(f.date), days: 7 };
  if (f.view === 'list') return { first: f.date, days: 28 };
  const first = mondayOf(`${f.date.slice(0, 7)}-01`);
  const nextMonth = new Date(Date.UTC(Number(f.date.slice(0, 4)), Number(f.date.slice(5, 7)), 1))
    .toISOString()
    .slice(0, 10);
  const last = addDays(mondayOf(addDays(nextMonth, -1)), 6);
  return { first, days: (Date.parse(last) - Date.parse(first)) / 86_400_000 + 1 };
}

function shiftDate(f: Filters, dir: 1 | -1): string {
  if (f.view === 'week') return addDays(f.date, 7 * dir);
  if (f.view === 'list') return addDays(f.date, 28 * dir);
  const y = Number(f.date.slice(0, 4));
  const m = Number(f.date.slice(5, 7)) - 1 + dir;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

function href(slug: string, f: Filters, over: Partial<Filters> = {}): string {
  const g = { ...f, ...over };
  const q = new URLSearchParams({ view: g.view, date: g.date });
  if (g.kind) q.set('kind', g.kind);
  if (g.area) q.set('area', g.area);
  if (g.role) q.set('role', g.role);
  return `/n/${slug}/calendar?${q}`;
}

function EntryLine({
  ctx,
  e,
  slug,
  tz,
}: {
  ctx: PageCtx;
  e: CalendarEntry;
  slug: string;
  tz: string;
}) {
  const cancelled = e.event.status === 'cancelled';
  return (
    <>
      <LocalWhen ctx={ctx} iso={e.event.startsAt} tz={tz} timeOnly />{' '}
      <a href={`/n/${slug}/events/${e.event.id}`}>{e.event.title}</a>{' '}
      <span class="muted">
        ({kindLabel(ctx, e.event.kind)}
        {cancelled ? ` · ${ctx.t('vol.cancelled')}` : ''})
      </span>
    </>
  );
}

function DayList({
  ctx,
  entries,
  slug,
  tz,
  withShifts,
}: {
  ctx: PageCtx;
  entries: CalendarEntry[];
  slug: string;
  tz: string;
  withShifts?: boolean;
}) {
  return (
    <ul class="day-events">
      {entries.map((e) => (
        <li key={e.event.id}>
          <EntryLine ctx={ctx} e={e} slug={slug} tz={tz} />
          {withShifts && e.shifts.length > 0 && (
            <ul>
              {e.shifts.map((s) => (
                <li key={s.id}>
                  {roleLabel(ctx, s.role)}: <Places ctx={ctx} shift={s} />
                  {s.mine ? ` · ${ctx.t(`vol.status.${s.mine.status}`)}` : ''}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

function CalendarPage({
  ctx,
  scope,
  f,
  entries,
  areas,
  tz,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  f: Filters;
  entries: CalendarEntry[];
  areas: Area[];
  tz: string;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const slug = scope.network.slug;
  const { first, days } = rangeOf(f);
  const dates = Array.from({ length: days }, (_, i) => addDays(first, i));
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of entries) {
    const d = utcToLocal(new Date(e.event.startsAt), tz).date;
    byDay.set(d, [...(byDay.get(d) ?? []), e]);
  }
  const dayName = (d: string, style: 'long' | 'short') =>
    dateFormat(ctx.lang, {
      weekday: style,
      day: 'numeric',
      month: style,
      timeZone: 'UTC',
    }).format(new Date(`${d}T12:00:00Z`));
  const heading =
    f.view === 'month'
      ? dateFormat(ctx.lang, {
          month: 'long',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${f.date.slice(0, 7)}-15T12:00:00Z`))
      : t('vol.fromDate', { date: dayName(dates[0]!, 'long') });
  return (
    <Layout ctx={ctx} title={t('vol.calendarTitle')} notice={notice}>
      <h1>{t('vol.calendarTitle')}</h1>
      <p>{t('vol.calendarIntro', { zone: tz })}</p>
      {can(scope.role, 'events.manage') && (
        <p>
          <a href={`/n/${slug}/events/new`}>{t('vol.newEvent')}</a>
        </p>
      )}
      <nav aria-label={t('vol.views')}>
        <ul class="inline-list">
          {VIEWS.map((v) => (
            <li key={v}>
              <a href={href(slug, f, { view: v })} aria-current={v === f.view ? 'page' : undefined}>
                {t(`vol.view.${v}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={`/n/${slug}/calendar`} class="filters">
        <input type="hidden" name="view" value={f.view} />
        <input type="hidden" name="date" value={f.date} />
        <SelectField
          ctx={ctx}
          name="kind"
          label={t('vol.kind')}
          values={{ kind: f.kind ?? '' }}
          options={[
            { value: '', label: t('vol.allKinds') },
            ...EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) })),
          ]}
        />
        <SelectField
          ctx={ctx}
          name="area"
          label={t('vol.area')}
          values={{ area: f.area ?? '' }}
          options={areaOptions(areas, t('vol.allAreas'))}
        />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('vol.role')}
          values={{ role: f.role ?? '' }}
          options={[
            { value: '', label: t('vol.allRoles') },
            ...SHIFT_ROLES.map((r) => ({ value: r, label: roleLabel(ctx, r) })),
          ]}
        />
        <div class="field">
          <button type="submit" class="button secondary">
            {t('vol.filter')}
          </button>
        </div>
      </form>
      <h2>{heading}</h2>
      <nav aria-label={t('vol.pagesOfCalendar')}>
        <ul class="inline-list">
          <li>
            <a href={href(slug, f, { date: shiftDate(f, -1) })}>{t('vol.previous')}</a>
          </li>
          <li>
            <a href={href(slug, f, { date: shiftDate(f, 1) })}>{t('vol.next')}</a>
          </li>
        </ul>
      </nav>
      {f.view === 'month' ? (
        <Table
          class="month"
          caption={heading}
          captionHidden
          headers={dates
            .slice(0, 7)
            .map((d) =>
              dateFormat(ctx.lang, { weekday: 'short', timeZone: 'UTC' }).format(
                new Date(`${d}T12:00:00Z`),
              ),
            )}
        >
          {Array.from({ length: days / 7 }, (_, w) => (
            <tr key={w}>
              {dates.slice(w * 7, w * 7 + 7).map((d) => (
                <td key={d} class={byDay.has(d) ? 'has-events' : 'empty'}>
                  <span class="day-number">{dayName(d, 'short')}</span>
                  {byDay.has(d) && (
                    <DayList ctx={ctx} entries={byDay.get(d)!} slug={slug} tz={tz} />
                  )}
                </td>
              ))}
            </tr>
          ))}
        </Table>
      ) : (
        <>
          {dates
            .filter((d) => f.view === 'week' || byDay.has(d))
            .map((d) => (
              <section key={d}>
                <h3>{dayName(d, 'long')}</h3>
                {byDay.has(d) ? (
                  <DayList ctx={ctx} entries={byDay.get(d)!} slug={slug} tz={tz} withShifts />
                ) : (
                  <p class="muted">{t('vol.nothingThisDay')}</p>
                )}
              </section>
            ))}
          {f.view === 'list' && entries.length === 0 && <p>{t('vol.nothingInList')}</p>}
        </>
      )}
      <h2>{t('vol.subscribe')}</h2>
      <p>
        {t('vol.publicFeed')} <a href={`/n/${slug}/calendar.ics`}>{`/n/${slug}/calendar.ics`}</a>
      </p>
    </Layout>
  );
}

export function registerCalendarPages(app: FastifyInstance, deps: Deps): void {
  app.get<CalReq>('/n/:slug/calendar', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const tz = scope.network.timeZone;
    const q = req.query;
    const f: Filters = {
      view: (VIEWS as readonly string[]).includes(q.view ?? '') ? (q.view as View) : 'month',
      date: q.date && isDate(q.date) ? q.date : utcToLocal(deps.clock.now(), tz).date,
      kind: (EVENT_KINDS as readonly string[]).includes(q.kind ?? '')
        ? (q.kind as EventKind)
        : undefined,
      area: q.area || undefined,
      role: (SHIFT_ROLES as readonly string[]).includes(q.role ?? '')
        ? (q.role as ShiftRole)
        : undefined,
    };
    const { first, days } = rangeOf(f);
    const [entries, areas] = await Promise.all([
      calendarEntries(deps, {
        scope,
        from: zonedToUtc(first, '00:00', tz).toISOString(),
        to: zonedToUtc(addDays(first, days), '00:00', tz).toISOString(),
        kind: f.kind,
        areaId: f.area,
        role: f.role,
      }),
      calendarAreas(deps, { scope }),
    ]);
    return sendPage(
      reply,
      <CalendarPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        f={f}
        entries={entries}
        areas={areas}
        tz={tz}
        notice={volNotice(req.ctx.t, q.done)}
      />,
    );
  });
}
