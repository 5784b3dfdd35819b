import { emergencyNumbers } from '../../domain/networks/emergency-numbers.ts';
import { URGENCIES } from '../../domain/requests/categories.ts';
import { autonym, languageName } from '../../domain/text/language-names.ts';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { Area } from '../core/area.ts';
import type { Network } from '../core/network.ts';
import { areaOptions, ChoiceGroup } from '../pages/choices.tsx';
import { Field, SelectField } from '../pages/components.tsx';
import type { FormState } from '../pages/form-state.ts';
import type { PageCtx } from '../pages/page-context.ts';
import { WHEN } from './request.schema.ts';

/**
 * The languages the ask form offers by name (the ones most asked for in mutual aid networks
 * here, after the two Mutua speaks); any other is typed by its name under "Another language".
 */
export const ASK_LANGUAGES = [
  'en',
  'es',
  'ar',
  'zh',
  'fr',
  'pt',
  'ru',
  'uk',
  'vi',
  'tl',
  'ko',
  'ht',
  'fa',
  'so',
  'ti',
  'am',
  'pl',
];

/** "Arabic (العربية)": the reader's name for it, and its own when different. */
export function languageLabel(code: string, readerLang: string): string {
  const name = languageName(code, readerLang);
  const own = autonym(code);
  return name.toLowerCase() === own.toLowerCase() ? name : `${name} (${own})`;
}

/**
 * The emergency number beside "right now: health or safety at risk", before anything is sent:
 * the network's own, else its country's default (with the split numbers where the country
 * has them). Shown to everyone without JavaScript; with it, only while that choice is ticked.
 */
export function EmergencyNote({
  ctx,
  network,
}: {
  ctx: PageCtx;
  network: Pick<Network, 'emergencyNumber' | 'country'>;
}) {
  const { t } = ctx;
  const split = emergencyNumbers(network.country);
  const number = network.emergencyNumber ?? split.main;
  return (
    <p class="emergency" id="emergency-now" data-emergency-for="field-urgency-critical">
      <strong>{t('ask.emergencyNow', { number })}</strong>
      {!network.emergencyNumber && split.police && split.ambulance && split.fire && (
        <>
          {' '}
          {t('ask.emergencyOthers', {
            police: split.police,
            ambulance: split.ambulance,
            fire: split.fire,
          })}
        </>
      )}
    </p>
  );
}

/**
 * The fields of a request, shared by the public form and the coordinator's phone form. Plain
 * words, one question at a time, large targets; the private fields say who will see them.
 */
export function RequestFields({
  ctx,
  network,
  areas,
  state,
  forSomeoneElse,
}: {
  ctx: PageCtx;
  network: Network;
  areas: Area[];
  state: FormState;
  forSomeoneElse: boolean;
}) {
  const { t } = ctx;
  const v = {
    urgency: 'normal',
    householdSize: '1',
    when: 'any',
    language: ctx.lang,
    ...state.values,
  };
  const e = state.errors;
  return (
    <>
      <ChoiceGroup
        ctx={ctx}
        name="category"
        legend={forSomeoneElse ? t('ask.whatTheyNeed') : t('ask.whatYouNeed')}
        type="radio"
        options={network.categories.map((c) => ({
          field: 'category',
          value: c,
          label: t(`category.${c}` as MessageKey),
        }))}
        values={v}
        errors={e}
      />
      <Field
        ctx={ctx}
        name="details"
        label={t('ask.details')}
        hint={t('ask.detailsHint')}
        multiline
        values={v}
        errors={e}
      />
      <ChoiceGroup
        ctx={ctx}
        name="urgency"
        legend={t('ask.urgency')}
        type="radio"
        options={URGENCIES.map((u) => ({
          field: 'urgency',
          value: u,
          label: t(`urgency.${u}`),
          after: u === 'critical' ? <EmergencyNote ctx={ctx} network={network} /> : undefined,
        }))}
        values={v}
        errors={e}
      />
      <Field
        ctx={ctx}
        name="householdSize"
        label={t('ask.household')}
        inputmode="numeric"
        values={v}
        errors={e}
      />
      <SelectField
        ctx={ctx}
        name="when"
        label={t('ask.when')}
        values={v}
        errors={e}
        options={WHEN.map((w) => ({ value: w, label: t(`when.${w}`) }))}
      />
      <SelectField
        ctx={ctx}
        name="areaId"
        label={t('ask.area')}
        values={v}
        errors={e}
        options={areaOptions(areas, t('ask.areaUnknown'))}
      />
      <Field
        ctx={ctx}
        name="address"
        label={t('ask.address')}
        hint={t('ask.privateHint')}
        autocomplete={forSomeoneElse ? 'off' : 'street-address'}
        values={v}
        errors={e}
      />
      <h2>{forSomeoneElse ? t('ask.reachThem') : t('ask.reachYou')}</h2>
      <Field
        ctx={ctx}
        name="name"
        label={t('ask.name')}
        autocomplete={forSomeoneElse ? 'off' : 'given-name'}
        values={v}
        errors={e}
      />
      <Field
        ctx={ctx}
        name="phone"
        label={t('field.phone')}
        hint={t('ask.phoneHint')}
        type="tel"
        inputmode="tel"
        autocomplete={forSomeoneElse ? 'off' : 'tel'}
        values={v}
        errors={e}
      />
      <Field
        ctx={ctx}
        name="email"
        label={forSomeoneElse ? t('field.emailOptional') : t('ask.email')}
        type="email"
        inputmode="email"
        autocomplete={forSomeoneElse ? 'off' : 'email'}
        values={v}
        errors={e}
      />
      <SelectField
        ctx={ctx}
        name="language"
        label={t('ask.language')}
        values={v}
        errors={e}
        options={[...new Set([...ASK_LANGUAGES, ...(v.language ? [v.language] : [])])].map(
          (code) => ({ value: code, label: languageLabel(code, ctx.lang) }),
        )}
      />
      <Field
        ctx={ctx}
        name="otherLanguage"
        label={t('ask.otherLanguageByName')}
        hint={t('ask.otherLanguageByNameHint')}
        values={v}
        errors={e}
      />
      <ChoiceGroup
        ctx={ctx}
        name="languageRequired"
        legend={t('ask.languageRequiredLegend')}
        type="checkbox"
        options={[{ field: 'languageRequired', value: 'yes', label: t('ask.languageRequired') }]}
        values={v}
        errors={e}
      />
      <Field
        ctx={ctx}
        name="accessibility"
        label={t('ask.accessibility')}
        hint={t('ask.accessibilityHint')}
        multiline
        values={v}
        errors={e}
      />
      {forSomeoneElse && (
        <ChoiceGroup
          ctx={ctx}
          name="needsCar"
          legend={t('ask.needsCarLegend')}
          type="checkbox"
          options={[{ field: 'needsCar', value: 'yes', label: t('ask.needsCar') }]}
          values={v}
          errors={e}
        />
      )}
      <ChoiceGroup
        ctx={ctx}
        name="consent"
        legend={t('ask.consentLegend')}
        hint={t('ask.consentHint', { days: network.retentionDays })}
        type="checkbox"
        options={[
          {
            field: 'consent',
            value: 'yes',
            label: forSomeoneElse ? t('ask.consentTheirs') : t('ask.consent'),
          },
        ]}
        values={v}
        errors={e}
      />
    </>
  );
}
