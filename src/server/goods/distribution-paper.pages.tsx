/** A filled paper sign-in sheet of a distribution day, entered afterwards. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { checkInMany, dayDetail, type PaperOutcome } from './distribution.service.ts';
import { PAPER_LINES_MAX } from './goods.rules.ts';
import { OpenForm, whole } from './goods.schema.ts';
import { GoodsSection } from './goods-components.tsx';

type DayReq = {
  Params: { slug: string; id: string };
  Querystring: { done?: string; q?: string; lines?: string };
};

export function registerDistributionPaperPages(app: FastifyInstance, deps: Deps): void {
  const dayUrl = (scope: NetworkScope, id: string) => `/n/${scope.network.slug}/goods/days/${id}`;

  // ---- paper: a filled sign-in sheet entered afterwards ----
  async function paperPage(
    req: FastifyRequest<DayReq>,
    scope: NetworkScope,
    state: FormState,
    outcomes?: PaperOutcome[],
  ) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const { day } = await dayDetail(deps, { scope, dayId: req.params.id });
    const lines = Math.min(PAPER_LINES_MAX, Math.max(1, Number(req.query.lines) || 10));
    return (
      <GoodsSection
        ctx={ctx}
        scope={scope}
        title={t('goods.paperTitle', { date: day.day, site: day.siteName })}
      >
        <p>{t('goods.paperIntro')}</p>
        {outcomes && (
          <div role="status">
            <h2>{t('goods.paperResult')}</h2>
            <ul>
              {outcomes.map((o) => (
                <li key={o.line}>
                  {t(`goods.paper.${o.status}`, { line: o.line, code: o.code })}
                  {o.status === 'recorded' && o.overLimit ? ` ${t('goods.paper.overLimit')}` : ''}
                </li>
              ))}
            </ul>
          </div>
        )}
        <Form ctx={ctx} action={`${dayUrl(scope, day.id)}/paper?lines=${lines}`} state={state}>
          <Table
            caption={t('goods.paperCaption')}
            headers={[
              t('goods.line'),
              t('goods.householdCode'),
              ...day.items.map((i) => `${i.itemName} (${i.unit})`),
            ]}
          >
            {Array.from({ length: lines }, (_, n) => (
              <tr key={n}>
                <th scope="row">{n + 1}</th>
                <td>
                  <input
                    name={`code_${n}`}
                    aria-label={t('goods.codeOfLine', { line: n + 1 })}
                    value={state.values?.[`code_${n}`]}
                    autocomplete="off"
                    class="qty"
                  />
                </td>
                {day.items.map((i) => (
                  <td key={i.itemId}>
                    <input
                      name={`q_${n}_${i.itemId}`}
                      inputmode="numeric"
                      class="qty"
                      placeholder={String(i.perHousehold)}
                      aria-label={t('goods.qtyOfLine', { line: n + 1, item: i.itemName })}
                      value={state.values?.[`q_${n}_${i.itemId}`]}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </Table>
          <p>
            <a
              href={`${dayUrl(scope, day.id)}/paper?lines=${Math.min(PAPER_LINES_MAX, lines + 10)}`}
            >
              {t('goods.moreLines')}
            </a>
          </p>
          <Submit>{t('goods.enterSheet')}</Submit>
        </Form>
      </GoodsSection>
    );
  }
  pageRoute<DayReq>(app, deps, '/n/:slug/goods/days/:id/paper', 'goods.checkin', (req, scope) =>
    paperPage(req, scope, {}),
  );
  formRoute<DayReq>(
    app,
    deps,
    '/n/:slug/goods/days/:id/paper',
    'goods.checkin',
  )({
    schema: OpenForm,
    render: (req, scope, state) => paperPage(req, scope, state),
    run: async (req, scope) => {
      const v = formValues(req.body);
      const errors: FieldErrors = {};
      const lines: { code: string; items: { itemId: string; quantity: number | null }[] }[] = [];
      for (let n = 0; n < PAPER_LINES_MAX; n++) {
        const code = v[`code_${n}`]?.trim();
        if (!code) continue;
        const items: { itemId: string; quantity: number | null }[] = [];
        for (const [k, val] of Object.entries(v)) {
          if (!k.startsWith(`q_${n}_`) || val.trim() === '') continue;
          const q = whole(val);
          if (q === undefined || !Number.isSafeInteger(q) || q < 0)
            errors[k] = { key: 'goods.wholeNumber' };
          else items.push({ itemId: k.slice(`q_${n}_`.length), quantity: q });
        }
        lines.push({ code, items });
      }
      if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
      const outcomes = await checkInMany(deps, {
        actor: req.ctx.actor,
        scope,
        dayId: req.params.id,
        lines,
      });
      return { page: await paperPage(req, scope, {}, outcomes), status: 200 };
    },
  });
}
