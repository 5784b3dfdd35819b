import type { FastifyInstance } from 'fastify';
import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import { plural } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { languageName } from '../pages/choices.tsx';
import { Pager, SelectField } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { formatDate, formatNumber } from './offer-components.tsx';
import type { VolunteerListItem } from './volunteer-profile.repository.ts';
import { isOnBreak, isoDate } from './volunteer-profile.rules.ts';
import {
  listVolunteers,
  VOLUNTEERS_PAGE_SIZE,
  volunteerLanguages,
} from './volunteer-profile.service.ts';

type ListReq = {
  Params: { slug: string };
  Querystring: { category?: string; language?: string; page?: string };
};

function BreakCell({ ctx, v, today }: { ctx: PageCtx; v: VolunteerListItem; today: string }) {
  const { t } = ctx;
  if (!isOnBreak(v.onBreak, v.breakUntil, today)) return <>{t('volunteers.breakNo')}</>;
  return (
    <>
      {v.breakUntil
        ? t('volunteers.breakUntil', { date: formatDate(ctx, v.breakUntil) })
        : t('volunteers.breakYes')}
    </>
  );
}

function VolunteersPage({
  ctx,
  scope,
  volunteers,
  languages,
  total,
  filter,
  page,
  today,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  volunteers: VolunteerListItem[];
  languages: string[];
  total: number;
  filter: { category?: string | undefined; language?: string | undefined };
  page: number;
  today: string;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/volunteers`;
  const pages = Math.max(1, Math.ceil(total / VOLUNTEERS_PAGE_SIZE));
  const qs = (p: number) =>
    `${base}?${new URLSearchParams({
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.language ? { language: filter.language } : {}),
      page: String(p),
    })}`;
  return (
    <Layout ctx={ctx} title={t('volunteers.title')}>
      <h1>{t('volunteers.title')}</h1>
      <p>{t('volunteers.intro')}</p>
      <form method="get" action={base} class="filters">
        <SelectField
          ctx={ctx}
          name="category"
          label={t('volunteers.category')}
          values={{ category: filter.category ?? '' }}
          options={[
            { value: '', label: t('volunteers.allCategories') },
            ...DEFAULT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
          ]}
        />
        <SelectField
          ctx={ctx}
          name="language"
          label={t('volunteers.language')}
          values={{ language: filter.language ?? '' }}
          options={[
            { value: '', label: t('volunteers.allLanguages') },
            ...languages.map((l) => ({ value: l, label: languageName(ctx, l) })),
          ]}
        />
        <div class="field">
          <button type="submit" class="button secondary">
            {t('volunteers.filter')}
          </button>
        </div>
      </form>
      <p>{t(plural(ctx.lang, 'volunteers.count', total), { count: total })}</p>
      {volunteers.length > 0 && (
        <Table
          headers={[
            t('field.displayName'),
            t('field.role'),
            t('volunteers.area'),
            t('volunteers.categories'),
            t('volunteers.languages'),
            t('volunteers.hourCap'),
            t('volunteers.onBreak'),
          ]}
        >
          {volunteers.map((v) => (
            <tr key={v.personId}>
              <td>
                <a href={`/n/${scope.network.slug}/people/${v.personId}`}>{v.displayName}</a>
              </td>
              <td>{t(`role.${v.role}`)}</td>
              <td>{v.homeArea?.name ?? '—'}</td>
              <td>
                {v.categories
                  .filter((c) => (DEFAULT_CATEGORIES as readonly string[]).includes(c))
                  .map((c) => t(`category.${c as (typeof DEFAULT_CATEGORIES)[number]}`))
                  .join(', ') || '—'}
              </td>
              <td>{v.languages.map((l) => languageName(ctx, l)).join(', ') || '—'}</td>
              <td>{formatNumber(ctx, v.weeklyHourCap)}</td>
              <td>
                <BreakCell ctx={ctx} v={v} today={today} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pager ctx={ctx} page={page} pages={pages} href={qs} />
    </Layout>
  );
}

export function registerVolunteersPages(app: FastifyInstance, deps: Deps): void {
  app.get<ListReq>('/n/:slug/volunteers', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    // Unknown filter values are dropped rather than refused: this is a GET of a list.
    const category = (DEFAULT_CATEGORIES as readonly string[]).includes(req.query.category ?? '')
      ? req.query.category
      : undefined;
    const lang = req.query.language?.trim().toLowerCase();
    const language = lang && /^[a-z]{2,3}$/.test(lang) ? lang : undefined;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(req.query.page ?? '1', 10) || 1));
    const [{ volunteers, total }, languages] = await Promise.all([
      listVolunteers(deps, { scope, filter: { category, language, page } }),
      volunteerLanguages(deps, { scope }),
    ]);
    return sendPage(
      reply,
      <VolunteersPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        volunteers={volunteers}
        languages={languages}
        total={total}
        filter={{ category, language }}
        page={page}
        today={isoDate(deps.clock.now())}
      />,
    );
  });
}
