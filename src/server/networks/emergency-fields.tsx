/** The network's country and emergency number, in its settings form (issue 12). */
import {
  defaultEmergencyNumber,
  knownEmergencyCountries,
} from '../../domain/networks/emergency-numbers.ts';
import { safeLocale } from '../../domain/text/locale.ts';
import type { Network } from '../core/network.ts';
import { Field, SelectField } from '../pages/components.tsx';
import type { FormState } from '../pages/form-state.ts';
import type { PageCtx } from '../pages/page-context.ts';

const regionNames = new Map<string, Intl.DisplayNames>();

/** A country's name in the reader's language ("ES" → "Spain", "España"), else its code. */
export function countryName(code: string, readerLang: string): string {
  const locale = safeLocale(readerLang);
  let names = regionNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    regionNames.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** The countries the emergency table knows, by name in the reader's language and its order. */
export function countryOptions(readerLang: string): { value: string; label: string }[] {
  const collator = new Intl.Collator(safeLocale(readerLang), { sensitivity: 'base' });
  return knownEmergencyCountries()
    .map((c) => ({ value: c, label: countryName(c, readerLang) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export function EmergencyFields({
  ctx,
  network,
  values,
  state,
}: {
  ctx: PageCtx;
  network: Network;
  values: Record<string, string>;
  state: FormState;
}) {
  const { t } = ctx;
  return (
    <>
      <SelectField
        ctx={ctx}
        name="country"
        label={t('field.country')}
        hint={t('field.countryHint')}
        values={values}
        errors={state.errors}
        options={[{ value: '', label: t('field.countryNone') }, ...countryOptions(ctx.lang)]}
      />
      <Field
        ctx={ctx}
        name="emergencyNumber"
        label={t('field.emergencyNumber')}
        hint={t('field.emergencyNumberHint', { number: defaultEmergencyNumber(network.country) })}
        inputmode="numeric"
        values={values}
        errors={state.errors}
      />
    </>
  );
}
