import type { FastifyInstance } from 'fastify';
import { FEELINGS, FORGIVENESS_DAYS } from '../../domain/volunteering/wellbeing.ts';
import type { Deps } from '../core/deps.ts';
import { When } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { wellbeingDashboard } from './wellbeing.service.ts';

function DashboardPage({
  ctx,
  d,
}: {
  ctx: PageCtx;
  d: Awaited<ReturnType<typeof wellbeingDashboard>>;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('vol.wellbeingTitle')}>
      <h1>{t('vol.wellbeingTitle')}</h1>
      <p>{t('vol.wellbeingIntro')}</p>
      <h2>{t('vol.howPeopleAre')}</h2>
      <ul>
        {FEELINGS.map((f) => (
          <li key={f}>
            {t(`vol.feeling.${f}`)}: {d.counts[f]}
          </li>
        ))}
      </ul>
      <h2>{t('vol.recentCheckins')}</h2>
      {d.recent.length === 0 ? (
        <p>{t('vol.noCheckins')}</p>
      ) : (
        <ul>
          {d.recent.map((c) => (
            <li key={c.id}>
              {c.name}: {t(`vol.feeling.${c.feeling as 'good'}`)} (
              <When ctx={ctx} iso={c.createdAt} />){c.note ? ` — ${c.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('vol.misses')}</h2>
      <p>{t('vol.missesIntro', { days: FORGIVENESS_DAYS })}</p>
      {d.misses.length === 0 ? (
        <p>{t('vol.noMisses')}</p>
      ) : (
        <ul>
          {d.misses.map((m) => (
            <li key={m.name}>{t('vol.missCount', { name: m.name, count: m.count })}</li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export function registerWellbeingPages(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { slug: string } }>('/n/:slug/wellbeing', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const d = await wellbeingDashboard(deps, { scope });
    return sendPage(reply, <DashboardPage ctx={pageCtx(req, scopeNav(scope))} d={d} />);
  });
}
