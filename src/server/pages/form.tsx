import type { ComponentChildren } from 'preact';
import { CsrfField, ErrorSummary } from './components.tsx';
import type { FormState } from './form-state.ts';
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
}: {
  ctx: PageCtx;
  action: string;
  state?: FormState | undefined;
  /** Field labels, so the summary names the field of each mistake. */
  labels?: Record<string, string>;
  children: ComponentChildren;
  id?: string;
  class?: string;
  enctype?: 'multipart/form-data';
}) {
  return (
    <>
      {state && (
        <ErrorSummary ctx={ctx} errors={state.errors} labels={labels} message={state.message} />
      )}
      <form method="post" action={action} novalidate id={id} class={className} enctype={enctype}>
        <CsrfField ctx={ctx} />
        {children}
      </form>
    </>
  );
}

/**
 * One button that posts (revoke, remove, check in): a small form of its own, so it works
 * without JavaScript. Hidden fields go in `fields`.
 */
export function PostButton({
  ctx,
  action,
  label,
  fields,
  look = 'button',
}: {
  ctx: PageCtx;
  action: string;
  label: string;
  fields?: Record<string, string>;
  look?: 'button' | 'link';
}) {
  return (
    <form method="post" action={action} class="inline">
      <CsrfField ctx={ctx} />
      {Object.entries(fields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class={look === 'link' ? 'link' : undefined}>
        {label}
      </button>
    </form>
  );
}
