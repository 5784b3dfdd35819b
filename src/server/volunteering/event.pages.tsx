import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Action, can } from '../../domain/access/roles.ts';
import { SHIFT_ROLES } from '../../domain/volunteering/events.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { ErrorSummary, Field, SelectField, Submit } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { addShift, cancelEvent } from './event.service.ts';
import { registerEditEventPages, registerNewEventPages } from './event-form.pages.tsx';
import { eventDetail, eventOf } from './event-view.service.ts';
import { cancelSignup, recordAttendance, signUp } from './signup.service.ts';
import { kindLabel, LocalWhen, Places, roleLabel, volNotice } from './vol-components.tsx';

const ShiftForm = Type.Object({
  role: Type.String({ maxLength: 20 }),
  slots: Type.String({ pattern: '^[0-9]{1,3}$', 'x-error': 'vol.slotsNumber' }),
  startTime: Type.String({ minLength: 1, maxLength: 5, 'x-error': 'vol.timeInvalid' }),
  endTime: Type.String({ minLength: 1, maxLength: 5, 'x-error': 'vol.timeInvalid' }),
});
const Empty = Type.Object({});
const AttendanceForm = Type.Object({
  outcome: Type.Union([Type.Literal('attended'), Type.Literal('noShow')]),
});
type ById = { Params: { slug: string; id: string }; Querystring: { done?: string } };

type Detail = Awaited<ReturnType<typeof eventDetail>>;

function EventPage({
  ctx,
  scope,
  d,
  notice,
  message,
  shiftForm = {},
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  d: Detail;
  notice?: string | undefined;
  message?: string | null | undefined;
  /** What was typed in "Add a shift", and its mistakes, when it comes back. */
  shiftForm?: FormState | undefined;
}) {
  const { t } = ctx;
  const sf = { ctx, values: shiftForm.values, errors: shiftForm.errors };
  const slug = scope.network.slug;
  const e = d.event;
  const manager = can(scope.role, 'events.manage');
  const volunteer = can(scope.role, 'shifts.signup');
  const open = e.status === 'scheduled';
  return (
    <Layout ctx={ctx} title={e.title} notice={notice}>
      <h1>{e.title}</h1>
      <ErrorSummary ctx={ctx} message={message} />
      {!open && <p class="notice">{t('vol.eventCancelled')}</p>}
      <dl>
        <dt>{t('vol.when')}</dt>
        <dd>
          <LocalWhen ctx={ctx} iso={e.startsAt} tz={d.timeZone} /> –{' '}
          <LocalWhen ctx={ctx} iso={e.endsAt} tz={d.timeZone} timeOnly /> ({d.timeZone})
        </dd>
        <dt>{t('vol.kind')}</dt>
        <dd>{kindLabel(ctx, e.kind)}</dd>
        {e.place && (
          <>
            <dt>{t('vol.place')}</dt>
            <dd>{e.place}</dd>
          </>
        )}
        {e.area && (
          <>
            <dt>{t('vol.area')}</dt>
            <dd>{e.area.name}</dd>
          </>
        )}
        {d.series && (
          <>
            <dt>{t('vol.repeats')}</dt>
            <dd>
              {t('vol.partOfSeries')}
              {d.series.timeZone !== d.timeZone &&
                ` ${t('vol.seriesOtherZone', { time: d.series.startTime, zone: d.series.timeZone })}`}
            </dd>
          </>
        )}
      </dl>
      {e.description && <p>{e.description}</p>}
      {d.clashes.length > 0 && (
        <div class="warning" role="note">
          <p>{t('vol.doubleBooked', { place: e.place })}</p>
          <ul>
            {d.clashes.map((c) => (
              <li key={c.id}>
                <a href={`/n/${slug}/events/${c.id}`}>{c.title}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>{t('vol.shifts')}</h2>
      {d.shifts.length === 0 && <p>{t('vol.noShifts')}</p>}
      <ul class="cards">
        {d.shifts.map((s) => (
          <li key={s.id}>
            <h3>{roleLabel(ctx, s.role)}</h3>
            <p>
              <LocalWhen ctx={ctx} iso={s.startsAt} tz={d.timeZone} timeOnly /> –{' '}
              <LocalWhen ctx={ctx} iso={s.endsAt} tz={d.timeZone} timeOnly />
            </p>
            <p>
              <Places ctx={ctx} shift={s} />
            </p>
            {s.mine && <p>{t(`vol.status.${s.mine.status}`)}</p>}
            {volunteer && open && !s.mine && (
              <PostButton
                ctx={ctx}
                action={`/n/${slug}/shifts/${s.id}/signup`}
                label={s.confirmed < s.slots ? t('vol.signUp') : t('vol.joinWaitlist')}
              />
            )}
            {s.mine && open && (
              <PostButton
                ctx={ctx}
                action={`/n/${slug}/shifts/${s.id}/cancel`}
                label={s.mine.status === 'waitlisted' ? t('vol.leaveWaitlist') : t('vol.cantCome')}
                look="secondary"
              />
            )}
            {manager && s.signups && s.signups.length > 0 && (
              <Table
                caption={t('vol.roster')}
                headers={[t('vol.name'), t('vol.statusHeading'), t('vol.attendance')]}
              >
                {s.signups.map((x) => (
                  <tr key={x.id}>
                    <td>{x.name}</td>
                    <td>
                      {t(`vol.status.${x.status}`)}
                      {x.lateDrop ? ` · ${t('vol.lateDrop')}` : ''}
                    </td>
                    <td>
                      {x.checkedInAt
                        ? t('vol.checkedIn', { hours: x.hours ?? 0 })
                        : x.noShow
                          ? t('vol.noShow')
                          : ''}
                      {x.status === 'confirmed' && (
                        <Form
                          ctx={ctx}
                          action={`/n/${slug}/signups/${x.id}/attendance`}
                          class="inline-buttons"
                          validate
                        >
                          <button type="submit" name="outcome" value="attended" class="link">
                            {t('vol.markAttended', { name: x.name })}
                          </button>{' '}
                          <button type="submit" name="outcome" value="noShow" class="link">
                            {t('vol.markNoShow', { name: x.name })}
                          </button>
                        </Form>
                      )}
                    </td>
                  </tr>
                ))}
              </Table>
            )}
          </li>
        ))}
      </ul>
      <p>
        <a href={`/n/${slug}/events/${e.id}/event.ics`}>{t('vol.addToCalendar')}</a>
      </p>
      {manager && (
        <>
          <h2>{t('vol.manage')}</h2>
          <p>
            <a href={`/n/${slug}/events/${e.id}/edit`}>{t('vol.editEvent')}</a>
          </p>
          <Form ctx={ctx} action={`/n/${slug}/events/${e.id}/shifts`}>
            <fieldset>
              <legend>{t('vol.addShift')}</legend>
              <SelectField
                {...sf}
                name="role"
                label={t('vol.role')}
                options={SHIFT_ROLES.map((r) => ({ value: r, label: roleLabel(ctx, r) }))}
              />
              <Field {...sf} name="slots" label={t('vol.slots')} inputmode="numeric" />
              <Field {...sf} name="startTime" type="time" label={t('vol.startTime')} />
              <Field {...sf} name="endTime" type="time" label={t('vol.endTime')} />
              <Submit>{t('vol.addShift')}</Submit>
            </fieldset>
          </Form>
          {open && (
            <PostButton
              ctx={ctx}
              action={`/n/${slug}/events/${e.id}/cancel`}
              label={d.series ? t('vol.cancelOccurrence') : t('vol.cancelEvent')}
              look="secondary"
            />
          )}
        </>
      )}
    </Layout>
  );
}

/**
 * The event pages: the new-event form (event-form.pages.tsx), an event's own page with its
 * shifts and sign-ups here, then the edit form, registered in this order.
 */
export function registerEventPages(app: FastifyInstance, deps: Deps): void {
  const ctxOf = (req: FastifyRequest, scope: NetworkScope) => pageCtx(req, scopeNav(scope));

  registerNewEventPages(app, deps);

  async function detailPage(
    req: FastifyRequest<ById>,
    scope: NetworkScope,
    opts: { eventId?: string; message?: string | null; shiftForm?: FormState } = {},
  ) {
    const d = await eventDetail(deps, { scope, eventId: opts.eventId ?? req.params.id });
    return (
      <EventPage
        ctx={ctxOf(req, scope)}
        scope={scope}
        d={d}
        notice={volNotice(req.ctx.t, req.query.done)}
        message={opts.message}
        shiftForm={opts.shiftForm}
      />
    );
  }
  app.get<ById>('/n/:slug/events/:id', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    return sendPage(reply, await detailPage(req, scope));
  });

  registerEditEventPages(app, deps);

  /** A button on the event page: on a refusal the page comes back with the reason on top. */
  function action<B extends typeof Empty | typeof ShiftForm | typeof AttendanceForm>(
    path: string,
    may: Action,
    schema: B,
    eventIdOf: (req: FastifyRequest<ById>, scope: NetworkScope) => Promise<string>,
    run: (
      req: FastifyRequest<ById>,
      scope: NetworkScope,
      form: Record<string, string>,
    ) => Promise<string>,
  ) {
    app.post<ById>(path, async (req, reply) => {
      const scope = await scopeOf(deps, req);
      // Who may not use the form is told so before anything in it is read.
      authorize(scope, may);
      const eventId = await eventIdOf(req, scope);
      return handleForm(req, reply, {
        schema,
        // The event page again, with the reason on top; "Add a shift" keeps what was typed.
        render: (state) =>
          detailPage(req, scope, {
            eventId,
            message: state.message ?? (state.errors ? req.ctx.t('error.validation') : null),
            ...(schema === ShiftForm ? { shiftForm: state } : {}),
          }),
        run: async (form) =>
          `/n/${scope.network.slug}/events/${eventId}?done=${await run(req, scope, form as Record<string, string>)}`,
      });
    });
  }
  const byEvent = async (req: FastifyRequest<ById>) => req.params.id;
  const byShift = async (req: FastifyRequest<ById>, scope: NetworkScope) =>
    (await eventOf(deps, { scope, of: { shiftId: req.params.id } })) ?? req.params.id;
  const bySignup = async (req: FastifyRequest<ById>, scope: NetworkScope) =>
    (await eventOf(deps, { scope, of: { signupId: req.params.id } })) ?? req.params.id;

  action('/n/:slug/events/:id/cancel', 'events.manage', Empty, byEvent, async (req, scope) => {
    await cancelEvent(deps, { actor: req.ctx.actor, scope, eventId: req.params.id });
    return 'eventCancelled';
  });
  action(
    '/n/:slug/events/:id/shifts',
    'events.manage',
    ShiftForm,
    byEvent,
    async (req, scope, form) => {
      await addShift(deps, {
        actor: req.ctx.actor,
        scope,
        eventId: req.params.id,
        input: {
          role: form.role!,
          slots: Number(form.slots),
          startTime: form.startTime!,
          endTime: form.endTime!,
        },
      });
      return 'shiftAdded';
    },
  );
  action('/n/:slug/shifts/:id/signup', 'shifts.signup', Empty, byShift, async (req, scope) => {
    const status = await signUp(deps, { actor: req.ctx.actor, scope, shiftId: req.params.id });
    return status === 'confirmed' ? 'signedUp' : 'waitlisted';
  });
  action('/n/:slug/shifts/:id/cancel', 'shifts.signup', Empty, byShift, async (req, scope) => {
    await cancelSignup(deps, { actor: req.ctx.actor, scope, shiftId: req.params.id });
    return 'dropped';
  });
  action(
    '/n/:slug/signups/:id/attendance',
    'events.manage',
    AttendanceForm,
    bySignup,
    async (req, scope, form) => {
      await recordAttendance(deps, {
        actor: req.ctx.actor,
        scope,
        signupId: req.params.id,
        outcome: form.outcome as 'attended' | 'noShow',
      });
      return 'attendance';
    },
  );
}
