import type { ComponentChildren } from 'preact';
import { atLeast } from '../../domain/access/roles.ts';
import { direction, LANGUAGE_NAMES, LANGUAGES } from '../../i18n/i18n.ts';
import { CsrfField, Notice } from './components.tsx';
import type { PageCtx } from './page-context.ts';
import { stylesheetHref } from './static-assets.ts';

interface LayoutProps {
  ctx: PageCtx;
  title: string;
  children: ComponentChildren;
  /** A message shown above the content after a redirect ("Saved."). */
  notice?: string | undefined;
}

function NetworkNav({ ctx }: { ctx: PageCtx }) {
  const n = ctx.network;
  if (!n?.role) return null;
  const { t } = ctx;
  const base = `/n/${n.slug}`;
  // Everyone can both ask and offer; duties add links, they never take these away.
  const links: [string, string][] = [
    [base, t('nav.overview')],
    [`${base}/ask`, t('nav.ask')],
    [`${base}/calendar`, t('nav.calendar')],
    [`${base}/volunteering`, t('nav.volunteering')],
    [`${base}/offers`, t('nav.offers')],
    [`${base}/announcements`, t('nav.announcements')],
    [`${base}/surveys`, t('nav.surveys')],
  ];
  if (atLeast(n.role, 'volunteer'))
    links.push(
      [`${base}/tasks`, t('nav.tasks')],
      [`${base}/shifts`, t('nav.shifts')],
      [`${base}/goods`, t('nav.goods')],
    );
  // Everyone sees where the goods went (aggregated); volunteers reach it from Goods.
  else links.push([`${base}/goods/report`, t('nav.goodsReport')]);
  if (atLeast(n.role, 'coordinator')) {
    links.push(
      [`${base}/requests`, t('nav.requests')],
      [`${base}/people`, t('nav.people')],
      [`${base}/volunteers`, t('nav.volunteers')],
      [`${base}/trainings`, t('nav.trainings')],
      [`${base}/wellbeing`, t('nav.wellbeing')],
      [`${base}/invitations`, t('nav.invitations')],
      [`${base}/print`, t('nav.print')],
      [`${base}/messages`, t('nav.messages')],
      // Coordinators change one setting there (requests per address); admins all of them.
      [`${base}/settings`, t('nav.settings')],
    );
  }
  if (atLeast(n.role, 'admin')) {
    links.push([`${base}/audit`, t('nav.audit')]);
  }
  return (
    <nav class="network-nav" aria-label={t('nav.networkLabel', { network: n.name })}>
      <ul>
        {links.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={ctx.path.split('?')[0] === href ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function LanguageSwitcher({ ctx }: { ctx: PageCtx }) {
  return (
    <nav class="languages" aria-label={ctx.t('nav.language')}>
      <ul>
        {LANGUAGES.map((l) =>
          l === ctx.lang ? (
            <li key={l}>
              <span aria-current="true" lang={l}>
                {LANGUAGE_NAMES[l]}
              </span>
            </li>
          ) : (
            <li key={l}>
              <a
                href={`/language?to=${l}&next=${encodeURIComponent(ctx.path)}`}
                lang={l}
                hreflang={l}
              >
                {LANGUAGE_NAMES[l]}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}

/** The shell of every page: skip link, header with role-fitting navigation, main, footer. */
export function Layout({ ctx, title, children, notice }: LayoutProps) {
  const { t, actor } = ctx;
  const signedIn = actor.kind === 'person';
  return (
    <html lang={ctx.lang} dir={direction(ctx.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${ctx.network?.name ?? 'Mutua'}`}</title>
        <link rel="stylesheet" href={stylesheetHref()} />
      </head>
      <body>
        <a class="skip" href="#main">
          {t('nav.skip')}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/">
              Mutua
            </a>
            <nav aria-label={t('nav.main')}>
              <ul>
                {signedIn ? (
                  <>
                    <li>
                      <a href="/">{t('nav.myNetworks')}</a>
                    </li>
                    <li>
                      <a href="/notifications">{t('nav.notifications')}</a>
                    </li>
                    <li>
                      <a href="/account">{t('nav.account')}</a>
                    </li>
                    {actor.isOperator && (
                      <li>
                        <a href="/networks/new">{t('nav.newNetwork')}</a>
                      </li>
                    )}
                    <li>
                      <form method="post" action="/sign-out" class="inline">
                        <CsrfField ctx={ctx} />
                        <button type="submit" class="link">
                          {t('nav.signOut')}
                        </button>
                      </form>
                    </li>
                  </>
                ) : (
                  <li>
                    <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>{t('nav.signIn')}</a>
                  </li>
                )}
              </ul>
            </nav>
          </div>
          {ctx.network && (
            <div class="network-bar">
              <a class="network-name" href={`/n/${ctx.network.slug}`}>
                {ctx.network.name}
              </a>
              <NetworkNav ctx={ctx} />
            </div>
          )}
        </header>
        <main id="main">
          {notice && <Notice>{notice}</Notice>}
          {children}
        </main>
        <footer class="site-footer">
          <LanguageSwitcher ctx={ctx} />
          <p>
            <a href="/api/docs">{t('nav.apiDocs')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
