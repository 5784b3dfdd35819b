/** The door of a distribution day: search a household, check it in, add a new one, close the day. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { atLeast } from '../../domain/access/roles.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import { AppError, type FieldErrors } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import {
  ErrorSummary,
  Field,
  languageOptions,
  SelectField,
  Submit,
  When,
} from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { type PageCtx, pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import type { DistributionDay } from './distribution.repository.ts';
import { changeDayStatus, checkIn, dayDetail } from './distribution.service.ts';
import { DAY_STATUSES } from './goods.rules.ts';
import { DayStatusForm, HouseholdForm, OpenForm, whole } from './goods.schema.ts';
import { GoodsSection, goodsNotice, num } from './goods-components.tsx';
import { createHousehold, type OpenedHousehold, searchForCheckIn } from './household.service.ts';

type DayReq = {
  Params: { slug: string; id: string };
  Querystring: { done?: string; q?: string; lines?: string };
};

function DayItems({
  ctx,
  day,
  left,
}: {
  ctx: PageCtx;
  day: DistributionDay;
  left: (id: string) => number;
}) {
  const { t } = ctx;
  return (
    <ul>
      {day.items.map((i) => (
        <li key={i.itemId}>
          {t('goods.dayItemLine', {
            item: i.itemName,
            per: i.perHousehold,
            unit: i.unit,
            left: left(i.itemId),
          })}
        </li>
      ))}
    </ul>
  );
}

/** A found household at the door: who, how many, and the hand-out in one tap. */
function HouseholdCard({
  ctx,
  scope,
  day,
  h,
  q,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  day: DistributionDay;
  h: OpenedHousehold;
  q: string;
  state?: FormState | undefined;
}) {
  const { t } = ctx;
  const mine = state?.values?.householdId === h.id;
  const values = mine
    ? state!.values
    : Object.fromEntries(day.items.map((i) => [`give_${i.itemId}`, String(i.perHousehold)]));
  return (
    <li>
      <h3>
        {h.private.name ?? '—'} <span class="code">{formatCode(h.code)}</span>
      </h3>
      <p>
        {t('goods.householdLine', { size: h.size, children: h.under14 })}
        {h.private.dietary
          ? ` · ${h.private.dietary
              .split(',')
              .map((d) => t(`goods.diet.${d}` as never))
              .join(', ')}`
          : ''}
      </p>
      <Form ctx={ctx} action={`/n/${scope.network.slug}/goods/days/${day.id}/check-in`}>
        <input type="hidden" name="householdId" value={h.id} />
        <input type="hidden" name="q" value={q} />
        {day.items.map((i) => (
          <Field
            key={i.itemId}
            ctx={ctx}
            name={`give_${i.itemId}`}
            label={`${i.itemName} (${i.unit})`}
            inputmode="numeric"
            values={values}
            errors={mine ? state?.errors : undefined}
          />
        ))}
        {mine && state?.message && (
          <div class="field">
            <label for={`confirm-${h.id}`}>
              <input type="checkbox" id={`confirm-${h.id}`} name="confirmOverLimit" value="1" />{' '}
              {t('goods.confirmOverLimit')}
            </label>
          </div>
        )}
        <Submit>{t('goods.checkIn')}</Submit>
      </Form>
    </li>
  );
}

export function registerDistributionDoorPages(app: FastifyInstance, deps: Deps): void {
  const dayUrl = (scope: NetworkScope, id: string) => `/n/${scope.network.slug}/goods/days/${id}`;

  /** The paper fallback for the door: a blank sign-in sheet of this day, ready to print. */
  function signInSheetUrl(
    scope: NetworkScope,
    day: DistributionDay,
    lang: string,
    t: PageCtx['t'],
  ): string {
    const q = new URLSearchParams({
      title: t('goods.signInSheetTitle', { site: day.siteName }),
      date: day.day,
      place: day.siteName,
      rows: '40',
      language: lang,
    });
    return `/n/${scope.network.slug}/print/sign-in-sheet.pdf?${q}`;
  }

  // ---- the door ----
  async function doorPage(
    req: FastifyRequest<DayReq>,
    scope: NetworkScope,
    opts: { checkIn?: FormState; household?: FormState } = {},
  ) {
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const { day, checkIns, left } = await dayDetail(deps, { scope, dayId: req.params.id });
    const q = (opts.checkIn?.values?.q ?? req.query.q ?? '').slice(0, 60);
    const found = q ? await searchForCheckIn(deps, { actor: req.ctx.actor, scope, query: q }) : [];
    const hh = opts.household ?? { values: { size: '1', language: ctx.lang } };
    return (
      <GoodsSection
        ctx={ctx}
        scope={scope}
        title={t('goods.dayTitle', { site: day.siteName, date: day.day })}
        notice={goodsNotice(t, req.query.done)}
      >
        <p>
          {t(`goods.dayStatus.${day.status}`)} · {t('goods.checkInsCount', { count: day.checkIns })}{' '}
          · <a href={`${dayUrl(scope, day.id)}/paper`}>{t('goods.paperLink')}</a>
          {atLeast(scope.role, 'coordinator') && (
            <>
              {' · '}
              <a href={signInSheetUrl(scope, day, ctx.lang, t)}>{t('goods.printSignInSheet')}</a>
            </>
          )}
        </p>
        <DayItems ctx={ctx} day={day} left={left} />
        <h2 id="search">{t('goods.findHousehold')}</h2>
        <form method="get" action={dayUrl(scope, day.id)}>
          <Field
            ctx={ctx}
            name="q"
            label={t('goods.searchLabel')}
            hint={t('goods.searchHint')}
            values={{ q }}
          />
          <Submit>{t('goods.search')}</Submit>
        </form>
        <ErrorSummary ctx={ctx} errors={opts.checkIn?.errors} message={opts.checkIn?.message} />
        {q && found.length === 0 && <p role="status">{t('goods.noneFound')}</p>}
        {found.length > 0 && (
          <ul class="cards">
            {found.map((h) => (
              <HouseholdCard
                key={h.id}
                ctx={ctx}
                scope={scope}
                day={day}
                h={h}
                q={q}
                state={opts.checkIn}
              />
            ))}
          </ul>
        )}
        <h2 id="new-household">{t('goods.newHousehold')}</h2>
        <p>{t('goods.newHouseholdIntro')}</p>
        <Form ctx={ctx} action={`${dayUrl(scope, day.id)}/household`} state={hh}>
          <Field ctx={ctx} name="name" label={t('goods.householdName')} autocomplete="off" />
          <Field
            ctx={ctx}
            name="phone"
            label={t('goods.phone')}
            type="tel"
            inputmode="tel"
            autocomplete="off"
          />
          <Field ctx={ctx} name="size" label={t('goods.size')} inputmode="numeric" />
          <SelectField
            ctx={ctx}
            name="language"
            label={t('goods.language')}
            options={languageOptions(ctx.lang)}
            values={hh.values}
            errors={hh.errors}
          />
          <Field
            ctx={ctx}
            name="requestCode"
            label={t('goods.requestCode')}
            hint={t('goods.requestCodeHint')}
          />
          <Submit>{t('goods.addHousehold')}</Submit>
        </Form>
        <h2>{t('goods.checkedInToday')}</h2>
        {checkIns.length > 0 ? (
          <Table
            headers={[t('goods.household'), t('goods.size'), t('goods.given'), t('goods.when')]}
          >
            {checkIns.map((c) => (
              <tr key={c.id}>
                <td class="code">{formatCode(c.householdCode)}</td>
                <td>{c.size}</td>
                <td>
                  {c.given
                    .map((g) => `${g.itemName}: ${num(ctx, g.quantity)} ${g.unit}`)
                    .join(', ') || '—'}
                </td>
                <td>
                  <When ctx={ctx} iso={c.createdAt} />
                </td>
              </tr>
            ))}
          </Table>
        ) : (
          <p>{t('goods.noCheckIns')}</p>
        )}
        {atLeast(scope.role, 'coordinator') && (
          <Form ctx={ctx} action={`${dayUrl(scope, day.id)}/status`} class="filters" validate>
            <SelectField
              ctx={ctx}
              name="status"
              label={t('goods.dayStatusLabel')}
              values={{ status: day.status }}
              options={DAY_STATUSES.map((s) => ({ value: s, label: t(`goods.dayStatus.${s}`) }))}
            />
            <div class="field">
              <button type="submit" class="button secondary">
                {t('goods.changeStatus')}
              </button>
            </div>
          </Form>
        )}
      </GoodsSection>
    );
  }
  pageRoute<DayReq>(app, deps, '/n/:slug/goods/days/:id', 'goods.checkin', (req, scope) =>
    doorPage(req, scope),
  );
  formRoute<DayReq>(
    app,
    deps,
    '/n/:slug/goods/days/:id/check-in',
    'goods.checkin',
  )({
    schema: OpenForm,
    render: (req, scope, state) => doorPage(req, scope, { checkIn: state }),
    run: async (req, scope) => {
      const v = formValues(req.body);
      const items: { itemId: string; quantity: number }[] = [];
      const errors: FieldErrors = {};
      for (const [k, val] of Object.entries(v)) {
        if (!k.startsWith('give_')) continue;
        const n = val.trim() === '' ? 0 : whole(val);
        if (n === undefined || !Number.isSafeInteger(n) || n < 0)
          errors[k] = { key: 'goods.wholeNumber' };
        else items.push({ itemId: k.slice(5), quantity: n });
      }
      if (Object.keys(errors).length > 0) throw new AppError('VALIDATION_FAILED', {}, errors);
      await checkIn(deps, {
        actor: req.ctx.actor,
        scope,
        dayId: req.params.id,
        input: {
          householdId: v.householdId ?? '',
          items,
          confirmOverLimit: v.confirmOverLimit === '1',
        },
      });
      return `${dayUrl(scope, req.params.id)}?done=checkedIn`;
    },
  });
  formRoute<DayReq>(
    app,
    deps,
    '/n/:slug/goods/days/:id/household',
    'goods.checkin',
  )({
    schema: HouseholdForm,
    render: (req, scope, state) => doorPage(req, scope, { household: state }),
    run: async (req, scope, form) => {
      // The door of a day that is not there (another network's, or none): nothing is made.
      await dayDetail(deps, { scope, dayId: req.params.id });
      const h = await createHousehold(deps, {
        actor: req.ctx.actor,
        scope,
        input: { ...form, size: Number(form.size) },
      });
      return `${dayUrl(scope, req.params.id)}?done=householdAdded&q=${encodeURIComponent(h.code)}#search`;
    },
  });
  formRoute<DayReq>(
    app,
    deps,
    '/n/:slug/goods/days/:id/status',
    'goods.manage',
  )({
    schema: DayStatusForm,
    render: (req, scope, state) => doorPage(req, scope, { checkIn: state }),
    run: async (req, scope, form) => {
      await changeDayStatus(deps, {
        actor: req.ctx.actor,
        scope,
        dayId: req.params.id,
        status: form.status,
      });
      return `${dayUrl(scope, req.params.id)}?done=dayStatus`;
    },
  });
}
