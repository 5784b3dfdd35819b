import type { Static } from 'typebox';
import { DEFAULT_CATEGORIES } from '../../domain/requests/categories.ts';
import { DAYS, maskFromNames, namesFromMask, PARTS } from '../../domain/time/weekly-slots.ts';
import type { Area } from '../core/area.ts';
import type { NetworkScope } from '../core/scope.ts';
import type { FormValues } from '../http/forms.ts';
import { areaOptions, ChoiceGroup, languageName } from '../pages/choices.tsx';
import { ErrorSummary, Field, SelectField, Submit } from '../pages/components.tsx';
import { Form } from '../pages/form.tsx';
import type { FormState } from '../pages/form-state.ts';
import type { PageCtx } from '../pages/page-context.ts';
import { type PlaceNames, placeErrors } from '../pages/place-pick.ts';
import { PlacePicker } from '../pages/place-picker.tsx';
import { Table } from '../pages/table.tsx';
import {
  FORM_LANGUAGES,
  parseDecimal,
  SLOT_NAMES,
  TRANSPORTS,
  type VolunteerProfileForm,
} from './offer.schema.ts';
import { capitalise } from './offer-components.tsx';
import type { VolunteerProfile } from './volunteer-profile.repository.ts';
import { parseLanguageList, type VolunteerProfileInput } from './volunteer-profile.rules.ts';

/**
 * The volunteer profile form: its fields, and the mapping between a saved profile, what the
 * form posts (checkboxes by name, numbers as typed) and the service's input.
 */
/** The home cell's hidden fields, and the list of areas a keyboard press is sent to. */
export const HOME_PLACE: PlaceNames = { lat: 'homeLat', lng: 'homeLng', list: 'homeAreaId' };

/** A saved profile as the form shows it: the same field names the form posts. */
export function profileValues(p: VolunteerProfile | null): FormValues {
  if (!p) return { radiusKm: '3', weeklyHourCap: '4' };
  const v: FormValues = {
    transport: p.transport,
    radiusKm: String(p.radiusKm),
    weeklyHourCap: String(p.weeklyHourCap),
    homeAreaId: p.homeArea?.id ?? '',
    homeLat: p.home ? String(p.home.lat) : '',
    homeLng: p.home ? String(p.home.lng) : '',
    skills: p.skills,
    otherLanguages: p.languages
      .filter((l) => !(FORM_LANGUAGES as readonly string[]).includes(l))
      .join(', '),
  };
  if (p.hasCar) v.hasCar = '1';
  for (const c of p.categories) v[`category-${c}`] = '1';
  for (const l of p.languages) v[`language-${l}`] = '1';
  for (const s of namesFromMask(p.availability)) v[`slot-${s}`] = '1';
  return v;
}

/** The posted form as a profile: the checkboxes are read by their names. */
export function inputFromForm(
  form: Static<typeof VolunteerProfileForm>,
  values: FormValues,
): VolunteerProfileInput {
  const ticked = (name: string) => Boolean(values[name]);
  const num = (s: string | undefined) => (s === undefined ? null : parseDecimal(s));
  return {
    categories: DEFAULT_CATEGORIES.filter((c) => ticked(`category-${c}`)),
    languages: [
      ...new Set([
        ...FORM_LANGUAGES.filter((l) => ticked(`language-${l}`)),
        ...parseLanguageList(form.otherLanguages ?? ''),
      ]),
    ],
    availability: maskFromNames(SLOT_NAMES.filter((s) => ticked(`slot-${s}`))),
    transport: form.transport,
    hasCar: ticked('hasCar'),
    homeAreaId: form.homeAreaId || null,
    homeLat: num(form.homeLat),
    homeLng: num(form.homeLng),
    radiusKm: parseDecimal(form.radiusKm),
    weeklyHourCap: parseDecimal(form.weeklyHourCap),
    skills: form.skills ?? '',
  };
}

/**
 * The week as a 7×3 table of checkboxes, each named by its row and column headers. A group
 * (role="group", named by its heading) rather than a fieldset: a fieldset grows to the width
 * of its table (min-inline-size: min-content), so at 320 px the page would scroll sideways.
 */
function AvailabilityGrid({ ctx, values }: { ctx: PageCtx; values: FormValues }) {
  const { t } = ctx;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would widen the page (see above)
    <div
      id="field-availability"
      class="field"
      role="group"
      aria-labelledby="field-availability-legend"
      aria-describedby="field-availability-hint"
    >
      <p id="field-availability-legend">
        <strong>{t('volunteering.availability')}</strong>
      </p>
      <p class="hint" id="field-availability-hint">
        {t('volunteering.availabilityHint')}
      </p>
      <Table
        labelledBy="field-availability-legend"
        headers={[
          t('volunteering.day'),
          ...PARTS.map((p) => ({ label: t(`volunteering.part.${p}`), id: `slot-part-${p}` })),
        ]}
      >
        {DAYS.map((d) => (
          <tr key={d}>
            <th scope="row" id={`slot-day-${d}`}>
              {t(`volunteering.day.${d}`)}
            </th>
            {PARTS.map((p) => (
              <td key={p}>
                <input
                  type="checkbox"
                  id={`slot-${d}-${p}`}
                  name={`slot-${d}-${p}`}
                  value="1"
                  checked={Boolean(values[`slot-${d}-${p}`])}
                  aria-labelledby={`slot-day-${d} slot-part-${p}`}
                />
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </div>
  );
}

export function ProfileForm({
  ctx,
  scope,
  areas,
  state,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  areas: Area[];
  state: FormState & { values: FormValues };
}) {
  const { t } = ctx;
  const { values } = state;
  const errors = placeErrors(state.errors, HOME_PLACE);
  const labels: Record<string, string> = {
    categories: t('volunteering.categories'),
    languages: t('volunteering.languages'),
    otherLanguages: t('volunteering.otherLanguages'),
    transport: t('volunteering.transport'),
    homeAreaId: t('volunteering.homeArea'),
    place: t('maps.picker.legend'),
    radiusKm: t('volunteering.radiusKm'),
    weeklyHourCap: t('volunteering.hourCap'),
    skills: t('volunteering.skills'),
  };
  return (
    <>
      <ErrorSummary ctx={ctx} errors={errors} labels={labels} message={state.message} />
      <Form ctx={ctx} action={`/n/${scope.network.slug}/volunteering`}>
        <ChoiceGroup
          ctx={ctx}
          name="categories"
          legend={t('volunteering.categories')}
          type="checkbox"
          values={values}
          errors={errors}
          options={DEFAULT_CATEGORIES.map((c) => ({
            field: `category-${c}`,
            value: c,
            label: t(`category.${c}`),
          }))}
        />
        <ChoiceGroup
          ctx={ctx}
          name="languages"
          legend={t('volunteering.languages')}
          type="checkbox"
          values={values}
          errors={errors}
          options={FORM_LANGUAGES.map((l) => ({
            field: `language-${l}`,
            value: l,
            label: capitalise(languageName(ctx, l)),
          }))}
        />
        <Field
          ctx={ctx}
          name="otherLanguages"
          label={t('volunteering.otherLanguages')}
          hint={t('volunteering.otherLanguagesHint')}
          values={values}
          errors={errors}
        />
        <ChoiceGroup
          ctx={ctx}
          name="transport"
          legend={t('volunteering.transport')}
          type="radio"
          values={values}
          errors={errors}
          options={TRANSPORTS.map((m) => ({
            field: 'transport',
            value: m,
            label: t(`transport.${m}`),
          }))}
        />
        <ChoiceGroup
          ctx={ctx}
          name="car"
          legend={t('volunteering.car')}
          type="checkbox"
          values={values}
          options={[{ field: 'hasCar', value: 'yes', label: t('volunteering.hasCar') }]}
        />
        <SelectField
          ctx={ctx}
          name="homeAreaId"
          label={t('volunteering.homeArea')}
          hint={t('volunteering.homeAreaHint')}
          values={values}
          errors={errors}
          options={areaOptions(areas, t('volunteering.noArea'))}
        />
        <PlacePicker
          ctx={ctx}
          slug={scope.network.slug}
          areas={areas}
          values={values}
          errors={errors}
          names={HOME_PLACE}
        />
        <Field
          ctx={ctx}
          name="radiusKm"
          label={t('volunteering.radiusKm')}
          hint={t('volunteering.radiusHint')}
          inputmode="decimal"
          values={values}
          errors={errors}
        />
        <AvailabilityGrid ctx={ctx} values={values} />
        <Field
          ctx={ctx}
          name="weeklyHourCap"
          label={t('volunteering.hourCap')}
          hint={t('volunteering.hourCapHint')}
          inputmode="decimal"
          values={values}
          errors={errors}
        />
        <Field
          ctx={ctx}
          name="skills"
          label={t('volunteering.skills')}
          hint={t('volunteering.skillsHint')}
          multiline
          values={values}
          errors={errors}
        />
        <Submit>{t('volunteering.save')}</Submit>
      </Form>
    </>
  );
}
