import type { FastifyInstance } from 'fastify';
import type { Deps } from '../core/deps.ts';
import type { NetworkScope } from '../core/scope.ts';
import { When } from '../pages/components.tsx';
import { PostButton } from '../pages/form.tsx';
import { Layout } from '../pages/layout.tsx';
import { doneNotice } from '../pages/notices.ts';
import { type PageCtx, pageCtx, sendPage } from '../pages/page-context.ts';
import { scopeNav, scopeOf } from '../pages/scope-page.ts';
import { Table } from '../pages/table.tsx';
import {
  networkMessages,
  retryFailedMessage,
  type UndeliveredMessage,
} from './outbox-admin.service.ts';

const STATUSES = ['sent', 'pending', 'sending', 'failed', 'cancelled'] as const;

function MessagesPage({
  ctx,
  scope,
  counts,
  undelivered,
  notice,
}: {
  ctx: PageCtx;
  scope: NetworkScope;
  counts: Record<string, number>;
  undelivered: UndeliveredMessage[];
  notice?: string | undefined;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('messages.title')} notice={notice}>
      <h1>{t('messages.title')}</h1>
      <p>{t('messages.intro')}</p>
      <dl class="counts">
        {STATUSES.map((s) => (
          <div key={s}>
            <dt>{t(`messages.status.${s}`)}</dt>
            <dd>{counts[s] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <h2 id="undelivered">{t('messages.undelivered')}</h2>
      {undelivered.length === 0 ? (
        <p>{t('messages.allDelivered')}</p>
      ) : (
        <Table
          headers={[
            t('messages.col.what'),
            t('messages.col.to'),
            t('messages.col.status'),
            t('messages.col.why'),
            t('messages.col.action'),
          ]}
          labelledBy="undelivered"
        >
          {undelivered.map((m) => (
            <tr key={m.id}>
              <td>
                {t(m.channel === 'email' ? 'messages.channel.email' : 'messages.channel.sms')}
                {' · '}
                {m.kind}
                <br />
                <When ctx={ctx} iso={m.createdAt} />
              </td>
              <td>{m.personName ?? t('messages.toRequester')}</td>
              <td>
                {t(`messages.status.${m.status as (typeof STATUSES)[number]}`)}
                {m.status === 'pending' && (
                  <>
                    <br />
                    {t('messages.nextTry')} <When ctx={ctx} iso={m.nextAttemptAt} />
                  </>
                )}
                <br />
                {t('messages.attempts', { count: m.attempts })}
              </td>
              <td>{m.lastError ?? ''}</td>
              <td>
                {m.status === 'failed' && (
                  <PostButton
                    ctx={ctx}
                    action={`/n/${scope.network.slug}/messages/${m.id}/retry`}
                    label={t('messages.retry')}
                  />
                )}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Layout>
  );
}

type Slug = { Params: { slug: string }; Querystring: { done?: string } };

export function registerOutboxPages(app: FastifyInstance, deps: Deps): void {
  app.get<Slug>('/n/:slug/messages', async (req, reply) => {
    const scope = await scopeOf(deps, req);
    const data = await networkMessages(deps, { scope });
    return sendPage(
      reply,
      <MessagesPage
        ctx={pageCtx(req, scopeNav(scope))}
        scope={scope}
        {...data}
        notice={doneNotice(req.ctx.t, req.query.done)}
      />,
    );
  });

  app.post<{ Params: { slug: string; id: string } }>(
    '/n/:slug/messages/:id/retry',
    async (req, reply) => {
      const scope = await scopeOf(deps, req);
      await retryFailedMessage(deps, { actor: req.ctx.actor, scope, messageId: req.params.id });
      return reply.redirect(`/n/${scope.network.slug}/messages?done=saved`, 303);
    },
  );
}
