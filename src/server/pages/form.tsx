import type { ComponentChildren } from 'preact';
import type { FormValues } from '../http/forms.ts';
import { CsrfField, ErrorSummary } from './components.tsx';
import { FormFields, type FormState } from './form-state.ts';
import type { PageCtx } from './page-context.ts';

/**
 * Every form a page posts, written once: the mistakes of the last try on top (each linking to
 * its field), the CSRF field, then the fields. Pages pass the state handleForm gave them, so
 * a form that comes back shows what was typed and what was wrong in one round.
 */
export function Form({
  ctx,
  action,
  state,
  labels,
  children,
  id,
  class: className,
  enctype,
  values,
  validate,
  labelledBy,
}: {
  ctx: PageCtx;
  action: string;
  state?: FormState | undefined;
  /** What the fields show before the first try (what is saved now); what was typed wins. */
  values?: FormValues | undefined;
  /** Field labels, so the summary names the field of each mistake. */
  labels?: Record<string, string>;
  children: ComponentChildren;
  id?: string;
  class?: string;
  enctype?: 'multipart/form-data';
  /** Let the browser check `required` fields first (most forms leave it to the server). */
  validate?: boolean;
  labelledBy?: string;
}) {
  return (
    <>
      {state && (
        <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} message={state.message} />
      )}
      <form
        method="post"
        action={action}
        novalidate={!validate}
        id={id}
        class={className}
        enctype={enctype}
        aria-labelledby={labelledBy}
      >
        <CsrfField ctx={ctx} />
        <FormFields.Provider value={{ values: state?.values ?? values, errors: state?.errors }}>
          {children}
        </FormFields.Provider>
      </form>
    </>
  );
}

/**
 * One button that posts (revoke, remove, check in, sign up): a small form of its own, so it
 * works without JavaScript. Hidden fields go in `fields`. `look`: a quiet link in a table
 * row, the main button, or the secondary one beside it.
 */
export function PostButton({
  ctx,
  action,
  label,
  fields,
  look = 'button',
  inline = look === 'link',
  before,
}: {
  ctx: PageCtx;
  action: string;
  label: ComponentChildren;
  fields?: Record<string, string>;
  look?: 'button' | 'secondary' | 'link';
  inline?: boolean;
  /** Text before the button inside the form (a separator in a list). */
  before?: ComponentChildren;
}) {
  const buttonClass =
    look === 'link' ? 'link' : look === 'secondary' ? 'button secondary' : 'button';
  return (
    <form method="post" action={action} class={inline ? 'inline' : undefined}>
      {before}
      <CsrfField ctx={ctx} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={buttonClass}>
        {label}
      </button>
    </form>
  );
}
