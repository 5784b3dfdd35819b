import { type ComponentChildren, Fragment } from 'preact';
import type { FieldErrors } from '../../shared/app-error.ts';
import type { Area } from '../core/area.ts';
import type { FormValues } from '../http/forms.ts';
import { fieldMessage, withForm } from './components.tsx';
import type { PageCtx } from './page-context.ts';

// Choices shared by every feature's forms: groups of boxes, areas, languages by name.

const displayNames = new Map<string, Intl.DisplayNames>();

/** A language code's name in the reader's language ("ti" → "Tigrinya"), or the code itself. */
export function languageName(ctx: PageCtx, code: string): string {
  try {
    let names = displayNames.get(ctx.lang);
    if (!names) {
      // Building one costs about half a millisecond: once per language, not once per call.
      names = new Intl.DisplayNames([ctx.lang], { type: 'language', fallback: 'code' });
      displayNames.set(ctx.lang, names);
    }
    return names.of(code) ?? code;
  } catch {
    return code;
  }
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
export function ChoiceGroup(props: {
  ctx: PageCtx;
  name: string;
  legend: string;
  hint?: string | undefined;
  type: 'checkbox' | 'radio';
  /** For checkboxes, `field` is the posted name of each box; for radios it is `name`. */
  options: { field: string; value: string; label: string; after?: ComponentChildren }[];
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
}) {
  const { ctx, name, legend, hint, type, options, values, errors } = withForm(props);
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
          <Fragment key={o.value}>
            <label for={boxId}>
              <input
                type={type}
                id={boxId}
                name={o.field}
                value={type === 'radio' ? o.value : '1'}
                checked={checked}
              />{' '}
              {o.label}
            </label>
            {o.after}
          </Fragment>
        );
      })}
    </fieldset>
  );
}
