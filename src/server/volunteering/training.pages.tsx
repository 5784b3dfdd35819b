import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { SHIFT_ROLES } from '../../domain/volunteering/events.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { ErrorSummary, Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { listPeople } from '../people/person.service.ts';
import { createTraining, recordMemberTraining, trainingsOf } from './training.service.ts';
import { roleLabel, volNotice } from './vol-components.tsx';

const TrainingForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  validDays: Type.Optional(
    Type.String({ pattern: '^[0-9]{0,4}$', 'x-error': 'vol.validDaysInvalid' }),
  ),
});
const RecordForm = Type.Object({
  personId: Type.String({ minLength: 1, maxLength: 40, 'x-error': 'field.choose' }),
  trainingId: Type.String({ minLength: 1, maxLength: 40, 'x-error': 'field.choose' }),
  completedOn: Type.String({ minLength: 1, maxLength: 10, 'x-error': 'vol.dateInvalid' }),
});

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

function TrainingsPage({
  ctx,
  scope,
  data,
  people,
  state,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  data: Awaited<ReturnType<typeof trainingsOf>>;
  people: { id: string; name: string }[];
  state: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const slug = scope.network.slug;
  const p = { ctx, values: state.values, errors: state.errors };
  return (
    <Layout ctx={ctx} title={t('vol.trainingsTitle')} notice={notice}>
      <h1>{t('vol.trainingsTitle')}</h1>
      <p>{t('vol.trainingsIntro')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} message={state.message} />
      {data.trainings.length > 0 && (
        <Table headers={[t('vol.trainingName'), t('vol.validFor'), t('vol.neededFor')]}>
          {data.trainings.map((x) => (
            <tr key={x.id}>
              <td>{x.name}</td>
              <td>{x.validDays ? t('vol.days', { days: x.validDays }) : t('vol.noExpiry')}</td>
              <td>
                {[
                  ...x.categories.map((c) => t(`category.${c}` as MessageKey)),
                  ...x.roles.map((r) => roleLabel(ctx, r)),
                ].join(', ') || '—'}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h2>{t('vol.newTraining')}</h2>
      <Form ctx={ctx} action={`/n/${slug}/trainings/new`}>
        <Field {...p} name="name" label={t('vol.trainingName')} />
        <Field
          {...p}
          name="validDays"
          label={t('vol.validDays')}
          hint={t('vol.validDaysHint')}
          inputmode="numeric"
        />
        <ChoiceGroup
          {...p}
          name="categories"
          type="checkbox"
          legend={t('vol.neededForCategories')}
          options={scope.network.categories.map((c) => ({
            field: `cat-${c}`,
            value: c,
            label: t(`category.${c}` as MessageKey),
          }))}
        />
        <ChoiceGroup
          {...p}
          name="roles"
          type="checkbox"
          legend={t('vol.neededForRoles')}
          options={SHIFT_ROLES.map((r) => ({
            field: `role-${r}`,
            value: r,
            label: roleLabel(ctx, r),
          }))}
        />
        <Submit>{t('vol.createTraining')}</Submit>
      </Form>
      {data.trainings.length > 0 && (
        <>
          <h2>{t('vol.recordTraining')}</h2>
          <Form ctx={ctx} action={`/n/${slug}/trainings/record`}>
            <SelectField
              {...p}
              name="personId"
              label={t('vol.person')}
              options={[
                { value: '', label: '—' },
                ...people.map((x) => ({ value: x.id, label: x.name })),
              ]}
            />
            <SelectField
              {...p}
              name="trainingId"
              label={t('vol.training')}
              options={data.trainings.map((x) => ({ value: x.id, label: x.name }))}
            />
            <Field {...p} name="completedOn" type="date" label={t('vol.completedOn')} />
            <Submit>{t('vol.record')}</Submit>
          </Form>
        </>
      )}
      {data.records.length > 0 && (
        <>
          <h2>{t('vol.whoIsTrained')}</h2>
          <ul>
            {data.records.map((r) => (
              <li key={r.id}>
                {r.name}: {r.training} ({r.completedOn}
                {r.expiresOn ? ` → ${r.expiresOn}` : ''})
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  );
}

export function registerTrainingPages(app: FastifyInstance, deps: Deps): void {
  async function page(req: FastifyRequest<Slug>, scope: NetworkScope, state: FormState) {
    const data = await trainingsOf(deps, { scope });
    const { members } = await listPeople(deps, { scope, filter: { page: 1 } });
    const people = members.map((x) => ({ id: x.person.id, name: x.person.displayName }));
    return (
      <TrainingsPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        data={data}
        people={people}
        state={state}
        notice={volNotice(req.ctx.t, req.query.done)}
      />
    );
  }
  app.get<Slug>('/n/:slug/trainings', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'trainings.manage');
    return sendPage(reply, await page(req, scope, {}));
  });
  app.post<Slug>('/n/:slug/trainings/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'trainings.manage');
    return handleForm(req, reply, {
      schema: TrainingForm,
      render: (state) => page(req, scope, state),
      run: async (form) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        await createTraining(deps, {
          actor: req.ctx.actor,
          scope,
          input: {
            name: form.name,
            validDays: form.validDays ? Number(form.validDays) : undefined,
            categories: scope.network.categories.filter((c) => body[`cat-${c}`] !== undefined),
            roles: SHIFT_ROLES.filter((r) => body[`role-${r}`] !== undefined),
          },
        });
        return `/n/${scope.network.slug}/trainings?done=trainingCreated`;
      },
    });
  });
  app.post<Slug>('/n/:slug/trainings/record', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'trainings.manage');
    return handleForm(req, reply, {
      schema: RecordForm,
      render: (state) => page(req, scope, state),
      run: async (form) => {
        await recordMemberTraining(deps, { actor: req.ctx.actor, scope, input: form });
        return `/n/${scope.network.slug}/trainings?done=trainingRecorded`;
      },
    });
  });
}
