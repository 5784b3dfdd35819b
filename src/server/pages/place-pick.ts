/**
 * The place picker's steps on the server: a press on the map (an `<input type="image">`
 * sends `place.x`/`place.y`), "use my location" (the script sends a point it has already
 * rounded), or "forget the place". Each step shows the same form again with the 500 m cell
 * in its hidden fields; nothing is saved until the form's own button. Nobody types a
 * latitude: the hidden fields only ever hold a cell centre, rounded again here.
 */
import { type LatLng, roundForPrivacy } from '../../domain/geo/geo.ts';
import type { MapArea } from '../../domain/maps/areas.ts';
import { parseImageClick, pickPlace } from '../../domain/maps/picker.ts';
import { type MapInput, mapProjection } from '../../domain/maps/render.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import type { FormValues } from '../http/forms.ts';
import type { FormState } from './form-state.ts';

/** The picker is drawn 288 px square: it fits a 320 px phone and must never be scaled. */
export const PICKER_SIZE = 288;

export interface PlaceNames {
  lat: string;
  lng: string;
  /** The list of areas beside the map: where a keyboard press is sent (it cannot aim). */
  list?: string;
}

/** A cell as the hidden fields carry it, or null when they hold none (or nonsense). */
export function cellFromValues(values: FormValues, names: PlaceNames): LatLng | null {
  const lat = Number(values[names.lat]);
  const lng = Number(values[names.lng]);
  if (!values[names.lat] || !values[names.lng] || !Number.isFinite(lat) || !Number.isFinite(lng))
    return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat, lng };
}

/** What the picker map is drawn from: the same for the image and for reading a press on it. */
export function pickerInput(areas: readonly MapArea[], selected: LatLng | null): MapInput {
  return {
    areas,
    cells: selected ? [{ at: selected, kind: 'selected' }] : [],
    viewport: { width: PICKER_SIZE, height: PICKER_SIZE },
    fit: 'areas',
    ...(selected ? { fallbackCentre: selected } : {}),
  };
}

/** The query string of the picker image for a selected cell (none: the bare map). */
export function pickerQuery(selected: LatLng | null): string {
  return selected ? `?at=${selected.lat},${selected.lng}` : '';
}

/** The `at` query of the picker image as a cell, or null. */
export function parseAt(at: unknown): LatLng | null {
  if (typeof at !== 'string' || at.length > 40) return null;
  const m = /^(-?\d{1,2}(?:\.\d{1,8})?),(-?\d{1,3}(?:\.\d{1,8})?)$/.exec(at);
  if (!m) return null;
  const lat = Number(m[1]);
  const lng = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? roundForPrivacy({ lat, lng }) : null;
}

const withCell = (values: FormValues, names: PlaceNames, cell: LatLng | null): FormValues => ({
  ...values,
  [names.lat]: cell ? String(cell.lat) : '',
  [names.lng]: cell ? String(cell.lng) : '',
});

const PICK_ERRORS = {
  missing: 'maps.picker.invalid',
  invalid: 'maps.picker.invalid',
  keyboard: 'maps.picker.keyboard',
  outside: 'maps.picker.outside',
  outsideAreas: 'maps.picker.outsideAreas',
} as const;

/**
 * The picker step a post is, as the form state to show again and its status; null when the
 * post is the form's own submit (then the form is handled as always). Fields other than the
 * place are kept as typed.
 */
export function placeStep(
  values: FormValues,
  areas: readonly MapArea[],
  names: PlaceNames,
  { requireArea = false }: { requireArea?: boolean } = {},
): { state: FormState & { values: FormValues }; status: number } | null {
  const clean: FormValues = { ...values };
  for (const k of ['place.x', 'place.y', 'placeClear', 'placeLocated']) delete clean[k];
  if (values.placeClear !== undefined)
    return { state: { values: withCell(clean, names, null) }, status: 200 };
  if (values.placeLocated !== undefined) {
    const at = cellFromValues(values, names);
    if (!at)
      return {
        state: {
          values: withCell(clean, names, null),
          errors: { place: { key: 'maps.picker.locateFailed' } },
        },
        status: 422,
      };
    return { state: { values: withCell(clean, names, roundForPrivacy(at)) }, status: 200 };
  }
  if (values['place.x'] === undefined && values['place.y'] === undefined) return null;
  const before = cellFromValues(values, names);
  const pr = mapProjection(pickerInput(areas, before));
  const pick = pickPlace(pr, parseImageClick(values['place.x'], values['place.y']), areas, {
    requireArea,
  });
  if (!pick.ok) {
    const keyboard = pick.reason === 'keyboard';
    const field = keyboard && names.list ? names.list : 'place';
    return {
      state: { values: clean, errors: { [field]: { key: PICK_ERRORS[pick.reason] } } },
      status: keyboard ? 200 : 422,
    };
  }
  return { state: { values: withCell(clean, names, pick.cell) }, status: 200 };
}

/**
 * Errors of the hidden fields (a cell out of range, half a point: only a crafted post has
 * them) shown at the picker, which is what the reader sees and the summary can link to.
 */
export function placeErrors(
  errors: FieldErrors | undefined,
  names: PlaceNames,
): FieldErrors | undefined {
  if (!errors || !(errors[names.lat] || errors[names.lng])) return errors;
  const { [names.lat]: lat, [names.lng]: lng, ...rest } = errors;
  return { place: (errors.place ?? lat ?? lng)!, ...rest };
}
