/**
 * Drawing a new area's outline on the map (issue 12), for admins, with no JavaScript: the map
 * is the image of an `<input type="image" name="draw">`; each press adds a corner (the
 * outline so far rides in a hidden field and in the image's own address), "undo" and "start
 * again" change it, "save" closes the outline and adds the area through the same service as
 * the settings form. The rules of a press are in domain/maps/draw.ts.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { LatLng } from '../../domain/geo/geo.ts';
import type { MapArea } from '../../domain/maps/areas.ts';
import {
  addPoint,
  closeOutline,
  DRAW_SIZE,
  drawView,
  formatPoints,
  parsePoints,
} from '../../domain/maps/draw.ts';
import { parseImageClick } from '../../domain/maps/picker.ts';
import { project } from '../../domain/maps/projection.ts';
import { type MapInput, mapProjection, renderMap } from '../../domain/maps/render.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import type { Deps } from '../core/deps.ts';
import { authorize, type NetworkScope } from '../core/scope.ts';
import { formValues } from '../http/forms.ts';
import { Field, fieldMessage, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import { handleForm } from '../pages/form-route.ts';
import type { FormState } from '../pages/form-state.ts';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { addArea, areasOf } from './network.service.ts';

type Slug = { Params: { slug: string }; Querystring: { points?: string } };

const SaveForm = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 80 }),
  points: Type.String({ maxLength: 2000 }),
});

const STEP_ERRORS: Record<string, MessageKey> = {
  missing: 'areas.draw.invalid',
  invalid: 'areas.draw.invalid',
  keyboard: 'areas.draw.keyboard',
  outside: 'areas.draw.outside',
  tooMany: 'areas.draw.tooMany',
  crosses: 'areas.draw.crosses',
  same: 'areas.draw.same',
  tooFew: 'areas.draw.tooFew',
  flat: 'areas.draw.flat',
};

function drawInput(areas: readonly MapArea[]): MapInput {
  const view = drawView(areas);
  return {
    areas,
    viewport: { width: DRAW_SIZE, height: DRAW_SIZE },
    ...(view ? { fit: view } : {}),
  };
}

/** The outline so far over the map: its edges and each corner, numbered. */
function overlay(input: MapInput, points: readonly LatLng[]): string {
  if (points.length === 0) return '';
  const pr = mapProjection(input);
  const px = points.map((p) => project(pr, p));
  const path = px.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
  const closing =
    px.length >= 3
      ? `<polygon points="${path}" fill="#5b2a86" fill-opacity="0.15" stroke="none"/>`
      : '';
  const corners = px
    .map(
      (p, i) =>
        `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="5" fill="#fff" stroke="#5b2a86" stroke-width="2"/>` +
        `<text x="${(p.x + 7).toFixed(1)}" y="${(p.y - 6).toFixed(1)}" font-size="11" fill="#1a1a1a" stroke="#fff" stroke-width="3" paint-order="stroke">${i + 1}</text>`,
    )
    .join('');
  return `<g aria-hidden="true">${closing}<polyline points="${path}" fill="none" stroke="#5b2a86" stroke-width="2.5" stroke-dasharray="6 3"/>${corners}</g>`;
}

export function drawSvg(
  t: PageCtx['t'],
  areas: readonly MapArea[],
  points: readonly LatLng[],
): string {
  const input = drawInput(areas);
  const { svg } = renderMap({
    id: 'draw',
    title: t('areas.draw.mapTitle'),
    description: t('areas.draw.alt'),
    grid: false,
    ...input,
  });
  return svg.replace(/<\/svg>\s*$/, `${overlay(input, points)}</svg>`);
}

function DrawPage({
  ctx,
  scope,
  points,
  state,
  stepError,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  points: readonly LatLng[];
  state: FormState;
  stepError?: MessageKey | undefined;
}) {
  const { t } = ctx;
  const base = `/n/${scope.network.slug}`;
  const text = formatPoints(points);
  const errors: FieldErrors | undefined = stepError
    ? { ...(state.errors ?? {}), draw: { key: stepError } }
    : state.errors;
  const drawError = fieldMessage(ctx, errors, 'draw') ?? fieldMessage(ctx, errors, 'points');
  return (
    <Layout ctx={ctx} title={t('areas.draw.heading')}>
      <h1>{t('areas.draw.heading')}</h1>
      <p>{t('areas.draw.intro')}</p>
      <Form
        ctx={ctx}
        action={`${base}/areas/draw`}
        state={{ ...state, values: { ...(state.values ?? {}), points: text }, errors }}
        labels={{
          name: t('field.areaName'),
          draw: t('areas.draw.mapTitle'),
          points: t('areas.draw.mapTitle'),
        }}
      >
        <Field ctx={ctx} name="name" label={t('field.areaName')} />
        {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would widen the page at 320 px (as the place picker) */}
        <div
          id="field-draw"
          class={drawError ? 'field place-picker has-error' : 'field place-picker'}
          role="group"
          aria-labelledby="field-draw-legend"
          aria-describedby="field-draw-status"
        >
          <p id="field-draw-legend">
            <strong>{t('areas.draw.legend')}</strong>
          </p>
          {drawError && (
            <p class="error" id="field-draw-error">
              {drawError}
            </p>
          )}
          <p id="field-draw-status" aria-live="polite">
            {points.length === 0
              ? t('areas.draw.none')
              : t(points.length === 1 ? 'areas.draw.count.one' : 'areas.draw.count.other', {
                  count: points.length,
                })}
          </p>
          <input
            type="image"
            class="map-picker"
            name="draw"
            src={`${base}/areas/draw.svg${text ? `?points=${encodeURIComponent(text)}` : ''}`}
            width={DRAW_SIZE}
            height={DRAW_SIZE}
            alt={t('areas.draw.alt')}
          />
          <input type="hidden" name="points" value={text} />
          {points.length > 0 && (
            <p class="actions">
              <button type="submit" class="button secondary" name="drawUndo" value="1">
                {t('areas.draw.undo')}
              </button>
              <button type="submit" class="button secondary" name="drawClear" value="1">
                {t('areas.draw.clear')}
              </button>
            </p>
          )}
        </div>
        <Submit>{t('areas.draw.save')}</Submit>
      </Form>
      <p>
        <a href={`${base}/areas/map#upload`}>{t('areas.upload.heading')}</a> ·{' '}
        <a href={`${base}/settings#areas`}>{t('settings.title')}</a>
      </p>
    </Layout>
  );
}

export function registerAreaDrawPages(app: FastifyInstance, deps: Deps): void {
  const page = async (
    req: FastifyRequest<Slug>,
    scope: NetworkScope,
    points: readonly LatLng[],
    state: FormState = {},
    stepError?: MessageKey,
  ) => (
    <DrawPage
      ctx={pageCtx(req, scopeNav(scope))}
      scope={scope}
      points={points}
      state={state}
      stepError={stepError}
    />
  );

  app.get<Slug>('/n/:slug/areas/draw', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'areas.manage');
    return sendPage(reply, await page(req, scope, []));
  });

  app.get<Slug>('/n/:slug/areas/draw.svg', { schema: { hide: true } }, async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'areas.manage');
    const points = parsePoints(req.query.points) ?? [];
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('Cache-Control', 'private, no-cache')
      .header('Vary', 'Cookie, Accept-Language')
      .send(drawSvg(req.ctx.t, await areasOf(deps, { scope }), points));
  });

  app.post<Slug>('/n/:slug/areas/draw', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    authorize(scope, 'areas.manage');
    const values = formValues(req.body);
    const points = parsePoints(values.points);
    const { name = '' } = values;
    const kept = { name };
    // A crafted outline: start again, saying so; what was typed stays.
    if (!points)
      return sendPage(
        reply,
        await page(req, scope, [], { values: kept }, 'areas.draw.invalid'),
        422,
      );
    if (values.drawClear !== undefined)
      return sendPage(reply, await page(req, scope, [], { values: kept }));
    if (values.drawUndo !== undefined)
      return sendPage(reply, await page(req, scope, points.slice(0, -1), { values: kept }));
    if (values['draw.x'] !== undefined || values['draw.y'] !== undefined) {
      const areas = await areasOf(deps, { scope });
      const step = addPoint(
        mapProjection(drawInput(areas)),
        parseImageClick(values['draw.x'], values['draw.y']),
        points,
      );
      if (!step.ok) {
        const status = step.reason === 'keyboard' ? 200 : 422;
        return sendPage(
          reply,
          await page(req, scope, points, { values: kept }, STEP_ERRORS[step.reason]),
          status,
        );
      }
      return sendPage(reply, await page(req, scope, step.points, { values: kept }));
    }
    const outline = closeOutline(points);
    return handleForm(req, reply, {
      schema: SaveForm,
      check: (): FieldErrors => (outline.ok ? {} : { draw: { key: STEP_ERRORS[outline.reason]! } }),
      render: (state) =>
        page(req, scope, points, { ...state, values: { ...kept, ...(state.values ?? {}) } }),
      run: async ({ name: areaName }) => {
        if (!outline.ok) throw new Error('unreachable: checked above');
        await addArea(deps, {
          actor: req.ctx.actor,
          scope,
          input: {
            name: areaName,
            lat: outline.centre.lat,
            lng: outline.centre.lng,
            polygon: JSON.stringify(outline.polygon),
          },
        });
        return `/n/${scope.network.slug}/settings?done=areaAdded#areas`;
      },
    });
  });
}
