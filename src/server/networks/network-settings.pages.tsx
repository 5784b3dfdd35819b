/** A network's settings screen: name and intake settings, the intake limit, the areas. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../domain/access/roles.ts';
import { polygonParts } from '../../domain/maps/areas.ts';
import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import {
  CEILING_FACTOR,
  DEFAULT_HOURLY_PER_ADDRESS,
  MIN_CEILING,
} from '../../domain/requests/intake-limit.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { Field, languageOptions, SelectField, Submit } from '../pages/components.tsx';
import { Form, PostButton } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { type PlaceNames, placeErrors, placeStep } from '../pages/place-pick.ts';
import { PlacePicker } from '../pages/place-picker.tsx';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { actionsHeader, Table } from '../pages/table.tsx';
import { EmergencyFields } from './emergency-fields.tsx';
import { AreaInput, IntakeLimitInput, SettingsInput } from './network.schema.ts';
import {
  addArea,
  areasOf,
  removeArea,
  updateIntakeLimit,
  updateSettings,
} from './network.service.ts';

/** A new area's centre is picked on the map (its 500 m cell); nobody types a latitude. */
const AREA_PLACE: PlaceNames = { lat: 'lat', lng: 'lng' };

type Done = { Querystring: { done?: string } };
type Slug = { Params: { slug: string } } & Done;

function SettingsPage({
  ctx,
  scope,
  areas,
  state,
  areaState,
  intakeState,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  state: FormState;
  areaState: FormState;
  intakeState: FormState;
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const n = scope.network;
  // Coordinators see only what they may change here: the number of requests per address.
  const admin = can(scope.role, 'network.settings');
  const values = state.values ?? {
    name: n.name,
    description: n.description,
    defaultLanguage: n.defaultLanguage,
    signupMode: n.signupMode,
    retentionDays: String(n.retentionDays),
    smsNumber: n.smsNumber ?? '',
    phoneNumber: n.phoneNumber ?? '',
    timeZone: n.timeZone,
    country: n.country ?? '',
    emergencyNumber: n.emergencyNumber ?? '',
    ...Object.fromEntries(n.categories.map((c) => [`cat-${c}`, '1'])),
  };
  return (
    <Layout ctx={ctx} title={t('settings.title')} notice={notice}>
      <h1>{t('settings.title')}</h1>
      {admin && (
        <AdminSettings
          ctx={ctx}
          scope={scope}
          areas={areas}
          state={state}
          areaState={areaState}
          values={values}
        />
      )}
      <IntakeLimitForm ctx={ctx} scope={scope} state={intakeState} />
    </Layout>
  );
}

/** How many requests for help per internet address and hour are ordinary (coordinators). */
function IntakeLimitForm({
  ctx,
  scope,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  state: FormState;
}) {
  const { t } = ctx;
  const values = state.values ?? {
    hourlyRequestsPerAddress: String(scope.network.hourlyRequestsPerAddress),
  };
  return (
    <>
      <h2 id="intake">{t('settings.intakeTitle')}</h2>
      <Form
        ctx={ctx}
        action={`/n/${scope.network.slug}/settings/intake`}
        state={state}
        values={values}
      >
        <Field
          ctx={ctx}
          name="hourlyRequestsPerAddress"
          label={t('field.hourlyPerAddress')}
          hint={t('field.hourlyPerAddressHint', {
            default: DEFAULT_HOURLY_PER_ADDRESS,
            factor: CEILING_FACTOR,
            min: MIN_CEILING,
          })}
          inputmode="numeric"
        />
        <Submit>{t('form.save')}</Submit>
      </Form>
    </>
  );
}

/** The rest of the settings, and the areas: the admins'. */
function AdminSettings({
  ctx,
  scope,
  areas,
  state,
  areaState,
  values,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  state: FormState;
  areaState: FormState;
  values: Record<string, string>;
}) {
  const { t } = ctx;
  const n = scope.network;
  return (
    <>
      <Form ctx={ctx} action={`/n/${n.slug}/settings`} state={state} values={values}>
        <Field ctx={ctx} name="name" label={t('field.networkName')} />
        <Field ctx={ctx} name="description" label={t('field.description')} multiline />
        <SelectField
          ctx={ctx}
          name="defaultLanguage"
          label={t('field.defaultLanguage')}
          values={values}
          errors={state.errors}
          options={languageOptions(ctx.lang)}
        />
        <SelectField
          ctx={ctx}
          name="signupMode"
          label={t('field.signupMode')}
          options={[
            { value: 'open', label: t('signupMode.open') },
            { value: 'invite', label: t('signupMode.invite') },
          ]}
        />
        <ChoiceGroup
          ctx={ctx}
          name="categories"
          legend={t('field.categories')}
          hint={t('field.categoriesHint')}
          type="checkbox"
          options={DEFAULT_CATEGORIES.map((c) => ({
            field: `cat-${c}`,
            value: c,
            label: t(`category.${c}`),
          }))}
        />
        <Field
          ctx={ctx}
          name="retentionDays"
          label={t('field.retentionDays')}
          hint={t('field.retentionDaysHint')}
          inputmode="numeric"
        />
        <Field
          ctx={ctx}
          name="timeZone"
          label={t('field.timeZone')}
          hint={t('field.timeZoneHint')}
        />
        <Field
          ctx={ctx}
          name="smsNumber"
          label={t('field.smsNumber')}
          hint={t('field.smsNumberHint')}
          type="tel"
        />
        <Field
          ctx={ctx}
          name="phoneNumber"
          label={t('field.networkPhone')}
          hint={t('field.networkPhoneHint')}
          type="tel"
        />
        <EmergencyFields ctx={ctx} network={scope.network} values={values} state={state} />
        <Submit>{t('form.save')}</Submit>
      </Form>

      <h2 id="areas">{t('network.areas')}</h2>
      <p>
        <a href={`/n/${n.slug}/areas/map`}>{t('areas.map.heading')}</a> ·{' '}
        <a href={`/n/${n.slug}/areas/map#upload`}>{t('areas.upload.heading')}</a> ·{' '}
        <a href={`/n/${n.slug}/areas/draw`}>{t('areas.draw.link')}</a>
      </p>
      {areas.length > 0 && (
        <Table headers={[t('field.areaName'), t('area.shape'), actionsHeader(t('form.actions'))]}>
          {areas.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>
                {a.polygon
                  ? polygonParts(a.polygon).length > 1
                    ? t('area.multiPolygon', { parts: polygonParts(a.polygon).length })
                    : t('area.polygon')
                  : t('area.circle', {
                      lat: a.centre.lat.toFixed(4),
                      lng: a.centre.lng.toFixed(4),
                      km: ((a.radiusM ?? 0) / 1000).toFixed(1),
                    })}
              </td>
              <td>
                <PostButton
                  ctx={ctx}
                  action={`/n/${n.slug}/areas/${a.id}/delete`}
                  label={t('area.delete', { name: a.name })}
                  look="link"
                />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <h3>{t('area.add')}</h3>
      <Form ctx={ctx} action={`/n/${n.slug}/areas`} state={areaState}>
        <Field ctx={ctx} name="name" label={t('field.areaName')} />
        <PlacePicker
          ctx={ctx}
          slug={n.slug}
          areas={areas}
          values={areaState.values ?? {}}
          errors={placeErrors(areaState.errors, AREA_PLACE)}
          names={AREA_PLACE}
          legend={t('maps.areaCentre.legend')}
        />
        <Field
          ctx={ctx}
          name="radiusM"
          label={t('field.radiusM')}
          hint={t('field.radiusHint')}
          inputmode="numeric"
        />
        <Submit>{t('area.addSubmit')}</Submit>
      </Form>
    </>
  );
}

export function registerNetworkSettingsPages(app: FastifyInstance, deps: Deps): void {
  const settingsPage = async (
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    state: FormState,
    areaState: FormState,
    intakeState: FormState = {},
  ) => (
    <SettingsPage
      ctx={pageCtx(req, scopeNav(scope))}
      scope={scope}
      areas={await areasOf(deps, { scope })}
      state={state}
      areaState={areaState}
      intakeState={intakeState}
      notice={doneNotice(req.ctx.t, req.query.done)}
    />
  );

  pageRoute<Slug>(app, deps, '/n/:slug/settings', 'network.intake_limit', (req, scope) =>
    settingsPage(req, scope, {}, {}),
  );

  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/settings',
    'network.settings',
  )({
    schema: SettingsInput,
    // Each category box posts its own name (cat-<key>); the service wants the list.
    shape: (data) => ({
      ...data,
      categories: DEFAULT_CATEGORIES.filter((c) => data[`cat-${c}`] !== undefined),
    }),
    render: (req, scope, state) => settingsPage(req, scope, state, {}),
    run: async (req, scope, input) => {
      await updateSettings(deps, { actor: req.ctx.actor, scope, input });
      return `/n/${scope.network.slug}/settings?done=saved`;
    },
  });

  formRoute<Slug>(
    app,
    deps,
    '/n/:slug/settings/intake',
    'network.intake_limit',
  )({
    schema: IntakeLimitInput,
    render: (req, scope, state) => settingsPage(req, scope, {}, {}, state),
    run: async (req, scope, input) => {
      await updateIntakeLimit(deps, { actor: req.ctx.actor, scope, input });
      return `/n/${scope.network.slug}/settings?done=saved#intake`;
    },
  });

  app.post<Slug>('/n/:slug/areas', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'areas.manage');
    // A press on the map or "forget": the form again with the centre's cell, nothing saved.
    const step = placeStep(formValues(req.body), await areasOf(deps, { scope }), AREA_PLACE);
    if (step) return sendPage(reply, await settingsPage(req, scope, {}, step.state), step.status);
    return handleForm(req, reply, {
      schema: AreaInput,
      render: (state) => settingsPage(req, scope, {}, state),
      run: async (input) => {
        await addArea(deps, { actor: req.ctx.actor, scope, input });
        return `/n/${scope.network.slug}/settings?done=areaAdded#areas`;
      },
    });
  });

  app.post<{ Params: { slug: string; areaId: string } }>(
    '/n/:slug/areas/:areaId/delete',
    async (req, reply) => {
      const scope = await scopeOf(deps, req);
      await removeArea(deps, { actor: req.ctx.actor, scope, areaId: req.params.areaId });
      return reply.redirect(`/n/${scope.network.slug}/settings?done=areaDeleted#areas`, 303);
    },
  );
}
