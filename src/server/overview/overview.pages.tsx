import type { FastifyInstance } from 'fastify';
import { formatCode } from '../../domain/requests/request-code.ts';
import { durationWords } from '../../domain/text/durations.ts';
import { plural } from '../../i18n/i18n.ts';
import { dateFormat } from '../../shared/intl.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { NetworkPage } from '../networks/network.pages.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { type Overview, startPage } from './overview.service.ts';

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

/** One line of the overview: a count in words, a link to the work when there is any. */
function Line({ href, text, count }: { href: string; text: string; count: number }) {
  return <li>{count > 0 ? <a href={href}>{text}</a> : <span class="muted">{text}</span>}</li>;
}

/** What needs doing, for coordinators: each a count in words and a link to the work. */
export function OverviewBlocks({
  ctx,
  scope,
  o,
  now,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  o: Overview;
  now: Date;
}) {
  const { t, lang } = ctx;
  const n = `/n/${scope.network.slug}`;
  const q = `${n}/requests`;
  const say = (base: string, count: number) => t(plural(lang, base, count), { count });
  return (
    <section aria-labelledby="overview-title" class="overview">
      <h2 id="overview-title">{t('overview.title')}</h2>
      <h3>{t('overview.requests')}</h3>
      <ul data-block="requests">
        <Line
          href={`${q}?status=new&owner=none`}
          text={say('overview.newUnassigned', o.newUnassigned)}
          count={o.newUnassigned}
        />
        <Line
          href={`${q}?urgency=critical&owner=none`}
          text={say('overview.urgentUnassigned', o.urgentUnassigned)}
          count={o.urgentUnassigned}
        />
        <Line
          href={`${q}?followUp=yes`}
          text={say('overview.followUps', o.followUps)}
          count={o.followUps}
        />
        {o.longestWaiting ? (
          <li data-block="waiting">
            <a href={`${q}?sort=waited&dir=desc`}>
              {t('overview.longestWaiting', {
                code: formatCode(o.longestWaiting.code),
                waited: durationWords(
                  now.getTime() - Date.parse(o.longestWaiting.createdAt),
                  lang,
                  {
                    justNow: t('queue.justNow'),
                  },
                ),
              })}
            </a>
          </li>
        ) : (
          <li class="muted">{t('overview.nothingWaiting')}</li>
        )}
      </ul>
      {o.today && (
        <>
          <h3>{t('overview.today')}</h3>
          <ul data-block="today">
            {o.today.length === 0 ? (
              <li class="muted">{t('overview.noDistribution')}</li>
            ) : (
              o.today.map((d) => (
                <li key={d.id}>
                  <a href={`${n}/goods/days/${d.id}`}>
                    {t('overview.distributionDay', { name: d.siteName })}
                  </a>
                  {': '}
                  {say('overview.checkIns', d.checkIns)}
                </li>
              ))
            )}
          </ul>
        </>
      )}
      {o.shifts && (
        <>
          <h3>{t('overview.shifts')}</h3>
          {o.shiftsWithPlaces === 0 ? (
            <p class="muted">{t('overview.noShifts')}</p>
          ) : (
            <>
              <p data-block="shifts">{say('overview.shiftsWithPlaces', o.shiftsWithPlaces)}</p>
              <ul>
                {o.shifts.map((s) => (
                  <li key={`${s.eventId}-${s.startsAt}`}>
                    <a href={`${n}/events/${s.eventId}`}>{s.title}</a>
                    {', '}
                    <ShortTime ctx={ctx} iso={s.startsAt} />
                    {': '}
                    {say('overview.shiftFree', s.free)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {o.undelivered !== null && (
        <>
          <h3>{t('overview.messages')}</h3>
          <ul data-block="messages">
            {o.undelivered === 0 ? (
              <li class="muted">{t('overview.allDelivered')}</li>
            ) : (
              <Line
                href={`${n}/messages`}
                text={say('overview.undelivered', o.undelivered)}
                count={o.undelivered}
              />
            )}
          </ul>
        </>
      )}
    </section>
  );
}

function ShortTime({ ctx, iso }: { ctx: PageCtx; iso: string }) {
  let text: string;
  try {
    text = dateFormat(ctx.lang, {
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: ctx.network?.timeZone ?? 'UTC',
    }).format(new Date(iso));
  } catch {
    text = iso.slice(0, 16).replace('T', ' ');
  }
  return <time dateTime={iso}>{text}</time>;
}

/**
 * The network's start page (/n/:slug): what everyone sees of the network (networks/), and for
 * coordinators, above it, what needs doing.
 */
export function registerOverviewPages(app: FastifyInstance, deps: Deps): void {
  app.get<Slug>('/n/:slug', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const ctx = pageCtx(req, scopeNav(scope));
    const { areas, overview } = await startPage(deps, {
      actor: req.ctx.actor,
      scope,
      lang: ctx.lang,
    });
    return sendPage(
      reply,
      <NetworkPage
        ctx={ctx}
        scope={scope}
        areas={areas}
        notice={doneNotice(req.ctx.t, req.query.done)}
      >
        {overview && <OverviewBlocks ctx={ctx} scope={scope} o={overview} now={deps.clock.now()} />}
      </NetworkPage>,
    );
  });
}
