import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { areasOf } from '../networks/network.service.ts';
import { ErrorSummary, Field, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { placeStep } from '../pages/place-pick.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { BreakForm, VolunteerProfileForm } from './offer.schema.ts';
import { formatDate, offersNotice } from './offer-components.tsx';
import type { VolunteerProfile } from './volunteer-profile.repository.ts';
import { isOnBreak, isoDate } from './volunteer-profile.rules.ts';
import { myVolunteerProfile, saveVolunteerProfile, setBreak } from './volunteer-profile.service.ts';
import {
  HOME_PLACE,
  inputFromForm,
  ProfileForm,
  profileValues,
} from './volunteer-profile-form.tsx';

type SlugReq = { Params: { slug: string }; Querystring: { done?: string } };

function BreakSwitch({
  ctx,
  scope,
  profile,
  today,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  profile: VolunteerProfile | null;
  today: string;
  state: FormState;
}) {
  const { t } = ctx;
  const action = `/n/${scope.network.slug}/volunteering/break`;
  if (!profile) return <p>{t('volunteering.breakNeedsProfile')}</p>;
  if (isOnBreak(profile.onBreak, profile.breakUntil, today)) {
    return (
      <Form ctx={ctx} action={action} validate>
        <p>
          {profile.breakUntil
            ? t('volunteering.onBreakUntil', { date: formatDate(ctx, profile.breakUntil) })
            : t('volunteering.onBreak')}
        </p>
        <input type="hidden" name="onBreak" value="off" />
        <Submit>{t('volunteering.endBreak')}</Submit>
      </Form>
    );
  }
  return (
    <>
      <ErrorSummary
        ctx={ctx}
        errors={state.errors}
        labels={{ breakUntil: t('volunteering.breakUntil') }}
        message={state.message}
      />
      <Form ctx={ctx} action={action}>
        <p>{t('volunteering.notOnBreak')}</p>
        <input type="hidden" name="onBreak" value="on" />
        <Field
          ctx={ctx}
          name="breakUntil"
          type="date"
          label={t('volunteering.breakUntil')}
          hint={t('volunteering.breakUntilHint')}
          values={state.values}
          errors={state.errors}
        />
        <Submit>{t('volunteering.startBreak')}</Submit>
      </Form>
    </>
  );
}

function VolunteeringPage(p: {
  ctx: PageCtx;
  scope: NetworkScope;
  profile: VolunteerProfile | null;
  areas: Area[];
  today: string;
  profileState?: FormState | undefined;
  breakState?: FormState | undefined;
  notice?: string | undefined;
}) {
  const { t } = p.ctx;
  const profileState = p.profileState ?? {};
  return (
    <Layout ctx={p.ctx} title={t('volunteering.title')} notice={p.notice}>
      <h1>{t('volunteering.title')}</h1>
      <p>{t('volunteering.intro')}</p>
      {p.scope.role === 'neighbour' && <p>{t('volunteering.neighbourNote')}</p>}
      <ProfileForm
        ctx={p.ctx}
        scope={p.scope}
        areas={p.areas}
        state={{ ...profileState, values: profileState.values ?? profileValues(p.profile) }}
      />
      <h2>{t('volunteering.break')}</h2>
      <p>{t('volunteering.breakIntro')}</p>
      <BreakSwitch
        ctx={p.ctx}
        scope={p.scope}
        profile={p.profile}
        today={p.today}
        state={p.breakState ?? {}}
      />
    </Layout>
  );
}

export function registerVolunteeringPages(app: FastifyInstance, deps: Deps): void {
  const path = '/n/:slug/volunteering';

  /** The page, with either form's state after a failed post. */
  async function page(
    req: FastifyRequest<SlugReq>,
    scope: NetworkScope,
    states: { profileState?: FormState; breakState?: FormState } = {},
  ) {
    const actor = req.ctx.actor;
    const [profile, areas] = await Promise.all([
      myVolunteerProfile(deps, { actor, scope }),
      areasOf(deps, { scope }),
    ]);
    return (
      <VolunteeringPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        profile={profile}
        areas={areas}
        today={isoDate(deps.clock.now())}
        notice={offersNotice(req.ctx.t, req.query.done)}
        {...states}
      />
    );
  }

  app.get<SlugReq>(path, async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'volunteering.own');
    return sendPage(reply, await page(req, scope));
  });

  app.post<SlugReq>(path, async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'volunteering.own');
    // A press on the map, "use my location" or "forget": the form again with the cell, unsaved.
    const step = placeStep(formValues(req.body), await areasOf(deps, { scope }), HOME_PLACE);
    if (step)
      return sendPage(reply, await page(req, scope, { profileState: step.state }), step.status);
    return handleForm(req, reply, {
      schema: VolunteerProfileForm,
      render: (state) => page(req, scope, { profileState: state }),
      run: async (form) => {
        const input = inputFromForm(form, formValues(req.body));
        await saveVolunteerProfile(deps, { actor: req.ctx.actor, scope, input });
        return `/n/${scope.network.slug}/volunteering?done=profileSaved`;
      },
    });
  });

  app.post<SlugReq>(`${path}/break`, async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'volunteering.own');
    return handleForm(req, reply, {
      schema: BreakForm,
      render: (state) => page(req, scope, { breakState: state }),
      run: async (form) => {
        const onBreak = form.onBreak === 'on';
        await setBreak(deps, {
          actor: req.ctx.actor,
          scope,
          input: { onBreak, until: form.breakUntil },
        });
        const done = onBreak ? 'breakStarted' : 'breakEnded';
        return `/n/${scope.network.slug}/volunteering?done=${done}`;
      },
    });
  });
}
