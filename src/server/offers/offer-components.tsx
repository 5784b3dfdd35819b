import type { MessageKey, Translate } from '../../i18n/i18n.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import type { FormValues } from '../http/forms.ts';
import type { Area } from '../networks/network.repository.ts';
import { fieldMessage } from '../pages/components.tsx';
import { doneNotice } from '../pages/notices.ts';
import type { PageCtx } from '../pages/page-context.ts';

/** After an offers form, pages redirect with ?done=<what>; only these words become a message. */
const DONE: Record<string, MessageKey> = {
  profileSaved: 'volunteering.done.saved',
  breakStarted: 'volunteering.done.breakStarted',
  breakEnded: 'volunteering.done.breakEnded',
  offerAdded: 'offers.done.added',
  statusChanged: 'offers.done.statusChanged',
};

export function offersNotice(t: Translate, done: unknown): string | undefined {
  if (typeof done === 'string' && Object.hasOwn(DONE, done)) return t(DONE[done]!);
  return doneNotice(t, done);
}

/** "2.5 kg" in the reader's language ("2,5 kg" in Spanish). */
export function formatQuantity(ctx: PageCtx, quantity: number, unit: string): string {
  return `${new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 3 }).format(quantity)} ${unit}`;
}

export function formatNumber(ctx: PageCtx, n: number): string {
  return new Intl.NumberFormat(ctx.lang, { maximumFractionDigits: 2 }).format(n);
}

/** A calendar date (YYYY-MM-DD) in the reader's language. */
export function formatDate(ctx: PageCtx, isoDay: string): string {
  return new Intl.DateTimeFormat(ctx.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${isoDay}T00:00:00.000Z`),
  );
}

/** A language code's name in the reader's language ("ti" → "Tigrinya"), or the code itself. */
export function languageName(ctx: PageCtx, code: string): string {
  try {
    return (
      new Intl.DisplayNames([ctx.lang], { type: 'language', fallback: 'code' }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

/** "inglés" → "Inglés", for a name standing alone as a label. */
export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** The options of an area select: "none" first, then the network's areas by name. */
export function areaOptions(areas: Area[], noneLabel: string): { value: string; label: string }[] {
  return [{ value: '', label: noneLabel }, ...areas.map((a) => ({ value: a.id, label: a.name }))];
}

/**
 * A group of checkboxes or radios in a fieldset with its legend, the error named at the top
 * (the summary links to `#field-<name>`). Each box posts its own name, because the form
 * parser keeps one value per name.
 */
export function ChoiceGroup({
  ctx,
  name,
  legend,
  hint,
  type,
  options,
  values,
  errors,
}: {
  ctx: PageCtx;
  name: string;
  legend: string;
  hint?: string | undefined;
  type: 'checkbox' | 'radio';
  /** For checkboxes, `field` is the posted name of each box; for radios it is `name`. */
  options: { field: string; value: string; label: string }[];
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const id = `field-${name}`;
  const error = fieldMessage(ctx, errors, name);
  return (
    <fieldset
      id={id}
      class={error ? 'field has-error' : 'field'}
      aria-describedby={
        [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
        undefined
      }
    >
      <legend>{legend}</legend>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {options.map((o) => {
        const boxId = `${id}-${o.value}`;
        const checked =
          type === 'radio' ? values?.[name] === o.value : values?.[o.field] !== undefined;
        return (
          // The box inside its label: one line, and the whole text is a target to tap.
          <label key={o.value} for={boxId}>
            <input
              type={type}
              id={boxId}
              name={o.field}
              value={type === 'radio' ? o.value : '1'}
              checked={checked}
            />{' '}
            {o.label}
          </label>
        );
      })}
    </fieldset>
  );
}
