import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pick } from '../../domain/surveys/survey.ts';
import type { PageQuestion } from '../../domain/surveys/web-flow.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { CsrfField } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { submitWebSurveyPage, type WebView, webSurveyPage } from './survey-answer.service.ts';
import { answerErrorText } from './survey-text.ts';

type One = { Params: { slug: string; id: string } };

/** One question as form controls: the server decided it is shown; no script is needed. */
function QuestionField({ ctx, pq, lang }: { ctx: PageCtx; pq: PageQuestion; lang: string }) {
  const { t } = ctx;
  const q = pq.question;
  const id = `q-${q.name}`;
  const error = pq.error ? answerErrorText(ctx, pq.error) : null;
  const describedBy =
    [pq.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const value = typeof pq.input === 'string' ? pq.input : '';
  const values = typeof pq.input === 'string' ? [pq.input] : pq.input;
  const head = (
    <>
      {pq.hint && (
        <p class="hint" id={`${id}-hint`}>
          {pq.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
  const req = q.required ? <span class="muted"> {t('survey.answerPage.required')}</span> : null;
  if (q.type === 'note')
    return (
      <div class="field">
        <p>{pq.label}</p>
        {pq.hint && <p class="hint">{pq.hint}</p>}
      </div>
    );
  const options =
    q.type === 'yes_no'
      ? [
          { name: 'yes', label: t('survey.yes') },
          { name: 'no', label: t('survey.no') },
        ]
      : q.type === 'rating'
        ? Array.from({ length: (q.scale?.max ?? 5) - (q.scale?.min ?? 1) + 1 }, (_, i) => {
            const n = String((q.scale?.min ?? 1) + i);
            return { name: n, label: n };
          })
        : pq.choices.map((c) => ({ name: c.name, label: pick(c.label, lang, lang) }));
  if (
    q.type === 'single_choice' ||
    q.type === 'multiple_choice' ||
    q.type === 'yes_no' ||
    q.type === 'rating' ||
    q.type === 'area'
  ) {
    const multiple = q.type === 'multiple_choice';
    return (
      <fieldset class={error ? 'field has-error' : 'field'} aria-describedby={describedBy}>
        <legend>
          {pq.label}
          {req}
        </legend>
        {head}
        {options.map((o) => (
          <label key={o.name} class="choice">
            <input
              type={multiple ? 'checkbox' : 'radio'}
              name={q.name}
              value={o.name}
              checked={values.includes(o.name)}
            />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  const type = q.type === 'date' ? 'date' : 'text';
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>
        {pq.label}
        {req}
      </label>
      {head}
      {q.type === 'text' && q.appearance?.includes('multiline') ? (
        <textarea
          id={id}
          name={q.name}
          rows={4}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={q.name}
          type={type}
          value={value}
          inputmode={q.type === 'number' ? (q.integer ? 'numeric' : 'decimal') : undefined}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      )}
    </div>
  );
}

function AnswerPage({ ctx, view, action }: { ctx: PageCtx; view: WebView; action: string }) {
  const { t } = ctx;
  if (view.kind === 'done')
    return (
      <Layout ctx={ctx} title={view.survey.title}>
        <h1>{view.survey.title}</h1>
        <p role="status">{t('survey.answerPage.done')}</p>
      </Layout>
    );
  const { page, language } = view;
  const sectionLabel = pick(page.section.label, language, view.survey.definition.defaultLanguage);
  return (
    <Layout ctx={ctx} title={view.survey.title}>
      <h1 lang={language}>{view.survey.title}</h1>
      {view.errors && (
        <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="answer-errors">
          <h2 id="answer-errors">{t('survey.answerPage.fix')}</h2>
          <ul>
            {page.questions
              .filter((q) => q.error)
              .map((q) => (
                <li key={q.question.name}>
                  <a href={`#q-${q.question.name}`}>{q.label}</a>: {answerErrorText(ctx, q.error!)}
                </li>
              ))}
          </ul>
        </div>
      )}
      <p class="muted">{t('survey.answerPage.progress', page.progress)}</p>
      <form method="post" action={action} novalidate lang={language}>
        <CsrfField ctx={ctx} />
        {sectionLabel && <h2>{sectionLabel}</h2>}
        {page.questions.map((pq) => (
          <QuestionField key={pq.question.name} ctx={ctx} pq={pq} lang={language} />
        ))}
        <p>
          <button type="submit" class="button">
            {t('survey.answerPage.next')}
          </button>{' '}
          {page.canGoBack && (
            <button type="submit" name="_back" value="1" class="button secondary">
              {t('survey.answerPage.back')}
            </button>
          )}
        </p>
      </form>
      <p class="muted">{t('survey.answerPage.saved')}</p>
    </Layout>
  );
}

/** Every field of the page as sent: repeated names (ticked boxes) as lists. */
function inputsOf(body: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!body || typeof body !== 'object') return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    if (k.startsWith('_')) continue;
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  return out;
}

export function registerSurveyAnswerPages(app: FastifyInstance, deps: Deps): void {
  const render = (req: FastifyRequest<One>, scope: NetworkScope, view: WebView) =>
    AnswerPage({
      ctx: pageCtx(req, scopeNav(scope)),
      view,
      action: `/n/${scope.network.slug}/surveys/${req.params.id}/answer`,
    });
  app.get<One>('/n/:slug/surveys/:id/answer', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const view = await webSurveyPage(deps, { scope, id: req.params.id, language: req.ctx.lang });
    return sendPage(reply, render(req, scope, view));
  });
  app.post<One>('/n/:slug/surveys/:id/answer', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const body = req.body as Record<string, unknown> | undefined;
    const view = await submitWebSurveyPage(deps, {
      actor: req.ctx.actor,
      scope,
      id: req.params.id,
      language: req.ctx.lang,
      inputs: inputsOf(body),
      back: body?._back === '1',
    });
    return sendPage(
      reply,
      render(req, scope, view),
      view.kind === 'page' && view.errors ? 422 : 200,
    );
  });
}
