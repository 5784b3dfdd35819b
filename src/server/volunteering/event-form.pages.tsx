/** The event forms: a new event (once or repeating) and editing one, with their routes. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { utcToLocal } from '../../domain/time/zoned-time.ts';
import { EVENT_KINDS, SHIFT_ROLES, VISIBILITIES } from '../../domain/volunteering/events.ts';
import { WEEKDAYS } from '../../domain/volunteering/recurrence.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import { Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { createEvent, editEvent } from './event.service.ts';
import { eventDetail, eventFormChoices } from './event-view.service.ts';
import { kindLabel, roleLabel } from './vol-components.tsx';

const S = (max: number) => Type.Optional(Type.String({ maxLength: max }));
const EventForm = Type.Object({
  kind: Type.String({ maxLength: 20 }),
  title: Type.String({ minLength: 1, maxLength: 120 }),
  description: S(2000),
  place: S(200),
  areaId: S(40),
  visibility: Type.String({ maxLength: 20 }),
  trainingId: S(40),
  date: Type.String({ minLength: 1, maxLength: 10, 'x-error': 'vol.dateInvalid' }),
  startTime: Type.String({ minLength: 1, maxLength: 5, 'x-error': 'vol.timeInvalid' }),
  endTime: Type.String({ minLength: 1, maxLength: 5, 'x-error': 'vol.timeInvalid' }),
  repeat: S(10),
  interval: Type.Optional(Type.String({ pattern: '^[1-4]$' })),
  nth: Type.Optional(Type.String({ pattern: '^(-1|[1-4])$' })),
  until: S(10),
  role: S(20),
  slots: Type.Optional(Type.String({ pattern: '^[0-9]{1,3}$', 'x-error': 'vol.slotsNumber' })),
  apply: S(10),
  ...Object.fromEntries(WEEKDAYS.map((d) => [`day-${d}`, S(5)])),
});

type Slug = { Params: { slug: string }; Querystring: { done?: string } };
type ById = { Params: { slug: string; id: string }; Querystring: { done?: string } };

function toInput(form: Record<string, string | undefined>) {
  return {
    kind: form.kind ?? '',
    title: form.title ?? '',
    description: form.description,
    place: form.place,
    areaId: form.areaId,
    visibility: form.visibility ?? '',
    trainingId: form.trainingId,
    date: form.date ?? '',
    startTime: form.startTime ?? '',
    endTime: form.endTime ?? '',
    repeat: form.repeat,
    weekdays: WEEKDAYS.filter((d) => form[`day-${d}`] !== undefined),
    interval: form.interval ? Number(form.interval) : undefined,
    nth: form.nth ? Number(form.nth) : undefined,
    until: form.until || undefined,
    role: form.role,
    slots: form.slots ? Number(form.slots) : undefined,
    apply: form.apply ?? 'one',
  };
}

function EventFields({
  ctx,
  state,
  areas,
  trainings,
}: {
  ctx: PageCtx;
  state: FormState;
  areas: Area[];
  trainings: { id: string; name: string }[];
}) {
  const { t } = ctx;
  const p = { ctx, values: state.values, errors: state.errors };
  return (
    <>
      <SelectField
        {...p}
        name="kind"
        label={t('vol.kind')}
        options={EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(ctx, k) }))}
      />
      <Field {...p} name="title" label={t('vol.eventTitle')} />
      <Field {...p} name="description" label={t('vol.description')} multiline />
      <Field {...p} name="place" label={t('vol.place')} hint={t('vol.placeHint')} />
      <SelectField
        {...p}
        name="areaId"
        label={t('vol.area')}
        options={areaOptions(areas, t('vol.noArea'))}
      />
      <SelectField
        {...p}
        name="visibility"
        label={t('vol.visibility')}
        options={VISIBILITIES.map((v) => ({ value: v, label: t(`vol.visibility.${v}`) }))}
      />
      {trainings.length > 0 && (
        <SelectField
          {...p}
          name="trainingId"
          label={t('vol.trainingSession')}
          hint={t('vol.trainingSessionHint')}
          options={[
            { value: '', label: t('vol.notATraining') },
            ...trainings.map((x) => ({ value: x.id, label: x.name })),
          ]}
        />
      )}
      <Field {...p} name="date" type="date" label={t('vol.date')} hint={t('vol.dateHint')} />
      <Field {...p} name="startTime" type="time" label={t('vol.startTime')} />
      <Field {...p} name="endTime" type="time" label={t('vol.endTime')} />
    </>
  );
}

/** What both event forms (new, edit) are drawn from. */
interface EventFormProps {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  trainings: { id: string; name: string }[];
  state: FormState;
}

function NewEventPage({ ctx, scope, areas, trainings, state }: EventFormProps) {
  const { t } = ctx;
  const p = { ctx, values: state.values, errors: state.errors };
  return (
    <Layout ctx={ctx} title={t('vol.newEvent')}>
      <h1>{t('vol.newEvent')}</h1>
      <Form ctx={ctx} action={`/n/${scope.network.slug}/events/new`} state={state}>
        <EventFields ctx={ctx} state={state} areas={areas} trainings={trainings} />
        <h2>{t('vol.repeatTitle')}</h2>
        <ChoiceGroup
          {...p}
          name="repeat"
          type="radio"
          legend={t('vol.repeat')}
          options={['none', 'weekly', 'monthly'].map((v) => ({
            field: 'repeat',
            value: v,
            label: t(`vol.repeat.${v}` as MessageKey),
          }))}
        />
        <ChoiceGroup
          {...p}
          name="weekdays"
          type="checkbox"
          legend={t('vol.weekdays')}
          hint={t('vol.weekdaysHint')}
          options={WEEKDAYS.map((d) => ({ field: `day-${d}`, value: d, label: t(`vol.day.${d}`) }))}
        />
        <SelectField
          {...p}
          name="nth"
          label={t('vol.nth')}
          hint={t('vol.nthHint')}
          options={['1', '2', '3', '4', '-1'].map((n) => ({
            value: n,
            label: t(`vol.nth.${n}` as MessageKey),
          }))}
        />
        <Field {...p} name="until" type="date" label={t('vol.until')} hint={t('vol.untilHint')} />
        <h2>{t('vol.firstShift')}</h2>
        <SelectField
          {...p}
          name="role"
          label={t('vol.role')}
          options={SHIFT_ROLES.map((r) => ({ value: r, label: roleLabel(ctx, r) }))}
        />
        <Field {...p} name="slots" label={t('vol.slots')} inputmode="numeric" />
        <Submit>{t('vol.createEvent')}</Submit>
      </Form>
    </Layout>
  );
}

type Detail = Awaited<ReturnType<typeof eventDetail>>;
function EditEventPage({ ctx, scope, d, areas, trainings, state }: EventFormProps & { d: Detail }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('vol.editEvent')}>
      <h1>{t('vol.editEvent')}</h1>
      <Form ctx={ctx} action={`/n/${scope.network.slug}/events/${d.event.id}/edit`} state={state}>
        <EventFields ctx={ctx} state={state} areas={areas} trainings={trainings} />
        {d.series && (
          <ChoiceGroup
            ctx={ctx}
            name="apply"
            type="radio"
            legend={t('vol.applyTo')}
            options={[
              { field: 'apply', value: 'one', label: t('vol.apply.one') },
              { field: 'apply', value: 'following', label: t('vol.apply.following') },
            ]}
          />
        )}
        <Submit>{t('vol.saveEvent')}</Submit>
      </Form>
    </Layout>
  );
}

/** The new-event form and its routes. */
export function registerNewEventPages(app: FastifyInstance, deps: Deps): void {
  const ctxOf = (req: FastifyRequest, scope: NetworkScope) => pageCtx(req, scopeNav(scope));
  const refs = (scope: NetworkScope) => eventFormChoices(deps, { scope });

  async function newPage(req: FastifyRequest, scope: NetworkScope, state: FormState) {
    return (
      <NewEventPage ctx={ctxOf(req, scope)} scope={scope} {...(await refs(scope))} state={state} />
    );
  }
  pageRoute<Slug>(app, deps, '/n/:slug/events/new', 'events.manage', (req, scope) => {
    const tomorrow = utcToLocal(
      new Date(deps.clock.now().getTime() + 86_400_000),
      scope.network.timeZone,
    ).date;
    return newPage(req, scope, {
      values: {
        kind: 'distribution',
        visibility: 'members',
        date: tomorrow,
        startTime: '10:00',
        endTime: '12:00',
        repeat: 'none',
        slots: '4',
        nth: '1',
      },
    });
  });
  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/events/new',
    'events.manage',
  )({
    schema: EventForm,
    render: (req, scope, state) => newPage(req, scope, state),
    run: async (req, scope, form) => {
      const { event } = await createEvent(deps, {
        actor: req.ctx.actor,
        scope,
        input: toInput(form as Record<string, string>),
      });
      return `/n/${scope.network.slug}/events/${event.id}?done=eventCreated`;
    },
  });
}

/** The edit-event form and its routes. */
export function registerEditEventPages(app: FastifyInstance, deps: Deps): void {
  const ctxOf = (req: FastifyRequest, scope: NetworkScope) => pageCtx(req, scopeNav(scope));
  const refs = (scope: NetworkScope) => eventFormChoices(deps, { scope });

  async function editPage(req: FastifyRequest<ById>, scope: NetworkScope, state: FormState) {
    const d = await eventDetail(deps, { scope, eventId: req.params.id });
    return (
      <EditEventPage
        ctx={ctxOf(req, scope)}
        scope={scope}
        d={d}
        {...(await refs(scope))}
        state={state}
      />
    );
  }
  pageRoute<ById>(app, deps, '/n/:slug/events/:id/edit', 'events.manage', async (req, scope) => {
    const d = await eventDetail(deps, { scope, eventId: req.params.id });
    const start = utcToLocal(new Date(d.event.startsAt), d.timeZone);
    const end = utcToLocal(new Date(d.event.endsAt), d.timeZone);
    const e = d.event;
    return editPage(req, scope, {
      values: {
        kind: e.kind,
        title: e.title,
        description: e.description,
        place: e.place,
        areaId: e.areaId ?? '',
        visibility: e.visibility,
        trainingId: e.trainingId ?? '',
        date: start.date,
        startTime: start.time,
        endTime: end.time,
        apply: 'one',
      },
    });
  });
  formRoute<ById>(
    app,
    deps,
    '/n/:slug/events/:id/edit',
    'events.manage',
  )({
    schema: EventForm,
    render: (req, scope, state) => editPage(req, scope, state),
    run: async (req, scope, form) => {
      await editEvent(deps, {
        actor: req.ctx.actor,
        scope,
        eventId: req.params.id,
        input: toInput(form as Record<string, string>),
      });
      return `/n/${scope.network.slug}/events/${req.params.id}?done=eventChanged`;
    },
  });
}
