/**
 * The place picker: the network's map as the image of an `<input type="image">` (a press
 * sends where it was; the server keeps only the 500 m cell, see place-pick.ts), the cell in
 * hidden fields, "forget" and, with JavaScript, "use my location" (static/place-picker.js
 * rounds the point to its cell before anything is sent). Beside it the form keeps its list
 * of areas: the way to choose for a keyboard, a screen reader, or anyone who prefers a list.
 */
import { areaAt, type MapArea } from '../../domain/maps/areas.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import type { FormValues } from '../http/forms.ts';
import { fieldMessage } from './components.tsx';
import type { PageCtx } from './page-context.ts';
import { cellFromValues, PICKER_SIZE, type PlaceNames, pickerQuery } from './place-pick.ts';
import { scriptSrc } from './static-assets.ts';

export function PlacePicker({
  ctx,
  slug,
  areas,
  values,
  errors,
  names,
  legend,
}: {
  ctx: PageCtx;
  slug: string;
  areas: readonly MapArea[];
  values: FormValues;
  errors?: FieldErrors | undefined;
  names: PlaceNames;
  legend?: string;
}) {
  const { t } = ctx;
  const cell = cellFromValues(values, names);
  const area = cell ? areaAt(areas, cell) : null;
  const error = fieldMessage(ctx, errors, 'place');
  const describedBy = ['field-place-hint', 'field-place-status', error ? 'field-place-error' : '']
    .filter(Boolean)
    .join(' ');
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would widen the page at 320 px (as the availability grid)
    <div
      id="field-place"
      class={error ? 'field place-picker has-error' : 'field place-picker'}
      role="group"
      aria-labelledby="field-place-legend"
      aria-describedby={describedBy}
      data-lat={names.lat}
      data-lng={names.lng}
    >
      <p id="field-place-legend">
        <strong>{legend ?? t('maps.picker.legend')}</strong>
      </p>
      <p class="hint" id="field-place-hint">
        {t('maps.picker.hint')}
      </p>
      {error && (
        <p class="error" id="field-place-error">
          {error}
        </p>
      )}
      <p id="field-place-status" aria-live="polite">
        {cell
          ? `${t('maps.picker.chosen')}${area ? ` ${t('maps.picker.inArea', { area: area.name })}` : ''}`
          : t('maps.picker.none')}
      </p>
      <input
        type="image"
        class="map-picker"
        name="place"
        src={`/n/${slug}/map/place.svg${pickerQuery(cell)}`}
        width={PICKER_SIZE}
        height={PICKER_SIZE}
        alt={t('maps.picker.alt')}
      />
      <input type="hidden" name={names.lat} value={values[names.lat] ?? ''} />
      <input type="hidden" name={names.lng} value={values[names.lng] ?? ''} />
      <p class="actions">
        <button
          type="submit"
          class="button secondary js-locate"
          name="placeLocated"
          value="1"
          hidden
        >
          {t('maps.picker.locate')}
        </button>
        {cell && (
          <button type="submit" class="button secondary" name="placeClear" value="1">
            {t('maps.picker.clear')}
          </button>
        )}
      </p>
      <p class="js-locate-failed" hidden data-locating={t('maps.picker.locating')}>
        {t('maps.picker.locateFailed')}
      </p>
      <script src={scriptSrc('place-picker')} defer />
    </div>
  );
}
