import type { FastifyInstance } from 'fastify';
import type { PublicCount } from '../../domain/announcements/small-counts.ts';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { When } from '../pages/components.tsx';
import { Layout } from '../pages/layout.tsx';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import { Paragraphs } from './announcement.pages.tsx';
import { type Board, communityBoard } from './board.service.ts';

function CountCell({ ctx, count }: { ctx: PageCtx; count: PublicCount }) {
  return <td>{count.kind === 'count' ? count.n : ctx.t('board.fewerThan3')}</td>;
}

function BoardPage({ ctx, scope, board }: { ctx: PageCtx; scope: NetworkScope; board: Board }) {
  const { t } = ctx;
  const n = scope.network;
  return (
    <Layout ctx={ctx} title={t('board.title')}>
      <h1>{t('board.titleOf', { network: n.name })}</h1>
      <p>{t('board.intro')}</p>
      <p>
        <a class="button" href={`/n/${n.slug}/ask`}>
          {t('nav.ask')}
        </a>
      </p>

      <h2>{t('board.announcements')}</h2>
      {board.announcements.length === 0 ? (
        <p>{t('board.noAnnouncements')}</p>
      ) : (
        board.announcements.map((a) => (
          <article key={a.id} lang={a.language} class="card">
            <h3>{a.title}</h3>
            <p class="muted">
              <When ctx={ctx} iso={a.createdAt} />
            </p>
            <Paragraphs text={a.body} />
          </article>
        ))
      )}

      <h2>{t('board.events')}</h2>
      {board.events.length === 0 ? (
        <p>{t('board.noEvents')}</p>
      ) : (
        <ul>
          {board.events.map((e) => (
            <li key={e.id}>
              {e.title} · <When ctx={ctx} iso={e.startsAt} />
              {e.place && ` · ${e.place}`}
            </li>
          ))}
        </ul>
      )}

      {board.milestones.length > 0 && (
        <>
          <h2>{t('board.milestones')}</h2>
          <ul>
            {board.milestones.map((m) => (
              <li key={m.name}>
                {t('board.milestoneOf', {
                  name: m.name,
                  milestones: m.milestones.map((x) => t(`board.milestone.${x}`)).join(', '),
                })}
              </li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('board.needs')}</h2>
      <p>{t('board.needsPrivacy')}</p>
      <Table headers={[t('board.category'), t('board.open')]} caption={t('board.byCategory')}>
        {board.byCategory.map((c) => (
          <tr key={c.category}>
            <th scope="row">{t(`category.${c.category}` as never)}</th>
            <CountCell ctx={ctx} count={c.count} />
          </tr>
        ))}
      </Table>
      <Table headers={[t('board.area'), t('board.open')]} caption={t('board.byArea')}>
        {board.byArea.map((a) => (
          <tr key={a.area ?? ''}>
            <th scope="row">{a.area ?? t('board.noArea')}</th>
            <CountCell ctx={ctx} count={a.count} />
          </tr>
        ))}
      </Table>
    </Layout>
  );
}

/** The public community board: anyone may read it, signed in or not; no JavaScript. */
export function registerBoardPages(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { slug: string } }>('/n/:slug/board', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const board = await communityBoard(deps, scope.network);
    return sendPage(
      reply,
      <BoardPage ctx={pageCtx(req, scopeNav(scope))} scope={scope} board={board} />,
    );
  });
}
