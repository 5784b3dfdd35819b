import type { FastifyInstance } from 'fastify';
import type { ShownCount } from '../../domain/announcements/small-counts.ts';
import type { AnswerContext } from '../../domain/surveys/answers.ts';
import type { QuestionResult } from '../../domain/surveys/results.ts';
import { findChoiceList, findQuestion, pick, type Survey } from '../../domain/surveys/survey.ts';
import type { Deps } from '../core/deps.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { resultsOf } from './survey.service.ts';

type One = { Params: { slug: string; id: string } };

function countText(ctx: PageCtx, c: ShownCount): string {
  return c.kind === 'count' ? String(c.n) : ctx.t('survey.results.fewer');
}

function columnLabel(
  ctx: PageCtx,
  survey: Survey,
  q: QuestionResult,
  col: string,
  answer: AnswerContext,
): string {
  const lang = ctx.lang;
  const def = survey.defaultLanguage;
  if (q.type === 'yes_no') return col === 'yes' ? ctx.t('survey.yes') : ctx.t('survey.no');
  if (q.type === 'number') return ctx.t('survey.results.answered');
  if (q.type === 'area')
    return pick(answer.areas.find((a) => a.key === col)?.label, lang, def) || col;
  const question = findQuestion(survey, q.name);
  const choice = findChoiceList(survey, question?.choiceList)?.choices.find((c) => c.name === col);
  return choice ? pick(choice.label, lang, def) || col : col;
}

/** Bars as SVG beside the table of the same numbers; a hidden count draws no bar. */
function Bars({
  ctx,
  labels,
  counts,
  title,
}: {
  ctx: PageCtx;
  labels: string[];
  counts: ShownCount[];
  title: string;
}) {
  const max = Math.max(1, ...counts.map((c) => (c.kind === 'count' ? c.n : 0)));
  const row = 22;
  return (
    <svg
      class="chart"
      role="img"
      viewBox={`0 0 300 ${labels.length * row}`}
      width="100%"
      aria-label={title}
    >
      {labels.map((l, i) => {
        const c = counts[i]!;
        const w = c.kind === 'count' ? (c.n / max) * 150 : 0;
        return (
          <g key={i}>
            <text x="0" y={i * row + 15} font-size="12">
              {l.slice(0, 22)}
            </text>
            <rect x="140" y={i * row + 4} width={w} height="14" fill="#1d5f8a" />
            <text x={145 + w} y={i * row + 15} font-size="12">
              {countText(ctx, c)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function registerSurveyResultsPages(app: FastifyInstance, deps: Deps): void {
  app.get<One>('/n/:slug/surveys/:id/results', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const r = await resultsOf(deps, { scope, id: req.params.id });
    const ctx = pageCtx(req, scopeNav(scope));
    const { t } = ctx;
    const def = r.survey.definition;
    const title = t('survey.results.title', { title: r.survey.title });
    return sendPage(
      reply,
      <Layout ctx={ctx} title={title}>
        <h1>{title}</h1>
        <p>
          {t('survey.results.total', {
            count: r.total,
            web: r.channels.web ?? 0,
            sms: r.channels.sms ?? 0,
            paper: r.channels.paper ?? 0,
          })}
        </p>
        <p class="muted">{t('survey.results.small')}</p>
        {r.results.questions.map((q) => {
          const question = findQuestion(def, q.name);
          const label = pick(question?.label, ctx.lang, def.defaultLanguage) || q.name;
          const labels = [
            ...q.columns.map((c) => columnLabel(ctx, def, q, c, r.ctx)),
            t('survey.results.noAnswer'),
          ];
          return (
            <section key={q.name} aria-labelledby={`r-${q.name}`}>
              <h2 id={`r-${q.name}`}>{label}</h2>
              <Bars
                ctx={ctx}
                labels={labels}
                counts={[...q.overall]}
                title={t('survey.results.chart', { question: label })}
              />
              <Table headers={[t('survey.results.answer'), t('survey.results.count')]}>
                {labels.map((l, i) => (
                  <tr key={i}>
                    <td>{l}</td>
                    <td>{countText(ctx, q.overall[i]!)}</td>
                  </tr>
                ))}
              </Table>
              {q.mean !== null && <p>{t('survey.results.mean', { mean: q.mean })}</p>}
            </section>
          );
        })}
        <h2>{t('survey.results.freeText')}</h2>
        {r.freeText.every((f) => f.answers.length === 0) ? (
          <p>{t('survey.results.noText')}</p>
        ) : (
          r.freeText
            .filter((f) => f.answers.length > 0)
            .map((f) => (
              <section key={f.name}>
                <h3>
                  {pick(findQuestion(def, f.name)?.label, ctx.lang, def.defaultLanguage) || f.name}
                </h3>
                <ul>
                  {f.answers.map((a, i) => (
                    <li key={i}>{a}</li>
                  ))}
                </ul>
              </section>
            ))
        )}
      </Layout>,
    );
  });
}
