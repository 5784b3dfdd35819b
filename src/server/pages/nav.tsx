import { atLeast, type Role } from '../../domain/access/roles.ts';
import type { MessageKey } from '../../i18n/en.ts';
import type { PageCtx } from './page-context.ts';

/**
 * The network's navigation as data: groups of links, each with the least role that sees it.
 * A feature's link drops into its group with one line. Everyone can both ask and offer;
 * duties add links, they never take these away.
 */
interface NavLink {
  /** After /n/<slug>; '' is the network's start page. */
  path: string;
  label: MessageKey;
  least: Role;
  /** Shown only below this role (those at or above reach it from another page). */
  below?: Role;
}
interface NavGroup {
  label: MessageKey;
  links: NavLink[];
}

export const NAV_GROUPS: readonly NavGroup[] = [
  {
    label: 'nav.group.work',
    links: [
      { path: '', label: 'nav.overview', least: 'neighbour' },
      { path: '/ask', label: 'nav.ask', least: 'neighbour' },
      { path: '/tasks', label: 'nav.tasks', least: 'volunteer' },
      { path: '/requests', label: 'nav.requests', least: 'coordinator' },
      { path: '/people', label: 'nav.people', least: 'coordinator' },
      { path: '/messages', label: 'nav.messages', least: 'coordinator' },
      { path: '/print', label: 'nav.print', least: 'coordinator' },
    ],
  },
  {
    label: 'nav.group.goods',
    links: [
      { path: '/goods', label: 'nav.goods', least: 'volunteer' },
      // Everyone sees where the goods went (aggregated); volunteers reach it from Goods.
      { path: '/goods/report', label: 'nav.goodsReport', least: 'neighbour', below: 'volunteer' },
    ],
  },
  {
    label: 'nav.group.volunteering',
    links: [
      { path: '/calendar', label: 'nav.calendar', least: 'neighbour' },
      { path: '/volunteering', label: 'nav.volunteering', least: 'neighbour' },
      { path: '/shifts', label: 'nav.shifts', least: 'volunteer' },
      { path: '/volunteers', label: 'nav.volunteers', least: 'coordinator' },
      { path: '/trainings', label: 'nav.trainings', least: 'coordinator' },
      { path: '/wellbeing', label: 'nav.wellbeing', least: 'coordinator' },
    ],
  },
  {
    label: 'nav.group.community',
    links: [
      { path: '/offers', label: 'nav.offers', least: 'neighbour' },
      { path: '/announcements', label: 'nav.announcements', least: 'neighbour' },
      { path: '/surveys', label: 'nav.surveys', least: 'neighbour' },
      { path: '/invitations', label: 'nav.invitations', least: 'coordinator' },
    ],
  },
  {
    label: 'nav.group.admin',
    links: [
      // Coordinators change one setting there (requests per address); admins all of them.
      { path: '/settings', label: 'nav.settings', least: 'coordinator' },
      { path: '/audit', label: 'nav.audit', least: 'admin' },
    ],
  },
];

/** The groups and links a role sees, with full addresses (for the nav and its tests). */
export function navFor(
  slug: string,
  role: Role,
): { label: MessageKey; links: { href: string; label: MessageKey }[] }[] {
  const base = `/n/${slug}`;
  return NAV_GROUPS.map((g) => ({
    label: g.label,
    links: g.links
      .filter((l) => atLeast(role, l.least) && !(l.below && atLeast(role, l.below)))
      .map((l) => ({ href: `${base}${l.path}`, label: l.label })),
  })).filter((g) => g.links.length > 0);
}

/**
 * On a phone the groups sit in one closed "Menu" (details/summary, no script) so the page's
 * title is on the first screen; from 48em the same groups show as a compact bar. A closed
 * details cannot be opened by a stylesheet in every browser, so the bar is a second copy of
 * the links; app.css shows exactly one (display: none also hides the other from screen readers).
 */
export function NetworkNav({ ctx }: { ctx: PageCtx }) {
  const n = ctx.network;
  if (!n?.role) return null;
  const { t } = ctx;
  const here = ctx.path.split('?')[0];
  const groups = navFor(n.slug, n.role);
  const lists = groups.map((g) => (
    <div class="nav-group" key={g.label}>
      <p class="nav-group-title" aria-hidden="true">
        {t(g.label)}
      </p>
      <ul aria-label={t(g.label)}>
        {g.links.map((l) => (
          <li key={l.href}>
            <a href={l.href} aria-current={here === l.href ? 'page' : undefined}>
              {t(l.label)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  ));
  return (
    <nav class="network-nav" aria-label={t('nav.networkLabel', { network: n.name })}>
      <details class="menu">
        <summary>{t('nav.menu')}</summary>
        <div class="nav-groups">{lists}</div>
      </details>
      <div class="nav-groups nav-bar">{lists}</div>
    </nav>
  );
}
