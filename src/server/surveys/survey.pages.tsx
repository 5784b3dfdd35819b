import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isRole, ROLES } from '../../domain/access/roles.ts';
import { allQuestions } from '../../domain/surveys/survey.ts';
import { AppError } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { CsrfField, Submit } from '../pages/components.tsx';
import { PostButton } from '../pages/form.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { acceptMultipart } from './multipart.ts';
import {
  changeSurveyStatus,
  exportAnswersCsv,
  exportSurvey,
  importSurvey,
  surveyForManager,
  surveysFor,
} from './survey.service.ts';
import { sendSurveyBySms } from './survey-answer.service.ts';
import { issueText, problemText } from './survey-text.ts';

type Slug = { Params: { slug: string }; Querystring: { sent?: string; done?: string } };
type One = { Params: { slug: string; id: string }; Querystring: { sent?: string; done?: string } };

const ctxOf = (req: FastifyRequest, scope: NetworkScope) => pageCtx(req, scopeNav(scope));

async function listPage(
  deps: Deps,
  req: FastifyRequest,
  scope: NetworkScope,
  uploadError?: string,
) {
  const ctx = ctxOf(req, scope);
  const { t } = ctx;
  const { manage, items } = await surveysFor(deps, { scope });
  const base = `/n/${scope.network.slug}/surveys`;
  return (
    <Layout ctx={ctx} title={t('survey.title')}>
      <h1>{t('survey.title')}</h1>
      <p>{manage ? t('survey.introCoordinator') : t('survey.intro')}</p>
      {items.length === 0 ? (
        <p>{manage ? t('survey.none') : t('survey.noneOpen')}</p>
      ) : (
        <Table headers={[t('survey.col.title'), t('survey.col.status'), t('survey.col.responses')]}>
          {items.map((s) => (
            <tr key={s.id}>
              <td>
                <a href={manage ? `${base}/${s.id}` : `${base}/${s.id}/answer`}>{s.title}</a>
              </td>
              <td>{t(`survey.status.${s.status}`)}</td>
              <td>{s.responses}</td>
            </tr>
          ))}
        </Table>
      )}
      {manage && (
        <section aria-labelledby="upload-title">
          <h2 id="upload-title">{t('survey.upload.title')}</h2>
          {uploadError && (
            <div class="error-summary" role="alert" tabindex={-1}>
              <p id="upload-error">{uploadError}</p>
            </div>
          )}
          <form method="post" action={`${base}/upload`} enctype="multipart/form-data" novalidate>
            <CsrfField ctx={ctx} />
            <div class={uploadError ? 'field has-error' : 'field'}>
              <label for="field-xlsform">{t('survey.upload.file')}</label>
              <input
                id="field-xlsform"
                name="xlsform"
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={uploadError ? 'upload-error' : undefined}
                aria-invalid={uploadError ? 'true' : undefined}
              />
            </div>
            <Submit>{t('survey.upload.submit')}</Submit>
          </form>
        </section>
      )}
    </Layout>
  );
}

async function detailPage(deps: Deps, req: FastifyRequest<One>, scope: NetworkScope) {
  const ctx = ctxOf(req, scope);
  const { t } = ctx;
  const { survey, problems } = await surveyForManager(deps, { scope, id: req.params.id });
  const def = survey.definition;
  const base = `/n/${scope.network.slug}/surveys/${survey.id}`;
  const notice =
    req.query.sent !== undefined
      ? t('survey.send.done', { count: Number(req.query.sent) || 0 })
      : req.query.done === 'imported'
        ? t('survey.upload.done')
        : undefined;
  return (
    <Layout ctx={ctx} title={survey.title} notice={notice}>
      <h1>{survey.title}</h1>
      <p>
        {t(`survey.status.${survey.status}`)} ·{' '}
        {t('survey.detail.questions', {
          count: allQuestions(def).length,
          sections: def.sections.length,
        })}{' '}
        · {t('survey.detail.languages', { languages: def.languages.map((l) => l.name).join(', ') })}
      </p>
      {problems.length > 0 && (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">{t('survey.detail.problems')}</h2>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.question ?? p.section ?? p.list ?? p.field}</code>:{' '}
                {problemText(ctx, p.key)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {survey.status !== 'open' && problems.length === 0 && (
        <PostButton
          ctx={ctx}
          action={`${base}/status`}
          fields={{ status: 'open' }}
          label={t('survey.detail.open')}
        />
      )}
      {survey.status === 'open' && (
        <>
          <p>
            <a href={`${base}/answer`}>{t('survey.detail.answer')}</a>
          </p>
          <PostButton
            ctx={ctx}
            action={`${base}/status`}
            fields={{ status: 'closed' }}
            label={t('survey.detail.close')}
            look="secondary"
          />
        </>
      )}
      <p>
        <a href={`${base}/results`}>{t('survey.detail.results')}</a>
      </p>
      <p>
        <a href={`${base}/form.xlsx`}>{t('survey.detail.export')}</a>
      </p>
      <p>
        <a href={`${base}/answers.csv`}>{t('survey.detail.csv')}</a>
      </p>
      {survey.status === 'open' && (
        <section aria-labelledby="send-title">
          <h2 id="send-title">{t('survey.send.title')}</h2>
          <p>{t('survey.send.intro')}</p>
          <form method="post" action={`${base}/send`} novalidate>
            <CsrfField ctx={ctx} />
            <div class="field">
              <label for="field-role">{t('survey.send.role')}</label>
              <select id="field-role" name="role">
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`survey.role.${r}`)}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for="field-language">{t('survey.send.language')}</label>
              <select id="field-language" name="language">
                <option value="">{t('survey.send.anyLanguage')}</option>
                {def.languages.map((l) => (
                  <option key={l.code} value={l.code}>
                    {l.name}
                  </option>
                ))}
              </select>
            </div>
            <Submit>{t('survey.send.submit')}</Submit>
          </form>
        </section>
      )}
      <IssueTable ctx={ctx} issues={survey.importIssues} />
    </Layout>
  );
}

function IssueTable({ ctx, issues }: { ctx: PageCtx; issues: StoredIssues }) {
  const { t } = ctx;
  return (
    <section aria-labelledby="issues-title">
      <h2 id="issues-title">{t('survey.issues.title')}</h2>
      {issues.length === 0 ? (
        <p>{t('survey.issues.none')}</p>
      ) : (
        <Table
          headers={[
            t('survey.issues.sheet'),
            t('survey.issues.row'),
            t('survey.issues.column'),
            t('survey.issues.what'),
          ]}
        >
          {issues.map((i, n) => (
            <tr key={n}>
              <td>{i.sheet}</td>
              <td>{i.row ?? ''}</td>
              <td>{i.column ?? ''}</td>
              <td>
                {issueText(ctx, i)} ({t(`survey.issues.${i.severity}`)})
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
type StoredIssues = Awaited<ReturnType<typeof surveyForManager>>['survey']['importIssues'];

const fileName = (title: string) =>
  title.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || 'survey';

export function registerSurveyPages(app: FastifyInstance, deps: Deps): void {
  app.get<Slug>('/n/:slug/surveys', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    return sendPage(reply, await listPage(deps, req, scope));
  });

  app.register(async (sub) => {
    acceptMultipart(sub);
    sub.post<Slug>('/n/:slug/surveys/upload', async (req, reply) => {
      const scope = await scopeOf(deps, req);
      authorize(scope, 'surveys.manage');
      const file = (req.body as Record<string, unknown> | undefined)?.xlsform;
      const t = req.ctx.t;
      if (!(file instanceof Uint8Array) || file.length === 0)
        return sendPage(reply, await listPage(deps, req, scope, t('survey.upload.missing')), 422);
      const result = await importSurvey(deps, { actor: req.ctx.actor, scope, bytes: file });
      if (!result.ok) {
        const reason = issueText(pageCtx(req), {
          sheet: '',
          row: null,
          column: null,
          reason: result.reason,
          severity: 'dropped',
        });
        return sendPage(reply, await listPage(deps, req, scope, reason), 422);
      }
      return reply.redirect(`/n/${scope.network.slug}/surveys/${result.id}?done=imported`, 303);
    });
  });

  app.get<One>('/n/:slug/surveys/:id', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    return sendPage(reply, await detailPage(deps, req, scope));
  });

  app.post<One>('/n/:slug/surveys/:id/status', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const status = formValues(req.body).status;
    if (status !== 'open' && status !== 'closed') throw new AppError('VALIDATION_FAILED');
    await changeSurveyStatus(deps, { actor: req.ctx.actor, scope, id: req.params.id, status });
    return reply.redirect(`/n/${scope.network.slug}/surveys/${req.params.id}`, 303);
  });

  app.post<One>('/n/:slug/surveys/:id/send', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const v = formValues(req.body);
    const role = typeof v.role === 'string' && isRole(v.role) ? v.role : null;
    if (!role) throw new AppError('VALIDATION_FAILED');
    const language = typeof v.language === 'string' && v.language !== '' ? v.language : null;
    const { sent } = await sendSurveyBySms(deps, {
      actor: req.ctx.actor,
      scope,
      id: req.params.id,
      role,
      language,
    });
    return reply.redirect(`/n/${scope.network.slug}/surveys/${req.params.id}?sent=${sent}`, 303);
  });

  app.get<One>('/n/:slug/surveys/:id/form.xlsx', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const { title, bytes } = await exportSurvey(deps, { scope, id: req.params.id });
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('Content-Disposition', `attachment; filename="${fileName(title)}.xlsx"`)
      .send(Buffer.from(bytes));
  });

  app.get<One>('/n/:slug/surveys/:id/answers.csv', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const { title, csv } = await exportAnswersCsv(deps, {
      actor: req.ctx.actor,
      scope,
      id: req.params.id,
    });
    return reply
      .type('text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${fileName(title)}.csv"`)
      .send(csv);
  });
}
