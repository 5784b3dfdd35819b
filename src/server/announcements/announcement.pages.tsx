import type { FastifyInstance, FastifyRequest } from 'fastify';
import { can } from '../../domain/access/roles.ts';
import { AUDIENCE_ROLES, type Audience } from '../../domain/announcements/audience.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { areasOf } from '../networks/network.service.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import { ErrorSummary, Field, languageOptions, SelectField, When } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import type { Announcement } from './announcement.repository.ts';
import { AnnouncementForm } from './announcement.schema.ts';
import {
  announcementsFor,
  previewAnnouncement,
  type Reach,
  sendAnnouncement,
  viewAnnouncement,
} from './announcement.service.ts';

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

/** "Volunteers · Old Town · Español": who it went to, in the reader's words. */
export function audienceText(ctx: PageCtx, a: Announcement): string {
  const { t } = ctx;
  const parts = [t(`announce.role.${a.audience.role}`)];
  if (a.audience.areaId) parts.push(a.areaName ?? t('announce.areaGone'));
  if (a.audience.language)
    parts.push(
      languageOptions(ctx.lang).find((l) => l.value === a.audience.language)?.label ??
        a.audience.language,
    );
  return parts.join(' · ');
}

/** The body as paragraphs: the coordinator's blank lines kept, their text escaped. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((p, i) => (
        <p key={i} class="pre-line">
          {p}
        </p>
      ))}
    </>
  );
}

function ListPage({
  ctx,
  scope,
  all,
  items,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  all: boolean;
  items: Announcement[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}`;
  return (
    <Layout ctx={ctx} title={t('announce.title')} notice={notice}>
      <h1>{t('announce.title')}</h1>
      <p>{all ? t('announce.introCoordinator') : t('announce.intro')}</p>
      {all && (
        <p>
          <a class="button" href={`${base}/announcements/new`}>
            {t('announce.new')}
          </a>
        </p>
      )}
      {/* Links in their own paragraphs: far enough apart to tap (WCAG 2.2 target size). */}
      {can(scope.role, 'digest.own') && (
        <p>
          <a href={`${base}/digest`}>{t('digest.title')}</a>
        </p>
      )}
      <p>
        <a href={`${base}/board`}>{t('board.title')}</a>
      </p>
      <h2>{all ? t('announce.past') : t('announce.yours')}</h2>
      {items.length === 0 ? (
        <p>{t('announce.none')}</p>
      ) : all ? (
        <Table
          headers={[
            t('announce.field.title'),
            t('announce.audience'),
            t('announce.recipients'),
            t('announce.sentAt'),
          ]}
        >
          {items.map((a) => (
            <tr key={a.id}>
              <td>
                <a href={`${base}/announcements/${a.id}`} lang={a.language}>
                  {a.title}
                </a>
                {a.public && <span class="muted"> · {t('announce.onBoard')}</span>}
              </td>
              <td>{audienceText(ctx, a)}</td>
              <td>{a.recipients}</td>
              <td>
                <When ctx={ctx} iso={a.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <ul class="cards">
          {items.map((a) => (
            <li key={a.id}>
              <a href={`${base}/announcements/${a.id}`} lang={a.language}>
                {a.title}
              </a>
              <p class="muted">
                <When ctx={ctx} iso={a.createdAt} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

function ReachBox({ ctx, reach }: { ctx: PageCtx; reach: Reach }) {
  const { t } = ctx;
  return (
    <section class="notice" aria-labelledby="reach-title">
      <h2 id="reach-title">{t('announce.reach.title')}</h2>
      <ul>
        <li>{t('announce.reach.people', { count: reach.people })}</li>
        <li>{t('announce.reach.email', { count: reach.email })}</li>
        <li>{t('announce.reach.sms', { count: reach.sms })}</li>
      </ul>
      <p class="hint">{t('announce.reach.hint')}</p>
    </section>
  );
}

function NewPage({
  ctx,
  scope,
  areas,
  state,
  reach,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  state: FormState;
  reach?: Reach | undefined;
}) {
  const { t } = ctx;
  const values = { language: ctx.lang, audienceRole: 'everyone', ...state.values };
  const labels = {
    title: t('announce.field.title'),
    body: t('announce.field.body'),
    language: t('announce.field.language'),
    audienceRole: t('announce.field.role'),
    audienceAreaId: t('announce.field.area'),
    audienceLanguage: t('announce.field.audienceLanguage'),
  };
  return (
    <Layout ctx={ctx} title={t('announce.new')}>
      <h1>{t('announce.new')}</h1>
      <p>{t('announce.newIntro')}</p>
      <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} message={state.message} />
      {reach && <ReachBox ctx={ctx} reach={reach} />}
      <Form ctx={ctx} action={`/n/${scope.network.slug}/announcements/new`}>
        <Field
          ctx={ctx}
          name="title"
          label={labels.title}
          hint={t('announce.field.titleHint')}
          values={values}
          errors={state.errors}
        />
        <Field
          ctx={ctx}
          name="body"
          label={labels.body}
          hint={t('announce.field.bodyHint')}
          multiline
          values={values}
          errors={state.errors}
        />
        <SelectField
          ctx={ctx}
          name="language"
          label={labels.language}
          hint={t('announce.field.languageHint')}
          options={languageOptions(ctx.lang)}
          values={values}
          errors={state.errors}
        />
        <h2>{t('announce.audience')}</h2>
        <p class="hint">{t('announce.audienceHint')}</p>
        <ChoiceGroup
          ctx={ctx}
          name="audienceRole"
          legend={labels.audienceRole}
          type="radio"
          options={AUDIENCE_ROLES.map((r) => ({
            field: 'audienceRole',
            value: r,
            label: t(`announce.role.${r}`),
          }))}
          values={values}
          errors={state.errors}
        />
        <SelectField
          ctx={ctx}
          name="audienceAreaId"
          label={labels.audienceAreaId}
          hint={t('announce.field.areaHint')}
          options={areaOptions(areas, t('announce.anyArea'))}
          values={values}
          errors={state.errors}
        />
        <SelectField
          ctx={ctx}
          name="audienceLanguage"
          label={labels.audienceLanguage}
          hint={t('announce.field.audienceLanguageHint')}
          options={[{ value: '', label: t('announce.anyLanguage') }, ...languageOptions(ctx.lang)]}
          values={values}
          errors={state.errors}
        />
        <ChoiceGroup
          ctx={ctx}
          name="public"
          legend={t('announce.field.publicLegend')}
          hint={t('announce.field.publicHint')}
          type="checkbox"
          options={[{ field: 'public', value: '1', label: t('announce.field.public') }]}
          values={values}
          errors={state.errors}
        />
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="button secondary">
            {t('announce.preview')}
          </button>{' '}
          <button type="submit" name="intent" value="send" class="button">
            {t('announce.send')}
          </button>
        </div>
      </Form>
    </Layout>
  );
}

function ViewPage({ ctx, scope, a }: { ctx: PageCtx; scope: NetworkScope; a: Announcement }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={a.title}>
      <article lang={a.language}>
        <h1>{a.title}</h1>
        <Paragraphs text={a.body} />
      </article>
      <p class="muted">
        <When ctx={ctx} iso={a.createdAt} />
        {can(scope.role, 'announcements.send') &&
          ` · ${audienceText(ctx, a)} · ${t('announce.recipientsCount', { count: a.recipients })}`}
      </p>
      <p>
        <a
          href={
            scope.role ? `/n/${scope.network.slug}/announcements` : `/n/${scope.network.slug}/board`
          }
        >
          {scope.role ? t('announce.back') : t('board.back')}
        </a>
      </p>
    </Layout>
  );
}

export function registerAnnouncementPages(app: FastifyInstance, deps: Deps): void {
  app.get<Slug>('/n/:slug/announcements', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const { all, items } = await announcementsFor(deps, { scope });
    const notice = req.query.done === 'sent' ? req.ctx.t('announce.sentNotice') : undefined;
    return sendPage(
      reply,
      <ListPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        all={all}
        items={items}
        notice={notice}
      />,
    );
  });

  const newPage = async (
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    state: FormState,
    reach?: Reach,
  ) => (
    <NewPage
      ctx={pageCtx(req, scopeNav(scope))}
      scope={scope}
      areas={await areasOf(deps, { scope })}
      state={state}
      reach={reach}
    />
  );

  app.get<Slug>('/n/:slug/announcements/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'announcements.send');
    return sendPage(reply, await newPage(req, scope, {}));
  });

  app.post<Slug>('/n/:slug/announcements/new', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'announcements.send');
    return handleForm(req, reply, {
      schema: AnnouncementForm,
      render: (state) => newPage(req, scope, state),
      run: async (form) => {
        const audience: Audience = {
          role: form.audienceRole,
          areaId: form.audienceAreaId ?? null,
          language: form.audienceLanguage ?? null,
        };
        if (form.intent !== 'send') {
          const reach = await previewAnnouncement(deps, { scope, audience });
          return {
            page: await newPage(req, scope, { values: formValues(req.body) }, reach),
            status: 200,
          };
        }
        await sendAnnouncement(deps, {
          actor: req.ctx.actor,
          scope,
          input: {
            title: form.title,
            body: form.body,
            language: form.language,
            audience,
            public: form.public === '1',
          },
        });
        return `/n/${scope.network.slug}/announcements?done=sent`;
      },
    });
  });

  app.get<{ Params: { slug: string; id: string } }>(
    '/n/:slug/announcements/:id',
    async (req, reply) => {
      const scope = await scopeOf(deps, req);
      const a = await viewAnnouncement(deps, { scope, id: req.params.id });
      return sendPage(reply, <ViewPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} a={a} />);
    },
  );
}
