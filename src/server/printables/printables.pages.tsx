import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from 'typebox';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/i18n.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { smsNumberFor } from '../core/sms-number.ts';
import { type FormValues, formValues, parseForm } from '../http/forms.ts';
import { ChoiceGroup } from '../pages/choices.tsx';
import { ErrorSummary, Field, languageOptions, SelectField, Submit } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import {
  FLYER_LAYOUTS,
  FlyerForm,
  flyerShape,
  RouteSheetForm,
  SignInSheetForm,
} from './printables.schema.ts';
import { flyer, routeSheet, signInSheet, today } from './printables.service.ts';

/** A form as it comes back: what was typed, and the mistakes at their fields. */
interface State {
  values: FormValues;
  errors?: FieldErrors | undefined;
}

/** The end of every dated sheet's form: the day, the sheet's language, and the button. */
function DayLanguageSubmit({
  ctx,
  state,
  dateLabel,
  submit,
}: {
  ctx: PageCtx;
  state: State;
  dateLabel: string;
  submit: string;
}) {
  const { t } = ctx;
  return (
    <>
      <Field
        ctx={ctx}
        name="date"
        type="date"
        label={dateLabel}
        hint={t('print.dateHint')}
        values={state.values}
        errors={state.errors}
      />
      <SelectField
        ctx={ctx}
        name="language"
        label={t('print.language')}
        options={languageOptions(ctx.lang)}
        values={state.values}
        errors={state.errors}
      />
      <p class="hint">{t('print.pdfNote')}</p>
      <Submit>{submit}</Submit>
    </>
  );
}

function PrintPage({
  ctx,
  scope,
  hasSms,
  flyerState,
  sheetState,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  hasSms: boolean;
  flyerState: State;
  sheetState: State;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}/print`;
  const errors = { ...flyerState.errors, ...sheetState.errors };
  return (
    <Layout ctx={ctx} title={t('print.title')}>
      <h1>{t('print.title')}</h1>
      <p>{t('print.intro')}</p>
      <ErrorSummary ctx={ctx} errors={Object.keys(errors).length ? errors : undefined} />

      <h2 id="flyer-title">{t('print.flyer.title')}</h2>
      <p>{t('print.flyer.help')}</p>
      {!hasSms && <p class="muted">{t('print.flyer.noSms')}</p>}
      {/* GET: a PDF changes nothing, and the link can be saved to print again. */}
      <form method="get" action={`${base}/flyer.pdf`} aria-labelledby="flyer-title" novalidate>
        <ChoiceGroup
          ctx={ctx}
          name="languages"
          legend={t('print.flyer.languages')}
          type="checkbox"
          options={LANGUAGES.map((l) => ({
            field: `lang_${l}`,
            value: l,
            label: LANGUAGE_NAMES[l],
          }))}
          values={flyerState.values}
          errors={flyerState.errors}
        />
        <ChoiceGroup
          ctx={ctx}
          name="layout"
          legend={t('print.flyer.layout')}
          type="radio"
          options={FLYER_LAYOUTS.map((l) => ({
            field: 'layout',
            value: l,
            label: t(`print.flyer.layout.${l}`),
          }))}
          values={flyerState.values}
          errors={flyerState.errors}
        />
        <p class="hint">{t('print.pdfNote')}</p>
        <Submit>{t('print.flyer.download')}</Submit>
      </form>

      <h2 id="sheet-title">{t('print.signIn.title')}</h2>
      <p>{t('print.signIn.help')}</p>
      <form
        method="get"
        action={`${base}/sign-in-sheet.pdf`}
        aria-labelledby="sheet-title"
        novalidate
      >
        <Field
          ctx={ctx}
          name="title"
          label={t('print.signIn.sheetTitle')}
          hint={t('print.signIn.sheetTitleHint')}
          values={sheetState.values}
          errors={sheetState.errors}
        />
        <Field
          ctx={ctx}
          name="place"
          label={t('print.signIn.place')}
          hint={t('print.signIn.placeHint')}
          values={sheetState.values}
          errors={sheetState.errors}
        />
        <Field
          ctx={ctx}
          name="rows"
          label={t('print.signIn.rows')}
          hint={t('print.signIn.rowsHint')}
          inputmode="numeric"
          values={sheetState.values}
          errors={sheetState.errors}
        />
        <DayLanguageSubmit
          ctx={ctx}
          state={sheetState}
          dateLabel={t('print.signIn.date')}
          submit={t('print.signIn.download')}
        />
      </form>
    </Layout>
  );
}

function RouteSheetPage({
  ctx,
  scope,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  state: State;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('print.route.title')}>
      <h1>{t('print.route.title')}</h1>
      <ErrorSummary ctx={ctx} errors={state.errors} />
      <p>{t('print.route.help')}</p>
      <form method="get" action={`/n/${scope.network.slug}/tasks/route-sheet.pdf`} novalidate>
        <DayLanguageSubmit
          ctx={ctx}
          state={state}
          dateLabel={t('print.route.date')}
          submit={t('print.route.download')}
        />
      </form>
    </Layout>
  );
}

function sendPdf(reply: FastifyReply, name: string, pdf: Buffer, personal = false): FastifyReply {
  return (
    reply
      .type('application/pdf')
      // A download, not inline: the site-wide CSP (object-src 'none') can keep a browser's
      // own PDF viewer from opening it in the tab, and old phones save PDFs anyway.
      .header('content-disposition', `attachment; filename="${name}.pdf"`)
      // A route sheet holds addresses: no shared cache or back-button copy keeps it.
      .header('cache-control', personal ? 'no-store' : 'private, no-cache')
      .send(pdf)
  );
}

type Slug = { Params: { slug: string }; Querystring: Record<string, string | string[]> };

/**
 * Coordinators' printables (flyer, sign-in sheet) and a volunteer's route sheet. The forms
 * are GET: printing changes nothing but the audit log, and a bad value comes back as the same
 * form (422) with the mistake named at its field, never as a broken PDF.
 */
export function registerPrintablePages(app: FastifyInstance, deps: Deps): void {
  const printPage = (
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    states: { flyer?: State; sheet?: State },
  ) => (
    <PrintPage
      ctx={pageCtx(req, scopeNav(scope))}
      scope={scope}
      hasSms={smsNumberFor(scope.network, deps.config) !== null}
      flyerState={
        states.flyer ?? {
          values: {
            ...Object.fromEntries(LANGUAGES.map((l) => [`lang_${l}`, '1'])),
            layout: 'sections',
          },
        }
      }
      sheetState={
        states.sheet ?? {
          values: {
            date: today(deps.clock, scope.network.timeZone),
            rows: '25',
            language: req.ctx.lang,
          },
        }
      }
    />
  );

  const parse = <S extends TSchema>(
    req: FastifyRequest<Slug>,
    schema: S,
    shape?: (d: Record<string, unknown>) => Record<string, unknown>,
  ) => {
    const values = formValues(req.query);
    return { values, parsed: parseForm(schema, values, shape) };
  };

  app.get<Slug>('/n/:slug/print', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'printables.network');
    return sendPage(reply, printPage(req, scope, {}));
  });

  app.get<Slug>('/n/:slug/print/flyer.pdf', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'printables.network');
    const { values, parsed } = parse(req, FlyerForm, flyerShape);
    if (!parsed.ok) {
      return sendPage(
        reply,
        printPage(req, scope, { flyer: { values, errors: parsed.errors } }),
        422,
      );
    }
    const pdf = await flyer(deps, { scope, ...parsed.value });
    return sendPdf(reply, `flyer-${scope.network.slug}`, pdf);
  });

  app.get<Slug>('/n/:slug/print/sign-in-sheet.pdf', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'printables.network');
    const { values, parsed } = parse(req, SignInSheetForm);
    if (!parsed.ok) {
      return sendPage(
        reply,
        printPage(req, scope, { sheet: { values, errors: parsed.errors } }),
        422,
      );
    }
    const pdf = await signInSheet(deps, { scope, input: parsed.value });
    return sendPdf(reply, `sign-in-${parsed.value.date}`, pdf);
  });

  const routePage = (req: FastifyRequest<Slug>, scope: NetworkScope, state?: State) => (
    <RouteSheetPage
      ctx={pageCtx(req, scopeNav(scope))}
      scope={scope}
      state={
        state ?? {
          values: { date: today(deps.clock, scope.network.timeZone), language: req.ctx.lang },
        }
      }
    />
  );

  app.get<Slug>('/n/:slug/tasks/route-sheet', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'tasks.feed');
    return sendPage(reply, routePage(req, scope));
  });

  app.get<Slug>('/n/:slug/tasks/route-sheet.pdf', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'tasks.feed');
    const { values, parsed } = parse(req, RouteSheetForm);
    if (!parsed.ok) {
      return sendPage(reply, routePage(req, scope, { values, errors: parsed.errors }), 422);
    }
    const pdf = await routeSheet(deps, { actor: req.ctx.actor, scope, ...parsed.value });
    return sendPdf(reply, `route-${parsed.value.date}`, pdf, true);
  });
}
