/**
 * The network's areas on a map (issue 12), for admins: the map drawn on the server, the same
 * facts as a table beside it, areas uploaded as GeoJSON (all or nothing, every problem named)
 * and the areas downloaded as GeoJSON.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { polygonParts } from '../../domain/maps/areas.ts';
import { areasToGeoJson } from '../../domain/maps/geojson-export.ts';
import { renderMap } from '../../domain/maps/render.ts';
import type { Area } from '../core/area.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { CsrfField, ErrorSummary, Field, Submit } from '../pages/components.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { uploadAreas } from './area-import.service.ts';
import { problemMessages } from './geojson-problems.ts';
import { areasOf } from './network.service.ts';

type Slug = { Params: { slug: string }; Querystring: { added?: string } };

/** A pasted or uploaded file of at most 2 MB (the form body's own limit). */
const UploadForm = Type.Object({
  geojson: Type.String({ minLength: 1, maxLength: 2_000_000, 'x-error': 'areas.upload.none' }),
});

function shapeWords(ctx: PageCtx, a: Area): string {
  const parts = polygonParts(a.polygon).length;
  if (parts > 1) return ctx.t('area.multiPolygon', { parts });
  if (parts === 1) return ctx.t('area.polygon');
  return ctx.t('area.circleShort', { km: ((a.radiusM ?? 0) / 1000).toFixed(1) });
}

/** The network's areas as one inline SVG, described by their names. */
export function AreasMap({ ctx, areas }: { ctx: PageCtx; areas: readonly Area[] }) {
  const { t } = ctx;
  const { svg } = renderMap({
    id: 'areas-map',
    title: t('areas.map.title'),
    description:
      areas.length === 0
        ? t('areas.map.descNone')
        : t('areas.map.desc', { count: areas.length, names: areas.map((a) => a.name).join(', ') }),
    areas,
    viewport: { width: 640, height: 420 },
  });
  // biome-ignore lint/security/noDangerouslySetInnerHtml: drawn by renderMap, every text escaped
  return <div class="map" dangerouslySetInnerHTML={{ __html: svg }} />;
}

function AreasMapPage({
  ctx,
  scope,
  areas,
  state,
  problems,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  state: FormState;
  problems: string[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}`;
  return (
    <Layout ctx={ctx} title={t('areas.map.heading')} notice={notice}>
      <h1>{t('areas.map.heading')}</h1>
      <AreasMap ctx={ctx} areas={areas} />
      {areas.length > 0 && (
        <Table headers={[t('field.areaName'), t('area.shape')]}>
          {areas.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{shapeWords(ctx, a)}</td>
            </tr>
          ))}
        </Table>
      )}
      <p>
        <a href={`${base}/areas.geojson`} download="areas.geojson">
          {t('areas.export')}
        </a>
      </p>
      <h2 id="upload">{t('areas.upload.heading')}</h2>
      <ErrorSummary
        ctx={ctx}
        errors={state.errors}
        labels={{ geojson: t('areas.upload.file') }}
        message={state.message}
      />
      {problems.length > 0 && (
        <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="upload-problems">
          <h3 id="upload-problems">{t('areas.upload.failed', { count: problems.length })}</h3>
          <ol>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
        </div>
      )}
      <form method="post" action={`${base}/areas/upload#upload`} novalidate>
        <CsrfField ctx={ctx} />
        <Field
          ctx={ctx}
          name="geojson"
          label={t('areas.upload.file')}
          hint={t('areas.upload.hint')}
          multiline
          values={state.values}
          errors={state.errors}
        />
        <Submit>{t('areas.upload.submit')}</Submit>
      </form>
      <p>
        <a href={`${base}/settings#areas`}>{t('settings.title')}</a>
      </p>
    </Layout>
  );
}

export function registerAreasMapPages(app: FastifyInstance, deps: Deps): void {
  const page = async (
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    state: FormState = {},
    problems: string[] = [],
  ) => {
    const added = Number(req.query.added);
    return (
      <AreasMapPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        areas={await areasOf(deps, { scope })}
        state={state}
        problems={problems}
        notice={
          Number.isInteger(added) && added > 0
            ? req.ctx.t('areas.upload.done', { count: added })
            : undefined
        }
      />
    );
  };

  app.get<Slug>('/n/:slug/areas/map', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'areas.manage');
    return sendPage(reply, await page(req, scope));
  });

  app.post<Slug>('/n/:slug/areas/upload', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'areas.manage');
    return handleForm(req, reply, {
      schema: UploadForm,
      render: (state) => page(req, scope, state),
      run: async ({ geojson }) => {
        const result = await uploadAreas(deps, { actor: req.ctx.actor, scope, text: geojson });
        if (result.ok) return `/n/${scope.network.slug}/areas/map?added=${result.added}`;
        const problems = problemMessages(req.ctx.t, result.problems, geojson);
        return { page: await page(req, scope, { values: { geojson } }, problems), status: 422 };
      },
    });
  });

  app.get<Slug>('/n/:slug/areas.geojson', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'areas.manage');
    const areas = await areasOf(deps, { scope });
    return reply
      .type('application/geo+json; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${scope.network.slug}-areas.geojson"`)
      .send(JSON.stringify(areasToGeoJson(areas)));
  });
}
