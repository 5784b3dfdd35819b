import { render } from 'preact-render-to-string';
import type { MessageKey } from '../../i18n/i18n.ts';
import type { AppError } from '../../shared/app-error.ts';
import { ANONYMOUS } from '../core/actor.ts';
import type { ErrorPages } from '../http/error-handler.tsx';
import { ERRORS } from '../http/errors.ts';
import { Layout } from './layout.tsx';
import { type PageCtx, pageCtx, sendPage } from './page-context.ts';

/** An error as a page: its status as the title, the translated message, a way on. */
export function ErrorPage({ ctx, err }: { ctx: PageCtx; err: AppError }) {
  const { t } = ctx;
  const { status, message } = ERRORS[err.code];
  return (
    <Layout ctx={ctx} title={t(`status.${status}` as MessageKey)}>
      <h1>{t(`status.${status}` as MessageKey)}</h1>
      <p>{t(message, err.params)}</p>
      {status === 401 ? (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>{t('nav.signIn')}</a>
        </p>
      ) : (
        <p>
          {err.code === 'CSRF_FAILED' ? t('error.csrfHelp') : <a href="/">{t('error.home')}</a>}
        </p>
      )}
    </Layout>
  );
}

/** The page half of http/error-handler.tsx and http/early-errors.tsx, handed in by app.ts. */
export const errorPages: ErrorPages = {
  send: (req, reply, err, status) =>
    sendPage(reply, <ErrorPage ctx={pageCtx(req)} err={err} />, status),
  html: ({ t, lang }, err) =>
    `<!doctype html>${render(
      <ErrorPage ctx={{ t, lang, actor: ANONYMOUS, csrf: '', path: '/' }} err={err} />,
    )}`,
};
