/** Editing a request (issue 12): intake's fields, from the request page, for coordinators. */
import type { FastifyInstance } from 'fastify';
import { URGENCIES } from '../../domain/requests/categories.ts';
import { formatCode } from '../../domain/requests/request-code.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { areaOptions } from '../pages/choices.tsx';
import { Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx } from '../pages/page-context.ts';
import { formRoute, pageRoute } from '../pages/routes.ts';
import { scopeNav } from '../pages/scope-page.ts';
import { EditForm } from './request.schema.ts';
import { editRequest, requestForEdit } from './request-edit.service.ts';
import { ASK_LANGUAGES, languageLabel } from './request-form.tsx';

type Params = { Params: { slug: string; id: string } };

function EditPage({
  ctx,
  scope,
  data,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  data: Awaited<ReturnType<typeof requestForEdit>>;
  state: FormState;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/requests/${data.summary.id}`;
  const title = t('requestEdit.title', { code: formatCode(data.summary.code) });
  const saved = Object.fromEntries(
    Object.entries({ ...data.values, version: data.version }).map(([k, v]) => [k, v ?? '']),
  );
  // A refused save comes back with what was typed, but the new version, so saving again works.
  const values = state.values ? { ...saved, ...state.values, version: data.version } : saved;
  const language = String(values.language ?? '');
  const fields = { values, errors: state.errors };
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{t('requestEdit.intro')}</p>
      <Form
        ctx={ctx}
        action={`${base}/edit`}
        state={{ ...state, values }}
        labels={{
          name: t('ask.name'),
          phone: t('field.phone'),
          email: t('field.email'),
          category: t('queue.category'),
          householdSize: t('request.household'),
          language: t('ask.language'),
        }}
      >
        <input type="hidden" name="version" value={data.version} />
        <Field ctx={ctx} name="name" label={t('ask.name')} autocomplete="off" {...fields} />
        <Field
          ctx={ctx}
          name="phone"
          label={t('field.phone')}
          type="tel"
          inputmode="tel"
          autocomplete="off"
          {...fields}
        />
        <Field
          ctx={ctx}
          name="email"
          label={t('field.emailOptional')}
          type="email"
          inputmode="email"
          autocomplete="off"
          {...fields}
        />
        <Field ctx={ctx} name="address" label={t('ask.address')} autocomplete="off" {...fields} />
        <Field ctx={ctx} name="details" label={t('ask.details')} multiline {...fields} />
        <Field
          ctx={ctx}
          name="accessibility"
          label={t('ask.accessibility')}
          multiline
          {...fields}
        />
        <SelectField
          ctx={ctx}
          name="category"
          label={t('queue.category')}
          options={scope.network.categories.map((c) => ({
            value: c,
            label: t(`category.${c}` as MessageKey),
          }))}
          {...fields}
        />
        <SelectField
          ctx={ctx}
          name="urgency"
          label={t('ask.urgency')}
          options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          {...fields}
        />
        <Field
          ctx={ctx}
          name="householdSize"
          label={t('request.household')}
          inputmode="numeric"
          {...fields}
        />
        <SelectField
          ctx={ctx}
          name="areaId"
          label={t('ask.area')}
          options={areaOptions(
            data.areas.map((a) => ({ ...a }) as Parameters<typeof areaOptions>[0][number]),
            t('ask.areaUnknown'),
          )}
          {...fields}
        />
        <SelectField
          ctx={ctx}
          name="language"
          label={t('ask.language')}
          options={[...new Set([...ASK_LANGUAGES, ...(language ? [language] : [])])].map(
            (code) => ({ value: code, label: languageLabel(code, ctx.lang) }),
          )}
          {...fields}
        />
        <Submit>{t('requestEdit.submit')}</Submit>
      </Form>
      <p>
        <a href={base}>{t('requestEdit.back')}</a>
      </p>
    </Layout>
  );
}

export function registerRequestEditPages(app: FastifyInstance, deps: Deps): void {
  const render = async (
    req: Parameters<Parameters<typeof pageRoute<Params>>[4]>[0],
    scope: NetworkScope,
    state: FormState,
  ) => (
    <EditPage
      ctx={pageCtx(req, scopeNav(scope))}
      scope={scope}
      data={await requestForEdit(deps, { actor: req.ctx.actor, scope, requestId: req.params.id })}
      state={state}
    />
  );
  pageRoute<Params>(app, deps, '/n/:slug/requests/:id/edit', 'requests.triage', (req, scope) =>
    render(req, scope, {}),
  );
  formRoute<Params>(
    app,
    deps,
    '/n/:slug/requests/:id/edit',
    'requests.triage',
  )({
    schema: EditForm,
    render,
    run: async (req, scope, { version, ...input }) => {
      const changed = await editRequest(deps, {
        actor: req.ctx.actor,
        scope,
        requestId: req.params.id,
        version,
        input,
      });
      return `/n/${scope.network.slug}/requests/${req.params.id}?done=${changed.length ? 'edited' : 'unchanged'}`;
    },
  });
}
