import type { ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { autonym, languageName } from '../../domain/text/language-names.ts';
import { LANGUAGE_NAMES, LANGUAGES, type MessageKey } from '../../i18n/i18n.ts';
import type { FieldErrors } from '../../shared/app-error.ts';
import { dateFormat } from '../../shared/intl.ts';
import { maskToken } from '../../shared/secrets.ts';
import type { FormValues } from '../http/forms.ts';
import { FormFields } from './form-state.ts';
import type { PageCtx } from './page-context.ts';

export function CsrfField({ ctx }: { ctx: PageCtx }) {
  // Masked afresh for every form (BREACH, ADR 0016); the check unmasks it.
  return <input type="hidden" name="_csrf" value={maskToken(ctx.csrf)} />;
}

export function Notice({ children }: { children: ComponentChildren }) {
  return (
    <div class="notice" role="status">
      {children}
    </div>
  );
}

export function fieldMessage(
  ctx: PageCtx,
  errors: FieldErrors | undefined,
  name: string,
): string | null {
  const e = errors?.[name];
  return e ? ctx.t(e.key as MessageKey, e.params) : null;
}

/**
 * The summary at the top of a form that came back with mistakes: focusable, announced, and
 * each mistake links to its field (the pattern GOV.UK tested with screen-reader users).
 */
export function ErrorSummary({
  ctx,
  errors,
  labels,
  message,
}: {
  ctx: PageCtx;
  errors?: FieldErrors | undefined;
  labels?: Record<string, string>;
  message?: string | null | undefined;
}) {
  const names = Object.keys(errors ?? {});
  if (names.length === 0 && !message) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{ctx.t('form.errorTitle')}</h2>
      {message && <p>{message}</p>}
      {names.length > 0 && (
        <ul>
          {names.map((n) => (
            <li key={n}>
              <a href={`#field-${n}`}>
                {labels?.[n] ? `${labels[n]}: ` : ''}
                {fieldMessage(ctx, errors, n)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  ctx: PageCtx;
  name: string;
  label: string;
  values?: FormValues | undefined;
  errors?: FieldErrors | undefined;
  hint?: string | undefined;
  type?: string;
  autocomplete?: string;
  required?: boolean;
  inputmode?: 'text' | 'email' | 'tel' | 'numeric' | 'decimal';
  /** Passwords are never sent back into the page. */
  keepValue?: boolean;
  multiline?: boolean;
}

/** A field's values and mistakes: its own when given, else those of the Form around it. */
export function withForm<
  P extends { values?: FormValues | undefined; errors?: FieldErrors | undefined },
>(p: P): P {
  const form = useContext(FormFields);
  return { ...p, values: p.values ?? form.values, errors: p.errors ?? form.errors };
}

/** A labelled input with its hint and error tied to it (aria-describedby, aria-invalid). */
export function Field(props: FieldProps) {
  const p = withForm(props);
  const id = `field-${p.name}`;
  const error = fieldMessage(p.ctx, p.errors, p.name);
  const describedBy =
    [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const value = p.keepValue === false ? undefined : (p.values?.[p.name] ?? undefined);
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {p.multiline ? (
        <textarea
          id={id}
          name={p.name}
          rows={4}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        >
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={p.name}
          type={p.type ?? 'text'}
          value={value}
          autocomplete={p.autocomplete}
          inputmode={p.inputmode}
          required={p.required}
          aria-describedby={describedBy}
          aria-invalid={error ? 'true' : undefined}
        />
      )}
    </div>
  );
}

export function SelectField(
  p: Omit<FieldProps, 'type' | 'multiline' | 'inputmode'> & {
    options: { value: string; label: string }[];
  },
) {
  const { values, errors } = withForm(p);
  const id = `field-${p.name}`;
  const error = fieldMessage(p.ctx, errors, p.name);
  const selected = values?.[p.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint && (
        <p class="hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
      <select
        id={id}
        name={p.name}
        aria-describedby={
          [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') ||
          undefined
        }
        aria-invalid={error ? 'true' : undefined}
      >
        {p.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === selected}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Submit({ children }: { children: ComponentChildren }) {
  return (
    <button type="submit" class="button">
      {children}
    </button>
  );
}

/**
 * A short date and time in the reader's language, in the network's time zone on its pages
 * (UTC elsewhere), with the zone named so nobody has to guess.
 */
export function When({ ctx, iso }: { ctx: PageCtx; iso: string | null }) {
  if (!iso) return <span>—</span>;
  const timeZone = ctx.network?.timeZone ?? 'UTC';
  let text: string;
  try {
    text = dateFormat(ctx.lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(new Date(iso));
  } catch {
    text = dateFormat(ctx.lang, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(new Date(iso));
    return <time dateTime={iso}>{text} UTC</time>;
  }
  return (
    <time dateTime={iso}>
      {text} {timeZone === 'UTC' ? 'UTC' : zoneAbbreviation(ctx.lang, timeZone, iso)}
    </time>
  );
}

/** "PST", "CET", or "GMT-5" where the language has no short name for the zone. */
function zoneAbbreviation(lang: string, timeZone: string, iso: string): string {
  const part = dateFormat(lang, { timeZone, timeZoneName: 'short' })
    .formatToParts(new Date(iso))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** The languages Mutua speaks, each named in itself, for a language select. */
/**
 * The languages Mutua speaks, named in the reader's language, with the name in itself when it
 * differs ("Spanish (español)"), so a speaker who cannot read the page still finds theirs.
 * Without a reader language, by their own names (as before).
 */
export function languageOptions(readerLang?: string): { value: string; label: string }[] {
  return LANGUAGES.map((l) => {
    if (!readerLang) return { value: l, label: LANGUAGE_NAMES[l] };
    const name = languageName(l, readerLang);
    const own = autonym(l);
    return {
      value: l,
      label: name.toLowerCase() === own.toLowerCase() ? name : `${name} (${own})`,
    };
  });
}

/** Previous / "Page 2 of 5" / next, for any long list; nothing when it fits on one page. */
export function Pager({
  ctx,
  page,
  pages,
  href,
}: {
  ctx: PageCtx;
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  const { t } = ctx;
  if (pages <= 1) return null;
  return (
    <nav aria-label={t('people.pages')}>
      <ul>
        {page > 1 && (
          <li>
            <a href={href(page - 1)}>{t('people.previous')}</a>
          </li>
        )}
        <li>{t('people.pageOf', { page, pages })}</li>
        {page < pages && (
          <li>
            <a href={href(page + 1)}>{t('people.next')}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}
