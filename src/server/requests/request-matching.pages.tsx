import type { FastifyInstance } from 'fastify';
import type { Reason, UnmatchedReason } from '../../domain/matching/types.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import { numberFormat } from '../../shared/intl.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { languageName } from '../pages/choices.tsx';
import { CsrfField, SelectField } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import {
  confirmDispatch,
  type DispatchPlan,
  GIVEN_SHOWN,
  OBJECTIVES,
  type ObjectiveName,
  planDispatch,
  type Suggestion,
} from './request-matching.service.ts';

const fmt = (ctx: PageCtx, n: number) =>
  numberFormat(ctx.lang, { maximumFractionDigits: 1 }).format(n);

/** "2.1 km away, speaks Spanish, has a car, 3 of 6 weekly hours used", in the reader's language. */
export function reasonsInWords(ctx: PageCtx, reasons: Reason[]): string {
  const { t } = ctx;
  return reasons
    .map((r) => {
      switch (r.kind) {
        case 'distance':
          return t('reason.distance', { km: fmt(ctx, r.km) });
        case 'speaks':
          return t('reason.speaks', { language: languageName(ctx, r.language) });
        case 'car':
          return t('reason.car');
        case 'hours':
          return t('reason.hours', { used: fmt(ctx, r.used), cap: fmt(ctx, r.cap) });
        case 'load':
          return t('reason.load', { open: r.open, capacity: r.capacity });
        default:
          return '';
      }
    })
    .filter(Boolean)
    .join(', ');
}

/** Why nobody was found, e.g. "nobody who speaks Tigrinya within 10 km is free on weekdays". */
export function unmatchedInWords(
  ctx: PageCtx,
  reason: UnmatchedReason | { kind: 'no-place' },
): string {
  const { t } = ctx;
  switch (reason.kind) {
    case 'nobody-in-range':
      return reason.nearestKm === null
        ? t('unmatched.nobodyAtAll')
        : t('unmatched.nobodyInRange', { km: fmt(ctx, reason.nearestKm) });
    case 'nobody-in-category':
      return t('unmatched.category', {
        category: t(`category.${reason.category}` as MessageKey),
        km: fmt(ctx, reason.withinKm),
      });
    case 'nobody-speaks':
      return t(reason.weekdays ? 'unmatched.speaksWeekdays' : 'unmatched.speaks', {
        language: languageName(ctx, reason.language),
        km: fmt(ctx, reason.withinKm),
      });
    case 'no-time-overlap':
      return t(reason.weekdays ? 'unmatched.timeWeekdays' : 'unmatched.time', {
        km: fmt(ctx, reason.withinKm),
      });
    case 'nobody-trained':
      return t('unmatched.training', { km: fmt(ctx, reason.withinKm) });
    case 'needs-car':
      return t('unmatched.car', { km: fmt(ctx, reason.withinKm) });
    case 'all-on-break':
      return t('unmatched.break', { km: fmt(ctx, reason.withinKm) });
    case 'all-at-capacity':
      return t('unmatched.capacity', { km: fmt(ctx, reason.withinKm) });
    case 'outbid':
      return t('unmatched.outbid', { count: reason.candidates });
    case 'not-worth':
      return t('unmatched.notWorth');
    default:
      return t('unmatched.noPlace');
  }
}

export function SuggestionsBlock({
  ctx,
  scope,
  requestId,
  suggestions,
  textOffers,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  requestId: string;
  suggestions: Suggestion[];
  textOffers: boolean;
}) {
  const { t } = ctx;
  return (
    <section aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('match.suggestions')}</h2>
      {suggestions.length === 0 ? (
        <p>{t('match.noSuggestions')}</p>
      ) : (
        <ol>
          {suggestions.map((s) => (
            <li key={s.volunteerId}>
              <strong>{s.name}</strong>: {reasonsInWords(ctx, s.reasons)}
              <form
                method="post"
                action={`/n/${scope.network.slug}/requests/${requestId}/assign`}
                class="inline"
              >
                <CsrfField ctx={ctx} />
                <input type="hidden" name="volunteerId" value={s.volunteerId} />{' '}
                <button type="submit" class="link">
                  {t('match.assign', { name: s.name })}
                </button>
              </form>
              {textOffers && (
                <form
                  method="post"
                  action={`/n/${scope.network.slug}/requests/${requestId}/offer`}
                  class="inline"
                >
                  <CsrfField ctx={ctx} />
                  <input type="hidden" name="volunteerId" value={s.volunteerId} />
                  {' · '}
                  <button type="submit" class="link">
                    {t('match.offerByText', { name: s.name })}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function DispatchPage({
  ctx,
  scope,
  plan,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  plan: DispatchPlan;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}`;
  return (
    <Layout ctx={ctx} title={t('dispatch.title')} notice={notice}>
      <h1>{t('dispatch.title')}</h1>
      {plan.given.length > 0 && (
        <section aria-labelledby="given-title">
          <h2 id="given-title">{t('dispatch.given', { count: plan.given.length })}</h2>
          <ul>
            {plan.given.map((g) => (
              <li key={g.request.id}>
                <a href={`${base}/requests/${g.request.id}`}>{formatCode(g.request.code)}</a>
                {' → '}
                {g.volunteerName}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>{t('dispatch.intro')}</p>
      <form method="get" action={`${base}/dispatch`} class="filters">
        <SelectField
          ctx={ctx}
          name="objective"
          label={t('dispatch.objective')}
          values={{ objective: plan.objective }}
          options={(Object.keys(OBJECTIVES) as ObjectiveName[]).map((o) => ({
            value: o,
            label: t(`dispatch.objective.${o}`),
          }))}
        />
        <div class="field">
          <button type="submit" class="button secondary">
            {t('dispatch.recompute')}
          </button>
        </div>
      </form>
      <h2>{t('dispatch.proposed', { count: plan.assignments.length })}</h2>
      {plan.assignments.length > 0 && (
        <form method="post" action={`${base}/dispatch`}>
          <CsrfField ctx={ctx} />
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('dispatch.keep')}</th>
                  <th scope="col">{t('queue.code')}</th>
                  <th scope="col">{t('queue.category')}</th>
                  <th scope="col">{t('dispatch.language')}</th>
                  <th scope="col">{t('dispatch.volunteer')}</th>
                  <th scope="col">{t('dispatch.why')}</th>
                </tr>
              </thead>
              <tbody>
                {plan.assignments.map((a, i) => (
                  <tr key={a.request.id}>
                    <td>
                      <input
                        type="checkbox"
                        id={`keep-${i}`}
                        name={`p${i}`}
                        value={`${a.request.id}:${a.volunteerId}`}
                        checked
                        aria-label={t('dispatch.keepOne', {
                          code: formatCode(a.request.code),
                          name: a.volunteerName,
                        })}
                      />
                    </td>
                    <td>
                      <a href={`${base}/requests/${a.request.id}`}>{formatCode(a.request.code)}</a>
                    </td>
                    <td>
                      {t(`category.${a.request.category}` as MessageKey)} ·{' '}
                      {t(`urgency.${a.request.urgency}`)}
                    </td>
                    <td>
                      {languageName(ctx, a.request.language)}
                      {a.request.languageRequired && ` (${t('dispatch.languageNeeded')})`}
                    </td>
                    <td>{a.volunteerName}</td>
                    <td>
                      {[
                        reasonsInWords(ctx, a.reasons),
                        // Proposed without the language only because the request does not need
                        // it (the rules never pair a needed language with a non-speaker): say so.
                        !a.reasons.some((r) => r.kind === 'speaks') &&
                          t('dispatch.noSharedLanguage', {
                            language: languageName(ctx, a.request.language),
                          }),
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <button type="submit" class="button">
            {t('dispatch.confirm')}
          </button>
        </form>
      )}
      <h2>{t('dispatch.unmatched', { count: plan.unmatched.length })}</h2>
      <ul>
        {plan.unmatched.map((u) => (
          <li key={u.request.id}>
            <a href={`${base}/requests/${u.request.id}`}>{formatCode(u.request.code)}</a> (
            {t(`category.${u.request.category}` as MessageKey)}): {unmatchedInWords(ctx, u.reason)}
          </li>
        ))}
      </ul>
    </Layout>
  );
}

export function registerMatchingPages(app: FastifyInstance, deps: Deps): void {
  app.get<{
    Params: { slug: string };
    Querystring: { objective?: string; assigned?: string; skipped?: string; given?: string };
  }>('/n/:slug/dispatch', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    const objective =
      (Object.keys(OBJECTIVES) as ObjectiveName[]).find((o) => o === req.query.objective) ??
      'urgency';
    const given = (req.query.given ?? '').split(',').filter((id) => /^[\w-]{1,64}$/.test(id));
    const plan = await planDispatch(deps, { scope, objective, given });
    const notice = req.query.assigned
      ? req.ctx.t('dispatch.done', {
          assigned: Number(req.query.assigned) || 0,
          skipped: Number(req.query.skipped) || 0,
        })
      : undefined;
    return sendPage(
      reply,
      <DispatchPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        plan={plan}
        notice={notice}
      />,
    );
  });

  app.post<{ Params: { slug: string } }>('/n/:slug/dispatch', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'requests.triage');
    // Each kept row posts "requestId:volunteerId"; unticked rows post nothing.
    const pairs = Object.entries(formValues(req.body))
      .filter(([k]) => /^p\d{1,5}$/.test(k))
      .map(([, v]) => v.split(':'))
      .filter((p): p is [string, string] => p.length === 2 && !!p[0] && !!p[1])
      .map(([requestId, volunteerId]) => ({ requestId, volunteerId }));
    const { assigned, skipped, given } = await confirmDispatch(deps, {
      actor: req.ctx.actor,
      scope,
      pairs,
    });
    return reply.redirect(
      `/n/${scope.network.slug}/dispatch?assigned=${assigned}&skipped=${skipped}&given=${given.slice(0, GIVEN_SHOWN).join(',')}`,
      303,
    );
  });
}
