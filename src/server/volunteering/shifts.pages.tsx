import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { FEELINGS } from '../../domain/volunteering/wellbeing.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { ErrorSummary, Field, Submit } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { myShifts } from './signup.service.ts';
import { LocalWhen, roleLabel, volNotice } from './vol-components.tsx';
import { checkIn, myWellbeing, resetFeedLink, setCelebrate } from './wellbeing.service.ts';

const Empty = Type.Object({});
const CheckinForm = Type.Object({
  feeling: Type.String({ maxLength: 20, 'x-error': 'field.choose' }),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
const CelebrateForm = Type.Object({ celebrate: Type.Optional(Type.String({ maxLength: 5 })) });

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

function MyShiftsPage({
  ctx,
  scope,
  mine,
  well,
  baseUrl,
  state,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  mine: Awaited<ReturnType<typeof myShifts>>;
  well: Awaited<ReturnType<typeof myWellbeing>>;
  baseUrl: string;
  state: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const slug = scope.network.slug;
  const hours = Math.round(mine.hoursThisWeek * 10) / 10;
  return (
    <Layout ctx={ctx} title={t('vol.myShifts')} notice={notice}>
      <h1>{t('vol.myShifts')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      <h2>{t('vol.thisWeek')}</h2>
      {mine.cap === null ? (
        <p>{t('vol.hoursNoCap', { hours })}</p>
      ) : (
        <p>{t('vol.hoursOfCap', { hours, cap: mine.cap })}</p>
      )}
      {mine.cap !== null && mine.hoursThisWeek >= mine.cap && (
        <p class="notice">{t('vol.atCap')}</p>
      )}
      {well.rest && <p class="notice">{t('vol.restNudge')}</p>}
      <h2>{t('vol.upcoming')}</h2>
      {mine.shifts.length === 0 ? (
        <p>
          {t('vol.noUpcoming')} <a href={`/n/${slug}/calendar`}>{t('vol.seeCalendar')}</a>
        </p>
      ) : (
        <ul>
          {mine.shifts.map((s) => (
            <li key={s.signupId}>
              <LocalWhen ctx={ctx} iso={s.startsAt} tz={mine.timeZone} />{' '}
              <a href={`/n/${slug}/events/${s.eventId}`}>{s.title}</a> · {roleLabel(ctx, s.role)} ·{' '}
              {t(`vol.status.${s.status}`)}
              {s.eventStatus === 'cancelled' ? ` · ${t('vol.cancelled')}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('vol.yourCalendar')}</h2>
      <p>{t('vol.yourCalendarIntro')}</p>
      <p class="token">{`${baseUrl}${well.feed}`}</p>
      <PostButton
        ctx={ctx}
        action={`/n/${slug}/shifts/feed/reset`}
        label={t('vol.resetLink')}
        look="secondary"
      />
      <h2>{t('vol.howAreYou')}</h2>
      <p>{t('vol.howAreYouIntro')}</p>
      <Form ctx={ctx} action={`/n/${slug}/shifts/checkin`}>
        <ChoiceGroup
          ctx={ctx}
          values={state.values}
          errors={state.errors}
          name="feeling"
          type="radio"
          legend={t('vol.feeling')}
          options={FEELINGS.map((f) => ({
            field: 'feeling',
            value: f,
            label: t(`vol.feeling.${f}`),
          }))}
        />
        <Field
          ctx={ctx}
          name="note"
          label={t('vol.note')}
          hint={t('vol.noteHint')}
          multiline
          values={state.values}
          errors={state.errors}
        />
        <Submit>{t('vol.sendCheckin')}</Submit>
      </Form>
      <h2>{t('vol.milestones')}</h2>
      <Form ctx={ctx} action={`/n/${slug}/shifts/milestones`} validate>
        <ChoiceGroup
          ctx={ctx}
          values={well.settings.celebrate ? { celebrate: '1' } : {}}
          name="celebrate-group"
          type="checkbox"
          legend={t('vol.milestones')}
          hint={t('vol.milestonesHint')}
          options={[{ field: 'celebrate', value: 'yes', label: t('vol.celebrate') }]}
        />
        <Submit>{t('vol.saveChoice')}</Submit>
      </Form>
    </Layout>
  );
}

export function registerShiftPages(app: FastifyInstance, deps: Deps): void {
  async function page(req: FastifyRequest<Slug>, scope: NetworkScope, state: FormState) {
    const [mine, well] = await Promise.all([
      myShifts(deps, { actor: req.ctx.actor, scope }),
      myWellbeing(deps, { actor: req.ctx.actor, scope }),
    ]);
    return (
      <MyShiftsPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        mine={mine}
        well={well}
        baseUrl={deps.config.baseUrl}
        state={state}
        notice={volNotice(req.ctx.t, req.query.done)}
      />
    );
  }
  app.get<Slug>('/n/:slug/shifts', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'volunteering.own');
    return sendPage(reply, await page(req, scope, {}));
  });
  const post = <B extends typeof Empty | typeof CheckinForm | typeof CelebrateForm>(
    path: string,
    schema: B,
    run: (
      req: FastifyRequest<Slug>,
      scope: NetworkScope,
      form: Record<string, string>,
    ) => Promise<string>,
  ) =>
    app.post<Slug>(`/n/:slug/shifts/${path}`, async (req, reply) => {
      const scope = await scopeOf(deps, req);
      authorize(scope, 'volunteering.own');
      return handleForm(req, reply, {
        schema,
        render: (state) => page(req, scope, state),
        run: async (form) =>
          `/n/${scope.network.slug}/shifts?done=${await run(req, scope, form as Record<string, string>)}`,
      });
    });
  post('feed/reset', Empty, async (req, scope) => {
    await resetFeedLink(deps, { actor: req.ctx.actor, scope });
    return 'linkReset';
  });
  post('checkin', CheckinForm, async (req, scope, form) => {
    await checkIn(deps, {
      actor: req.ctx.actor,
      scope,
      input: { feeling: form.feeling ?? '', note: form.note },
    });
    return 'checkedIn';
  });
  post('milestones', CelebrateForm, async (req, scope, form) => {
    await setCelebrate(deps, {
      actor: req.ctx.actor,
      scope,
      celebrate: form.celebrate !== undefined,
    });
    return 'milestonesSaved';
  });
}
